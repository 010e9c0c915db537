"""The month (or week) grid: one cell per day, each holding the events on that day."""

from __future__ import annotations

import datetime as dt
import heapq
from dataclasses import dataclass
from typing import NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from sqlalchemy.orm import Session, sessionmaker

from db import queries
from db.queries import CalendarEvent
from desktop_app.item_models.formatting import format_span, format_times
from desktop_app.item_models.roles import DateRole, EventsRole, InMonthRole, ObjectRole, SortRole
from desktop_app.plain_text import tooltip

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class DaySession:
    """A panel or session of an event, on its own day."""

    kind: str | None
    title: str | None
    start_time: dt.time | None = None
    end_time: dt.time | None = None

    @property
    def name(self) -> str:
        """``High-level panel: Title``, with what the source gave."""
        kind = (self.kind or "").capitalize()
        return ": ".join(part for part in (kind, self.title or "") if part) or "Session"

    @property
    def label(self) -> str:
        """The name after the start time, short enough for a day cell."""
        return f"{self.start_time:%H:%M} {self.name}" if self.start_time else self.name

    @property
    def long_label(self) -> str:
        """The name after the start and end times, for a tooltip."""
        return f"{format_times(self.start_time, self.end_time)} {self.name}".strip()


class DayItem(NamedTuple):
    """An event as drawn in one day cell (a named tuple: a month page builds thousands).

    ``lane`` is the vertical slot, the same on every day of a multi-day event within a week;
    ``continues_before``/``continues_after`` say whether the event goes on in the cell to the
    left/right, so the badge is drawn as one bar across the days; ``sessions`` are the event's
    panels and sessions dated that day, by start time.
    """

    event: CalendarEvent
    lane: int
    continues_before: bool
    continues_after: bool
    sessions: tuple[DaySession, ...] = ()


SessionsByDay = dict[tuple[int, dt.date], list[DaySession]]


def sessions_in_range(
    s: Session,
    event_ids: list[int],
    first: dt.date,
    last: dt.date,
    statuses: list[str] | None = None,
) -> SessionsByDay:
    """The day-dated panels of ``event_ids`` from ``first`` to ``last``, by (event id, day)."""
    found: SessionsByDay = {}
    for row in queries.panels_on_days(s, event_ids, first, last, statuses=statuses):
        found.setdefault((row.event_id, row.date), []).append(
            DaySession(row.kind, row.title, row.start_time, row.end_time)
        )
    return found


def grid_start(year: int, month: int) -> dt.date:
    """The Monday on or before the first of the month: the first cell of a 6-week grid."""
    first = dt.date(year, month, 1)
    return first - dt.timedelta(days=first.weekday())


def assign_lanes(
    events: list[CalendarEvent],
    week_start: dt.date,
    sessions: SessionsByDay | None = None,
    days: int = 7,
) -> dict[dt.date, list[DayItem]]:
    """Place the events of ``days`` days from ``week_start`` in lanes so that a multi-day
    event keeps one row across days: each takes the lowest lane free on its first day."""
    sessions = sessions or {}
    week_end = week_start + dt.timedelta(days=days - 1)
    spans: list[tuple[dt.date, dt.date, CalendarEvent, dt.date, dt.date]] = []
    for event in events:
        start = event.start_date
        if start is None or start > week_end:
            continue
        end = event.end_date or start
        if end < start:
            end = start
        if end < week_start:
            continue
        spans.append((max(start, week_start), min(end, week_end), event, start, end))
    spans.sort(key=lambda s: (s[0], s[0] - s[1], s[2].title or "", s[2].id))
    # Spans come by first day, so a lane once free stays free for the rest: the free lanes
    # and the busy ones (by last day) are two heaps.
    free: list[int] = []
    busy: list[tuple[dt.date, int]] = []
    cells: dict[dt.date, list[DayItem]] = {}
    one_day = dt.timedelta(days=1)
    for first, last, event, start, end in spans:
        while busy and busy[0][0] < first:
            heapq.heappush(free, heapq.heappop(busy)[1])
        lane = heapq.heappop(free) if free else len(busy)
        heapq.heappush(busy, (last, lane))
        day = first
        while day <= last:
            item = DayItem(
                event, lane, day > start, day < end, tuple(sessions.get((event.id, day), ()))
            )
            cells.setdefault(day, []).append(item)
            day += one_day
    return cells


