"""User edits: field updates bump revisions, merges keep everything, deletions."""

from __future__ import annotations

import datetime as dt

import pytest
from db_helpers import extraction, store
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from db import edits, queries, unmerge
from db.models import ContactPoint, Event, Mention, Panel, Participation, Person, Status
from importers.records import EventRecord, PanelRecord, PartialDate, Participant, PersonRecord


def _count(sessions: sessionmaker[Session], model: type) -> int:
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(model))


def _two_people(sessions: sessionmaker[Session]) -> tuple[int, int]:
    first = EventRecord(
        "Kelp Forum",
        "forum",
        PartialDate(2035, 2, 2),
        panels=(PanelRecord("Farms", "panel", people=(Participant("Rosa Quint", "speaker"),)),),
        people=(Participant("Rosa Quint", "host"),),
    )
    store(
        sessions,
        extraction(
            events=(first,),
            people=(PersonRecord(name="Rosa Quint", emails=("rq@kelp.example",)),),
        ),
    )
    second = EventRecord(
        "Algae Day", "conference", PartialDate(2035, 3, 3), people=(Participant("R. Q.", "chair"),)
    )
    store(
        sessions,
        extraction(
            events=(second,),
            people=(
                PersonRecord(
                    name="R. Q.",
                    title="Biologist",
                    emails=("rosa@other.example",),
                    phones=("+3519000",),
                ),
            ),
        ),
    )
    with sessions() as s:
        keep = s.scalar(select(Person.id).where(Person.full_name == "Rosa Quint"))
        other = s.scalar(select(Person.id).where(Person.full_name == "R. Q."))
    return keep, other


def test_merge_people_keeps_every_mention_participation_and_contact(
    sessions: sessionmaker[Session],
) -> None:
    keep_id, other_id = _two_people(sessions)
    before = {m: _count(sessions, m) for m in (Mention, Participation, ContactPoint)}
    with sessions.begin() as s:
        merged = edits.merge_people(s, keep_id, other_id)
    assert _count(sessions, Person) == 1
    assert {m: _count(sessions, m) for m in (Mention, Participation, ContactPoint)} == before
    assert {c.value for c in merged.contacts} == {
        "rq@kelp.example",
        "rosa@other.example",
        "+3519000",
    }
    assert merged.job_title == "Biologist"
    roles = sorted(p.role for p in merged.participations)
    assert roles == ["chair", "host", "speaker"]
    assert len({m.document.id for m in merged.mentions}) == 2
    with sessions() as s:
        assert queries.search_people(s, "other.example")[0].id == keep_id


def test_merge_events_moves_panels_and_keeps_precise_dates(sessions: sessionmaker[Session]) -> None:
    store(sessions, extraction(events=(EventRecord("Kelp Forum", "forum", PartialDate(2035, 2)),)))
    precise = EventRecord(
        "Seaweed Meeting",
        "meeting",
        PartialDate(2035, 2, 9),
        location="Bergen",
        panels=(PanelRecord("Harvest", "panel"),),
    )
    store(sessions, extraction(events=(precise,)))
    with sessions() as s:
        keep = s.scalar(select(Event.id).where(Event.title == "Kelp Forum"))
        other = s.scalar(select(Event.id).where(Event.title == "Seaweed Meeting"))
    with sessions.begin() as s:
        merged = edits.merge_events(s, keep, other)
    assert merged.title == "Kelp Forum" and merged.location == "Bergen"
    assert (merged.start_date, merged.start_precision) == (dt.date(2035, 2, 9), "day")
    assert [p.title for p in merged.panels] == ["Harvest"]
    assert len(merged.mentions) == 2 and _count(sessions, Event) == 1


def test_updates_bump_revision_and_resolve_organisation(sessions: sessionmaker[Session]) -> None:
    keep_id, _ = _two_people(sessions)
    with sessions.begin() as s:
        before = s.get(Person, keep_id).revision
        person = edits.update_person(
            s,
            keep_id,
            job_title="Director",
            organisation_name="Kelp Institute",
            emails=["rq@kelp.example", "rosa@kelp.example"],
        )
    assert person.revision == before + 1
    assert person.organisation.name == "Kelp Institute"
    assert [c.value for c in person.contacts if c.kind == "email"] == [
        "rq@kelp.example",
        "rosa@kelp.example",
    ]
    with sessions.begin() as s:
        event_id = s.scalar(select(Event.id).where(Event.title == "Kelp Forum"))
        event = edits.update_event(s, event_id, location="Tromsø", organisation_name="")
        assert event.location == "Tromsø" and event.revision == 1
        with pytest.raises(ValueError):
            edits.update_event(s, event_id, colour="red")


def test_set_status_and_accept_document(sessions: sessionmaker[Session]) -> None:
    first = store(
        sessions,
        extraction(
            events=(EventRecord("Kelp Forum", "forum", panels=(PanelRecord("A", "panel"),)),)
        ),
    )
    store(sessions, extraction(people=(PersonRecord(name="Ola Nord"),)))
    with sessions.begin() as s:
        assert edits.accept_document(s, first.document_id) == 2
    with sessions.begin() as s:
        person_id = s.scalar(select(Person.id))
        edits.set_status(s, "person", person_id, Status.REJECTED)
        with pytest.raises(ValueError):
            edits.set_status(s, "person", person_id, "maybe")
    with sessions() as s:
        assert s.scalar(select(Event.status)) == "accepted"
        assert s.scalar(select(Panel.status)) == "accepted"
        assert s.get(Person, person_id).status == "rejected"


def test_delete_document_removes_only_items_no_other_document_holds(
    sessions: sessionmaker[Session],
) -> None:
    shared = PersonRecord(name="Ola Nord")
    first = store(sessions, extraction(people=(shared, PersonRecord(name="Only Once"))))
    store(sessions, extraction(people=(shared,)))
    with sessions.begin() as s:
        edits.delete_document(s, first.document_id)
    with sessions() as s:
        assert [p.full_name for p in queries.search_people(s)] == ["Ola Nord"]
        assert len(queries.documents(s)) == 1
        assert queries.search_people(s, "once") == []


def test_delete_event_and_person(sessions: sessionmaker[Session]) -> None:
    keep_id, _ = _two_people(sessions)
    with sessions.begin() as s:
        edits.delete_person(s, keep_id)
        edits.delete_event(s, s.scalar(select(Event.id).where(Event.title == "Kelp Forum")))
    assert _count(sessions, Event) == 1 and _count(sessions, Panel) == 0
    with sessions() as s:
        assert s.get(Person, keep_id) is None


def test_an_undone_merge_gives_the_other_person_a_new_id_when_its_id_was_taken_since(
    sessions: sessionmaker[Session],
) -> None:
    keep, other = _two_people(sessions)
    with sessions.begin() as s:
        merged = unmerge.merge(s, "person", keep, other)
    with sessions.begin() as s:
        newcomer = Person(full_name="Tove Lindqvist-Arne")
        s.add(newcomer)
        s.flush()
        assert newcomer.id == other  # SQLite hands out the highest id again
    with sessions.begin() as s:
        other_now = unmerge.unmerge(s, merged)
    assert other_now not in (keep, other)
    with sessions() as s:
        back = s.get(Person, other_now)
        assert back.full_name == "R. Q."
        assert sorted(c.value for c in back.contacts) == ["+3519000", "rosa@other.example"]
        assert [(p.event.title, p.role) for p in back.participations] == [("Algae Day", "chair")]
        assert s.get(Person, other).full_name == "Tove Lindqvist-Arne"
        assert [c.value for c in s.get(Person, keep).contacts] == ["rq@kelp.example"]
