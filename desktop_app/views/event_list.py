"""A compact two-line list of events (title, then date and place) for side panels."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from db.models import Event
from desktop_app.item_models.events import EventsModel
from desktop_app.item_models.formatting import format_span
from desktop_app.item_models.roles import ObjectRole
from desktop_app.views.chips import chip_colour

PADDING = 4


class EventLineDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        height = option.fontMetrics.height()
        return QSize(200, 2 * height + 3 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        event: Event | None = index.data(ObjectRole)
        if event is None:
            return
        painter.save()
        rect = option.rect
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        painter.fillRect(
            QRect(rect.left() + 2, rect.top() + 4, 4, rect.height() - 8), chip_colour(event)
        )
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        line = option.fontMetrics.height()
        text_rect = rect.adjusted(12, PADDING, -PADDING, 0)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(palette.color(text_role))
        painter.drawText(
            QRect(text_rect.left(), text_rect.top(), text_rect.width(), line),
            Qt.AlignmentFlag.AlignVCenter,
            painter.fontMetrics().elidedText(
                event.title, Qt.TextElideMode.ElideRight, text_rect.width()
            ),
        )
        when = format_span(
            event.start_date, event.start_precision, event.end_date, event.end_precision
        )
        if event.location:
            when += f" · {event.location}"
        painter.setFont(option.font)
        muted = QColor(palette.color(text_role))
        muted.setAlpha(170)
        painter.setPen(muted)
        painter.drawText(
            QRect(text_rect.left(), text_rect.top() + line + PADDING, text_rect.width(), line),
            Qt.AlignmentFlag.AlignVCenter,
            painter.fontMetrics().elidedText(when, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        painter.restore()


def compact_event_list(model: EventsModel, parent: QWidget | None = None) -> QListView:
    view = QListView(parent)
    view.setModel(model)
    view.setModelColumn(EventsModel.COL_TITLE)
    view.setItemDelegate(EventLineDelegate(view))
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setUniformItemSizes(True)
    return view
