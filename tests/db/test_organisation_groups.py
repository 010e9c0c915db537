"""Issue 14: offices of one organisation ("X HQ", "X London", the full name of X) were
separate groups in the address book."""

from __future__ import annotations

from pathlib import Path

import pytest
from db_helpers import extraction, store
from sqlalchemy import create_engine, insert, select
from sqlalchemy.orm import Session, sessionmaker

from db import queries
from db.engine import open_database, upgrade_database
from db.models import Organisation, Person
from db.organisation_groups import group_key, group_labels, office_stem
from importers.records import PersonRecord


@pytest.mark.parametrize(
    ("name", "acronym", "key"),
    [
        ("IOM HQ", None, "iom"),
        ("IOM London", None, "iom"),
        ("International Organization for Migration", "IOM", "iom"),
        ("IOM’s Regional Office for the European Economic Area, the EU and NATO", None, "iom"),
        ("UNHCR (Geneva)", None, "unhcr"),
        ("World Bank, Washington", None, "world bank"),
        ("European Commission - Brussels Office", None, "european commission"),
        ("Council of Europe Office in Brussels", None, "council of europe"),
        ("Migration Policy Institute Europe", None, "migration policy institute"),
        # A place that belongs to the name stays.
        ("Council of Europe", None, "council of europe"),
        ("University of Geneva", None, "university of geneva"),
        ("Geneva Centre for Security Policy", None, "geneva centre for security policy"),
        ("Women’s Refugee Commission", None, "women s refugee commission"),
        ("UN Women", None, "un women"),
    ],
)
def test_group_keys(name: str, acronym: str | None, key: str) -> None:
    assert group_key(name, acronym) == key


def test_office_stem_keeps_what_is_written() -> None:
    assert office_stem("BBI London") == "BBI"
    assert office_stem("Blue Basin Institute") == "Blue Basin Institute"


def test_issue_14_offices_are_listed_together(sessions: sessionmaker[Session]) -> None:
    people = (
        PersonRecord(name="Ana Reis", organisation="Blue Basin Institute (BBI)"),
        PersonRecord(name="Olu Bade", organisation="BBI London"),
        PersonRecord(name="Zeno Abel", organisation="Central Tide Council"),
        PersonRecord(name="Ines Moura", organisation="BBI HQ"),
    )
    store(sessions, extraction("Ana Reis, Olu Bade, Zeno Abel and Ines Moura.", people=people))
    with sessions() as s:
        names = [p.full_name for p in queries.search_people(s)]
        labels = group_labels(s, {"bbi", "central tide council"})
    # BBI's three offices together (by family name), Central Tide Council after them.
    assert names == ["Olu Bade", "Ines Moura", "Ana Reis", "Zeno Abel"]
    assert labels == {"bbi": "Blue Basin Institute (BBI)"}


def test_issue_14_upgrade_sorts_stored_people_by_group(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    upgrade_database(engine, "0006")
    with engine.begin() as connection:
        connection.execute(
            insert(Organisation.__table__),
            [
                {"id": 1, "name": "BBI London", "acronym": None, "aliases": []},
                {"id": 2, "name": "Blue Basin Institute", "acronym": "BBI", "aliases": []},
            ],
        )
        connection.execute(
            insert(Person.__table__),
            [
                # Sort keys as revision 0006 wrote them: the organisation's folded name.
                {"id": 1, "full_name": "Olu Bade", "organisation_id": 1, "uuid": "u1",
                 "status": "accepted", "revision": 0, "name_key": "olu bade",
                 "sort_key": "bbi london\x1fbade\x1folu bade"},
                {"id": 2, "full_name": "Ana Reis", "organisation_id": 2, "uuid": "u2",
                 "status": "accepted", "revision": 0, "name_key": "ana reis",
                 "sort_key": "blue basin institute\x1freis\x1fana reis"},
            ],
        )  # fmt: skip
    engine.dispose()
    sessions = open_database(f"sqlite:///{path}")
    with sessions() as s:
        keys = dict(s.execute(select(Person.full_name, Person.sort_key)).all())
    assert keys == {"Olu Bade": "bbi\x1fbade\x1folu bade", "Ana Reis": "bbi\x1freis\x1fana reis"}
