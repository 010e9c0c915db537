"""Pick the event or person to merge into the one shown, from a searchable list."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.item_models.events import EventsModel
from desktop_app.item_models.people import PeopleModel
from desktop_app.item_models.roles import ObjectRole
from desktop_app.plain_text import plain_label
from desktop_app.views.context import AppContext
from desktop_app.views.tables import row_table, search_field


class MergePickDialog(QDialog):
    """Search for the other event (``kind="event"``) or person (``kind="person"``)."""

    def __init__(
        self, ctx: AppContext, kind: str, keep_label: str, keep_id: int, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.keep_id = keep_id
        self.setWindowTitle(f"Merge into “{keep_label}”")
        self.resize(640, 480)
        self.model: EventsModel | PeopleModel
        if kind == "event":
            self.model = EventsModel(ctx.sessions, self)
        else:
            self.model = PeopleModel(ctx.sessions, self)
        self.search, self._timer = search_field("Search…", self._run_search, self)
        self.table = row_table(self.model, alternate=False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Merge")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        what = "event" if kind == "event" else "person"
        # keep_label is a name or title read from a document: shown as plain text.
        note = plain_label(
            f"The chosen {what} is merged into “{keep_label}”: its mentions, people and "
            "details move over, nothing is lost. Edit › Undo (Ctrl+Z) puts both back."
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.table.doubleClicked.connect(lambda _i: self.accept())
        self._run_search()

    def _run_search(self) -> None:
        text = self.search.text().strip()
        if isinstance(self.model, EventsModel):
            self.model.set_query(text)
        else:
            self.model.set_search(text)

    def chosen_id(self) -> int | None:
        index: QModelIndex = self.table.currentIndex()
        item = index.data(ObjectRole) if index.isValid() else None
        if item is None or item.id == self.keep_id:
            return None
        return item.id

    def select_id(self, item_id: int) -> None:
        """Select a row by id (for keyboard use and tests)."""
        row = self.model.row_of(item_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
