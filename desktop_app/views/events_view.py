"""The Events page: every event, searchable, with the detail of the one chosen."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QWidget

from desktop_app.item_models.events import EventsModel
from desktop_app.views.context import AppContext
from desktop_app.views.deleting import delete_items
from desktop_app.views.event_detail import EventDetail
from desktop_app.views.list_pages import SearchListPage


class EventsView(SearchListPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            EventsModel(ctx.sessions),
            EventDetail(ctx),
            "Search events by title, place or kind…",
            sizes=(480, 720),
            parent=parent,
        )
        self.model.setParent(self)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(EventsModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(EventsModel.COL_WHEN, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(EventsModel.COL_WHEN, 170)
        # Place, kind and status are in the detail; the list stays readable when narrow.
        for column in (EventsModel.COL_LOCATION, EventsModel.COL_KIND, EventsModel.COL_STATUS):
            self.table.setColumnHidden(column, True)

    def apply_search(self, text: str) -> None:
        self.model.set_query(text)

    def show_event(self, event_id: int) -> None:
        self.show_item(event_id)

    def delete_ids(self, ids: list[int], label: str) -> None:
        delete_items(self.ctx, self, label, events=ids)
