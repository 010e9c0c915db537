"""Imported documents, and the files an import could not take in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from sqlalchemy.orm import Session, sessionmaker

from db import queries
from db.models import Document
from db.store import ImportResult
from desktop_app.document_titles import document_title
from desktop_app.item_models.roles import SortRole
from desktop_app.item_models.table_model import RowsModel


class DocumentsModel(RowsModel):
    """Columns: file, format, title, imported (local time). A document without a title of its
    own (plain text, PDFs whose metadata say "(anonymous)") shows its first heading."""

    COL_FILE, COL_FORMAT, COL_TITLE, COL_IMPORTED = range(4)
    HEADERS = ("File", "Format", "Title", "Imported")

    def __init__(self, sessions: sessionmaker[Session], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._titles: dict[int, str] = {}

    def reload(self) -> None:
        with self._sessions.begin() as s:
            documents = queries.documents(s)
        self._titles = {d.id: document_title(d.title, d.text) for d in documents}
        self.set_rows(documents)

    def title_of(self, document: Document) -> str:
        return self._titles.get(document.id, "")

    def document_at(self, row: int) -> Document | None:
        return self.row_at(row)

    def cell(self, item: Any, column: int, role: int) -> Any:
        document: Document = item
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_TITLE and self.title_of(document):
                return f"{self.title_of(document)}\n{document.path}"
            return document.path
        if role not in (Qt.ItemDataRole.DisplayRole, SortRole):
            return None
        if column == self.COL_FILE:
            return Path(document.path).name
        if column == self.COL_FORMAT:
            return document.format
        if column == self.COL_TITLE:
            return self.title_of(document)
        stamp = document.imported_at
        if stamp is None:
            return ""
        if role == SortRole:
            return stamp.isoformat()
        return stamp.astimezone().strftime("%Y-%m-%d %H:%M")


class FailedImportsModel(RowsModel):
    """Files an import could not take in, each with its one-line reason."""

    COL_FILE, COL_REASON = range(2)
    HEADERS = ("File", "Reason")

    def add(self, results: list[ImportResult]) -> None:
        """Add failed results, replacing an earlier failure of the same path."""
        fresh = {r.path for r in results}
        self.set_rows([r for r in self._rows if r.path not in fresh] + list(results))

    def forget(self, paths: list[str]) -> None:
        """Drop paths that have since been imported."""
        gone = set(paths)
        self.set_rows([r for r in self._rows if r.path not in gone])

    def results(self) -> list[ImportResult]:
        return list(self._rows)

    def cell(self, item: Any, column: int, role: int) -> Any:
        result: ImportResult = item
        reason = result.reason or "failed"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{result.path}\n{reason}"
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            return Path(result.path).name if column == self.COL_FILE else reason
        return None
