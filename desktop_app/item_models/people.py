"""The address book as a table grouped by organisation, loaded page by page."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont
from sqlalchemy.orm import Session, sessionmaker

from db import queries
from db.models import ContactKind, Person
from desktop_app.item_models.formatting import format_phone
from desktop_app.item_models.roles import HeaderRole, ObjectRole, SortRole

PAGE_SIZE = 200
NO_ORGANISATION = "No organisation"


def organisation_of(person: Person) -> str:
    return person.organisation.name if person.organisation else NO_ORGANISATION


def first_contact(person: Person, *kinds: str) -> str:
    for contact in person.contacts:
        if contact.kind in kinds:
            return contact.value
    return ""


class PeopleModel(QAbstractTableModel):
    """Columns: name, organisation, job title, e-mail, phone.

    ``db.queries.search_people`` returns people ordered by organisation; a header row (with
    :data:`HeaderRole` true and no :data:`ObjectRole`) is put before each organisation's first
    person, so a view can draw it as a section title spanning the row.
    """

    COL_NAME, COL_ORGANISATION, COL_TITLE, COL_EMAIL, COL_PHONE = range(5)
    HEADERS = ("Name", "Organisation", "Title", "E-mail", "Phone")

    def __init__(self, sessions: sessionmaker[Session], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._rows: list[Person | str] = []  # a str is an organisation header
        self._loaded = 0
        self._more = False
        self._text = ""
        self._last_group: str | None = None

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
        self.beginResetModel()
        self._rows = []
        self._loaded = 0
        self._last_group = None
        self._more = True
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def refresh(self) -> None:
        self.set_search(self._text)

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        with self._sessions.begin() as s:
            page = queries.search_people(s, self._text, limit=PAGE_SIZE, offset=self._loaded)
        self._more = len(page) == PAGE_SIZE
        if not page:
            return
        rows: list[Person | str] = []
        for person in page:
            group = organisation_of(person)
            if group != self._last_group:
                rows.append(group)
                self._last_group = group
            rows.append(person)
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self._loaded += len(page)
        self.endInsertRows()

    # -- access ----------------------------------------------------------------------------
    def person_at(self, row: int) -> Person | None:
        if 0 <= row < len(self._rows):
            item = self._rows[row]
            return item if isinstance(item, Person) else None
        return None

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
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if index.isValid() and self.is_header(index.row()):
            return Qt.ItemFlag.ItemIsEnabled
        return super().flags(index)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if isinstance(item, str):
            if role == Qt.ItemDataRole.DisplayRole and column == 0:
                return item
            if role == HeaderRole:
                return True
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.COL_NAME:
                return item.full_name
            if column == self.COL_ORGANISATION:
                return item.organisation.name if item.organisation else ""
            if column == self.COL_TITLE:
                return item.job_title or ""
            if column == self.COL_EMAIL:
                return first_contact(item, ContactKind.EMAIL)
            if column == self.COL_PHONE:
                phone = first_contact(item, ContactKind.PHONE, ContactKind.MOBILE)
                return format_phone(phone) if phone else ""
        if role == ObjectRole:
            return item
        if role == HeaderRole:
            return False
        if role == SortRole:
            return (item.name_key or item.full_name).casefold()
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None
