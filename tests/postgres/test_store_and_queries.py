"""Importing documents and reading them back on a real PostgreSQL server: what is stored, the
queries behind the views and exports, merging people, and ``forumdesk list``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_server import PostgresServer
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from db import queries
from db.edits import merge_people
from db.engine import open_database
from db.models import ContactKind, Event, Mention, Panel, Participation, Person
from db.store import ImportSummary, import_documents, store_extraction
from desktop_app.cli import main
from importers.records import DocumentText, Extraction, PersonRecord

Imported = tuple[sessionmaker[Session], ImportSummary]


@pytest.fixture(scope="module")
def imported(
    postgres_server: PostgresServer, migrated_template: str, documents: Path
) -> Iterator[Imported]:
    """One database holding the invented documents, read (never changed) by several tests."""
    url = postgres_server.create_database("imported", template=migrated_template)
    sessions = open_database(url)
    yield sessions, import_documents(sessions, [documents])
    sessions.kw["bind"].dispose()


def _person(s: Session, fragment: str) -> Person:
    return s.scalars(select(Person).where(Person.full_name.contains(fragment))).one()


def _snapshot(sessions: sessionmaker[Session]) -> dict[str, object]:
    """What is stored, without ids: events, panels, people with contacts and roles."""
    with sessions() as s:
        events = sorted(
            (e.title, e.kind, e.start_date, e.end_date, e.start_precision, e.location, e.span_days)
            for e in s.scalars(select(Event))
        )
        panels = sorted(
            (p.event.title, p.title or "", p.kind or "", str(p.date), str(p.start_time))
            for p in s.scalars(select(Panel))
        )
        people = sorted(
            (
                p.full_name,
                p.job_title or "",
                p.organisation.name if p.organisation else "",
                tuple(sorted((c.kind, c.value) for c in p.contacts)),
                p.name_key,
                p.search_text,
                p.sort_key,
            )
            for p in s.scalars(select(Person))
        )
        roles = sorted(
            (
                r.person.full_name,
                r.role,
                r.event.title if r.event else r.panel.event.title,
                r.panel is not None,
            )
            for r in s.scalars(select(Participation))
        )
        mentions = s.scalar(select(func.count(Mention.id)))
    return {
        "events": events,
        "panels": panels,
        "people": people,
        "roles": roles,
        "mentions": mentions,
    }


# -- importing -------------------------------------------------------------------------------


def test_import_stores_events_panels_and_people(imported: Imported) -> None:
    sessions, summary = imported
    assert [r.status for r in summary.results] == ["new", "new"]
    assert summary.events == 2 and summary.panels >= 1 and summary.people >= 4
    with sessions() as s:
        forum = s.scalars(select(Event).where(Event.title == "Baltic Energy Forum")).one()
        assert (forum.start_date, forum.end_date) == (dt.date(2022, 10, 3), dt.date(2022, 10, 4))
        assert forum.start_precision == "day" and forum.span_days == 1
        assert forum.location == "Riga"
        assert [p.title for p in forum.panels] == ["Storage and the Grid"]
        jane = _person(s, "Jane Roe")
        assert jane.job_title == "Director"
        assert jane.organisation.name == "Nordic Grid Institute"
        contacts = {(c.kind, c.value) for c in jane.contacts}
        assert (ContactKind.EMAIL, "jane.roe@nordicgrid.example") in contacts
        assert (ContactKind.PHONE, "+37167001234") in contacts
        assert "moderator" in {r.role for r in jane.participations}
        # Read twice (event and contact block) but stored once.
        assert s.scalar(select(func.count()).where(Person.full_name == "Jane Roe")) == 1
        summit = s.scalars(select(Event).where(Event.title.contains("Water Summit"))).one()
        assert summit.start_date == summit.end_date == dt.date(2023, 3, 15)
        assert _person(s, "Zieli").full_name == "Piotr Zieliński"


def test_reimporting_the_same_documents_changes_nothing(
    imported: Imported, documents: Path
) -> None:
    sessions, _ = imported
    before = _snapshot(sessions)
    again = import_documents(sessions, [documents])
    assert [r.status for r in again.results] == ["unchanged", "unchanged"]
    assert _snapshot(sessions) == before


def test_postgresql_stores_what_sqlite_stores(
    imported: Imported, documents: Path, db_url: str
) -> None:
    sessions, _ = imported
    on_sqlite = open_database(db_url)
    try:
        import_documents(on_sqlite, [documents])
        assert _snapshot(sessions) == _snapshot(on_sqlite)
    finally:
        on_sqlite.kw["bind"].dispose()


# -- queries ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "titles"),
    [
        (dt.date(2022, 10, 1), dt.date(2022, 10, 31), ["Baltic Energy Forum"]),
        (dt.date(2022, 10, 4), dt.date(2022, 10, 4), ["Baltic Energy Forum"]),
        (dt.date(2022, 10, 5), dt.date(2023, 3, 14), []),
        (dt.date(2022, 1, 1), dt.date(2023, 12, 31), ["Baltic Energy Forum", "Summit"]),
    ],
)
def test_events_in_range_finds_overlapping_events(
    imported: Imported,
    start: dt.date,
    end: dt.date,
    titles: list[str],
) -> None:
    sessions, _ = imported
    with sessions() as s:
        found = [e.title for e in queries.events_in_range(s, start, end)]
    assert len(found) == len(titles)
    assert all(want in got for want, got in zip(titles, found, strict=True))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("roe", "Jane Roe"),  # a name fragment
        ("Ja Ro", "Jane Roe"),  # fragments shorter than three letters
        ("okland", "Tomás Økland"),  # without the accents
        ("TOMAS ØKLAND", "Tomás Økland"),  # upper case, with them
        ("zielinski", "Piotr Zieliński"),
        ("jane.roe@nordicgrid", "Jane Roe"),  # an e-mail
        ("MARTA.KOWAL@AMBERSEA.EXAMPLE", "Marta Kowal"),
        ("6700 1234", "Jane Roe"),  # phone digits
    ],
)
def test_search_people_by_fragment_accent_and_contact(
    imported: Imported,
    text: str,
    name: str,
) -> None:
    sessions, _ = imported
    with sessions() as s:
        found = queries.search_people(s, text)
        assert [p.full_name for p in found] == [name]
        assert queries.count_people(s, text) == 1


def test_search_people_by_organisation_orders_by_family_name(imported: Imported) -> None:
    sessions, _ = imported
    with sessions() as s:
        found = [p.full_name for p in queries.search_people(s, "nordic grid")]
        assert queries.search_people(s, "no such person") == []
    assert found == ["Jane Roe", "Lena Varga"]


def test_event_detail_loads_panels_people_and_documents(imported: Imported) -> None:
    sessions, _ = imported
    with sessions() as s:
        forum_id = s.scalar(select(Event.id).where(Event.title == "Baltic Energy Forum"))
        forum = queries.event_detail(s, forum_id)
    # Used after the session is closed: everything below must have been loaded.
    assert forum.organisation is None or forum.organisation.name
    panel = forum.panels[0]
    assert panel.title == "Storage and the Grid"
    assert {m.document.path.rsplit("/", 1)[-1] for m in forum.mentions} == {"energy-forum.txt"}
    people = {r.person.full_name: r.role for r in forum.participations}
    assert people.get("Jane Roe") == "moderator"
    jane = next(r.person for r in forum.participations if r.person.full_name == "Jane Roe")
    assert jane.organisation.name == "Nordic Grid Institute"
    assert "jane.roe@nordicgrid.example" in [c.value for c in jane.contacts]
    for participation in panel.participations:
        assert participation.person.full_name


def test_person_detail_loads_contacts_events_and_documents(imported: Imported) -> None:
    sessions, _ = imported
    with sessions() as s:
        person = queries.person_detail(s, _person(s, "Jane Roe").id)
    assert person.organisation.name == "Nordic Grid Institute"
    assert {c.kind for c in person.contacts} >= {ContactKind.EMAIL, ContactKind.PHONE}
    events = {r.event.title if r.event else r.panel.event.title for r in person.participations}
    assert events == {"Baltic Energy Forum"}
    assert {m.document.path.rsplit("/", 1)[-1] for m in person.mentions} == {"energy-forum.txt"}
    assert queries.person_detail(sessions(), 10**9) is None


def test_events_for_export_filters_and_loads_what_exporters_use(imported: Imported) -> None:
    sessions, _ = imported
    with sessions() as s:
        everything = queries.events_for_export(s)
        in_2023 = queries.events_for_export(s, date_from=dt.date(2023, 1, 1))
        searched = queries.events_for_export(s, search="baltic energy")
    assert [e.start_date for e in everything] == [dt.date(2022, 10, 3), dt.date(2023, 3, 15)]
    assert [e.start_date for e in in_2023] == [dt.date(2023, 3, 15)]
    assert [e.title for e in searched] == ["Baltic Energy Forum"]
    for event in everything:
        assert event.mentions and all(m.document.sha256 for m in event.mentions)
        for panel in event.panels:
            for participation in panel.participations:
                person = participation.person
                assert all(c.value for c in person.contacts)
                assert person.organisation is None or person.organisation.name


# -- changes ---------------------------------------------------------------------------------


def test_merge_people_keeps_both_mentions_and_contacts(
    pg_sessions: sessionmaker[Session],
    documents: Path,
) -> None:
    import_documents(pg_sessions, [documents])
    with pg_sessions.begin() as s:
        keep, other = _person(s, "Marta Kowal"), _person(s, "Zieli")
        keep_id, other_id = keep.id, other.id
        mentions = {
            (m.document_id, m.start, m.end)
            for m in s.scalars(select(Mention).where(Mention.person_id.in_([keep_id, other_id])))
        }
        roles = {r.role for r in other.participations}
        merged = merge_people(s, keep_id, other_id)
        assert s.get(Person, other_id) is None
    assert {(m.document_id, m.start, m.end) for m in merged.mentions} == mentions
    assert roles <= {r.role for r in merged.participations}
    assert "marta.kowal@ambersea.example" in [c.value for c in merged.contacts]
    with pg_sessions() as s:
        assert queries.search_people(s, "zielinski") == []
        assert [p.id for p in queries.search_people(s, "kowal")] == [keep_id]


def test_cli_lists_events_of_a_postgresql_database(
    pg_url: str, documents: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", pg_url, "import", str(documents)]) == 0
    capsys.readouterr()
    assert main(["--db", pg_url, "list", "events"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:5] == ["ID", "STATUS", "START", "END", "TITLE"]
    assert "2022-10-03  2022-10-04  Baltic Energy Forum" in lines[1]
    assert "2023-03-15  2023-03-15  Coastal Water Summit" in lines[2]
    assert len(lines) == 3


def test_people_sort_by_organisation_with_people_without_one_last(
    pg_sessions: sessionmaker[Session],
) -> None:
    people = [
        PersonRecord(name="Lena Varga"),
        PersonRecord(name="Marta Kowal", organisation="Amber Sea"),
        PersonRecord(name="Ada Berg", organisation="Amber"),
        PersonRecord(name="Ivo Adler", organisation="Amber"),
    ]
    document = DocumentText(path="people.txt", format="txt", text="people")
    with pg_sessions.begin() as s:
        store_extraction(s, Extraction(document=document, people=tuple(people)), "0" * 64)
    with pg_sessions() as s:
        found = [p.full_name for p in queries.search_people(s)]
    assert found == ["Ivo Adler", "Ada Berg", "Marta Kowal", "Lena Varga"]


def test_people_whose_given_name_starts_with_z_are_found_again(
    pg_sessions: sessionmaker[Session],
) -> None:
    for n, name in enumerate(["Zoran Petrović", "Zoran Petrovic", "Dr. Zoran Petrović"]):
        document = DocumentText(path=f"{n}.txt", format="txt", text=name)
        extraction = Extraction(document=document, people=(PersonRecord(name=name),))
        with pg_sessions.begin() as s:
            store_extraction(s, extraction, str(n) * 64)
    with pg_sessions() as s:
        assert [p.full_name for p in s.scalars(select(Person))] == ["Zoran Petrović"]
