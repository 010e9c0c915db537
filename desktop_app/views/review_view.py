"""The Review page: suggested events, panels and people with the sentence each came from."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QRegularExpression, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from db import queries
from db.models import Event, Panel, Person, Status
from desktop_app.item_models.review import ReviewModel, document_name, first_mention, kind_of
from desktop_app.item_models.roles import DocumentIdRole, ObjectRole, SortRole
from desktop_app.undo import AcceptDocumentCommand, SetStatusCommand
from desktop_app.views.context import AppContext
from desktop_app.views.icons import icon
from desktop_app.views.list_pages import LazyPage
from desktop_app.views.rich_text import sources_block
from desktop_app.views.tables import row_table

EMPTY_TEXT = "Nothing to review. Items found in newly imported documents wait here."
FILTERS = (("All kinds", ""), ("Events", "Event"), ("Panels", "Panel"), ("People", "Person"))


class ReviewView(LazyPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = ReviewModel(ctx.sessions, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setFilterKeyColumn(ReviewModel.COL_KIND)

        self.filter = QComboBox()
        for label, _ in FILTERS:
            self.filter.addItem(label)
        self.count_label = QLabel()
        self.accept_button = QPushButton(icon("accept"), "Accept")
        self.reject_button = QPushButton(icon("reject"), "Reject")
        self.edit_button = QPushButton(icon("edit"), "Edit…")
        self.accept_document_button = QPushButton(icon("accept"), "Accept all from this document")
        top = QHBoxLayout()
        top.addWidget(self.filter)
        top.addWidget(self.count_label, 1)
        for button in (
            self.accept_button,
            self.reject_button,
            self.edit_button,
            self.accept_document_button,
        ):
            top.addWidget(button)

        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setProperty("role", "empty-state")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table = row_table(self.proxy, many=True)
        self.table.setSortingEnabled(True)
        # Keep the model's order (by document, events first) until a header is clicked.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ReviewModel.COL_SOURCE, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(ReviewModel.COL_KIND, 70)
        self.table.setColumnWidth(ReviewModel.COL_ITEM, 260)
        self.table.setColumnWidth(ReviewModel.COL_DETAILS, 220)
        self.table.setColumnWidth(ReviewModel.COL_DOCUMENT, 160)
        self.source = QTextBrowser()
        self.source.setPlaceholderText("Choose an item to see where it was found.")

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.source)
        splitter.setSizes([520, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty, 1)
        layout.addWidget(splitter, 1)
        self.splitter = splitter

        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.accept_button.clicked.connect(lambda: self.set_status(Status.ACCEPTED))
        self.reject_button.clicked.connect(lambda: self.set_status(Status.REJECTED))
        self.edit_button.clicked.connect(self.edit_current)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        self.accept_document_button.clicked.connect(self.accept_current_document)
        self._update_buttons()

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        super().reload()
        self.model.reload()
        count = self.model.rowCount()
        self.count_label.setText(f"{count} item(s) awaiting review" if count else "")
        self.empty.setVisible(count == 0)
        self.splitter.setVisible(count > 0)
        self.source.clear()
        if count:
            self.table.selectRow(0)
        self._update_buttons()

    def _filter_changed(self, position: int) -> None:
        value = FILTERS[position][1]
        pattern = f"^{value}$" if value else ""
        self.proxy.setFilterRegularExpression(QRegularExpression(pattern))

    # -- selection -----------------------------------------------------------------------
    def selected_items(self) -> list[Event | Panel | Person]:
        rows = self.table.selectionModel().selectedRows()
        return [r.data(ObjectRole) for r in rows if r.data(ObjectRole) is not None]

    def current_item(self) -> Event | Panel | Person | None:
        index = self.table.currentIndex()
        return index.data(ObjectRole) if index.isValid() else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        item = self.current_item()
        if item is None:
            self.source.clear()
        else:
            self.source.setHtml(sources_block(list(item.mentions)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = bool(self.table.selectionModel().selectedRows())
        for button in (self.accept_button, self.reject_button, self.edit_button):
            button.setEnabled(has)
        self.accept_document_button.setEnabled(self._current_document_id() is not None)

    def _current_document_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(DocumentIdRole) if index.isValid() else None

    # -- actions -------------------------------------------------------------------------
    def set_status(self, status: str) -> None:
        items = self.selected_items()
        if not items:
            return
        self.ctx.push(
            SetStatusCommand(
                self.ctx.sessions,
                [(kind_of(i), i.id, str(i.status)) for i in items],
                status,
                self.ctx.notify,
            )
        )

    def accept_current_document(self) -> None:
        item = self.current_item()
        mention = first_mention(item) if item is not None else None
        if mention is None:
            return
        document_id = mention.document_id
        with self.ctx.sessions.begin() as s:
            suggested = [(kind_of(i), i.id) for i in queries.review_items(s, document_id)]
        self.ctx.push(
            AcceptDocumentCommand(
                self.ctx.sessions,
                document_id,
                suggested,
                self.ctx.notify,
                text=f"Accept all from “{document_name(mention.document)}”",
            )
        )

    def edit_current(self) -> None:
        item = self.current_item()
        if isinstance(item, Person):
            self.ctx.person_requested.emit(item.id)
        elif isinstance(item, Event):
            self.ctx.event_requested.emit(item.id)
        elif isinstance(item, Panel):
            self.ctx.event_requested.emit(item.event_id)
