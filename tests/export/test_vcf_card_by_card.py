"""A .vcf file is read card by card: one broken card (or line, or byte) costs only itself."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db.models import Person
from db.store import import_documents
from importers.vcf import read_vcf


def _names(path: Path) -> list[str]:
    return [p.name for p in read_vcf(path).people]


def test_a_broken_photo_does_not_lose_the_other_six_cards(fixtures: Path) -> None:
    # PHOTO and LOGO are never read: a value that is not base64 costs nothing.
    assert _names(fixtures / "vcf" / "seven_cards_broken_photo.vcf") == [
        "Amara Okafor",
        "Bruno Castelli",
        "Chen Wei",
        "Dagny Holm",
        "Emeka Eze",
        "Fatima Zahra",
        "Gustavo Lima",
    ]
    holm = read_vcf(fixtures / "vcf" / "seven_cards_broken_photo.vcf").people[3]
    assert holm.title == "Harbour Master"  # the line after the broken folded photo is read


def test_a_stray_byte_spoils_only_its_own_line(fixtures: Path) -> None:
    extraction = read_vcf(fixtures / "vcf" / "stray_byte.vcf")
    assert [p.name for p in extraction.people] == ["Zoë Ångström", "Søren Ødegård", "Łukasz Żółw"]
    assert extraction.people[1].notes == "café au lait"


def test_utf16_address_book_is_read(fixtures: Path) -> None:
    extraction = read_vcf(fixtures / "vcf" / "utf16_bom.vcf")
    assert [p.name for p in extraction.people] == ["Zoë Ångström", "Ñandú Pérez"]
    assert extraction.people[0].emails == ("zoe@example.se",)


def test_base64_names_are_decoded_and_a_broken_one_falls_back_to_n(fixtures: Path) -> None:
    extraction = read_vcf(fixtures / "vcf" / "base64_names.vcf")
    assert [p.name for p in extraction.people] == ["Ines Moura", "Jane Roe"]
    assert extraction.warnings == ("line 10: card without a name skipped",)


def test_broken_cards_are_skipped_with_line_and_reason(fixtures: Path) -> None:
    extraction = read_vcf(fixtures / "vcf" / "broken_cards.vcf")
    assert [p.name for p in extraction.people] == ["Anna Berg", "Carl Dahl"]
    assert extraction.people[1].emails == ("carl@example.dk",)
    assert extraction.warnings == (
        "line 6: card skipped (a base64 value that does not decode)",
        "line 15: unreadable line skipped",
        "line 18: card without END:VCARD skipped (truncated file?)",
    )


def test_import_stores_the_good_cards_and_reports_the_broken_ones(
    sessions: sessionmaker[Session], fixtures: Path
) -> None:
    summary = import_documents(sessions, [fixtures / "vcf" / "broken_cards.vcf"])
    (result,) = summary.results
    assert result.status == "new" and result.people == 2
    assert result.warnings == read_vcf(fixtures / "vcf" / "broken_cards.vcf").warnings
    with sessions() as s:
        assert sorted(s.scalars(select(Person.full_name))) == ["Anna Berg", "Carl Dahl"]
