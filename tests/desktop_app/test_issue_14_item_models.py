"""The models behind the week, day and agenda views (issue 14), over real SQLite files and
without a window."""

from __future__ import annotations

import datetime as dt

from app_data import add_extraction, simple_event_extraction
from sqlalchemy.orm import Session, sessionmaker

from db.queries import CalendarEvent
from desktop_app.item_models.agenda import DAY, EVENT, SESSION, AgendaModel
from desktop_app.item_models.days import DaysModel, TimedItem, place_side_by_side, split_day
from desktop_app.item_models.month import DaySession
from desktop_app.item_models.roles import DateRole, EventsRole, TimedRole
from importers.records import PartialDate

JUNE_15 = dt.date(1988, 6, 15)


def _event(event_id: int, start: dt.date, end: dt.date | None = None, time=None):  # noqa: ANN001, ANN202
    return CalendarEvent(
        event_id, f"Event {event_id}", "forum", "accepted", start, "day", end or start, "day",
        time, None, None,
    )  # fmt: skip


def _item(start: int, end: int, n: int = 1) -> TimedItem:
    return TimedItem(_event(n, JUNE_15), None, JUNE_15, start, end)


def test_overlapping_items_share_the_width_and_others_keep_it() -> None:
    placed = place_side_by_side([_item(540, 630, 1), _item(600, 660, 2), _item(720, 780, 3)])
    by_id = {i.event.id: (i.column, i.columns) for i in placed}
    assert by_id == {1: (0, 2), 2: (1, 2), 3: (0, 1)}
    # A chain of overlaps is one group; a freed column is taken again.
    chain = place_side_by_side([_item(0, 60, 1), _item(30, 90, 2), _item(70, 120, 3)])
    assert {i.event.id: (i.column, i.columns) for i in chain} == {1: (0, 2), 2: (1, 2), 3: (0, 2)}


def test_split_day_sends_timed_sessions_to_the_hours_and_their_event_to_all_day() -> None:
    forum = _event(1, JUNE_15, JUNE_15 + dt.timedelta(days=1))
    talk = _event(2, JUNE_15, time=dt.time(18, 30))
    lunch = _event(3, JUNE_15, time=dt.time(12, 0))
    sessions = {
        (1, JUNE_15): [DaySession("panel", "River basins", dt.time(10), dt.time(11, 30))],
        (3, JUNE_15): [DaySession("debate", "Lunch debate", dt.time(12, 15), None)],
        (1, JUNE_15 + dt.timedelta(days=1)): [DaySession("panel", "Untimed", None, None)],
    }
    all_day, timed = split_day([forum, talk, lunch], sessions, JUNE_15)
    assert [e.id for e in all_day] == [1, 3]  # lunch has a timed session: it goes all-day
    assert sorted((i.title, i.start, i.end) for i in timed) == [
        ("Debate: Lunch debate", 735, 795),  # no end: an hour
        ("Event 2", 1110, 1170),
        ("Panel: River basins", 600, 690),
    ]


def test_days_model_over_a_week(qtbot, forum_db: sessionmaker[Session]) -> None:
    model = DaysModel(forum_db, days=7)
    model.set_first_day(dt.date(1988, 6, 13))
    assert (model.rowCount(), model.columnCount()) == (1, 7)
    wednesday = model.index(0, 2)
    assert wednesday.data(DateRole) == JUNE_15
    assert [i.event.title for i in wednesday.data(EventsRole)] == ["Northwind Water Forum"]
    (block,) = wednesday.data(TimedRole)
    assert (block.title, block.times) == ("High-level panel: River basins", "10:00–11:30")
    assert model.lanes() == 1 and model.earliest_minute() == 600
    day = DaysModel(forum_db, days=1)
    day.set_first_day(JUNE_15 + dt.timedelta(days=1))
    assert day.timed(day.first_day) == [] and len(day.all_day(day.first_day)) == 1


def test_agenda_groups_by_day_and_starts_with_what_is_still_running(
    qtbot, forum_db: sessionmaker[Session]
) -> None:
    add_extraction(forum_db, simple_event_extraction("Delta Round Table", PartialDate(1988, 6, 20)))
    model = AgendaModel(forum_db)
    model.set_first_day(JUNE_15 + dt.timedelta(days=1))  # the forum's second day
    rows = [model.row_at(r) for r in range(model.rowCount())]
    assert [(r.kind, r.day) for r in rows] == [
        (DAY, dt.date(1988, 6, 16)),
        (EVENT, dt.date(1988, 6, 16)),  # its session was on the 15th: before the agenda
        (DAY, dt.date(1988, 6, 20)),
        (EVENT, dt.date(1988, 6, 20)),
    ]
    assert rows[1].when == "15–16 Jun" and rows[1].text == "Northwind Water Forum"
    assert rows[3].when == "All day"
    assert rows[0].text == "Thursday 16 June 1988"
    model.set_first_day(JUNE_15)
    rows = [model.row_at(r) for r in range(model.rowCount())]
    assert [r.kind for r in rows[:3]] == [DAY, EVENT, SESSION]
    assert (rows[2].when, rows[2].text) == ("10:00–11:30", "High-level panel: River basins")
