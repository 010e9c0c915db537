"""What the list-like table models share: one object a row, fixed column headers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from desktop_app.item_models.roles import ObjectRole
from desktop_app.plain_text import tooltip

#: Rows a paged model asks the database for at a time.
PAGE_SIZE = 200


class RowsModel(QAbstractTableModel):
    """A flat table over a list of objects, one a row, with the columns named by ``HEADERS``.

    Subclasses answer :meth:`cell`. :meth:`data` checks the index, answers :data:`ObjectRole`
    with the row's object and, where a subclass gives no tooltip, shows the cell's whole text
    as its tooltip, so text clipped by a narrow column can still be read.
    """

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    # -- rows ------------------------------------------------------------------------------
    def row_at(self, row: int) -> Any | None:
        """The object of ``row``, None outside the table."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def set_rows(self, rows: Iterable[Any]) -> None:
        """Replace every row (a model reset)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def append_rows(self, rows: list[Any]) -> None:
        """Add rows at the end (one insert, as a page fetched on scrolling)."""
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    # -- what a subclass answers -----------------------------------------------------------
    def cell(self, item: Any, column: int, role: int) -> Any:
        """The value of ``role`` for ``item`` in ``column`` (None: nothing)."""
        return None

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.row_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == ObjectRole:
            return item
        value = self.cell(item, index.column(), role)
        if role == Qt.ItemDataRole.ToolTipRole:
            if value is None:
                value = self.cell(item, index.column(), Qt.ItemDataRole.DisplayRole) or None
            # Names and titles come from documents: never rendered as markup.
            return tooltip(value) if isinstance(value, str) else value
        return value

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None


class PagedRowsModel(RowsModel):
    """Rows fetched a page of :data:`PAGE_SIZE` at a time as the view scrolls (``fetchMore``).

    A subclass answers :meth:`fetch_page`; :meth:`add_page` may shape the rows it adds.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._more = False

    def restart(self) -> None:
        """Empty the table and load its first page."""
        self._more = True
        self.set_rows([])
        self.fetchMore(QModelIndex())

    def stop_paging(self) -> None:
        """The rows shown are all there is (a list set whole)."""
        self._more = False

    def fetch_page(self) -> list[Any]:
        """The next page of objects (at most :data:`PAGE_SIZE`)."""
        raise NotImplementedError

    def add_page(self, page: list[Any]) -> None:
        self.append_rows(page)

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        page = self.fetch_page()
        self._more = len(page) == PAGE_SIZE
        if page:
            self.add_page(page)
