"""The Address book page: people grouped by organisation, searched as you type."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.item_models.people import PeopleModel
from desktop_app.item_models.roles import ObjectRole
from desktop_app.views.context import AppContext
from desktop_app.views.icons import icon
from desktop_app.views.person_detail import PersonDetail

DEBOUNCE_MS = 150


class AddressBookView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = PeopleModel(ctx.sessions, self)
        self.search = QLineEdit(
            placeholderText="Search name, organisation, title, e-mail or phone (Ctrl+F)"
        )
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.empty = QLabel("No people yet — drop documents here or use File › Import…")
        self.empty.setProperty("role", "empty-state")
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setColumnHidden(PeopleModel.COL_ORGANISATION, True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(PeopleModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PeopleModel.COL_PHONE, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(PeopleModel.COL_NAME, 160)
        self.table.setColumnWidth(PeopleModel.COL_EMAIL, 170)
        self.detail = PersonDetail(ctx)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.empty)
        left_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 460])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(self._timer.start)
        self.model.rowsInserted.connect(self._span_headers)
        self.model.modelReset.connect(self._span_headers)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.loaded = False

    def ensure_loaded(self) -> None:
        """Load the first page the first time the page is shown."""
        if not self.loaded:
            self.run_search()

    def run_search(self) -> None:
        """Search now (the search box calls this after a short pause in typing)."""
        self._timer.stop()
        self.loaded = True
        text = self.search.text().strip()
        self.model.set_search(text)
        self.empty.setVisible(not text and self.model.rowCount() == 0)

    def reload(self) -> None:
        if self.loaded:
            self.model.refresh()
        self.detail.reload()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def show_person(self, person_id: int) -> None:
        self.ensure_loaded()
        self.detail.show_person(person_id)
        row = self.model.row_of(person_id)
        if row >= 0:
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)
            self.table.scrollTo(self.model.index(row, 0))

    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [r.data(ObjectRole).id for r in rows if r.data(ObjectRole) is not None]

    def _span_headers(
        self, _parent: QModelIndex | None = None, first: int = 0, last: int = -1
    ) -> None:
        if last < 0:
            self.table.clearSpans()
            last = self.model.rowCount() - 1
        columns = self.model.columnCount()
        for row in range(first, last + 1):
            if self.model.is_header(row):
                self.table.setSpan(row, 0, 1, columns)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        index = self.table.currentIndex()
        person = index.data(ObjectRole) if index.isValid() else None
        if person is not None:
            self.detail.show_person(person.id)
