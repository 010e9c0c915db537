"""The month grid: a QTableView over a MonthModel with a delegate drawing chips.

A click on a chip selects its event (the calendar shows its details beside the grid); a
double click, or Enter, opens it for editing. The arrow keys move the chosen day.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from db.queries import CalendarEvent
from desktop_app.item_models.month import DayItem, DaySession, MonthModel
from desktop_app.item_models.roles import DateRole, EventsRole, InMonthRole
from desktop_app.views.chips import chip_colour, paint_chip

DAY_HEADER = 22
BADGE = 18
GAP = 2
SESSION_LINE = 15
#: Arrow keys → days the chosen day moves by.
ARROW_DAYS = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}


def _layout(rect: QRect, items: list[DayItem]) -> tuple[list[DayItem], int, int]:
    """(badges drawn, hidden count, number of lanes that fit) for one cell."""
    slots = max(0, (rect.height() - DAY_HEADER - GAP) // (BADGE + GAP))
    lanes = max((i.lane for i in items), default=-1) + 1
    if lanes <= slots:
        return items, 0, slots
    shown_lanes = max(0, slots - 1)  # keep the last slot for "+N more"
    shown = [i for i in items if i.lane < shown_lanes]
    return shown, len(items) - len(shown), shown_lanes


def _badge_rect(rect: QRect, item: DayItem) -> QRect:
    top = rect.top() + DAY_HEADER + item.lane * (BADGE + GAP)
    left = rect.left() + (0 if item.continues_before else 3)
    right = rect.right() - (0 if item.continues_after else 3)
    return QRect(left, top, right - left + 1, BADGE)


def _more_rect(rect: QRect, shown_lanes: int) -> QRect:
    top = rect.top() + DAY_HEADER + shown_lanes * (BADGE + GAP)
    return QRect(rect.left() + 3, top, rect.width() - 6, BADGE)


def session_lines(
    rect: QRect, items: list[DayItem]
) -> tuple[list[tuple[QRect, DayItem, DaySession]], int]:
    """The session lines that fit under a cell's badges, and how many sessions do not fit.

    Sessions are listed only when every badge of the cell is drawn; a line left over for
    them all is used for "+N more" instead.
    """
    shown, hidden, _ = _layout(rect, items)
    if hidden:
        return [], 0
    pairs = [
        (item, session) for item in sorted(shown, key=lambda i: i.lane) for session in item.sessions
    ]
    lanes = max((i.lane for i in shown), default=-1) + 1
    top = rect.top() + DAY_HEADER + lanes * (BADGE + GAP)
    room = max(0, (rect.bottom() - top) // SESSION_LINE)
    if len(pairs) > room:
        room = max(0, room - 1)
    lines = [
        (QRect(rect.left() + 3, top + n * SESSION_LINE, rect.width() - 6, SESSION_LINE), i, ses)
        for n, (i, ses) in enumerate(pairs[:room])
    ]
    return lines, len(pairs) - len(lines)


def _more_sessions_rect(rect: QRect, lines: int, items: list[DayItem]) -> QRect:
    lanes = max((i.lane for i in items), default=-1) + 1
    top = rect.top() + DAY_HEADER + lanes * (BADGE + GAP) + lines * SESSION_LINE
    return QRect(rect.left() + 3, top, rect.width() - 6, SESSION_LINE)


def hit_test(rect: QRect, items: list[DayItem], pos: QPoint) -> CalendarEvent | str | None:
    """The event whose badge or session line is at ``pos``, ``"more"`` for a "+N more" line,
    else None."""
    shown, hidden, shown_lanes = _layout(rect, items)
    for item in shown:
        if _badge_rect(rect, item).contains(pos):
            return item.event
    if hidden and _more_rect(rect, shown_lanes).contains(pos):
        return "more"
    lines, untold = session_lines(rect, items)
    for box, item, _ in lines:
        if box.contains(pos):
            return item.event
    if untold and _more_sessions_rect(rect, len(lines), shown).contains(pos):
        return "more"
    return None


class DayDelegate(QStyledItemDelegate):
    """Draws a day: its number (ringed when today) and its events as coloured badges."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.selected_day: dt.date | None = None
        self.selected_event: int | None = None

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(120, DAY_HEADER + 3 * (BADGE + GAP))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect
        palette = option.palette
        day: dt.date = index.data(DateRole)
        in_month = bool(index.data(InMonthRole))
        items: list[DayItem] = index.data(EventsRole) or []

        if not in_month:
            shade = QColor(palette.color(QPalette.ColorRole.Text))
            shade.setAlpha(12)
            painter.fillRect(rect, shade)
        if day == self.selected_day:
            tint = QColor(palette.color(QPalette.ColorRole.Highlight))
            tint.setAlpha(40)
            painter.fillRect(rect, tint)

        number_rect = QRect(rect.left() + 4, rect.top() + 2, 24, DAY_HEADER - 4)
        text_colour = palette.color(QPalette.ColorRole.Text)
        if day == self.today:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(number_rect, 8, 8)
            text_colour = palette.color(QPalette.ColorRole.HighlightedText)
        elif not in_month:
            text_colour = palette.color(QPalette.ColorRole.PlaceholderText)
        font = QFont(option.font)
        font.setBold(day == self.today)
        painter.setFont(font)
        painter.setPen(text_colour)
        label = str(day.day) if day.day != 1 else f"{day.day} {day:%b}"
        if day.day == 1:
            number_rect.setWidth(60)
        painter.drawText(number_rect, Qt.AlignmentFlag.AlignCenter, label)

        shown, hidden, shown_lanes = _layout(rect, items)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() - 1))
        painter.setFont(small)
        for item in shown:
            self._paint_badge(painter, palette, rect, item, day)
        if hidden:
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(
                _more_rect(rect, shown_lanes),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"+{hidden} more",
            )
        else:
            self._paint_sessions(painter, palette, rect, items)
        painter.restore()

    def _paint_sessions(
        self, painter: QPainter, palette: QPalette, cell: QRect, items: list[DayItem]
    ) -> None:
        lines, untold = session_lines(cell, items)
        muted = QColor(palette.color(QPalette.ColorRole.Text))
        muted.setAlpha(190)
        for box, item, session in lines:
            mark = QRect(box.left() + 2, box.center().y() - 2, 5, 5)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(chip_colour(item.event))
            painter.drawEllipse(mark)
            painter.setPen(muted)
            text_box = box.adjusted(11, 0, 0, 0)
            text = painter.fontMetrics().elidedText(
                session.label, Qt.TextElideMode.ElideRight, text_box.width()
            )
            painter.drawText(text_box, Qt.AlignmentFlag.AlignVCenter, text)
        if untold:
            painter.setPen(muted)
            painter.drawText(
                _more_sessions_rect(cell, len(lines), items).adjusted(11, 0, 0, 0),
                Qt.AlignmentFlag.AlignVCenter,
                f"+{untold} more session{'s' if untold > 1 else ''}",
            )

    def _paint_badge(
        self, painter: QPainter, palette: QPalette, cell: QRect, item: DayItem, day: dt.date
    ) -> None:
        box = _badge_rect(cell, item)
        paint_chip(
            painter,
            palette,
            box,
            item.event,
            selected=item.event.id == self.selected_event,
            bar=not item.continues_before,
        )
        # Continuation days repeat the title in a softer colour, so every cell reads alone.
        colour = palette.color(QPalette.ColorRole.Text)
        if item.continues_before and day.weekday() != 0:
            colour.setAlpha(150)
        painter.setPen(colour)
        text_box = box.adjusted(7, 0, -3, 0)
        title = painter.fontMetrics().elidedText(
            item.event.title, Qt.TextElideMode.ElideRight, text_box.width()
        )
        painter.drawText(text_box, Qt.AlignmentFlag.AlignVCenter, title)


