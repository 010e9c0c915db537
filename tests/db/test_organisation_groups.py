"""Issue 14: offices of one organisation ("X HQ", "X Oslo", the full name of X) were
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
        ("NWC HQ", None, "nwc"),
        ("NWC Oslo", None, "nwc"),
        ("Northern Water Commission", "NWC", "nwc"),
        ("NWC’s Regional Office for the Nordic Countries, the Baltic and the Arctic", None, "nwc"),
        ("WMTO (Vienna)", None, "wmto"),
        ("Harbour Bank, Tallinn", None, "harbour bank"),
        ("Nordic Commission - Helsinki Office", None, "nordic commission"),
        ("Council of Oceania Office in Riga", None, "council of oceania"),
        ("Coastal Policy Institute Oceania", None, "coastal policy institute"),
        # A place that belongs to the name stays.
        ("Council of Oceania", None, "council of oceania"),
        ("University of Vienna", None, "university of vienna"),
        ("Vienna Centre for Security Policy", None, "vienna centre for security policy"),
        ("Women’s Refugee Commission", None, "women s refugee commission"),
        ("WMTO Women", None, "wmto women"),
    ],
)
def test_group_keys(name: str, acronym: str | None, key: str) -> None:
    assert group_key(name, acronym) == key


def test_office_stem_keeps_what_is_written() -> None:
    assert office_stem("BBI Oslo") == "BBI"
    assert office_stem("Blue Basin Institute") == "Blue Basin Institute"


def test_issue_14_offices_are_listed_together(sessions: sessionmaker[Session]) -> None:
    people = (
        PersonRecord(name="Ana Reis", organisation="Blue Basin Institute (BBI)"),
        PersonRecord(name="Olu Bade", organisation="BBI Oslo"),
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
                {"id": 1, "name": "BBI Oslo", "acronym": None, "aliases": []},
                {"id": 2, "name": "Blue Basin Institute", "acronym": "BBI", "aliases": []},
            ],
        )
        connection.execute(
            insert(Person.__table__),
            [
                # Sort keys as revision 0006 wrote them: the organisation's folded name.
                {"id": 1, "full_name": "Olu Bade", "organisation_id": 1, "uuid": "u1",
                 "status": "accepted", "revision": 0, "name_key": "olu bade",
                 "sort_key": "bbi oslo\x1fbade\x1folu bade"},
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
