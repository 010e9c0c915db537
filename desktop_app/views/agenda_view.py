"""The agenda: a list of days, each with its events and their sessions, that keeps loading
as it scrolls. A click selects an event, a double click (or Enter) opens it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop_app.item_models.agenda import DAY, EVENT, AgendaModel, AgendaRow
from desktop_app.item_models.roles import ObjectRole
from desktop_app.views.chips import chip_colour, paint_chip

WHEN_WIDTH = 130
PADDING = 4


class AgendaDelegate(QStyledItemDelegate):
    """Day headings in bold over a rule; events on two lines (title, then place and kind)
    with their chip; sessions on one indented line."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.selected_event: int | None = None

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        row: AgendaRow | None = index.data(ObjectRole)
        line = option.fontMetrics.height()
        if row is None or row.kind == DAY:
            return QSize(300, line + 14)
        if row.kind == EVENT:
            return QSize(300, 2 * line + 3 * PADDING)
        return QSize(300, line + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        row: AgendaRow | None = index.data(ObjectRole)
        if row is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect
        palette = option.palette
        text_colour = palette.color(QPalette.ColorRole.Text)
        line = option.fontMetrics.height()
        if row.kind == DAY:
            bold = QFont(option.font)
            bold.setBold(True)
            painter.setFont(bold)
            rule = QColor(palette.color(QPalette.ColorRole.Mid))
            painter.fillRect(QRect(rect.left(), rect.top() + 2, rect.width(), 1), rule)
            label = row.text + ("  ·  Today" if row.day == self.today else "")
            painter.setPen(
                palette.color(QPalette.ColorRole.Highlight)
                if row.day == self.today
                else text_colour
            )
            painter.drawText(
                rect.adjusted(PADDING, 4, -PADDING, 0), Qt.AlignmentFlag.AlignVCenter, label
            )
            painter.restore()
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        event = row.event
        if selected:
            tint = QColor(palette.color(QPalette.ColorRole.Highlight))
            tint.setAlpha(50)
            painter.fillRect(rect, tint)
        muted = QColor(text_colour)
        muted.setAlpha(170)
        if row.kind == EVENT:
            painter.setPen(text_colour)
            painter.drawText(
                QRect(rect.left() + PADDING, rect.top() + PADDING, WHEN_WIDTH - PADDING, line),
                Qt.AlignmentFlag.AlignVCenter,
                row.when,
            )
            chip = QRect(rect.left() + WHEN_WIDTH, rect.top() + 2, 6, rect.height() - 4)
            paint_chip(painter, palette, chip, event, bar=False)
            text_left = rect.left() + WHEN_WIDTH + 14
            width = rect.right() - text_left - PADDING
            bold = QFont(option.font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(text_colour)
            painter.drawText(
                QRect(text_left, rect.top() + PADDING, width, line),
                Qt.AlignmentFlag.AlignVCenter,
                painter.fontMetrics().elidedText(event.title, Qt.TextElideMode.ElideRight, width),
            )
            details = " · ".join(
                part
                for part in (event.location, (event.kind or "").capitalize(), _status(event))
                if part
            )
            painter.setFont(option.font)
            painter.setPen(muted)
            painter.drawText(
                QRect(text_left, rect.top() + 2 * PADDING + line, width, line),
                Qt.AlignmentFlag.AlignVCenter,
                painter.fontMetrics().elidedText(details, Qt.TextElideMode.ElideRight, width),
            )
        else:
            painter.setPen(muted)
            painter.drawText(
                QRect(rect.left() + PADDING, rect.top(), WHEN_WIDTH - PADDING, rect.height()),
                Qt.AlignmentFlag.AlignVCenter,
                row.when,
            )
            dot = QRect(rect.left() + WHEN_WIDTH + 14, rect.center().y() - 2, 5, 5)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(chip_colour(event))
            painter.drawEllipse(dot)
            text_left = dot.right() + 8
            width = rect.right() - text_left - PADDING
            painter.setPen(muted)
            painter.drawText(
                QRect(text_left, rect.top(), width, rect.height()),
                Qt.AlignmentFlag.AlignVCenter,
                painter.fontMetrics().elidedText(row.text, Qt.TextElideMode.ElideRight, width),
            )
        painter.restore()


def _status(event: object) -> str:
    return "suggested" if getattr(event, "status", "") == "suggested" else ""


class AgendaView(QListView):
    """The rolling agenda over an :class:`AgendaModel`."""

    event_selected = Signal(int)
    event_activated = Signal(int)

    def __init__(self, model: AgendaModel, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.agenda_delegate = AgendaDelegate(today, self)
        self.setItemDelegate(self.agenda_delegate)
        self.setObjectName("agenda")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.clicked.connect(self._select)
        self.activated.connect(self._activate)

    def agenda_model(self) -> AgendaModel:
        return self.model()  # type: ignore[return-value]

    def _event_id(self, index: QModelIndex) -> int | None:
        row: AgendaRow | None = index.data(ObjectRole) if index.isValid() else None
        return row.event.id if row is not None and row.event is not None else None

    def _select(self, index: QModelIndex) -> None:
        event_id = self._event_id(index)
        if event_id is not None:
            self.event_selected.emit(event_id)

    def _activate(self, index: QModelIndex) -> None:
        event_id = self._event_id(index)
        if event_id is not None:
            self.event_activated.emit(event_id)

    def select_event(self, event_id: int | None) -> None:
        """Select the row of ``event_id`` when it is listed (quietly: no signal)."""
        row = self.agenda_model().row_of_event(event_id) if event_id is not None else -1
        if row < 0:
            self.clearSelection()
            return
        index = self.model().index(row, 0)
        self.selectionModel().blockSignals(True)
        self.setCurrentIndex(index)
        self.selectionModel().blockSignals(False)
        self.scrollTo(index)

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:  # noqa: N802
        super().currentChanged(current, previous)
        if self.selectionModel().signalsBlocked():
            return
        self._select(current)
