"""Events as a table: searched page by page (``fetchMore``) or from a fixed list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont
from sqlalchemy.orm import Session, sessionmaker

from db import queries
from db.models import Event, Status
from desktop_app.item_models.formatting import format_span, format_times
from desktop_app.item_models.roles import ObjectRole, SortRole

PAGE_SIZE = 200


class EventsModel(QAbstractTableModel):
    """Columns: title, when, location, kind, status. One row per :class:`db.models.Event`."""

    COL_TITLE, COL_WHEN, COL_LOCATION, COL_KIND, COL_STATUS = range(5)
    HEADERS = ("Title", "When", "Location", "Kind", "Status")

    def __init__(self, sessions: sessionmaker[Session], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._rows: list[Event] = []
        self._more = False
        self._text = ""
        self._date_from: dt.date | None = None
        self._date_to: dt.date | None = None
        self._statuses: list[str] | None = None
        self._fixed = False

    # -- loading ---------------------------------------------------------------------------
    def set_query(
        self,
        text: str = "",
        *,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        statuses: list[str] | None = None,
    ) -> None:
        """Search events (``db.queries.search_events``); rows arrive in pages as the view
        scrolls."""
        self._text, self._date_from, self._date_to = text, date_from, date_to
        self._statuses = statuses
        self._fixed = False
        self.beginResetModel()
        self._rows = []
        self._more = True
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def refresh(self) -> None:
        """Run the current search again from its first page (a fixed list stays as it is)."""
        if not self._fixed:
            self.set_query(
                self._text,
                date_from=self._date_from,
                date_to=self._date_to,
                statuses=self._statuses,
            )

    def set_events(self, events: list[Event]) -> None:
        """Show a list already fetched (the agenda, the upcoming panel)."""
        self._fixed = True
        self.beginResetModel()
        self._rows = list(events)
        self._more = False
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        with self._sessions.begin() as s:
            page = queries.search_events(
                s,
                self._text,
                date_from=self._date_from,
                date_to=self._date_to,
                statuses=self._statuses,
                limit=PAGE_SIZE,
                offset=len(self._rows),
            )
        self._more = len(page) == PAGE_SIZE
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # -- access ----------------------------------------------------------------------------
    def event_at(self, row: int) -> Event | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, event_id: int) -> int:
        return next((i for i, e in enumerate(self._rows) if e.id == event_id), -1)

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        event = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.COL_TITLE:
                return event.title
            if column == self.COL_WHEN:
                when = format_span(
                    event.start_date, event.start_precision, event.end_date, event.end_precision
                )
                times = format_times(event.start_time, event.end_time)
                return f"{when} {times}".strip()
            if column == self.COL_LOCATION:
                return event.location or ""
            if column == self.COL_KIND:
                return event.kind or ""
            if column == self.COL_STATUS:
                return str(event.status)
        if role == ObjectRole:
            return event
        if role == Qt.ItemDataRole.FontRole and event.status != Status.ACCEPTED:
            font = QFont()
            font.setItalic(True)
            return font
        if role == SortRole:
            if column == self.COL_WHEN:
                return event.start_date.isoformat() if event.start_date else "9999"
            return str(self.data(index) or "").casefold()
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None
