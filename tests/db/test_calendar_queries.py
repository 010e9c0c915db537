"""The queries behind the calendar's agenda and side lists, and `forumdesk list panels`."""

from __future__ import annotations

import datetime as dt

from db_helpers import extraction, store
from sqlalchemy.orm import Session, sessionmaker

from db import queries
from importers.records import EventRecord, PanelRecord, PartialDate


def _events(sessions: sessionmaker[Session]) -> None:
    events = (
        EventRecord("Kelp Forum", "forum", PartialDate(2033, 4, 2), PartialDate(2033, 4, 5),
                    panels=(PanelRecord("Reef futures", "panel", PartialDate(2033, 4, 3),
                                        dt.time(10), dt.time(11)),)),
        EventRecord("Tide Talks", "dialogue", PartialDate(2033, 4, 4),
                    start_time=dt.time(9)),
        EventRecord("Moss Summit", "summit", PartialDate(2033, 8)),
        EventRecord("Lichen Day", "day", PartialDate(2034)),
        EventRecord("Fern Meeting", "meeting"),
    )  # fmt: skip
    store(sessions, extraction(events=events))


def test_agenda_pages_start_with_what_is_still_running(sessions: sessionmaker[Session]) -> None:
    _events(sessions)
    with sessions() as s:
        page = queries.agenda_events(s, dt.date(2033, 4, 4), limit=10)
        assert [e.title for e in page] == ["Kelp Forum", "Tide Talks"]
        assert [
            e.title for e in queries.agenda_events(s, dt.date(2033, 4, 4), limit=1, offset=1)
        ] == ["Tide Talks"]
        assert queries.agenda_events(s, dt.date(2033, 4, 6), limit=10) == []


def test_approximate_rows_are_capped_and_counted(sessions: sessionmaker[Session]) -> None:
    _events(sessions)
    with sessions() as s:
        rows, total = queries.approximate_rows(s, limit=2)
        assert total == 3
        assert [r.title for r in rows] == ["Moss Summit", "Lichen Day"]
        rows, total = queries.approximate_rows(s)
        assert [r.title for r in rows] == ["Moss Summit", "Lichen Day", "Fern Meeting"]
        assert [e.title for e in queries.approximate_events(s)] == [r.title for r in rows]


def test_search_panels_by_words_and_dates(sessions: sessionmaker[Session]) -> None:
    _events(sessions)
    with sessions() as s:
        assert [p.title for p in queries.search_panels(s, "reef")] == ["Reef futures"]
        assert [p.title for p in queries.search_panels(s, "kelp")] == ["Reef futures"]
        assert queries.search_panels(s, date_from=dt.date(2033, 4, 4)) == []
