"""A person's detail: editable name, title, organisation and contacts; events and panels they
take part in; the sentences they were read from."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QFont
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
from db.models import ContactKind, Event, Participation, Person, Status
from desktop_app.item_models.formatting import (
    format_partial,
    format_phone,
    format_span,
    normalise_phone,
)
from desktop_app.undo import EditFieldsCommand, SetStatusCommand
from desktop_app.views.context import AppContext
from desktop_app.views.fields import changed_fields, line_value
from desktop_app.views.icons import icon
from desktop_app.views.merge_dialog import MergePickDialog
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


class PersonDetail(QWidget):
    """Edit a person in place; accept, reject or merge. Every change is undoable."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id: int | None = None
        self._snapshot: dict = {}
        self._status = ""

        self.placeholder = QLabel("Choose a person to see their contacts, events and sources.")
        self.placeholder.setProperty("role", "empty-state")
        self.placeholder.setWordWrap(True)
        self.name_edit = QLineEdit(placeholderText="Full name")
        font = QFont(self.name_edit.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.name_edit.setFont(font)
        self.title_edit = QLineEdit(placeholderText="Job title")
        self.organisation_edit = QLineEdit(placeholderText="Organisation")
        self.contact_edits = {
            "phones": QLineEdit(placeholderText="+32 2 123 45 67, …"),
            "mobiles": QLineEdit(placeholderText="+32 470 12 34 56, …"),
            "faxes": QLineEdit(placeholderText="+32 2 123 45 68, …"),
            "emails": QLineEdit(placeholderText="name@example.org, …"),
        }
        form = QFormLayout()
        form.addRow("Title", self.title_edit)
        form.addRow("Organisation", self.organisation_edit)
        form.addRow("Phones", self.contact_edits["phones"])
        form.addRow("Mobiles", self.contact_edits["mobiles"])
        form.addRow("Faxes", self.contact_edits["faxes"])
        form.addRow("E-mails", self.contact_edits["emails"])

        self.save_button = QPushButton(icon("edit"), "Save changes")
        self.revert_button = QPushButton("Revert")
        self.accept_button = QPushButton(icon("accept"), "Accept")
        self.reject_button = QPushButton(icon("reject"), "Reject")
        self.merge_button = QPushButton(icon("merge"), "Merge with…")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        for button in (self.accept_button, self.reject_button, self.merge_button):
            buttons.addWidget(button)

        self.body = QTextBrowser()
        self.body.setOpenLinks(False)
        self.body.anchorClicked.connect(self._follow)

        self.editor = QWidget()
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.name_edit)
        editor_layout.addLayout(form)
        editor_layout.addLayout(buttons)
        editor_layout.addWidget(self.body, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.editor, 1)
        self.editor.hide()

        for edit in (
            self.name_edit,
            self.title_edit,
            self.organisation_edit,
            *self.contact_edits.values(),
        ):
            edit.textEdited.connect(self._update_buttons)
            edit.returnPressed.connect(self.save)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.reload)
        self.accept_button.clicked.connect(lambda: self.set_status(Status.ACCEPTED))
        self.reject_button.clicked.connect(lambda: self.set_status(Status.REJECTED))
        self.merge_button.clicked.connect(self.merge)

    def show_person(self, person_id: int | None) -> None:
        with self.ctx.sessions.begin() as s:
            person = queries.person_detail(s, person_id) if person_id is not None else None
        if person is None:
            self.person_id = None
            self.editor.hide()
            self.placeholder.show()
            return
        self.person_id = person.id
        self._status = str(person.status)
        self._snapshot = self._fields_of(person)
        self.name_edit.setText(person.full_name)
        self.title_edit.setText(person.job_title or "")
        self.organisation_edit.setText(self._snapshot["organisation_name"] or "")
        for field, kind in CONTACT_FIELDS.items():
            values = contacts_of(person, kind)
            shown = [format_phone(v) for v in values] if kind != "email" else values
            self.contact_edits[field].setText(", ".join(shown))
        for edit in self.findChildren(QLineEdit):
            edit.setCursorPosition(0)
        self.body.setHtml(person_html(person))
        self.placeholder.hide()
        self.editor.show()
        self._update_buttons()

    def reload(self) -> None:
        self.show_person(self.person_id)

    @staticmethod
    def _fields_of(person: Person) -> dict:
        fields = {
            "full_name": person.full_name,
            "job_title": person.job_title,
            "organisation_name": person.organisation.name if person.organisation else None,
        }
        for field, kind in CONTACT_FIELDS.items():
            fields[field] = contacts_of(person, kind)
        return fields

    def edited_fields(self) -> dict:
        fields = {
            "full_name": line_value(self.name_edit) or self._snapshot.get("full_name"),
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

    def _update_buttons(self) -> None:
        dirty = bool(changed_fields(self._snapshot, self.edited_fields())[1])
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        self.accept_button.setEnabled(self._status != Status.ACCEPTED)
        self.reject_button.setEnabled(self._status != Status.REJECTED)

    def save(self) -> None:
        if self.person_id is None:
            return
        before, after = changed_fields(self._snapshot, self.edited_fields())
        if not after:
            return
        self.ctx.push(
            EditFieldsCommand(
                self.ctx.sessions,
                "person",
                self.person_id,
                before,
                after,
                self.ctx.notify,
                text=f"Edit “{self._snapshot.get('full_name')}”",
            )
        )

    def set_status(self, status: str) -> None:
        if self.person_id is None or status == self._status:
            return
        self.ctx.push(
            SetStatusCommand(
                self.ctx.sessions,
                [("person", self.person_id, self._status)],
                status,
                self.ctx.notify,
            )
        )

    def merge(self) -> None:
        if self.person_id is None:
            return
        dialog = MergePickDialog(
            self.ctx, "person", self._snapshot.get("full_name") or "", self.person_id, self
        )
        if dialog.exec() and (other := dialog.chosen_id()) is not None:
            self.merge_with(other)

    def merge_with(self, other_id: int) -> None:
        """Merge ``other_id`` into the person shown (contacts, mentions and roles move)."""
        if self.person_id is None:
            return
        try:
            with self.ctx.sessions.begin() as s:
                edits.merge_people(s, self.person_id, other_id)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            QMessageBox.warning(self, "Merge failed", str(exc))
            return
        self.ctx.undo_stack.clear()
        self.ctx.notify("merge", self.person_id)

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == "event":
            self.ctx.event_requested.emit(int(url.path()))
        elif url.scheme() == "person":
            self.ctx.person_requested.emit(int(url.path()))
        else:
            QDesktopServices.openUrl(url)