class MonthModel(QAbstractTableModel):
    """``weeks`` rows of 7 days (6 for a month, 1 for a week), filled by one range query."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        weeks: int = 6,
        statuses: list[str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._weeks = weeks
        self._statuses = statuses
        today = dt.date.today()
        self._year, self._month = today.year, today.month
        self._first = grid_start(today.year, today.month) if weeks > 1 else today
        self._cells: dict[dt.date, list[DayItem]] = {}
        self._events: list[CalendarEvent] = []

    # -- what is shown ---------------------------------------------------------------------
    @property
    def first_day(self) -> dt.date:
        return self._first

    @property
    def last_day(self) -> dt.date:
        return self._first + dt.timedelta(days=7 * self._weeks - 1)

    @property
    def year_month(self) -> tuple[int, int]:
        return self._year, self._month

    @property
    def events(self) -> list[CalendarEvent]:
        """Every event overlapping the visible days, ordered by start."""
        return list(self._events)

    def set_month(self, year: int, month: int) -> None:
        """Show the 6 weeks around ``month`` (for a 1-week model: its first week)."""
        self._year, self._month = year, month
        self._first = grid_start(year, month)
        self.reload()

    def set_week(self, day: dt.date) -> None:
        """Show the week (Monday to Sunday) holding ``day``."""
        self._first = day - dt.timedelta(days=day.weekday())
        self._year, self._month = day.year, day.month
        self.reload()

    def reload(self) -> None:
        """Run the range query for the visible days, and one for their sessions."""
        with self._sessions.begin() as s:
            events = queries.events_in_range(
                s, self.first_day, self.last_day, statuses=self._statuses
            )
            sessions = sessions_in_range(
                s, [e.id for e in events], self.first_day, self.last_day, self._statuses
            )
        self.beginResetModel()
        self._events = list(events)
        self._cells = {}
        for week in range(self._weeks):
            week_start = self._first + dt.timedelta(days=7 * week)
            self._cells.update(assign_lanes(self._events, week_start, sessions))
        self.endResetModel()

    def date_at(self, index: QModelIndex) -> dt.date:
        return self._first + dt.timedelta(days=index.row() * 7 + index.column())

    def index_of(self, day: dt.date) -> QModelIndex:
        offset = (day - self._first).days
        if not 0 <= offset < 7 * self._weeks:
            return QModelIndex()
        return self.index(offset // 7, offset % 7)

    def items_on(self, day: dt.date) -> list[DayItem]:
        return list(self._cells.get(day, ()))

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._weeks

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        day = self.date_at(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(day.day)
        if role in (DateRole, SortRole):
            return day
        if role == EventsRole:
            return self._cells.get(day, [])
        if role == ObjectRole:
            return [item.event for item in self._cells.get(day, [])]
        if role == InMonthRole:
            return self._weeks == 1 or (day.year, day.month) == (self._year, self._month)
        if role == Qt.ItemDataRole.ToolTipRole:
            items = self._cells.get(day, [])
            if not items:
                return None
            lines = [f"{day:%A} {day.day} {day:%B} {day.year}"]
            for item in sorted(items, key=lambda i: i.lane):
                when = format_span(
                    item.event.start_date,
                    item.event.start_precision,
                    item.event.end_date,
                    item.event.end_precision,
                )
                lines.append(f"• {item.event.title} ({when})")
                lines.extend(f"    {session.long_label}" for session in item.sessions)
            return tooltip("\n".join(lines))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            titles = ", ".join(i.event.title for i in self._cells.get(day, []))
            return f"{day.isoformat()}: {titles or 'no events'}"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _WEEKDAYS[section]
        week_start = self._first + dt.timedelta(days=7 * section)
        return f"W{week_start.isocalendar().week}"
