"""The import pipeline: documents stored whole or not at all, re-imports, uid-aware updates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from db_helpers import extraction, store
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from db import queries
from db.models import ContactPoint, Document, Event, Mention, Panel, Participation, Person
from db.store import import_documents, iter_paths, store_extraction
from importers.records import EventRecord, PanelRecord, PartialDate, Participant, PersonRecord


def _rows(sessions: sessionmaker[Session]) -> dict[str, int]:
    with sessions() as s:
        return {
            m.__tablename__: s.scalar(select(func.count()).select_from(m))
            for m in (Document, Event, Panel, Person, ContactPoint, Participation, Mention)
        }


def _summit() -> tuple[EventRecord, tuple[PersonRecord, ...]]:
    panel = PanelRecord(
        title="Cities and heat",
        kind="high-level panel",
        date=PartialDate(2031, 5, 6),
        people=(
            Participant("Ilse Varga", "moderator", ((120, 130),)),
            Participant("Tomas Okafor", "panelist"),
        ),
        spans=((100, 115),),
    )
    event = EventRecord(
        title="Urban Climate Summit 2031",
        kind="summit",
        start=PartialDate(2031, 5, 5),
        end=PartialDate(2031, 5, 7),
        location="Lisbon",
        panels=(panel,),
        people=(Participant("Ilse Varga", "host"),),
        spans=((0, 25),),
    )
    people = (
        PersonRecord(
            name="Ilse Varga",
            title="Director",
            organisation="Blue Delta Institute",
            phones=("+351213000000",),
            emails=("ilse.varga@example.org",),
            spans=((200, 210),),
        ),
    )
    return event, people


def test_store_extraction_stores_document_items_contacts_and_provenance(
    sessions: sessionmaker[Session],
) -> None:
    event, people = _summit()
    result = store(sessions, extraction("summit text", events=(event,), people=people))
    assert (result.status, result.events, result.panels, result.people) == ("new", 1, 1, 2)
    with sessions() as s:
        stored = queries.event_detail(s, s.scalar(select(Event.id)))
    assert stored.start_date == dt.date(2031, 5, 5) and stored.end_date == dt.date(2031, 5, 7)
    assert stored.start_precision == "day" and stored.status == "suggested"
    [panel] = stored.panels
    assert sorted((p.person.full_name, p.role) for p in panel.participations) == [
        ("Ilse Varga", "moderator"),
        ("Tomas Okafor", "panelist"),
    ]
    [host] = stored.participations
    assert host.person.full_name == "Ilse Varga" and host.role == "host"
    ilse = host.person
    assert ilse.organisation.name == "Blue Delta Institute"
    assert sorted((c.kind, c.value) for c in ilse.contacts) == [
        ("email", "ilse.varga@example.org"),
        ("phone", "+351213000000"),
    ]
    assert [(m.start, m.end) for m in stored.mentions] == [(0, 25)]
    assert stored.mentions[0].document.text == "summit text"


def test_month_precision_dates_span_the_month(sessions: sessionmaker[Session]) -> None:
    record = EventRecord(title="Delta Water Week", kind="conference", start=PartialDate(2030, 2))
    store(sessions, extraction(events=(record,)))
    with sessions() as s:
        event = s.scalars(select(Event)).one()
    assert (event.start_date, event.end_date) == (dt.date(2030, 2, 1), dt.date(2030, 2, 28))
    assert event.start_precision == event.end_precision == "month"


def test_storing_the_same_document_twice_is_unchanged(sessions: sessionmaker[Session]) -> None:
    event, people = _summit()
    extracted = extraction(events=(event,), people=people)
    first = store(sessions, extracted)
    before = _rows(sessions)
    second = store(sessions, extracted)
    assert second.status == "unchanged" and second.document_id == first.document_id
    assert _rows(sessions) == before


def test_document_failing_halfway_leaves_no_row(sessions: sessionmaker[Session]) -> None:
    good, people = _summit()
    broken = EventRecord(title=None, kind="forum")  # violates event.title NOT NULL
    extracted = extraction(events=(good, broken), people=people)
    with pytest.raises(IntegrityError), sessions.begin() as s:
        store_extraction(s, extracted, "f" * 64)
    assert set(_rows(sessions).values()) == {0}
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 0


def test_same_items_from_two_documents_are_stored_once(sessions: sessionmaker[Session]) -> None:
    event, people = _summit()
    store(sessions, extraction("first", events=(event,), people=people))
    again = EventRecord(
        title="Urban Climate Summit",
        kind="summit",
        start=PartialDate(2031, 5),
        panels=(PanelRecord(title="Cities and Heat", kind="panel", people=()),),
        people=(Participant("Ilse Varga", "host"),),
    )
    result = store(
        sessions,
        extraction("second", events=(again,), people=(PersonRecord(name="Dr Ilse Varga"),)),
    )
    assert (result.events, result.panels, result.people) == (1, 1, 1)
    counts = _rows(sessions)
    assert (counts["event"], counts["panel"], counts["person"], counts["participation"]) == (
        1,
        1,
        2,
        3,
    )
    with sessions() as s:
        stored = s.scalars(select(Event)).one()
        assert stored.start_precision == "day"  # the more precise dates are kept
        ilse = s.scalars(select(Person).where(Person.family_key == "varga")).one()
        documents = {m.document_id for m in queries.person_detail(s, ilse.id).mentions}
    assert len(documents) == 2


def test_accept_marks_new_and_suggested_items_accepted(sessions: sessionmaker[Session]) -> None:
    event, people = _summit()
    store(sessions, extraction(events=(event,), people=people), accept=True)
    with sessions() as s:
        assert queries.counts(s)["suggested"] == 0
        assert {p.status for p in s.scalars(select(Person))} == {"accepted"}


def test_reimport_of_items_with_their_own_uid_changes_nothing(
    sessions: sessionmaker[Session],
) -> None:
    event, people = _summit()
    store(sessions, extraction(events=(event,), people=people))
    with sessions() as s:
        stored = queries.event_detail(s, s.scalar(select(Event.id)))
        ilse = s.scalars(select(Person).where(Person.family_key == "varga")).one()
    exported = EventRecord(
        title="Renamed elsewhere",
        kind="summit",
        start=PartialDate(2031, 5, 5),
        uid=stored.uuid,
        sequence=stored.revision,
        panels=(PanelRecord(title="Cities and heat", kind="panel", uid=stored.panels[0].uuid),),
    )
    card = PersonRecord(name="Ilse Varga-Other", title="Someone else", uid=ilse.uuid)
    before = _rows(sessions)
    store(sessions, extraction("export", events=(exported,), people=(card,)))
    after = _rows(sessions)
    assert {k: v for k, v in after.items() if k not in ("document", "mention")} == {
        k: v for k, v in before.items() if k not in ("document", "mention")
    }
    with sessions() as s:
        assert s.get(Event, stored.id).title == "Urban Climate Summit 2031"
        person = s.get(Person, ilse.id)
        assert (person.full_name, person.job_title) == ("Ilse Varga", "Director")


def test_higher_sequence_updates_the_item_with_that_uid(sessions: sessionmaker[Session]) -> None:
    event, _ = _summit()
    store(sessions, extraction(events=(event,)))
    with sessions() as s:
        stored = s.scalars(select(Event)).one()
    changed = EventRecord(
        title="Urban Climate Summit (moved)",
        kind="summit",
        start=PartialDate(2031, 6, 1),
        uid=stored.uuid,
        sequence=stored.revision + 3,
    )
    store(sessions, extraction(events=(changed,)))
    with sessions() as s:
        updated = s.scalars(select(Event)).one()
    assert updated.title == "Urban Climate Summit (moved)"
    assert updated.start_date == dt.date(2031, 6, 1) and updated.revision == stored.revision + 3


def test_unknown_uid_becomes_the_uuid_of_the_new_item(sessions: sessionmaker[Session]) -> None:
    uid = "6f1c2a5e-0000-4000-8000-00000000abcd"
    record = EventRecord(title="Lagoon Forum", kind="forum", uid=uid, sequence=4)
    store(sessions, extraction(events=(record,)))
    with sessions() as s:
        event = s.scalars(select(Event)).one()
    assert (event.uuid, event.revision) == (uid, 4)


# -- through files -------------------------------------------------------------------------


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_iter_paths_walks_folders_skipping_hidden_and_unsupported(tmp_path: Path) -> None:
    a = _write(tmp_path, "b/a.txt", "x")
    c = _write(tmp_path, "c.txt", "x")
    _write(tmp_path, ".hidden/d.txt", "x")
    _write(tmp_path, ".e.txt", "x")
    _write(tmp_path, "f.xyz", "x")
    given = _write(tmp_path, "other/g.xyz", "x")
    assert iter_paths([tmp_path, given, c]) == sorted([a, c, given])


def test_import_documents_reports_new_unchanged_and_failed(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    _write(tmp_path, "one.txt", "A short note about a meeting.\n")
    _write(tmp_path, "two.txt", "Another note, on another day.\n")
    _write(tmp_path, "empty.txt", "")
    seen = []
    first = import_documents(sessions, [tmp_path], progress=lambda i, n, p: seen.append((i, n)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert (len(first.new), len(first.unchanged), len(first.failed)) == (2, 0, 1)
    assert first.failed[0].path.endswith("empty.txt") and first.failed[0].reason
    second = import_documents(sessions, [tmp_path])
    assert (len(second.new), len(second.unchanged), len(second.failed)) == (0, 2, 1)
    with sessions() as s:
        assert len(queries.documents(s)) == 2


def test_cancel_stops_after_the_current_document(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    for n in range(3):
        _write(tmp_path, f"{n}.txt", f"note {n}\n")
    done = []
    summary = import_documents(
        sessions, [tmp_path], progress=lambda i, n, p: done.append(i), cancel=lambda: len(done) >= 1
    )
    assert summary.cancelled and len(summary.results) == 1


def test_a_missing_file_fails_without_stopping_the_batch(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    fine = _write(tmp_path, "fine.txt", "Fine text.\n")
    summary = import_documents(sessions, [tmp_path / "gone.txt", fine])
    assert [(Path(r.path).name, r.status) for r in summary.results] == [
        ("fine.txt", "new"),
        ("gone.txt", "failed"),
    ]
    assert summary.failed[0].reason
