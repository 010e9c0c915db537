"""Suggested events, panels and people awaiting review, with the sentence they came from."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from sqlalchemy.orm import Session, sessionmaker

from db import queries
from db.models import Document, Event, Mention, Panel, Person
from desktop_app.item_models.formatting import format_partial, format_span, sentence_around
from desktop_app.item_models.roles import DocumentIdRole, ObjectRole, SortRole

ReviewItem = Event | Panel | Person


def kind_of(item: ReviewItem) -> str:
    """``event``, ``panel`` or ``person``: the ``kind`` that ``db.edits.set_status`` takes."""
    if isinstance(item, Event):
        return "event"
    if isinstance(item, Panel):
        return "panel"
    return "person"


def label_of(item: ReviewItem) -> str:
    if isinstance(item, Person):
        return item.full_name
    return item.title or "(untitled)"


def details_of(item: ReviewItem) -> str:
    if isinstance(item, Event):
        bits = [
            format_span(item.start_date, item.start_precision, item.end_date, item.end_precision)
        ]
        if item.location:
            bits.append(item.location)
        return " · ".join(bits)
    if isinstance(item, Panel):
        bits = [item.kind or "panel"]
        if item.date:
            bits.append(format_partial(item.date, item.date_precision))
        return " · ".join(bits)
    bits = [b for b in (item.job_title, item.organisation.name if item.organisation else None) if b]
    return ", ".join(bits)


def document_name(document: Document) -> str:
    return document.title or Path(document.path).name


def first_mention(item: ReviewItem) -> Mention | None:
    mentions = sorted(item.mentions, key=lambda m: (m.document_id, m.start))
    return mentions[0] if mentions else None


class ReviewModel(QAbstractTableModel):
    """Columns: kind, item, details, document, source sentence."""

    COL_KIND, COL_ITEM, COL_DETAILS, COL_DOCUMENT, COL_SOURCE = range(5)
    HEADERS = ("Kind", "Item", "Details", "Document", "Source")

    def __init__(self, sessions: sessionmaker[Session], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._rows: list[ReviewItem] = []
        self._sources: dict[int, tuple[str, str, str]] = {}

    def reload(self, document_id: int | None = None) -> None:
        """Load the suggested items (of one document, or of all)."""
        with self._sessions.begin() as s:
            items = queries.review_items(s, document_id)
        self.beginResetModel()
        self._rows = list(items)
        self._sources = {}
        self.endResetModel()

    def item_at(self, row: int) -> ReviewItem | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def source_of(self, row: int) -> tuple[str, str, str] | None:
        """The (before, found words, after) of the item's first mention."""
        if row in self._sources:
            return self._sources[row]
        item = self.item_at(row)
        mention = first_mention(item) if item is not None else None
        if mention is None:
            return None
        parts = sentence_around(mention.document.text, mention.start, mention.end)
        self._sources[row] = parts
        return parts

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SortRole):
            if column == self.COL_KIND:
                text = kind_of(item).capitalize()
            elif column == self.COL_ITEM:
                text = label_of(item)
            elif column == self.COL_DETAILS:
                text = details_of(item)
            elif column == self.COL_DOCUMENT:
                mention = first_mention(item)
                text = document_name(mention.document) if mention else ""
            else:
                parts = self.source_of(index.row())
                text = " ".join("".join(parts).split()) if parts else ""
            return text.casefold() if role == SortRole else text
        if role == ObjectRole:
            return item
        if role == DocumentIdRole:
            mention = first_mention(item)
            return mention.document_id if mention else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None
