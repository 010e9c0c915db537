"""Reading .vcf files: other programs' address books, our own exports, broken files."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_rows import load_people
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.export.vcf import render_vcf
from importers.errors import ReadError
from importers.pipeline import load
from importers.vcf import read_vcf


def test_address_book_from_another_program(fixtures: Path) -> None:
    extraction = read_vcf(fixtures / "vcf" / "address_book_30.vcf")
    assert extraction.document.format == "vcf"
    assert "BEGIN:VCARD" in extraction.document.text
    karin, soren = extraction.people  # the card with no name is skipped
    assert extraction.warnings
    assert (karin.name, karin.honorific, karin.title) == (
        "Karin Maria Lindqvist",
        "Prof.",
        "Senior Researcher",
    )
    assert karin.organisation == "Nordic Water Institute, Research Department"
    assert karin.phones == ("+46812345678",)
    assert karin.mobiles == ("+46701234567",)
    assert karin.faxes == ("+46812345679",)
    assert karin.emails == ("karin.lindqvist@example.se",)
    assert karin.urls == ("https://water.example.se/people/kl",)
    assert karin.notes == "Met at the spring summit, room 3\nFollow up in May"
    assert karin.uid == "9F1C2B3A-0000-4C4B-8E8E-1234567890AB"  # as written
    assert (soren.name, soren.phones, soren.uid) == ("Søren Ødegård", ("+4533123456",), None)


def test_vcard_40_tel_uris(fixtures: Path) -> None:
    (aiko,) = read_vcf(fixtures / "vcf" / "contact_40.vcf").people
    assert aiko.phones == ("+81312345678",)
    assert aiko.faxes == ("+81312345679",)
    assert aiko.uid == "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1"


def test_vcard_21_bare_type_parameters(fixtures: Path) -> None:
    (jana,) = read_vcf(fixtures / "vcf" / "legacy_21.vcf").people
    assert (jana.name, jana.phones, jana.mobiles, jana.emails) == (
        "Jana Novak",
        ("+38612345678",),
        ("+38641123456",),
        ("jana.novak@example.si",),
    )


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.vcf", "the file is empty"),
        ("binary.vcf", "binary file"),
        ("truncated.vcf", "truncated"),
        ("not_a_vcard.vcf", "not a vCard file"),
        ("no_name.vcf", "no vCard with a name"),
    ],
)
def test_broken_files_raise_read_error_with_a_one_line_reason(
    fixtures: Path, name: str, reason: str
) -> None:
    with pytest.raises(ReadError) as caught:
        load(fixtures / "vcf" / name)
    assert reason in caught.value.reason
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_our_export_reads_back_with_the_same_fields(
    sample: sessionmaker[Session], tmp_path: Path, version: str
) -> None:
    path = tmp_path / "out.vcf"
    with sample() as s:
        people = load_people(s)
        path.write_bytes(render_vcf(people, version=version).encode())
        expected = {
            p.full_name: (
                f"urn:uuid:{p.uuid}",
                p.honorific,
                p.job_title,
                p.organisation.name if p.organisation else None,
                tuple(c.value for c in p.contacts if c.kind == "phone"),
                tuple(c.value for c in p.contacts if c.kind == "mobile"),
                tuple(c.value for c in p.contacts if c.kind == "fax"),
                tuple(c.value for c in p.contacts if c.kind == "email"),
                p.notes,
            )
            for p in people
            if p.status != "rejected"
        }
    records = read_vcf(path).people
    got = {
        r.name: (
            r.uid,
            r.honorific,
            r.title,
            r.organisation,
            r.phones,
            r.mobiles,
            r.faxes,
            r.emails,
            r.notes,
        )
        for r in records
    }
    assert got == expected
