"""The Documents page: what was imported, its text, and the files that could not be read."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from db import queries
from desktop_app.item_models.documents import DocumentsModel, FailedImportsModel
from desktop_app.item_models.roles import ObjectRole, SortRole
from desktop_app.views.context import AppContext
from desktop_app.views.list_pages import LazyPage
from desktop_app.views.tables import row_table


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
        self.failed_model = failed

        self.empty = QLabel("No documents yet — drop documents here or use File › Import…")
        self.empty.setProperty("role", "empty-state")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table = row_table(self.proxy, parent=self)
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)

        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        failed.modelReset.connect(self._update_failed)
        self._update_failed()

    def reload(self) -> None:
        super().reload()
        self.model.reload()
        self.empty.setVisible(self.model.rowCount() == 0)
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

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
