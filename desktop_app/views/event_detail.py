"""An event's detail: editable fields, its panels with their people, and the sentences it was
read from."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from db import edits, queries
from db.models import Event, Participation, Status
from desktop_app.item_models.formatting import format_partial, format_span, format_times
from desktop_app.undo import EditFieldsCommand, SetStatusCommand
from desktop_app.views.context import AppContext
from desktop_app.views.fields import OptionalDateEdit, changed_fields, line_value
from desktop_app.views.icons import icon
from desktop_app.views.merge_dialog import MergePickDialog
from desktop_app.views.rich_text import link, role_badge, sources_block, status_badge

PRECISION_TEXT = {
    "day": "",
    "month": "known to the month only — date approximate",
    "year": "known to the year only — date approximate",
}


def _people_line(participations: list[Participation]) -> str:
    parts = []
    for p in sorted(participations, key=lambda p: (p.role != "moderator", p.person.full_name)):
        parts.append(f"{link(f'person:{p.person.id}', p.person.full_name)} {role_badge(p.role)}")
    return " &nbsp; ".join(parts)


def event_html(event: Event) -> str:
    """The read-only part of the detail: when, where, panels, people, sources."""
    when = format_span(event.start_date, event.start_precision, event.end_date, event.end_precision)
    times = format_times(event.start_time, event.end_time)
    if times:
        when += f" · {times}" + (f" ({event.timezone})" if event.timezone else "")
    rows = [f"<p><b>When:</b> {escape(when)}"]
    if event.location:
        rows.append(f"<br/><b>Where:</b> {escape(event.location)}")
    if event.organisation:
        rows.append(f"<br/><b>Organised by:</b> {escape(event.organisation.name)}")
    rows.append(f"<br/><b>Status:</b> {status_badge(str(event.status))}</p>")
    if event.description:
        rows.append(f"<p>{escape(event.description)}</p>")
    own = [p for p in event.participations if p.panel_id is None]
    if own:
        rows.append(f"<h3>People</h3><p>{_people_line(own)}</p>")
    if event.panels:
        rows.append(f"<h3>Panels ({len(event.panels)})</h3>")
    for panel in event.panels:
        head = []
        if panel.date:
            head.append(format_partial(panel.date, panel.date_precision))
        if panel.start_time:
            head.append(format_times(panel.start_time, panel.end_time))
        kind = (panel.kind or "panel").capitalize()
        title = panel.title or "(untitled)"
        rows.append(
            f"<p><b>{escape(kind)}: {escape(title)}</b>"
            + (f"<br/><small>{escape(' · '.join(head))}</small>" if head else "")
            + (f"<br/><small>{escape(panel.location)}</small>" if panel.location else "")
        )
        if str(panel.status) != Status.ACCEPTED:
            rows.append(f" {status_badge(str(panel.status))}")
        if panel.participations:
            rows.append(f"<br/>{_people_line(panel.participations)}")
        rows.append("</p>")
    rows.append("<h3>Sources</h3>")
    rows.append(sources_block(list(event.mentions)))
    return "".join(rows)


class EventDetail(QWidget):
    """Edit an event in place; accept, reject or merge it. Every change is undoable."""

    shown = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.event_id: int | None = None
        self._snapshot: dict = {}
        self._status = ""

        self.placeholder = QLabel("Choose an event to see its panels, people and sources.")
        self.placeholder.setProperty("role", "empty-state")
        self.placeholder.setWordWrap(True)
        self.title_edit = QLineEdit(placeholderText="Title")
        font = QFont(self.title_edit.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title_edit.setFont(font)
        self.kind_edit = QLineEdit(placeholderText="forum, conference, summit…")
        self.location_edit = QLineEdit(placeholderText="Where")
        self.start_edit = OptionalDateEdit()
        self.end_edit = OptionalDateEdit()
        self.precision_label = QLabel()
        self.precision_label.setProperty("role", "note")
        dates = QHBoxLayout()
        dates.addWidget(self.start_edit)
        dates.addWidget(QLabel("to"))
        dates.addWidget(self.end_edit)
        dates.addWidget(self.precision_label, 1)
        form = QFormLayout()
        form.addRow("Kind", self.kind_edit)
        form.addRow("Dates", dates)
        form.addRow("Location", self.location_edit)

        self.save_button = QPushButton(icon("edit"), "Save changes")
        self.revert_button = QPushButton("Revert")
        self.accept_button = QPushButton(icon("accept"), "Accept")
        self.reject_button = QPushButton(icon("reject"), "Reject")
        self.merge_button = QPushButton(icon("merge"), "Merge with…")
        buttons = QHBoxLayout()
        for button in (self.save_button, self.revert_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.accept_button, self.reject_button, self.merge_button):
            buttons.addWidget(button)

        self.body = QTextBrowser()
        self.body.setOpenLinks(False)
        self.body.anchorClicked.connect(self._follow)

        self.editor = QWidget()
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.title_edit)
        editor_layout.addLayout(form)
        editor_layout.addLayout(buttons)
        editor_layout.addWidget(self.body, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.editor, 1)
        self.editor.hide()

        for edit in (self.title_edit, self.kind_edit, self.location_edit):
            edit.textEdited.connect(self._update_buttons)
            edit.returnPressed.connect(self.save)
        for edit in (self.start_edit, self.end_edit):
            edit.dateChanged.connect(self._update_buttons)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.reload)
        self.accept_button.clicked.connect(lambda: self.set_status(Status.ACCEPTED))
        self.reject_button.clicked.connect(lambda: self.set_status(Status.REJECTED))
        self.merge_button.clicked.connect(self.merge)

    # -- showing -------------------------------------------------------------------------
    def show_event(self, event_id: int | None) -> None:
        with self.ctx.sessions.begin() as s:
            event = queries.event_detail(s, event_id) if event_id is not None else None
        if event is None:
            self.event_id = None
            self.editor.hide()
            self.placeholder.show()
            return
        self.event_id = event.id
        self._status = str(event.status)
        self._snapshot = self._fields_of(event)
        self.title_edit.setText(event.title)
        self.kind_edit.setText(event.kind or "")
        self.location_edit.setText(event.location or "")
        self.start_edit.set_value(event.start_date)
        self.end_edit.set_value(event.end_date)
        self.precision_label.setText(PRECISION_TEXT.get(event.start_precision or "day", ""))
        for edit in self.findChildren(QLineEdit):
            edit.setCursorPosition(0)
        self.body.setHtml(event_html(event))
        self.placeholder.hide()
        self.editor.show()
        self._update_buttons()
        self.shown.emit(event.id)

    def reload(self) -> None:
        self.show_event(self.event_id)

    @staticmethod
    def _fields_of(event: Event) -> dict:
        return {
            "title": event.title,
            "kind": event.kind,
            "location": event.location,
            "start_date": event.start_date,
            "end_date": event.end_date,
            "start_precision": event.start_precision,
            "end_precision": event.end_precision,
        }

    def edited_fields(self) -> dict:
        """The fields as the editors hold them now."""
        fields = {
            "title": line_value(self.title_edit) or self._snapshot.get("title"),
            "kind": line_value(self.kind_edit),
            "location": line_value(self.location_edit),
            "start_date": self.start_edit.value(),
            "end_date": self.end_edit.value(),
            "start_precision": self._snapshot.get("start_precision"),
            "end_precision": self._snapshot.get("end_precision"),
        }
        # A date picked by hand is a day date, whatever the source said.
        if fields["start_date"] != self._snapshot.get("start_date"):
            fields["start_precision"] = "day" if fields["start_date"] else None
        if fields["end_date"] != self._snapshot.get("end_date"):
            fields["end_precision"] = "day" if fields["end_date"] else None
        return fields

    def _update_buttons(self) -> None:
        dirty = bool(changed_fields(self._snapshot, self.edited_fields())[1])
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        self.accept_button.setEnabled(self._status != Status.ACCEPTED)
        self.reject_button.setEnabled(self._status != Status.REJECTED)

    # -- actions -------------------------------------------------------------------------
    def save(self) -> None:
        if self.event_id is None:
            return
        before, after = changed_fields(self._snapshot, self.edited_fields())
        if not after:
            return
        self.ctx.push(
            EditFieldsCommand(
                self.ctx.sessions,
                "event",
                self.event_id,
                before,
                after,
                self.ctx.notify,
                text=f"Edit event “{self._snapshot.get('title')}”",
            )
        )

    def set_status(self, status: str) -> None:
        if self.event_id is None or status == self._status:
            return
        self.ctx.push(
            SetStatusCommand(
                self.ctx.sessions,
                [("event", self.event_id, self._status)],
                status,
                self.ctx.notify,
            )
        )

    def merge(self) -> None:
        if self.event_id is None:
            return
        dialog = MergePickDialog(
            self.ctx, "event", self._snapshot.get("title") or "", self.event_id, self
        )
        if dialog.exec() and (other := dialog.chosen_id()) is not None:
            self.merge_with(other)

    def merge_with(self, other_id: int) -> None:
        """Merge ``other_id`` into the event shown (mentions, panels and people move)."""
        if self.event_id is None:
            return
        try:
            with self.ctx.sessions.begin() as s:
                edits.merge_events(s, self.event_id, other_id)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            QMessageBox.warning(self, "Merge failed", str(exc))
            return
        # Commands in the stack may name the event that no longer exists.
        self.ctx.undo_stack.clear()
        self.ctx.notify("merge", self.event_id)

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == "person":
            self.ctx.person_requested.emit(int(url.path()))
