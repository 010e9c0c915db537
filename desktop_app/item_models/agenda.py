"""The agenda: a rolling list of days from a chosen one forward, each day's events (with their
sessions under them), loaded a page at a time as the list scrolls into the next months."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt
from sqlalchemy.orm import Session, sessionmaker

from db import queries
from db.queries import CalendarEvent
from desktop_app.item_models.formatting import format_times
from desktop_app.item_models.month import DaySession, sessions_in_range
from desktop_app.item_models.roles import DateRole, ObjectRole

PAGE = 200  # events fetched at a time

DAY, EVENT, SESSION = "day", "event", "session"


@dataclass(frozen=True)
class AgendaRow:
    """A day heading, an event listed under its day, or a session under its event."""

    kind: str
    day: dt.date
    event: CalendarEvent | None = None
    session: DaySession | None = None
    session_day: dt.date | None = None

    @property
    def when(self) -> str:
        """The time column: ``10:00–11:30``, ``All day`` or the days of a longer event."""
        if self.kind == SESSION and self.session is not None:
            times = format_times(self.session.start_time, self.session.end_time)
            if self.session_day is not None and self.session_day != self.day:
                return f"{self.session_day.day} {self.session_day:%b} {times}".strip()
            return times
        event = self.event
        if event is None:
            return ""
        start, end = event.start_date, event.end_date or event.start_date
        if end != start:
            # The year is in the day's heading: "15–16 Jun", "30 Jun – 2 Jul".
            if (start.year, start.month) == (end.year, end.month):
                return f"{start.day}–{end.day} {end:%b}"
            return f"{start.day} {start:%b} – {end.day} {end:%b}"
        return format_times(event.start_time, event.end_time) or "All day"

    @property
    def text(self) -> str:
        if self.kind == DAY:
            return f"{self.day:%A} {self.day.day} {self.day:%B} {self.day.year}"
        if self.kind == SESSION and self.session is not None:
            return self.session.name
        return self.event.title if self.event is not None else ""


class AgendaModel(QAbstractListModel):
    """Days from :attr:`first_day` on, each heading followed by the events that start that
    day (those still running on the first day come under it), fetched :data:`PAGE` events at
    a time (``fetchMore``)."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        statuses: list[str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._statuses = statuses
        self._first = dt.date.today()
        self._rows: list[AgendaRow] = []
        self._loaded = 0
        self._more = False
        self._last_day: dt.date | None = None

    @property
    def first_day(self) -> dt.date:
        return self._first

    @property
    def loaded_events(self) -> int:
        return self._loaded

    def set_first_day(self, first: dt.date) -> None:
        """List from ``first`` on (the first page is loaded at once)."""
        self._first = first
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._loaded = 0
        self._last_day = None
        self._more = True
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def row_at(self, row: int) -> AgendaRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_event(self, event_id: int) -> int:
        return next(
            (
                n
                for n, r in enumerate(self._rows)
                if r.kind == EVENT and r.event is not None and r.event.id == event_id
            ),
            -1,
        )

    def days(self) -> list[dt.date]:
        """The days listed so far, in order."""
        return [r.day for r in self._rows if r.kind == DAY]

    def events(self) -> list[CalendarEvent]:
        return [r.event for r in self._rows if r.kind == EVENT and r.event is not None]

    # -- paging ----------------------------------------------------------------------------
    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        with self._sessions.begin() as s:
            page = queries.agenda_events(
                s, self._first, limit=PAGE, offset=self._loaded, statuses=self._statuses
            )
            last = max(((e.end_date or e.start_date) for e in page), default=self._first)
            sessions = sessions_in_range(s, [e.id for e in page], self._first, last, self._statuses)
        self._more = len(page) == PAGE
        self._loaded += len(page)
        rows: list[AgendaRow] = []
        for event in page:
            day = max(event.start_date, self._first)
            if day != self._last_day:
                rows.append(AgendaRow(DAY, day))
                self._last_day = day
            rows.append(AgendaRow(EVENT, day, event))
            own = sorted(
                ((d, s) for (event_id, d), found in sessions.items() if event_id == event.id
                 for s in found),
                key=lambda pair: (pair[0], pair[1].start_time or dt.time.min),
            )  # fmt: skip
            rows.extend(AgendaRow(SESSION, day, event, session, d) for d, session in own)
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        row = self.row_at(index.row())
        if row is None or row.kind == DAY:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.when} {row.text}".strip() if row.kind != DAY else row.text
        if role == ObjectRole:
            return row
        if role == DateRole:
            return row.day
        if role == Qt.ItemDataRole.ToolTipRole and row.event is not None:
            where = f"\n{row.event.location}" if row.event.location else ""
            return f"{row.when} {row.text}".strip() + where
        return None
