"""A person's detail: editable name, title, organisation and contacts; events and panels they
take part in; the sentences they were read from."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLineEdit, QWidget
from sqlalchemy.orm import Session

from db import queries
from db.models import ContactKind, Event, Participation, Person
from desktop_app.item_models.formatting import (
    format_partial,
    format_phone,
    format_span,
    normalise_phone,
)
from desktop_app.views.context import AppContext
from desktop_app.views.detail_pane import DetailPane
from desktop_app.views.fields import line_value
from desktop_app.views.rich_text import link, role_badge, sources_block, status_badge

#: update_person's contact-list fields and the ContactKind each holds.
CONTACT_FIELDS = {
    "phones": ContactKind.PHONE,
    "mobiles": ContactKind.MOBILE,
    "faxes": ContactKind.FAX,
    "emails": ContactKind.EMAIL,
}


def contacts_of(person: Person, kind: str) -> list[str]:
    return [c.value for c in person.contacts if c.kind == kind]


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def _event_of(p: Participation) -> Event | None:
    return p.event or (p.panel.event if p.panel is not None else None)


def _participation_order(p: Participation) -> str:
    event = _event_of(p)
    return event.start_date.isoformat() if event and event.start_date else "9999"


def person_html(person: Person) -> str:
    rows = ["<p>"]
    if person.job_title:
        rows.append(f"<b>{escape(person.job_title)}</b><br/>")
    if person.organisation:
        rows.append(f"{escape(person.organisation.name)}<br/>")
    for label, kind in (("Phone", "phone"), ("Mobile", "mobile"), ("Fax", "fax")):
        for value in contacts_of(person, kind):
            rows.append(f"{label}: {escape(format_phone(value))}<br/>")
    for value in contacts_of(person, "email"):
        rows.append(f"E-mail: {link(f'mailto:{value}', value)}<br/>")
    for value in contacts_of(person, "url"):
        rows.append(f"Web: {link(value, value)}<br/>")
    rows.append(f"Status: {status_badge(str(person.status))}</p>")
    if person.notes:
        rows.append(f"<p>{escape(person.notes)}</p>")

    if person.participations:
        rows.append("<h3>Events and panels</h3><ul>")
        for p in sorted(person.participations, key=_participation_order):
            event = _event_of(p)
            if event is None:
                continue
            when = format_span(
                event.start_date, event.start_precision, event.end_date, event.end_precision
            )
            line = f"{link(f'event:{event.id}', event.title)} <small>({escape(when)})</small>"
            if p.panel is not None:
                panel_when = (
                    f", {format_partial(p.panel.date, p.panel.date_precision)}"
                    if p.panel.date
                    else ""
                )
                line += (
                    f"<br/>{escape((p.panel.kind or 'panel').capitalize())}: "
                    f"{escape(p.panel.title or '(untitled)')}{escape(panel_when)}"
                )
            rows.append(f"<li>{line} {role_badge(p.role)}</li>")
        rows.append("</ul>")
    rows.append("<h3>Sources</h3>")
    rows.append(sources_block(list(person.mentions)))
    return "".join(rows)


class PersonDetail(DetailPane):
    """Edit a person in place; accept, reject or merge. Every change is undoable."""

    KIND = "person"
    DELETE_KIND = "people"
    HEADING_FIELD = "full_name"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, "Choose a person to see their contacts, events and sources.", "Full name", parent
        )
        self.name_edit = self.heading_edit
        self.title_edit = QLineEdit(placeholderText="Job title")
        self.organisation_edit = QLineEdit(placeholderText="Organisation")
        self.contact_edits = {
            "phones": QLineEdit(placeholderText="+32 2 123 45 67, …"),
            "mobiles": QLineEdit(placeholderText="+32 470 12 34 56, …"),
            "faxes": QLineEdit(placeholderText="+32 2 123 45 68, …"),
            "emails": QLineEdit(placeholderText="name@example.org, …"),
        }
        self.form.addRow("Title", self.title_edit)
        self.form.addRow("Organisation", self.organisation_edit)
        for field, label in (
            ("phones", "Phones"),
            ("mobiles", "Mobiles"),
            ("faxes", "Faxes"),
            ("emails", "E-mails"),
        ):
            self.form.addRow(label, self.contact_edits[field])
        self.watch(self.title_edit, self.organisation_edit, *self.contact_edits.values())

    @property
    def person_id(self) -> int | None:
        return self.item_id

    def show_person(self, person_id: int | None) -> None:
        self.show_item(person_id)

    # -- the DetailPane parts --------------------------------------------------------------
    def load(self, s: Session, item_id: int) -> Person | None:
        return queries.person_detail(s, item_id)

    def fields_of(self, item: Person) -> dict:
        fields = {
            "full_name": item.full_name,
            "job_title": item.job_title,
            "organisation_name": item.organisation.name if item.organisation else None,
        }
        for field, kind in CONTACT_FIELDS.items():
            fields[field] = contacts_of(item, kind)
        return fields

    def fill(self, item: Person) -> None:
        self.title_edit.setText(item.job_title or "")
        self.organisation_edit.setText(self._snapshot["organisation_name"] or "")
        for field, kind in CONTACT_FIELDS.items():
            values = contacts_of(item, kind)
            shown = [format_phone(v) for v in values] if kind != "email" else values
            self.contact_edits[field].setText(", ".join(shown))

    def html(self, item: Person) -> str:
        return person_html(item)

    def edited_fields(self) -> dict:
        fields = {
            "full_name": self.heading_value(),
            "job_title": line_value(self.title_edit),
            "organisation_name": line_value(self.organisation_edit),
        }
        for field, kind in CONTACT_FIELDS.items():
            typed = _split(self.contact_edits[field].text())
            old = self._snapshot.get(field, [])
            # Numbers are shown formatted; an unchanged display keeps the stored values.
            shown = [format_phone(v) for v in old] if kind != "email" else old
            if typed == shown:
                fields[field] = old
            elif kind == ContactKind.EMAIL:
                fields[field] = [v.lower() for v in typed]
            else:
                fields[field] = [normalise_phone(v) for v in typed]
        return fields

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("event", "person"):
            super()._follow(url)
        else:
            QDesktopServices.openUrl(url)
