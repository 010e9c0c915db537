"""An event's detail: editable fields, its panels with their people, and the sentences it was
read from."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget
from sqlalchemy.orm import Session

from db import queries
from db.models import Event, Panel, Participation, Status
from desktop_app.item_models.formatting import format_partial, format_span, format_times
from desktop_app.views.context import AppContext
from desktop_app.views.deleting import delete_items
from desktop_app.views.detail_pane import DetailPane
from desktop_app.views.fields import OptionalDateEdit, line_value
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
        rows.append(f" <small>{link(f'delete-panel:{panel.id}', 'delete')}</small>")
        if panel.participations:
            rows.append(f"<br/>{_people_line(panel.participations)}")
        rows.append("</p>")
    rows.append("<h3>Sources</h3>")
    rows.append(sources_block(list(event.mentions)))
    return "".join(rows)


class EventDetail(DetailPane):
    """Edit an event in place; accept, reject or merge it. Every change is undoable."""

    KIND = "event"
    DELETE_KIND = "events"
    HEADING_FIELD = "title"
    EDIT_TEXT = "Edit event “{}”"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, "Choose an event to see its panels, people and sources.", "Title", parent
        )
        self.title_edit = self.heading_edit
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
        self.form.addRow("Kind", self.kind_edit)
        self.form.addRow("Dates", dates)
        self.form.addRow("Location", self.location_edit)
        self.watch(self.kind_edit, self.location_edit)
        for edit in (self.start_edit, self.end_edit):
            edit.dateChanged.connect(self._update_buttons)

    @property
    def event_id(self) -> int | None:
        return self.item_id

    def show_event(self, event_id: int | None) -> None:
        self.show_item(event_id)

    # -- the DetailPane parts --------------------------------------------------------------
    def load(self, s: Session, item_id: int) -> Event | None:
        return queries.event_detail(s, item_id)

    def fields_of(self, item: Event) -> dict:
        return {
            "title": item.title,
            "kind": item.kind,
            "location": item.location,
            "start_date": item.start_date,
            "end_date": item.end_date,
            "start_precision": item.start_precision,
            "end_precision": item.end_precision,
        }

    def fill(self, item: Event) -> None:
        self.kind_edit.setText(item.kind or "")
        self.location_edit.setText(item.location or "")
        self.start_edit.set_value(item.start_date)
        self.end_edit.set_value(item.end_date)
        self.precision_label.setText(PRECISION_TEXT.get(item.start_precision or "day", ""))

    def html(self, item: Event) -> str:
        return event_html(item)

    def edited_fields(self) -> dict:
        fields = {
            "title": self.heading_value(),
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

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == "delete-panel":
            panel_id = int(url.path())
            with self.ctx.sessions.begin() as s:
                panel = s.get(Panel, panel_id)
                label = f"the panel “{panel.title or panel.kind or 'untitled'}”" if panel else ""
            if label:
                delete_items(self.ctx, self, label, panels=[panel_id])
        else:
            super()._follow(url)
