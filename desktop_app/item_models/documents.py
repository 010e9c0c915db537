"""Imported documents, and the files an import could not take in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from sqlalchemy.orm import Session, sessionmaker

from db import queries
from db.models import Document
from db.store import ImportResult
from desktop_app.item_models.roles import ObjectRole, SortRole


class DocumentsModel(QAbstractTableModel):
    """Columns: file, format, title, imported (local time)."""

    COL_FILE, COL_FORMAT, COL_TITLE, COL_IMPORTED = range(4)
    HEADERS = ("File", "Format", "Title", "Imported")

    def __init__(self, sessions: sessionmaker[Session], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._rows: list[Document] = []

    def reload(self) -> None:
        with self._sessions.begin() as s:
            documents = queries.documents(s)
        self.beginResetModel()
        self._rows = list(documents)
        self.endResetModel()

    def document_at(self, row: int) -> Document | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        document = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            if column == self.COL_FILE:
                return Path(document.path).name
            if column == self.COL_FORMAT:
                return document.format
            if column == self.COL_TITLE:
                return document.title or ""
            if column == self.COL_IMPORTED:
                stamp = document.imported_at
                if role == SortRole:
                    return stamp.isoformat() if stamp else ""
                return stamp.astimezone().strftime("%Y-%m-%d %H:%M") if stamp else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return document.path
        if role == ObjectRole:
            return document
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None


class FailedImportsModel(QAbstractTableModel):
    """Files an import could not take in, each with its one-line reason."""

    COL_FILE, COL_REASON = range(2)
    HEADERS = ("File", "Reason")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ImportResult] = []

    def add(self, results: list[ImportResult]) -> None:
        """Add failed results, replacing an earlier failure of the same path."""
        fresh = {r.path for r in results}
        self.beginResetModel()
        self._rows = [r for r in self._rows if r.path not in fresh] + list(results)
        self.endResetModel()

    def forget(self, paths: list[str]) -> None:
        """Drop paths that have since been imported."""
        gone = set(paths)
        self.beginResetModel()
        self._rows = [r for r in self._rows if r.path not in gone]
        self.endResetModel()

    def results(self) -> list[ImportResult]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        result = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            if index.column() == self.COL_FILE:
                return Path(result.path).name
            return result.reason or "failed"
        if role == Qt.ItemDataRole.ToolTipRole:
            return result.path
        if role == ObjectRole:
            return result
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None
