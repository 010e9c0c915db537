"""The address book as a table grouped by organisation (offices of one organisation
together, see ``db.organisation_groups``), loaded page by page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QFont
from sqlalchemy.orm import Session, sessionmaker

from db import queries
from db.models import ContactKind, Person
from db.organisation_groups import group_key, group_labels, office_stem
from desktop_app.item_models.formatting import format_phone
from desktop_app.item_models.roles import HeaderRole, ObjectRole, SortRole
from desktop_app.item_models.table_model import PAGE_SIZE, PagedRowsModel

NO_ORGANISATION = "No organisation"


def organisation_of(person: Person) -> str:
    return person.organisation.name if person.organisation else NO_ORGANISATION


def _names_group(person: Person, heading: str) -> bool:
    """Whether the person's organisation is the one its group heading names (not one of
    its offices)."""
    org = person.organisation
    return org.name == heading or bool(
        org.acronym and group_key(None, org.acronym) == group_of(person)
    )


def group_of(person: Person) -> str:
    """The key of the person's organisation group ("" for none)."""
    org = person.organisation
    return group_key(org.name, org.acronym) if org is not None else ""


def first_contact(person: Person, *kinds: str) -> str:
    for contact in person.contacts:
        if contact.kind in kinds:
            return contact.value
    return ""


class PeopleModel(PagedRowsModel):
    """Columns: name, organisation, job title, e-mail, phone.

    ``db.queries.search_people`` returns people ordered by organisation; a header row (with
    :data:`HeaderRole` true and no :data:`ObjectRole`) is put before each organisation
    group's first person, so a view can draw it as a section title spanning the row. A group
    is an organisation with its offices; a person of one office shows it after the title.
    """

    COL_NAME, COL_ORGANISATION, COL_TITLE, COL_EMAIL, COL_PHONE = range(5)
    HEADERS = ("Name", "Organisation", "Title", "E-mail", "Phone")

    def __init__(self, sessions: sessionmaker[Session], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._rows: list[Person | str] = []  # a str is an organisation header
        self._loaded = 0
        self._text = ""
        self._last_group: str | None = None
        self._labels: dict[str, str] = {}
        self._offices: dict[int, str] = {}  # person id -> office, when not the heading

    @property
    def text(self) -> str:
        return self._text

    @property
    def loaded_people(self) -> int:
        return self._loaded

    def set_search(self, text: str = "") -> None:
        """Show the people matching ``text`` (any part of name, organisation, title, e-mail,
        phone); the first page is loaded at once, the rest as the view scrolls."""
        self._text = text
        self._loaded = 0
        self._last_group = None
        self._labels = {}
        self._offices = {}
        self.restart()

    def refresh(self) -> None:
        self.set_search(self._text)

    def fetch_page(self) -> list[Person]:
        with self._sessions.begin() as s:
            page = queries.search_people(s, self._text, limit=PAGE_SIZE, offset=self._loaded)
            fresh = {group_of(p) for p in page} - set(self._labels)
            self._labels.update(group_labels(s, fresh))
        return page

    def group_label(self, key: str, names: list[str]) -> str:
        """The heading of a group: the organisation the key is the acronym of, else the one
        name its people's organisations share, else what their names have in common."""
        if not key:
            return NO_ORGANISATION
        if key in self._labels:
            return self._labels[key]
        distinct = list(dict.fromkeys(names))
        return distinct[0] if len(distinct) == 1 else office_stem(distinct[0])

    def add_page(self, page: list[Person]) -> None:
        rows: list[Person | str] = []
        names: dict[str, list[str]] = {}
        for person in page:
            group = group_of(person)
            if group != self._last_group:
                rows.append(group)  # replaced by its heading below
                self._last_group = group
            names.setdefault(group, []).append(organisation_of(person))
            rows.append(person)
        heading = self.heading_of(len(self._rows) - 1) or ""  # a group going on
        for n, row in enumerate(rows):
            if isinstance(row, str):
                heading = rows[n] = self.group_label(row, names[row])
            elif row.organisation is not None and not _names_group(row, heading):
                self._offices[row.id] = row.organisation.name
        self._loaded += len(page)
        self.append_rows(rows)

    def _title_text(self, person: Person) -> str:
        """The job title, then the office when the group heading names another."""
        office = self._offices.get(person.id)
        return " · ".join(p for p in (person.job_title, office) if p)

    def heading_of(self, row: int) -> str | None:
        """The group heading a row comes under."""
        for n in range(min(row, len(self._rows) - 1), -1, -1):
            if isinstance(self._rows[n], str):
                return self._rows[n]
        return None

    # -- access ----------------------------------------------------------------------------
    def person_at(self, row: int) -> Person | None:
        item = self.row_at(row)
        return item if isinstance(item, Person) else None

    def is_header(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and isinstance(self._rows[row], str)

    def row_of(self, person_id: int) -> int:
        return next(
            (i for i, p in enumerate(self._rows) if isinstance(p, Person) and p.id == person_id),
            -1,
        )

    def people(self) -> list[Person]:
        return [p for p in self._rows if isinstance(p, Person)]

    # -- Qt model --------------------------------------------------------------------------
    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if index.isValid() and self.is_header(index.row()):
            return Qt.ItemFlag.ItemIsEnabled
        return super().flags(index)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == ObjectRole:  # header rows have no object
            return self.person_at(index.row()) if index.isValid() else None
        return super().data(index, role)

    def cell(self, item: Any, column: int, role: int) -> Any:
        if isinstance(item, str):
            return self._header_cell(item, column, role)
        person: Person = item
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_NAME:
                return person.full_name
            if column == self.COL_ORGANISATION:
                return person.organisation.name if person.organisation else ""
            if column == self.COL_TITLE:
                return self._title_text(person)
            if column == self.COL_EMAIL:
                return first_contact(person, ContactKind.EMAIL)
            phone = first_contact(person, ContactKind.PHONE, ContactKind.MOBILE)
            return format_phone(phone) if phone else ""
        if role == HeaderRole:
            return False
        if role == SortRole:
            return (person.name_key or person.full_name).casefold()
        return None

    @staticmethod
    def _header_cell(group: str, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return group
        if role == HeaderRole:
            return True
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None
