"""The shapes of the list pages: pages loaded the first time they are shown, and a list
searched as you type beside the detail of the row chosen."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QItemSelection, Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from desktop_app.item_models.roles import ObjectRole
from desktop_app.views.context import AppContext
from desktop_app.views.detail_pane import DetailPane
from desktop_app.views.tables import row_table, search_field, select_quietly, selected_ids


class LazyPage(QWidget):
    """A page that loads what it shows the first time it is shown (:meth:`reload`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loaded = False

    def ensure_loaded(self) -> None:
        if not self.loaded:
            self.reload()

    def reload(self) -> None:
        self.loaded = True


class SearchListPage(QWidget):
    """A list searched as you type beside the detail of the row chosen.

    ``model`` has ``refresh()`` and ``row_of(id)``; a subclass answers :meth:`apply_search`.
    """

    def __init__(
        self,
        ctx: AppContext,
        model: QAbstractItemModel,
        detail: DetailPane,
        placeholder: str,
        above_table: tuple[QWidget, ...] = (),
        sizes: tuple[int, int] = (480, 720),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = model
        self.detail = detail
        self.search, self._timer = search_field(placeholder, self.run_search, self)
        self.table = row_table(model, many=True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        for widget in above_table:
            left_layout.addWidget(widget)
        left_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(detail)
        # Widths share out a resize in the proportion of the first sizes.
        splitter.setStretchFactor(0, sizes[0])
        splitter.setStretchFactor(1, sizes[1])
        splitter.setSizes(list(sizes))
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.loaded = False

    def apply_search(self, text: str) -> None:
        """Fill the model with the rows matching ``text``."""
        raise NotImplementedError

    def delete_ids(self, ids: list[int], label: str) -> None:
        """Delete the items of the selected rows (``label`` names them)."""
        raise NotImplementedError

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def save(self) -> None:
        """Save the edits in the detail (Ctrl+S)."""
        self.detail.save()

    def delete_selected(self) -> None:
        """Delete the items of the selected rows (the Delete key); undoable."""
        ids = self.selected_ids()
        if not ids:
            return
        index = self.table.currentIndex()
        label = f"“{index.siblingAtColumn(0).data()}”" if len(ids) == 1 else f"{len(ids)} items"
        self.delete_ids(ids, label)

    def ensure_loaded(self) -> None:
        """Load the first page the first time the page is shown."""
        if not self.loaded:
            self.run_search()

    def run_search(self) -> None:
        """Search now (the search box calls this after a short pause in typing)."""
        self._timer.stop()
        self.loaded = True
        self.apply_search(self.search.text().strip())

    def reload(self) -> None:
        if self.loaded:
            self.model.refresh()
        self.detail.reload()

    def show_item(self, item_id: int) -> None:
        """Show the item's detail, and its row selected when the list holds it."""
        self.ensure_loaded()
        self.detail.show_item(item_id)
        select_quietly(self.table, self.model.row_of(item_id))

    def selected_ids(self) -> list[int]:
        return selected_ids(self.table)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        index = self.table.currentIndex()
        item = index.data(ObjectRole) if index.isValid() else None
        if item is not None:
            self.detail.show_item(item.id)