class MonthGrid(QTableView):
    """Six weeks of days; click a chip to select its event, double-click it (or press Enter)
    to open it."""

    #: a chip was clicked: its event is the one selected
    event_selected = Signal(int)
    #: a chip was double-clicked, or Enter pressed with an event selected
    event_activated = Signal(int)
    more_clicked = Signal(object)  # datetime.date
    #: a day was clicked (or reached with the arrow keys)
    day_clicked = Signal(object)
    #: an empty part of a day was double-clicked: show that day alone
    day_activated = Signal(object)
    #: PgUp (-1) / PgDown (+1) pressed while the grid has the focus
    page_requested = Signal(int)

    def __init__(self, model: MonthModel, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.day_delegate = DayDelegate(today, self)
        self.setItemDelegate(self.day_delegate)
        # The chosen day is drawn by the delegate; the style's selection fill would hide badges.
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setObjectName("monthGrid")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setMouseTracking(True)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setCornerButtonEnabled(False)
        self.setWordWrap(False)

    def select_day(self, day: dt.date | None) -> None:
        self.day_delegate.selected_day = day
        self.viewport().update()

    def select_event(self, event_id: int | None) -> None:
        """Ring the chips of ``event_id`` (None: no event selected)."""
        self.day_delegate.selected_event = event_id
        self.viewport().update()

    @property
    def selected_event(self) -> int | None:
        return self.day_delegate.selected_event

    def month_model(self) -> MonthModel:
        return self.model()  # type: ignore[return-value]

    def hit(self, pos: QPoint) -> tuple[QModelIndex, CalendarEvent | str | None]:
        index = self.indexAt(pos)
        if not index.isValid():
            return index, None
        items = index.data(EventsRole) or []
        return index, hit_test(self.visualRect(index), items, pos)

    def badge_position(self, day: dt.date, event_id: int) -> QPoint | None:
        """Where the badge of ``event_id`` is drawn on ``day`` (for tests and keyboard use)."""
        index = self.month_model().index_of(day)
        if not index.isValid():
            return None
        rect = self.visualRect(index)
        shown, _, _ = _layout(rect, index.data(EventsRole) or [])
        for item in shown:
            if item.event.id == event_id:
                return _badge_rect(rect, item).center()
        return None

    def session_position(self, day: dt.date, title: str) -> QPoint | None:
        """Where the line of the session named ``title`` is drawn on ``day``, if it fits."""
        index = self.month_model().index_of(day)
        if not index.isValid():
            return None
        lines, _ = session_lines(self.visualRect(index), index.data(EventsRole) or [])
        for box, _item, session in lines:
            if session.title == title:
                return box.center()
        return None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        index, target = self.hit(event.position().toPoint())
        if not index.isValid():
            return
        day = index.data(DateRole)
        self.select_day(day)
        self.day_clicked.emit(day)
        if isinstance(target, CalendarEvent):
            self.select_event(target.id)
            self.event_selected.emit(target.id)
        elif target == "more":
            self.more_clicked.emit(day)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        index, target = self.hit(event.position().toPoint())
        if isinstance(target, CalendarEvent):
            self.event_activated.emit(target.id)
        elif index.isValid() and target is None:
            self.day_activated.emit(index.data(DateRole))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_PageUp:
            self.page_requested.emit(-1)
        elif key == Qt.Key.Key_PageDown:
            self.page_requested.emit(1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.selected_event is not None:
                self.event_activated.emit(self.selected_event)
            elif self.day_delegate.selected_day is not None:
                self.day_activated.emit(self.day_delegate.selected_day)
        elif key in ARROW_DAYS and self.day_delegate.selected_day is not None:
            day = self.day_delegate.selected_day + dt.timedelta(days=ARROW_DAYS[key])
            self.day_clicked.emit(day)
        else:
            super().keyPressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        _, target = self.hit(event.position().toPoint())
        cursor = Qt.CursorShape.PointingHandCursor if target else Qt.CursorShape.ArrowCursor
        self.viewport().setCursor(cursor)
