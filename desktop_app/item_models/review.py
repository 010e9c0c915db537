"""Suggested events, panels and people awaiting review, with the sentence they came from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from sqlalchemy.orm import Session, sessionmaker

from db import queries
from db.models import Document, Event, Mention, Panel, Person
from desktop_app.document_titles import document_title
from desktop_app.item_models.formatting import format_partial, format_span, sentence_around
from desktop_app.item_models.roles import DocumentIdRole, SortRole
from desktop_app.item_models.table_model import RowsModel

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
    """The document's title (its first heading when it has none of its own), else its file
    name."""
    return document_title(document.title, document.text) or Path(document.path).name


def has_words(mention: Mention) -> bool:
    """Whether the mention's span holds any letter or digit (an empty span shows nothing)."""
    return any(c.isalnum() for c in mention.document.text[mention.start : mention.end])


def first_mention(item: ReviewItem) -> Mention | None:
    """The first mention with words in it (else the first at all), by document and place."""
    mentions = sorted(item.mentions, key=lambda m: (m.document_id, m.start))
    return next((m for m in mentions if has_words(m)), mentions[0] if mentions else None)


class ReviewModel(RowsModel):
    """Columns: kind, item, details, document, source sentence."""

    COL_KIND, COL_ITEM, COL_DETAILS, COL_DOCUMENT, COL_SOURCE = range(5)
    HEADERS = ("Kind", "Item", "Details", "Document", "Source")

    def __init__(self, sessions: sessionmaker[Session], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._sources: dict[tuple[str, int], tuple[str, str, str] | None] = {}

    def reload(self, document_id: int | None = None) -> None:
        """Load the suggested items (of one document, or of all)."""
        with self._sessions.begin() as s:
            items = queries.review_items(s, document_id)
        self._sources = {}
        self.set_rows(items)

    def item_at(self, row: int) -> ReviewItem | None:
        return self.row_at(row)

    def source_of(self, row: int) -> tuple[str, str, str] | None:
        """The (before, found words, after) of the item's first mention."""
        item = self.item_at(row)
        return self._source(item) if item is not None else None

    def _source(self, item: ReviewItem) -> tuple[str, str, str] | None:
        key = (kind_of(item), item.id)
        if key not in self._sources:
            mention = first_mention(item)
            self._sources[key] = (
                sentence_around(mention.document.text, mention.start, mention.end)
                if mention is not None
                else None
            )
        return self._sources[key]

    def cell(self, item: Any, column: int, role: int) -> Any:
        if role == DocumentIdRole:
            mention = first_mention(item)
            return mention.document_id if mention else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SortRole):
            return None
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
            parts = self._source(item)
            text = " ".join("".join(parts).split()) if parts else ""
        return text.casefold() if role == SortRole else text
