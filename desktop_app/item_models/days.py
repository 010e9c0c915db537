"""The days of the week and day views: one column a day, its all-day events in lanes and its
timed events and sessions placed by the clock (side by side where they overlap)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from sqlalchemy.orm import Session, sessionmaker

from db import queries
from db.queries import CalendarEvent
from desktop_app.item_models.formatting import format_times
from desktop_app.item_models.month import DayItem, DaySession, assign_lanes, sessions_in_range
from desktop_app.item_models.roles import DateRole, EventsRole, ObjectRole, TimedRole

DEFAULT_MINUTES = 60  # an item with a start and no end is drawn an hour long
SHORTEST_MINUTES = 30
DAY_MINUTES = 24 * 60


def minutes(value: dt.time) -> int:
    return value.hour * 60 + value.minute


@dataclass(frozen=True)
class TimedItem:
    """An event or one of its sessions at its time on one day. ``column`` of ``columns``:
    its place among the items it overlaps, which share the day's width."""

    event: CalendarEvent
    session: DaySession | None
    day: dt.date
    start: int  # minutes after midnight
    end: int
    column: int = 0
    columns: int = 1

    @property
    def title(self) -> str:
        return self.session.name if self.session is not None else self.event.title

    @property
    def subtitle(self) -> str:
        """The event a session belongs to, or where the event takes place."""
        if self.session is not None:
            return self.event.title
        return self.event.location or ""

    @property
    def times(self) -> str:
        start = dt.time(self.start // 60, self.start % 60)
        given_end = self.session.end_time if self.session is not None else self.event.end_time
        return format_times(start, given_end)


def _span(start: dt.time, end: dt.time | None) -> tuple[int, int]:
    first = minutes(start)
    last = minutes(end) if end is not None else first + DEFAULT_MINUTES
    if last <= first:
        last = first + SHORTEST_MINUTES
    return first, min(last, DAY_MINUTES)


def place_side_by_side(items: list[TimedItem]) -> list[TimedItem]:
    """Give overlapping items columns: each takes the first column free at its start, and
    every item of a group that overlaps (directly or through others) shares its count."""
    placed: list[TimedItem] = []
    group: list[TimedItem] = []
    column_ends: list[int] = []
    group_end = -1

    def close() -> None:
        placed.extend(replace(i, columns=len(column_ends)) for i in group)

    for item in sorted(items, key=lambda i: (i.start, -i.end, i.title)):
        if group and item.start >= group_end:
            close()
            group, column_ends = [], []
        column = next((c for c, end in enumerate(column_ends) if end <= item.start), None)
        if column is None:
            column = len(column_ends)
            column_ends.append(item.end)
        else:
            column_ends[column] = item.end
        group.append(replace(item, column=column))
        group_end = max(group_end, item.end) if len(group) > 1 else item.end
    if group:
        close()
    return placed


def split_day(
    events: list[CalendarEvent], sessions: dict[tuple[int, dt.date], list[DaySession]], day: dt.date
) -> tuple[list[CalendarEvent], list[TimedItem]]:
    """(events of the all-day row, timed items) for ``day``. A one-day event with a start
    time is placed at its time unless it has timed sessions that day: then the event goes to
    the all-day row and its sessions to their times. Multi-day events and events without
    a time are all-day."""
    all_day: list[CalendarEvent] = []
    timed: list[TimedItem] = []
    for event in events:
        start = event.start_date
        end = event.end_date or start
        if start is None or not start <= day <= max(start, end):
            continue
        own = [s for s in sessions.get((event.id, day), ()) if s.start_time is not None]
        for session in own:
            first, last = _span(session.start_time, session.end_time)
            timed.append(TimedItem(event, session, day, first, last))
        if event.start_time is not None and end == start and not own:
            first, last = _span(event.start_time, event.end_time)
            timed.append(TimedItem(event, None, day, first, last))
        else:
            all_day.append(event)
    return all_day, place_side_by_side(timed)


class DaysModel(QAbstractTableModel):
    """``days`` consecutive days as columns of one row (7 for a week, 1 for a day), filled
    by one range query for the events and one for their sessions."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        days: int = 7,
        statuses: list[str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._days = days
        self._statuses = statuses
        self._first = dt.date.today()
        self._events: list[CalendarEvent] = []
        self._all_day: dict[dt.date, list[DayItem]] = {}
        self._timed: dict[dt.date, list[TimedItem]] = {}

    @property
    def days(self) -> int:
        return self._days

    @property
    def first_day(self) -> dt.date:
        return self._first

    @property
    def last_day(self) -> dt.date:
        return self._first + dt.timedelta(days=self._days - 1)

    @property
    def events(self) -> list[CalendarEvent]:
        """Every event on the days shown, ordered by start."""
        return list(self._events)

    def dates(self) -> list[dt.date]:
        return [self._first + dt.timedelta(days=n) for n in range(self._days)]

    def set_first_day(self, first: dt.date) -> None:
        """Show ``days`` days from ``first``."""
        self._first = first
        self.reload()

    def reload(self) -> None:
        first, last = self.first_day, self.last_day
        with self._sessions.begin() as s:
            events = queries.events_in_range(s, first, last, statuses=self._statuses)
            sessions = sessions_in_range(s, [e.id for e in events], first, last, self._statuses)
        self.beginResetModel()
        self._events = events
        self._timed = {}
        all_day_events: dict[int, CalendarEvent] = {}
        for day in self.dates():
            row, timed = split_day(events, sessions, day)
            self._timed[day] = timed
            all_day_events.update((e.id, e) for e in row)
        # Lanes over the whole range, so that a multi-day event keeps one lane (an event is
        # all-day on every day it spans or on none: only one-day events are timed).
        self._all_day = assign_lanes(list(all_day_events.values()), first, sessions, self._days)
        self.endResetModel()

    def all_day(self, day: dt.date) -> list[DayItem]:
        return list(self._all_day.get(day, ()))

    def timed(self, day: dt.date) -> list[TimedItem]:
        return list(self._timed.get(day, ()))

    def lanes(self) -> int:
        """All-day lanes in use over the days shown."""
        return 1 + max((i.lane for items in self._all_day.values() for i in items), default=-1)

    def earliest_minute(self) -> int | None:
        starts = [i.start for items in self._timed.values() for i in items]
        return min(starts) if starts else None

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._days

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        day = self._first + dt.timedelta(days=index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{day:%a} {day.day} {day:%b}"
        if role == DateRole:
            return day
        if role == EventsRole:
            return self.all_day(day)
        if role == TimedRole:
            return self.timed(day)
        if role == ObjectRole:
            return [i.event for i in self.all_day(day)] + [i.event for i in self.timed(day)]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            day = self._first + dt.timedelta(days=section)
            return f"{day:%a} {day.day} {day:%b}"
        return None
