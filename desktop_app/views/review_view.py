"""The Review page: suggested events, panels and people with the sentence each came from."""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
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
from desktop_app.item_models.review import (
    ReviewModel,
    document_name,
    first_mention,
    kind_of,
    label_of,
)
from desktop_app.item_models.roles import DocumentIdRole, ObjectRole, SortRole
from desktop_app.undo import AcceptDocumentCommand, SetStatusCommand
from desktop_app.views.context import AppContext
from desktop_app.views.deleting import delete_items
from desktop_app.views.icons import icon
from desktop_app.views.list_pages import LazyPage
from desktop_app.views.rich_text import sources_block
from desktop_app.views.tables import row_table, search_field

EMPTY_TEXT = "Nothing to review. Items found in newly imported documents wait here."
FILTERS = (("All kinds", ""), ("Events", "Event"), ("Panels", "Panel"), ("People", "Person"))
#: what Delete removes for each kind of review row (db.deletion.delete_items' keywords)
DELETE_KINDS = {"event": "events", "panel": "panels", "person": "people"}


class ReviewFilter(QSortFilterProxyModel):
    """Rows of one kind (or all) holding every word typed in the search box."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kind = ""
        self._words: list[str] = []

    def set_kind(self, kind: str) -> None:
        self._refilter(lambda: setattr(self, "_kind", kind))

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_words", text.casefold().split()))

    def _refilter(self, change) -> None:  # noqa: ANN001 - a callable
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        if self._kind and model.index(row, ReviewModel.COL_KIND, parent).data() != self._kind:
            return False
        if not self._words:
            return True
        text = " ".join(
            str(model.index(row, column, parent).data() or "")
            for column in range(model.columnCount(parent))
        ).casefold()
        return all(word in text for word in self._words)


class ReviewView(LazyPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = ReviewModel(ctx.sessions, self)
        self.proxy = ReviewFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.search, self._timer = search_field(
            "Search items, documents and sources (Ctrl+F)", self._run_search, self
        )

        self.filter = QComboBox()
        for label, _ in FILTERS:
            self.filter.addItem(label)
        self.count_label = QLabel()
        self.accept_button = QPushButton(icon("accept"), "Accept")
        self.reject_button = QPushButton(icon("reject"), "Reject")
        self.edit_button = QPushButton(icon("edit"), "Edit…")
        self.accept_document_button = QPushButton(icon("accept"), "Accept all from this document")
        self.delete_button = QPushButton(icon("delete"), "Delete")
        self.accept_button.setToolTip("Accept, then go to the next item")
        self.reject_button.setToolTip("Reject, then go to the next item")
        self.delete_button.setToolTip("Delete (Del); Edit › Undo puts it back")
        top = QHBoxLayout()
        top.addWidget(self.filter)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        for button in (
            self.accept_button,
            self.reject_button,
            self.edit_button,
            self.accept_document_button,
            self.delete_button,
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
        self.delete_button.clicked.connect(self.delete_selected)
        self._update_buttons()

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        """Load the suggestions again, keeping the place: after an item is accepted or
        rejected the one after it takes its row and is selected (the next item)."""
        rows = [i.row() for i in self.table.selectionModel().selectedRows()]
        place = min(rows) if rows else 0
        super().reload()
        self.model.reload()
        count = self.model.rowCount()
        self.count_label.setText(f"{count} item(s) awaiting review" if count else "")
        self.empty.setVisible(count == 0)
        self.splitter.setVisible(count > 0)
        self.source.clear()
        self.select_row(min(place, self.proxy.rowCount() - 1))
        self._update_buttons()

    def _filter_changed(self, position: int) -> None:
        self.proxy.set_kind(FILTERS[position][1])

    def _run_search(self) -> None:
        self._timer.stop()
        self.proxy.set_text(self.search.text().strip())

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- selection -----------------------------------------------------------------------
    def selected_items(self) -> list[Event | Panel | Person]:
        rows = self.table.selectionModel().selectedRows()
        return [r.data(ObjectRole) for r in rows if r.data(ObjectRole) is not None]

    def current_item(self) -> Event | Panel | Person | None:
        index = self.table.currentIndex()
        return index.data(ObjectRole) if index.isValid() else None

    def select_row(self, row: int) -> None:
        """Select ``row`` (of the table as shown) and make it current, so that the keyboard
        goes on from there."""
        if row < 0:
            return
        index = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

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
        self.delete_button.setEnabled(has)
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

    def delete_selected(self) -> None:
        """Delete the selected items (the Delete key); undoable."""
        items = self.selected_items()
        if not items:
            return
        targets: dict[str, list[int]] = {}
        for item in items:
            targets.setdefault(DELETE_KINDS[kind_of(item)], []).append(item.id)
        label = f"“{label_of(items[0])}”" if len(items) == 1 else f"{len(items)} items"
        delete_items(self.ctx, self, label, **targets)

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
