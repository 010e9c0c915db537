"""Events as a table: searched page by page (``fetchMore``) or from a fixed list."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont
from sqlalchemy.orm import Session, sessionmaker

from db import queries
from db.models import Event, Status
from desktop_app.item_models.formatting import format_span, format_times
from desktop_app.item_models.roles import SortRole
from desktop_app.item_models.table_model import PAGE_SIZE, PagedRowsModel


class EventsModel(PagedRowsModel):
    """Columns: title, when, location, kind, status. One row per :class:`db.models.Event`."""

    COL_TITLE, COL_WHEN, COL_LOCATION, COL_KIND, COL_STATUS = range(5)
    HEADERS = ("Title", "When", "Location", "Kind", "Status")

    def __init__(self, sessions: sessionmaker[Session], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sessions = sessions
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
        self.restart()

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
        self.stop_paging()
        self.set_rows(events)

    def fetch_page(self) -> list[Event]:
        with self._sessions.begin() as s:
            return queries.search_events(
                s,
                self._text,
                date_from=self._date_from,
                date_to=self._date_to,
                statuses=self._statuses,
                limit=PAGE_SIZE,
                offset=len(self._rows),
            )

    # -- access ----------------------------------------------------------------------------
    def event_at(self, row: int) -> Event | None:
        return self.row_at(row)

    def row_of(self, event_id: int) -> int:
        return next((i for i, e in enumerate(self._rows) if e.id == event_id), -1)

    # -- cells -----------------------------------------------------------------------------
    def cell(self, item: Any, column: int, role: int) -> Any:
        event: Event = item
        if role == Qt.ItemDataRole.DisplayRole:
            return self._column_text(event, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._column_text(event, column)
            if column != self.COL_TITLE:
                return text
            # Lists that show the title only (the side panels) tell the rest on hover.
            more = [self._column_text(event, c) for c in (self.COL_WHEN, self.COL_LOCATION)]
            return "\n".join([text, " · ".join(m for m in more if m)])
        if role == Qt.ItemDataRole.FontRole and event.status != Status.ACCEPTED:
            font = QFont()
            font.setItalic(True)
            return font
        if role == SortRole:
            if column == self.COL_WHEN:
                return event.start_date.isoformat() if event.start_date else "9999"
            return self._column_text(event, column).casefold()
        return None

    def _column_text(self, event: Event, column: int) -> str:
        if column == self.COL_TITLE:
            return event.title
        if column == self.COL_WHEN:
            when = format_span(
                event.start_date, event.start_precision, event.end_date, event.end_precision
            )
            return f"{when} {format_times(event.start_time, event.end_time)}".strip()
        if column == self.COL_LOCATION:
            return event.location or ""
        if column == self.COL_KIND:
            return event.kind or ""
        return str(event.status)
