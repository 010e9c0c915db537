"""The Events page: every event, searchable, with the detail of the one chosen."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.item_models.events import EventsModel
from desktop_app.item_models.roles import ObjectRole
from desktop_app.views.context import AppContext
from desktop_app.views.event_detail import EventDetail
from desktop_app.views.icons import icon

DEBOUNCE_MS = 150


class EventsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = EventsModel(ctx.sessions, self)
        self.search = QLineEdit(placeholderText="Search events by title, place or kind…")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(EventsModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(EventsModel.COL_WHEN, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(EventsModel.COL_WHEN, 170)
        # Place, kind and status are in the detail; the list stays readable when narrow.
        for column in (EventsModel.COL_LOCATION, EventsModel.COL_KIND, EventsModel.COL_STATUS):
            self.table.setColumnHidden(column, True)
        self.detail = EventDetail(ctx)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 720])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(self._timer.start)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.loaded = False

    def ensure_loaded(self) -> None:
        """Load the first page the first time the page is shown."""
        if not self.loaded:
            self.loaded = True
            self.run_search()

    def run_search(self) -> None:
        self.loaded = True
        self.model.set_query(self.search.text().strip())

    def reload(self) -> None:
        if self.loaded:
            self.model.refresh()
        self.detail.reload()

    def show_event(self, event_id: int) -> None:
        self.ensure_loaded()
        self.detail.show_event(event_id)
        row = self.model.row_of(event_id)
        if row >= 0:
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)
            self.table.scrollTo(self.model.index(row, 0))

    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [r.data(ObjectRole).id for r in rows if r.data(ObjectRole) is not None]

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        index = self.table.currentIndex()
        event = index.data(ObjectRole) if index.isValid() else None
        if event is not None:
            self.detail.show_event(event.id)
