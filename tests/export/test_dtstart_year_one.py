"""Dates at the ends of what a date can hold (year 1, year 9999) are dates like any other."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from export_rows import store_text_event
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db import queries
from db.models import Event
from db.store import import_documents


def test_year_one_is_a_date_like_any_other(sessions: sessionmaker[Session], fixtures: Path) -> None:
    """DTSTART;VALUE=DATE:00010101 failed the whole file (OverflowError in the date-range
    query) once the database held another event."""
    store_text_event(sessions)
    summary = import_documents(sessions, [fixtures / "ics" / "year_one.ics"])
    assert [(r.status, r.events, r.warnings) for r in summary.results] == [
        (
            "new",
            3,
            (
                "skipped an event that cannot be read (date value out of range): "
                "Ends Beyond the Calendar",
            ),
        )
    ]
    with sessions() as s:
        found = queries.overlapping_events(s, dt.date(1, 1, 1), dt.date(1, 1, 2))
        first = s.scalars(select(Event.title).where(found).order_by(Event.title)).all()
        last = s.scalar(select(Event.start_date).where(Event.title == "Last Representable Day"))
    assert first == ["Founding Assembly", "Zero-Length Day"]
    assert last == dt.date(9999, 12, 31)
