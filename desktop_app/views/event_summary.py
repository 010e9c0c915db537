"""The details of the event selected in the calendar, beside it: when, where, its sessions
and people, with buttons to open it for editing, show it on the calendar or delete it."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db import queries
from db.models import Event, Status
from desktop_app.item_models.formatting import format_partial, format_span, format_times
from desktop_app.views.chips import chip_colour, kind_group
from desktop_app.views.context import AppContext
from desktop_app.views.icons import icon
from desktop_app.views.rich_text import status_badge

MAX_SESSIONS = 4
MAX_NAME = 70  # characters of a session's name in the side panel


def summary_html(event: Event) -> str:
    """What the side panel says of an event."""
    when = format_span(event.start_date, event.start_precision, event.end_date, event.end_precision)
    times = format_times(event.start_time, event.end_time)
    if times:
        when += f", {times}" + (f" ({event.timezone})" if event.timezone else "")
    rows = [f"<b>When:</b> {escape(when)}"]
    if event.location:
        rows.append(f"<b>Where:</b> {escape(event.location)}")
    kind = (event.kind or "").capitalize()
    if kind:
        rows.append(f"<b>Kind:</b> {escape(kind)} ({escape(kind_group(event.kind).label.lower())})")
    rows.append(f"<b>Status:</b> {status_badge(str(event.status))}")
    html = "<br/>".join(rows)
    panels = [p for p in event.panels if p.status != Status.REJECTED]
    if panels:
        html += f"<p><b>Sessions ({len(panels)})</b><br/>"
        lines = []
        for panel in panels[:MAX_SESSIONS]:
            when = " ".join(
                part
                for part in (
                    format_partial(panel.date, panel.date_precision) if panel.date else "",
                    format_times(panel.start_time, panel.end_time),
                )
                if part
            )
            name = ": ".join(p for p in ((panel.kind or "").capitalize(), panel.title or "") if p)
            name = name or "Session"
            if len(name) > MAX_NAME:
                name = name[: MAX_NAME - 1].rsplit(" ", 1)[0] + "…"
            lines.append(f"<small>{escape(when)}</small> {escape(name)}")
        if len(panels) > MAX_SESSIONS:
            lines.append(f"<i>and {len(panels) - MAX_SESSIONS} more</i>")
        html += "<br/>".join(lines) + "</p>"
    people = {p.person_id for p in event.participations} | {
        p.person_id for panel in panels for p in panel.participations
    }
    if people:
        html += (
            f"<p>{len(people)} {'person takes' if len(people) == 1 else 'people take'} part.</p>"
        )
    return html


class EventSummary(QFrame):
    """The selected event, read-only. Hidden while nothing is selected."""

    open_requested = Signal(int)
    show_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.event_id: int | None = None
        #: the first day of the event shown when it is known to the day
        self.start_day: dt.date | None = None
        self.setObjectName("eventSummary")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.title.setObjectName("summaryTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.open_button = QPushButton(icon("edit"), "Open")
        self.open_button.setToolTip("Open the event to edit it (Enter, or double-click its chip)")
        self.show_button = QPushButton(icon("calendar"), "Show")
        self.show_button.setToolTip("Show its days on the calendar")
        self.delete_button = QToolButton(icon=icon("delete"))
        self.delete_button.setAutoRaise(True)
        self.delete_button.setToolTip("Delete the event (Del); Edit › Undo puts it back")
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(lambda: self._request(self.open_requested))
        self.show_button.clicked.connect(lambda: self._request(self.show_requested))
        self.delete_button.clicked.connect(lambda: self._request(self.delete_requested))
        self.hide()

    def _request(self, signal: Signal) -> None:
        if self.event_id is not None:
            signal.emit(self.event_id)

    def show_event(self, event_id: int | None) -> None:
        """Show ``event_id`` (None, or an event no longer stored: hide)."""
        event = None
        if event_id is not None:
            with self.ctx.sessions.begin() as s:
                event = queries.event_detail(s, event_id)
        if event is None:
            self.event_id = None
            self.start_day = None
            self.hide()
            return
        self.event_id = event.id
        on_a_day = (event.start_precision or "day") == "day"
        self.start_day = event.start_date if on_a_day else None
        colour = chip_colour(event).name()
        self.setStyleSheet(f"QFrame#eventSummary {{ border-left: 5px solid {colour}; }}")
        self.title.setText(event.title)
        self.body.setText(summary_html(event))
        self.show_button.setEnabled(self.start_day is not None)
        self.show()

    def reload(self) -> None:
        self.show_event(self.event_id)
