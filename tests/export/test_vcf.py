"""The .vcf writer, checked by parsing its output with vobject."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
import vobject
from export_rows import load_people
from sqlalchemy.orm import Session, sessionmaker

from db.models import ContactPoint, Organisation, Person
from desktop_app.export.vcf import name_parts, render_vcf, vcard


def _cards(sessions: sessionmaker[Session], version: str = "3.0") -> dict[str, object]:
    with sessions() as s:
        text = render_vcf(load_people(s), version=version)
    return {c.fn.value: c for c in vobject.readComponents(text)}, text


def _tels(card) -> list[tuple[str, str]]:  # noqa: ANN001
    return [
        (
            t.value,
            ",".join(sorted(x.upper() for v in t.params.get("TYPE", []) for x in v.split(","))),
        )
        for t in card.contents.get("tel", [])
    ]


def test_vcard_30_fields_parse_back_equal(sample: sessionmaker[Session]) -> None:
    cards, text = _cards(sample)
    assert "Wrong Person" not in cards  # rejected
    card = cards["Zdeněk Čížek"]
    assert card.version.value == "3.0"
    assert (card.n.value.family, card.n.value.given) == ("Čížek", "Zdeněk")
    assert card.org.value == ["Ústav pro zkoušky, a.s."]
    assert card.title.value == "Head of Unit"
    assert sorted(_tels(card)) == [
        ("+420234567890", "VOICE,WORK"),
        ("+420234567891", "FAX,WORK"),
        ("+420601234567", "CELL,VOICE,WORK"),
    ]
    email = card.email
    assert email.value == "zdenek.cizek@example.org"
    assert sorted(email.params["TYPE"]) == ["INTERNET", "WORK"]
    assert card.uid.value.startswith("urn:uuid:")
    assert "Moderator: Water Summit — Opening session (1988-06-15)" in card.note.value
    assert "Programme (programme.txt)" in card.note.value
    assert card.categories.value == ["moderator"]
    assert card.rev.value.endswith("Z")
    assert "Zdeněk Čížek".encode() in text.encode("utf-8")  # UTF-8, no encoding tricks


def test_honorific_goes_to_the_name_prefix(sample: sessionmaker[Session]) -> None:
    cards, _ = _cards(sample)
    n = cards["Maria de la Cruz"].n.value
    assert (n.prefix, n.given, n.family) == ("Dr.", "Maria", "de la Cruz")


def test_vcard_40_uses_tel_uris_and_lower_case_types(sample: sessionmaker[Session]) -> None:
    cards, text = _cards(sample, "4.0")
    card = cards["Zdeněk Čížek"]
    assert card.version.value == "4.0"
    assert "TEL;VALUE=uri;TYPE=work,voice:tel:+420234567890\r\n" in text
    assert "TEL;VALUE=uri;TYPE=work,fax:tel:+420234567891\r\n" in text
    assert "EMAIL;TYPE=work:zdenek.cizek@example.org\r\n" in text
    assert "KIND:individual\r\n" in text
    assert sorted(t.value for t in card.tel_list) == [
        "tel:+420234567890",
        "tel:+420234567891",
        "tel:+420601234567",
    ]


def test_uid_is_stable_across_exports(sample: sessionmaker[Session]) -> None:
    first, _ = _cards(sample)
    second, _ = _cards(sample)
    assert {k: c.uid.value for k, c in first.items()} == {k: c.uid.value for k, c in second.items()}


def _person(**fields: object) -> Person:
    person = Person(
        uuid=str(uuid.UUID(int=7)),
        status="accepted",
        updated_at=dt.datetime(2024, 5, 6, 7, 8, 9),
        **fields,
    )
    return person


def test_names_are_split_with_nameparser_when_given_and_family_are_empty() -> None:
    person = _person(full_name="Prof. Jan van der Berg Jr.")
    assert name_parts(person) == ("van der Berg", "Jan", "", "Prof.", "Jr.")


def test_phone_numbers_are_written_in_e164() -> None:
    person = _person(full_name="A B")
    person.contacts = [ContactPoint(kind="phone", value="+44 20 7946 0000")]
    card = vobject.readOne(vcard(person))
    assert card.tel.value == "+442079460000"


def test_unknown_version_is_refused() -> None:
    with pytest.raises(ValueError):
        vcard(_person(full_name="A B"), "2.1")


def test_long_values_fold_at_75_octets_without_splitting_characters() -> None:
    person = _person(full_name="Žofie Nováková", job_title="Ředitelka odboru " * 20)
    person.organisation = Organisation(name="Ústav; s čárkou, a zpětným \\ lomítkem")
    text = vcard(person, "4.0")
    for physical in text.encode("utf-8").split(b"\r\n"):
        assert len(physical) <= 75
        physical.decode("utf-8")
    card = vobject.readOne(text)
    assert card.title.value == "Ředitelka odboru " * 20
    assert card.org.value == ["Ústav; s čárkou, a zpětným \\ lomítkem"]
