"""An item deleted and put back is still the one its calendar or address-book UID names: the
same file read again (a later version of it) updates that item instead of adding another."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db import deletion
from db.models import Document, Event, Panel, Person
from db.store import import_documents

SYMPOSIUM = "Lighthouse Symposium"


def _import(sessions: sessionmaker[Session], path: Path) -> None:
    summary = import_documents(sessions, [path])
    assert [r.status for r in summary.results] == ["new"], summary.results


def _items(sessions: sessionmaker[Session]) -> dict[str, list[tuple[object, ...]]]:
    with sessions() as s:
        return {
            "events": s.execute(select(Event.id, Event.start_date, Event.location)).all(),
            "panels": s.execute(select(Panel.id, Panel.event_id, Panel.date)).all(),
            "people": s.execute(select(Person.id, Person.full_name)).all(),
        }


@pytest.mark.parametrize("deleted", ["events", "panels", "people", "documents"])
def test_a_deletion_put_back_keeps_the_uids_of_what_it_removed(
    sessions: sessionmaker[Session], fixtures: Path, deleted: str
) -> None:
    _import(sessions, fixtures / "ics" / "lighthouse_symposium_seq0.ics")
    before = _items(sessions)
    with sessions.begin() as s:
        ids = {
            "events": s.scalars(select(Event.id)),
            "panels": s.scalars(select(Panel.id)),
            "people": s.scalars(select(Person.id)),
            "documents": s.scalars(select(Document.id)),
        }[deleted].all()
        removed = deletion.delete_items(s, **{deleted: ids})
    with sessions.begin() as s:
        assert deletion.restore(s, removed) == {}
    assert _items(sessions) == before

    # The programme moved a week later: the same event, panel and speaker, updated.
    _import(sessions, fixtures / "ics" / "lighthouse_symposium_seq1.ics")
    (event_id, _, _), *more_events = before["events"]
    (panel_id, _, _), *more_panels = before["panels"]
    (person_id, name), *more_people = before["people"]
    assert not (more_events or more_panels or more_people)
    assert _items(sessions) == {
        "events": [(event_id, dt.date(2031, 5, 13), "New Pier Hall")],
        "panels": [(panel_id, event_id, dt.date(2031, 5, 13))],
        "people": [(person_id, name)],
    }


def test_put_back_is_refused_once_the_uid_names_another_item(
    sessions: sessionmaker[Session], fixtures: Path
) -> None:
    """Deleted, then read again from the later version: the UID now names the new event, and
    the old one cannot come back beside it."""
    _import(sessions, fixtures / "ics" / "lighthouse_symposium_seq0.ics")
    with sessions.begin() as s:
        removed = deletion.delete_items(s, events=s.scalars(select(Event.id)).all())
    _import(sessions, fixtures / "ics" / "lighthouse_symposium_seq1.ics")
    after = _items(sessions)
    with pytest.raises(deletion.RestoreConflict), sessions.begin() as s:
        deletion.restore(s, removed)
    assert _items(sessions) == after
