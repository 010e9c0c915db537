"""Deleting documents, events, panels and people, and putting them back (issue 14: nothing
could be deleted; an import could not be taken back)."""

from __future__ import annotations

import pytest
from db_helpers import extraction, store
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from db import deletion, queries
from db.models import (
    ContactPoint,
    Document,
    Event,
    Mention,
    Organisation,
    Panel,
    Participation,
    Person,
)
from importers.records import EventRecord, PanelRecord, PartialDate, Participant, PersonRecord

TABLES = (Document, Event, Panel, Person, ContactPoint, Participation, Mention, Organisation)


def _rows(sessions: sessionmaker[Session]) -> dict[str, list[tuple]]:
    """Every row of the tables a deletion touches, ids included (mentions, participations and
    contacts by what they link, as they come back under new ids)."""
    with sessions() as s:
        out = {}
        for model in TABLES:
            columns = [
                c
                for c in model.__table__.columns
                if c.name != "id" or model in (Document, Event, Panel, Person, Organisation)
            ]
            out[model.__tablename__] = sorted(
                tuple(str(v) for v in row) for row in s.execute(select(*columns))
            )
        return out


def _count(sessions: sessionmaker[Session], model: type) -> int:
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(model))


def _two_documents(sessions: sessionmaker[Session]):  # noqa: ANN202
    """A forum with a panel read from the first document only; Ana Reis read from both."""
    panel = PanelRecord(
        "Reef futures",
        "panel",
        PartialDate(2033, 4, 2),
        people=(Participant("Olu Bade", "moderator"), Participant("Ana Reis", "panelist")),
        spans=((10, 20),),
    )
    forum = EventRecord(
        "Coral Forum", "forum", PartialDate(2033, 4, 2), panels=(panel,), spans=((0, 5),)
    )
    first = store(
        sessions,
        extraction(
            "Coral Forum notice: Reef futures with Olu Bade and Ana Reis.",
            events=(forum,),
            people=(
                PersonRecord(
                    name="Olu Bade", organisation="Reef Trust", phones=("+2348031234567",)
                ),
                PersonRecord(name="Ana Reis", spans=((40, 48),)),
            ),
        ),
        accept=True,
    )
    second = store(
        sessions,
        extraction(
            "Ana Reis at the Kelp Summit.",
            events=(EventRecord("Kelp Summit", "summit", PartialDate(2033, 9, 1)),),
            people=(PersonRecord(name="Ana Reis", spans=((0, 8),)),),
        ),
    )
    return first, second


def test_a_document_goes_with_what_only_it_contributed(sessions: sessionmaker[Session]) -> None:
    first, second = _two_documents(sessions)
    with sessions.begin() as s:
        plan = deletion.plan_deletion(s, documents=[first.document_id])
        assert plan.counts() == {"documents": 1, "events": 1, "panels": 1, "people": 1}
        removed = deletion.delete_planned(s, plan)
    assert removed.counts["events"] == 1
    with sessions() as s:
        assert [e.title for e in queries.search_events(s)] == ["Kelp Summit"]
        assert [p.full_name for p in queries.search_people(s)] == ["Ana Reis"]
        assert s.scalar(select(func.count()).select_from(Panel)) == 0
        # Olu Bade's organisation had nobody else.
        assert s.scalar(select(func.count()).select_from(Organisation)) == 0
        # Ana Reis keeps her mention in the second document only.
        assert s.scalars(
            select(Mention.document_id).where(Mention.person_id.is_not(None))
        ).all() == [second.document_id]
        assert queries.search_people(s, "2348031234567") == []


def test_restore_puts_back_every_row_with_its_id(sessions: sessionmaker[Session]) -> None:
    first, _ = _two_documents(sessions)
    before = _rows(sessions)
    with sessions.begin() as s:
        removed = deletion.delete_items(s, documents=[first.document_id])
    assert _rows(sessions) != before
    with sessions.begin() as s:
        assert deletion.restore(s, removed) == {}
    assert _rows(sessions) == before
    with sessions() as s:
        # The search index of people follows (it is kept by triggers).
        assert [p.full_name for p in queries.search_people(s, "bade")] == ["Olu Bade"]


def test_an_event_goes_with_its_panels_and_links(sessions: sessionmaker[Session]) -> None:
    _two_documents(sessions)
    with sessions.begin() as s:
        forum = s.scalar(select(Event.id).where(Event.title == "Coral Forum"))
        removed = deletion.delete_items(s, events=[forum])
    assert removed.counts == {"documents": 0, "events": 1, "panels": 1, "people": 0}
    assert _count(sessions, Panel) == 0
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(Participation)) == 0
        assert s.scalar(select(func.count()).select_from(Person)) == 2


def test_a_panel_and_a_person_alone(sessions: sessionmaker[Session]) -> None:
    _two_documents(sessions)
    with sessions.begin() as s:
        panel = s.scalar(select(Panel.id))
        ana = s.scalar(select(Person.id).where(Person.full_name == "Ana Reis"))
        removed = deletion.delete_items(s, panels=[panel], people=[ana])
    assert removed.counts == {"documents": 0, "events": 0, "panels": 1, "people": 1}
    assert _count(sessions, Event) == 2 and _count(sessions, Person) == 1


def test_restore_renumbers_an_id_taken_since(sessions: sessionmaker[Session]) -> None:
    _, second = _two_documents(sessions)
    with sessions.begin() as s:
        kelp = s.scalar(select(Event.id).where(Event.title == "Kelp Summit"))
        removed = deletion.delete_items(s, events=[kelp])
    # A new event takes the freed id (SQLite hands out the highest id plus one).
    store(sessions, extraction(events=(EventRecord("Tide Talks", "dialogue"),)))
    with sessions() as s:
        assert s.scalar(select(Event.id).where(Event.title == "Tide Talks")) == kelp
    with sessions.begin() as s:
        renumbered = deletion.restore(s, removed)
    new_id = renumbered["event"][kelp]
    with sessions() as s:
        assert s.get(Event, new_id).title == "Kelp Summit"
        assert s.scalars(
            select(Mention.event_id).where(Mention.document_id == second.document_id)
        ).all()


def test_restore_refuses_a_document_imported_again(sessions: sessionmaker[Session]) -> None:
    first, _ = _two_documents(sessions)
    with sessions.begin() as s:
        sha = s.get(Document, first.document_id).sha256
        removed = deletion.delete_items(s, documents=[first.document_id])
    with sessions.begin() as s:
        s.add(Document(path="again.txt", sha256=sha, format="txt", text="again"))
    with pytest.raises(deletion.RestoreConflict), sessions.begin() as s:
        deletion.restore(s, removed)


def test_unknown_ids_plan_nothing(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        plan = deletion.plan_deletion(s, documents=[7], events=[8], people=[9])
    assert plan.is_empty()
    assert deletion.describe(plan.counts()) == "nothing"
    assert deletion.describe({"documents": 1, "events": 3, "panels": 0, "people": 1}) == (
        "1 document, 3 events and 1 person"
    )


def test_documents_are_found_by_id_path_or_file_name(sessions: sessionmaker[Session]) -> None:
    first, second = _two_documents(sessions)
    with sessions() as s:
        path = s.get(Document, first.document_id).path
        found = deletion.document_ids_for(s, [str(second.document_id), path, "nowhere.txt", "99"])
    assert found == {
        str(second.document_id): [second.document_id],
        path: [first.document_id],
        "nowhere.txt": [],
        "99": [],
    }
