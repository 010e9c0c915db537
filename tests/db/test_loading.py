"""What the fast paths keep: look-ups inside one document see what it already added, links
read again are not stored twice, and the light or bulk-loaded objects carry what their callers
read after the session is closed."""

from __future__ import annotations

import datetime as dt
import gc

import pytest
from db_helpers import extraction, store
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from db import queries
from db.engine import WAL_SIZE_LIMIT, make_engine
from db.models import Organisation, Panel, Participation, Person
from importers.records import EventRecord, PanelRecord, PartialDate, Participant, PersonRecord


def _count(sessions: sessionmaker[Session], model: type) -> int:
    with sessions() as s:
        return int(s.scalar(select(func.count()).select_from(model)))


def _forum() -> EventRecord:
    panel = PanelRecord(
        title="Wetlands and towns",
        kind="panel",
        date=PartialDate(2036, 9, 3),
        people=(Participant("Rana Haddou", "moderator"), Participant("Piet Lumen", "panelist")),
    )
    return EventRecord(
        title="Delta Towns Forum",
        kind="forum",
        start=PartialDate(2036, 9, 2),
        end=PartialDate(2036, 9, 4),
        panels=(panel,),
        people=(Participant("Rana Haddou", "host"),),
    )


def _people() -> tuple[PersonRecord, ...]:
    return (
        PersonRecord(
            name="Rana Haddou",
            organisation="Marsh Towns Network (MTN)",
            emails=("rana.haddou@example.org",),
            phones=("+31201234567",),
        ),
        PersonRecord(name="Piet Lumen", organisation="MTN"),
    )


def test_a_person_named_twice_in_one_document_is_stored_once(
    sessions: sessionmaker[Session],
) -> None:
    people = (
        PersonRecord(name="Rana Haddou", emails=("rana.haddou@example.org",)),
        PersonRecord(name="R. Haddou", title="Mayor", emails=("rana.haddou@example.org",)),
    )
    store(sessions, extraction(people=people))
    with sessions() as s:
        [person] = s.scalars(select(Person)).all()
        assert (person.full_name, person.job_title) == ("Rana Haddou", "Mayor")


def test_a_name_variant_later_in_the_document_joins_the_person_it_added(
    sessions: sessionmaker[Session],
) -> None:
    store(sessions, extraction(people=(PersonRecord(name="Ada Haddou"),)))
    people = (
        PersonRecord(name="Rana Haddou"),
        PersonRecord(name="Dr Rana Haddou", title="Mayor"),
        PersonRecord(name="Haddou, Rana"),
    )
    store(sessions, extraction(people=people))
    with sessions() as s:
        names = sorted((p.full_name, p.job_title) for p in s.scalars(select(Person)))
    assert names == [("Ada Haddou", None), ("Rana Haddou", "Mayor")]


def test_an_acronym_after_its_full_name_in_one_document_is_one_organisation(
    sessions: sessionmaker[Session],
) -> None:
    store(sessions, extraction(people=_people()))
    with sessions() as s:
        [org] = s.scalars(select(Organisation)).all()
        assert (org.name, org.acronym) == ("Marsh Towns Network", "MTN")
        assert {p.organisation_id for p in s.scalars(select(Person))} == {org.id}


def test_participations_read_again_are_not_stored_twice(sessions: sessionmaker[Session]) -> None:
    store(sessions, extraction(events=(_forum(),), people=_people()))
    # A panel participation may also name its event (as the application can store it); it
    # still counts as the same participation.
    with sessions.begin() as s:
        s.execute(
            update(Participation)
            .where(Participation.panel_id.is_not(None))
            .values(
                event_id=select(Panel.event_id)
                .where(Panel.id == Participation.panel_id)
                .scalar_subquery()
            )
        )
    before = _count(sessions, Participation)
    store(sessions, extraction(events=(_forum(),), people=_people()))
    assert before == 3 and _count(sessions, Participation) == before


def test_month_events_are_light_rows_usable_after_the_session_closes(
    sessions: sessionmaker[Session],
) -> None:
    store(sessions, extraction(events=(_forum(),)))
    with sessions() as s:
        [event] = queries.events_in_range(s, dt.date(2036, 9, 1), dt.date(2036, 9, 30))
        assert isinstance(event, queries.CalendarEvent)
    assert not hasattr(event, "description") and not hasattr(event, "search_text")
    with pytest.raises(AttributeError):
        event.title = "changed"  # type: ignore[misc]
    assert (event.title, event.kind, event.status) == ("Delta Towns Forum", "forum", "suggested")
    assert (event.start_date, event.end_date) == (dt.date(2036, 9, 2), dt.date(2036, 9, 4))
    assert (event.start_precision, event.end_precision) == ("day", "day")
    assert (event.start_time, event.end_time, event.location) == (None, None, None)


def test_export_queries_load_what_the_exports_read(sessions: sessionmaker[Session]) -> None:
    result = store(sessions, extraction(events=(_forum(),), people=_people(), path="forum.txt"))
    with sessions() as s:
        [event] = queries.events_for_export(s)
        people = queries.people_for_export(s)
    # Everything below is read with the session closed.
    assert event.mentions[0].document.path == "forum.txt"
    [host] = event.participations
    assert (host.role, host.person.full_name) == ("host", "Rana Haddou")
    assert host.person.organisation.name == "Marsh Towns Network"
    assert ("email", "rana.haddou@example.org") in {(c.kind, c.value) for c in host.person.contacts}
    [panel] = event.panels
    assert sorted(p.person.full_name for p in panel.participations) == ["Piet Lumen", "Rana Haddou"]
    rana = next(p for p in people if p.full_name == "Rana Haddou")
    assert {m.document.id for m in rana.mentions} == {result.document_id}
    read = {
        (p.role, (p.event or p.panel.event).title, p.panel.title if p.panel else None)
        for p in rana.participations
    }
    assert read == {
        ("host", "Delta Towns Forum", None),
        ("moderator", "Delta Towns Forum", "Wetlands and towns"),
    }


def test_collector_pause_restores_the_collector_as_it_was() -> None:
    assert gc.isenabled()
    with queries.collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with queries.collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_sqlite_connections_cap_the_write_ahead_log(db_url: str) -> None:
    engine = make_engine(db_url)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        limit = connection.exec_driver_sql("PRAGMA journal_size_limit").scalar()
    engine.dispose()
    assert limit == WAL_SIZE_LIMIT
