"""The Documents page: what was imported, its text, and the files that could not be read."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from db import queries
from desktop_app.item_models.documents import DocumentsModel, FailedImportsModel
from desktop_app.item_models.roles import ObjectRole, SortRole
from desktop_app.views.context import AppContext
from desktop_app.views.deleting import delete_items
from desktop_app.views.icons import icon
from desktop_app.views.list_pages import LazyPage
from desktop_app.views.tables import row_table, search_field


class DocumentsView(LazyPage):
    def __init__(
        self, ctx: AppContext, failed: FailedImportsModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = DocumentsModel(ctx.sessions, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.failed_model = failed
        self.search, self._timer = search_field(
            "Search file names and titles (Ctrl+F)", self._run_search, self
        )
        self.delete_button = QPushButton(icon("delete"), "Delete…")
        self.delete_button.setToolTip(
            "Delete the document and what only it contributed (Del); Edit › Undo puts it back"
        )

        self.empty = QLabel("No documents yet — drop documents here or use File › Import…")
        self.empty.setProperty("role", "empty-state")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table = row_table(self.proxy, many=True, parent=self)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DocumentsModel.COL_IMPORTED, Qt.SortOrder.DescendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(
            DocumentsModel.COL_TITLE, QHeaderView.ResizeMode.Stretch
        )
        self.table.setColumnWidth(DocumentsModel.COL_FILE, 240)
        self.table.setColumnWidth(DocumentsModel.COL_IMPORTED, 140)
        self.text = QPlainTextEdit(readOnly=True)
        self.text.setPlaceholderText("Choose a document to read its text.")
        self.failed_heading = QLabel("Files that could not be imported")
        self.failed_heading.setProperty("role", "heading")
        self.failed_table = row_table(failed, parent=self)
        self.failed_table.horizontalHeader().setStretchLastSection(True)
        self.failed_table.setColumnWidth(FailedImportsModel.COL_FILE, 240)

        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.table)
        top.addWidget(self.text)
        top.setSizes([700, 500])
        failed_box = QWidget()
        failed_layout = QVBoxLayout(failed_box)
        failed_layout.setContentsMargins(0, 0, 0, 0)
        failed_layout.addWidget(self.failed_heading)
        failed_layout.addWidget(self.failed_table)
        self.failed_box = failed_box
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(failed_box)
        splitter.setSizes([560, 160])
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)

        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.delete_button.clicked.connect(self.delete_selected)
        failed.modelReset.connect(self._update_failed)
        self._update_failed()

    def reload(self) -> None:
        super().reload()
        self.model.reload()
        self.empty.setVisible(self.model.rowCount() == 0)
        self.delete_button.setEnabled(self.model.rowCount() > 0)
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def _run_search(self) -> None:
        self._timer.stop()
        self.proxy.setFilterFixedString(self.search.text().strip())

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [r.data(ObjectRole).id for r in rows if r.data(ObjectRole) is not None]

    def delete_selected(self) -> None:
        """Delete the selected documents with everything only they contributed, after a
        confirmation naming it all; undoable."""
        ids = self.selected_ids()
        if not ids:
            return
        index = self.table.currentIndex()
        label = f"“{index.siblingAtColumn(0).data()}”" if len(ids) == 1 else f"{len(ids)} documents"
        delete_items(self.ctx, self, label, documents=ids)

    def _update_failed(self) -> None:
        self.failed_box.setVisible(self.failed_model.rowCount() > 0)

    def _selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        index = self.table.currentIndex()
        document = index.data(ObjectRole) if index.isValid() else None
        if document is None:
            self.text.clear()
            return
        with self.ctx.sessions.begin() as s:
            self.text.setPlainText(queries.document_text(s, document.id))
