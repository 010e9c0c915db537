"""The Address book page: people grouped by organisation, searched as you type."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QHeaderView, QLabel, QWidget

from desktop_app.item_models.people import PeopleModel
from desktop_app.views.context import AppContext
from desktop_app.views.deleting import delete_items
from desktop_app.views.list_pages import SearchListPage
from desktop_app.views.person_detail import PersonDetail


class AddressBookView(SearchListPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        empty = QLabel("No people yet — drop documents here or use File › Import…")
        empty.setProperty("role", "empty-state")
        empty.setWordWrap(True)
        empty.hide()
        super().__init__(
            ctx,
            PeopleModel(ctx.sessions),
            PersonDetail(ctx),
            "Search name, organisation, title, e-mail or phone (Ctrl+F)",
            above_table=(empty,),
            sizes=(740, 350),
            parent=parent,
        )
        self.model.setParent(self)
        self.empty = empty
        self.table.setAlternatingRowColors(False)
        self.table.setShowGrid(False)
        self.table.setColumnHidden(PeopleModel.COL_ORGANISATION, True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(PeopleModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PeopleModel.COL_PHONE, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(PeopleModel.COL_NAME, 160)
        self.table.setColumnWidth(PeopleModel.COL_EMAIL, 160)
        self.model.rowsInserted.connect(self._span_headers)
        self.model.modelReset.connect(self._span_headers)

    def apply_search(self, text: str) -> None:
        self.model.set_search(text)
        self.empty.setVisible(not text and self.model.rowCount() == 0)

    def show_person(self, person_id: int) -> None:
        self.show_item(person_id)

    def delete_ids(self, ids: list[int], label: str) -> None:
        delete_items(self.ctx, self, label, people=ids)

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
