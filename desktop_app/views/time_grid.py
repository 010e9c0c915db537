"""The week and day views: a column per day under a row of all-day chips (multi-day events,
events without a time), and a scrolling time grid where events and sessions sit at their
hours, side by side where they overlap.

As in the month grid, a click selects an event and a double click (or Enter) opens it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QFrame, QScrollArea, QToolTip, QVBoxLayout, QWidget

from db.queries import CalendarEvent
from desktop_app.item_models.days import DAY_MINUTES, DaysModel, TimedItem
from desktop_app.item_models.formatting import format_span, format_times
from desktop_app.item_models.month import DayItem, DaySession
from desktop_app.views.chips import chip_colour, fit_lines, paint_chip
from desktop_app.views.month_grid import ARROW_DAYS

HOUR = 48  # pixels an hour
GUTTER = 56  # the hour labels on the left
DAY_LABEL = 34
LANE = 20  # an all-day chip and the gap under it
MAX_LANES = 5
SESSION_LINE = 16  # an untimed session listed under the all-day chips
MAX_SESSION_LINES = 3
BLOCK_PADDING = 4
FIRST_HOUR = 8  # where the grid opens when nothing earlier is shown


class _Geometry:
    """Where the day columns are, shared by the header and the hours below (the header
    leaves ``inset`` pixels on the right, above the hours' scroll bar)."""

    def __init__(self, grid: TimeGrid) -> None:
        self.grid = grid

    def columns(self, width: int, inset: int = 0) -> Iterator[tuple[dt.date, QRect]]:
        model = self.grid.model
        days = model.days
        usable = max(1, width - GUTTER - inset)
        for n, day in enumerate(model.dates()):
            left = GUTTER + usable * n // days
            right = GUTTER + usable * (n + 1) // days
            yield day, QRect(left, 0, right - left, 0)

    def day_at(self, x: int, width: int, inset: int = 0) -> dt.date | None:
        for day, column in self.columns(width, inset):
            if column.left() <= x < column.left() + column.width():
                return day
        return None


class _Header(QWidget):
    """Day names and the all-day lanes."""

    def __init__(self, grid: TimeGrid) -> None:
        super().__init__(grid)
        self.grid = grid
        self.setMouseTracking(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)

    def lanes_shown(self) -> int:
        return max(1, min(MAX_LANES, self.grid.model.lanes()))

    def untimed(self, day: dt.date) -> list[tuple[DayItem, DaySession]]:
        """The sessions of the day's all-day events that have no time, lane by lane."""
        items = sorted(self.grid.model.all_day(day), key=lambda i: i.lane)
        return [(i, s) for i in items for s in i.sessions if s.start_time is None]

    def session_rows(self) -> int:
        counts = [len(self.untimed(day)) for day in self.grid.model.dates()]
        most = max(counts, default=0)
        return most if most <= MAX_SESSION_LINES else MAX_SESSION_LINES

    def session_lines(self) -> list[tuple[QRect, DayItem | None, DaySession | None, int]]:
        """(rect, item, session, untold) of the untimed-session lines; the last line of a
        day with more than fit says how many are left (item None)."""
        out = []
        top = DAY_LABEL + self.lanes_shown() * LANE
        for day, column in self.columns():
            pairs = self.untimed(day)
            room = MAX_SESSION_LINES if len(pairs) <= MAX_SESSION_LINES else MAX_SESSION_LINES - 1
            for n, (item, session) in enumerate(pairs[:room]):
                rect = QRect(
                    column.left() + 3, top + n * SESSION_LINE, column.width() - 6, SESSION_LINE
                )
                out.append((rect, item, session, 0))
            if len(pairs) > room:
                rect = QRect(
                    column.left() + 3, top + room * SESSION_LINE, column.width() - 6, SESSION_LINE
                )
                out.append((rect, None, None, len(pairs) - room))
        return out

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        height = DAY_LABEL + self.lanes_shown() * LANE + self.session_rows() * SESSION_LINE + 6
        return QSize(400, height)

    def chips(self) -> list[tuple[QRect, DayItem | None, dt.date, int]]:
        """(rect, item, first day, hidden count) of every chip drawn, one per event across
        its days; an item None is a "+N more" mark."""
        out = []
        spans: dict[tuple[int, int], tuple[dt.date, dt.date, DayItem]] = {}
        columns = dict(self.columns())
        shown = self.lanes_shown()
        overflow = self.grid.model.lanes() > MAX_LANES
        usable = shown - 1 if overflow else shown
        for day in columns:
            items = self.grid.model.all_day(day)
            hidden = 0
            for item in items:
                if item.lane >= usable:
                    hidden += 1
                    continue
                key = (item.event.id, item.lane)
                first, _, kept = spans.get(key, (day, day, item))
                spans[key] = (first, day, kept)
            if hidden:
                column = columns[day]
                rect = QRect(column.left() + 2, DAY_LABEL + usable * LANE, column.width() - 4, 18)
                out.append((rect, None, day, hidden))
        for (_, lane), (first, last, item) in spans.items():
            left, right = columns[first], columns[last]
            rect = QRect(
                left.left() + (0 if item.continues_before else 2),
                DAY_LABEL + lane * LANE,
                right.left() + right.width() - left.left() - 3,
                LANE - 2,
            )
            out.append((rect, item, first, 0))
        return out

    def columns(self) -> Iterator[tuple[dt.date, QRect]]:
        return self.grid.geometry.columns(self.width(), self.grid.right_inset())

    def hit(self, pos: QPoint) -> tuple[dt.date | None, CalendarEvent | str | None]:
        day = self.grid.geometry.day_at(pos.x(), self.width(), self.grid.right_inset())
        for rect, item, first, _ in self.chips():
            if rect.contains(pos):
                return (day or first), (item.event if item is not None else "more")
        for rect, item, _session, _ in self.session_lines():
            if rect.contains(pos):
                return day, (item.event if item is not None else "more")
        return day, None

    def paintEvent(self, _event) -> None:  # noqa: ANN001, N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        grid = self.grid
        line = QColor(palette.color(QPalette.ColorRole.Mid))
        bold = QFont(self.font())
        bold.setBold(True)
        for day, column in self.columns():
            cell = QRect(column.left(), 0, column.width(), self.height())
            if day == grid.selected_day and grid.model.days > 1:
                tint = QColor(palette.color(QPalette.ColorRole.Highlight))
                tint.setAlpha(40)
                painter.fillRect(cell, tint)
            painter.setPen(line)
            painter.drawLine(cell.topLeft(), cell.bottomLeft())
            label = QRect(column.left(), 2, column.width(), DAY_LABEL - 6)
            text = f"{day:%a} {day.day} {day:%b}" if grid.model.days > 1 else f"{day:%A} {day.day}"
            if day == grid.today:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
                width = painter.fontMetrics().horizontalAdvance(text) + 16
                painter.drawRoundedRect(
                    QRect(
                        label.center().x() - width // 2, label.top() + 2, width, label.height() - 4
                    ),
                    9,
                    9,
                )
                painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
            else:
                painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.setFont(bold if day == grid.today else self.font())
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, text)
        painter.setFont(self.font())
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            QRect(0, DAY_LABEL, GUTTER - 6, LANE),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            "all day",
        )
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        painter.setFont(small)
        for rect, item, _day, hidden in self.chips():
            if item is None:
                painter.setPen(palette.color(QPalette.ColorRole.Text))
                painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter, f"+{hidden} more")
                continue
            paint_chip(
                painter,
                palette,
                rect,
                item.event,
                selected=item.event.id == grid.selected_event,
                bar=not item.continues_before,
            )
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            text_box = rect.adjusted(7, 0, -3, 0)
            title = item.event.title
            when = format_times(item.event.start_time, item.event.end_time)
            if when and not item.continues_before:
                title = f"{when} {title}"
            painter.drawText(
                text_box,
                Qt.AlignmentFlag.AlignVCenter,
                painter.fontMetrics().elidedText(
                    title, Qt.TextElideMode.ElideRight, text_box.width()
                ),
            )
        muted = QColor(palette.color(QPalette.ColorRole.Text))
        muted.setAlpha(190)
        for rect, item, session, untold in self.session_lines():
            painter.setPen(muted)
            if item is None or session is None:
                text = f"+{untold} more session{'s' if untold > 1 else ''}"
                painter.drawText(rect.adjusted(11, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, text)
                continue
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(chip_colour(item.event))
            painter.drawEllipse(QRect(rect.left() + 2, rect.center().y() - 2, 5, 5))
            painter.setPen(muted)
            text_box = rect.adjusted(11, 0, 0, 0)
            painter.drawText(
                text_box,
                Qt.AlignmentFlag.AlignVCenter,
                painter.fontMetrics().elidedText(
                    session.name, Qt.TextElideMode.ElideRight, text_box.width()
                ),
            )
        painter.setPen(line)
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        painter.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() != Qt.MouseButton.LeftButton:
            return
        day, target = self.hit(event.position().toPoint())
        self.grid.clicked(day, target)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        day, target = self.hit(event.position().toPoint())
        self.grid.double_clicked(day, target, header=event.position().y() < DAY_LABEL)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            _, target = self.hit(event.pos())
            if isinstance(target, CalendarEvent):
                when = format_span(
                    target.start_date, target.start_precision, target.end_date, target.end_precision
                )
                QToolTip.showText(event.globalPos(), f"{target.title}\n{when}", self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


class _Hours(QWidget):
    """The 24 hours of the days shown, with the timed items at their places."""

    def __init__(self, grid: TimeGrid) -> None:
        super().__init__(grid)
        self.grid = grid
        self.setFixedHeight(24 * HOUR + 1)
        self.setMouseTracking(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)

    def blocks(self) -> list[tuple[QRect, TimedItem]]:
        out = []
        for day, column in self.grid.geometry.columns(self.width()):
            for item in self.grid.model.timed(day):
                width = (column.width() - 4) / item.columns
                left = column.left() + 2 + round(width * item.column)
                top = round(item.start * HOUR / 60)
                bottom = round(min(item.end, DAY_MINUTES) * HOUR / 60)
                height = max(LANE, bottom - top - 1)
                out.append((QRect(left, top, max(8, round(width) - 2), height), item))
        return out

    def hit(self, pos: QPoint) -> tuple[dt.date | None, CalendarEvent | None]:
        day = self.grid.geometry.day_at(pos.x(), self.width())
        # Later blocks are drawn over earlier ones: look from the top.
        for rect, item in reversed(self.blocks()):
            if rect.contains(pos):
                return item.day, item.event
        return day, None

    def paintEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        grid = self.grid
        hour_line = QColor(palette.color(QPalette.ColorRole.Mid))
        half_line = QColor(hour_line)
        half_line.setAlpha(80)
        for day, column in grid.geometry.columns(self.width()):
            cell = QRect(column.left(), 0, column.width(), self.height())
            if day == grid.selected_day and grid.model.days > 1:
                tint = QColor(palette.color(QPalette.ColorRole.Highlight))
                tint.setAlpha(25)
                painter.fillRect(cell, tint)
            painter.setPen(hour_line)
            painter.drawLine(cell.topLeft(), cell.bottomLeft())
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        for hour in range(25):
            y = hour * HOUR
            painter.setPen(QPen(hour_line, 1))
            painter.drawLine(GUTTER - 4, y, self.width(), y)
            if hour < 24:
                painter.setPen(QPen(half_line, 1, Qt.PenStyle.DotLine))
                painter.drawLine(GUTTER, y + HOUR // 2, self.width(), y + HOUR // 2)
                painter.setPen(muted)
                painter.drawText(
                    QRect(0, y + 2, GUTTER - 8, 16),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                    f"{hour:02d}:00",
                )
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        bold = QFont(small)
        bold.setBold(True)
        exposed = event.rect()  # the part scrolled into view
        for rect, item in self.blocks():
            if rect.intersects(exposed):
                self._paint_block(painter, palette, rect, item, small, bold)
        painter.end()

    def _paint_block(
        self,
        painter: QPainter,
        palette: QPalette,
        rect: QRect,
        item: TimedItem,
        small: QFont,
        bold: QFont,
    ) -> None:
        paint_chip(
            painter, palette, rect, item.event, selected=item.event.id == self.grid.selected_event
        )
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        inner = rect.adjusted(BLOCK_PADDING + 4, 2, -BLOCK_PADDING, -2)
        painter.setFont(bold)
        metrics = painter.fontMetrics()
        line = metrics.height()
        rows = max(1, inner.height() // line)
        if rows == 1:
            # One line: time and title together, elided only here.
            text = metrics.elidedText(
                f"{item.times} {item.title}", Qt.TextElideMode.ElideRight, inner.width()
            )
            painter.drawText(inner, Qt.AlignmentFlag.AlignVCenter, text)
            return
        times = item.times
        if metrics.horizontalAdvance(times) > inner.width():
            times = times.split("–")[0]  # the start alone in a narrow block
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), line), 0, times)
        painter.setFont(small)
        title_lines = fit_lines(painter.fontMetrics(), item.title, inner.width(), rows - 1)
        y = inner.top() + line
        for text in title_lines:
            painter.drawText(QRect(inner.left(), y, inner.width(), line), 0, text)
            y += line
        left = (inner.bottom() - y) // line
        if left >= 1 and item.subtitle:
            muted = QColor(palette.color(QPalette.ColorRole.Text))
            muted.setAlpha(170)
            painter.setPen(muted)
            for text in fit_lines(painter.fontMetrics(), item.subtitle, inner.width(), left):
                painter.drawText(QRect(inner.left(), y, inner.width(), line), 0, text)
                y += line

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() != Qt.MouseButton.LeftButton:
            return
        day, target = self.hit(event.position().toPoint())
        self.grid.clicked(day, target)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        day, target = self.hit(event.position().toPoint())
        self.grid.double_clicked(day, target)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            for rect, item in reversed(self.blocks()):
                if rect.contains(event.pos()):
                    text = f"{item.times} {item.title}"
                    if item.subtitle:
                        text += f"\n{item.subtitle}"
                    QToolTip.showText(event.globalPos(), text, self)
                    break
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


class TimeGrid(QFrame):
    """A week (``days=7``) or a day (``days=1``) with hours."""

    event_selected = Signal(int)
    event_activated = Signal(int)
    day_clicked = Signal(object)
    #: a day's name was double-clicked (or an empty hour of it): show that day alone
    day_activated = Signal(object)
    #: "+N more" clicked on a day of the all-day row
    more_clicked = Signal(object)
    page_requested = Signal(int)

    def __init__(self, model: DaysModel, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.today = today
        self.selected_day: dt.date | None = None
        self.selected_event: int | None = None
        self.geometry = _Geometry(self)
        self.setObjectName("timeGrid")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.header = _Header(self)
        self.hours = _Hours(self)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.hours)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.scroll, 1)
        model.modelReset.connect(self._reset)

    def right_inset(self) -> int:
        """What the header leaves on the right for the hours' scroll bar."""
        return self.scroll.verticalScrollBar().sizeHint().width()

    def _reset(self) -> None:
        self.header.setFixedHeight(self.header.sizeHint().height())
        self.header.update()
        self.hours.update()

    def scroll_to_first_item(self) -> None:
        """Scroll to the earliest timed item shown (a little before it), or to 08:00."""
        earliest = self.model.earliest_minute()
        minute = FIRST_HOUR * 60 if earliest is None else min(earliest, FIRST_HOUR * 60)
        self.scroll.verticalScrollBar().setValue(max(0, minute * HOUR // 60 - HOUR // 2))

    # -- selection -------------------------------------------------------------------------
    def select_day(self, day: dt.date | None) -> None:
        self.selected_day = day
        self.header.update()
        self.hours.update()

    def select_event(self, event_id: int | None) -> None:
        self.selected_event = event_id
        self.header.update()
        self.hours.update()

    def clicked(self, day: dt.date | None, target: CalendarEvent | str | None) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if day is not None:
            self.select_day(day)
            self.day_clicked.emit(day)
        if isinstance(target, CalendarEvent):
            self.select_event(target.id)
            self.event_selected.emit(target.id)
        elif target == "more" and day is not None:
            self.more_clicked.emit(day)

    def double_clicked(
        self, day: dt.date | None, target: CalendarEvent | str | None, header: bool = False
    ) -> None:
        if isinstance(target, CalendarEvent):
            self.event_activated.emit(target.id)
        elif day is not None and (header or target is None) and self.model.days > 1:
            self.day_activated.emit(day)

    # -- where things are (tests, keyboard) -------------------------------------------------
    def block_position(
        self, day: dt.date, event_id: int, title: str | None = None
    ) -> QPoint | None:
        """Where the timed block of ``event_id`` (its session ``title`` if given) is drawn on
        ``day``, in the coordinates of :attr:`hours`."""
        for rect, item in self.hours.blocks():
            if item.day == day and item.event.id == event_id:
                if title is None or (item.session is not None and item.session.title == title):
                    return rect.center()
        return None

    def block_rect(self, day: dt.date, event_id: int, title: str | None = None) -> QRect | None:
        for rect, item in self.hours.blocks():
            if item.day == day and item.event.id == event_id:
                if title is None or (item.session is not None and item.session.title == title):
                    return rect
        return None

    def all_day_position(self, day: dt.date, event_id: int) -> QPoint | None:
        """Where the all-day chip of ``event_id`` covers ``day``, in :attr:`header`'s
        coordinates."""
        column = dict(self.header.columns()).get(day)
        if column is None:
            return None
        for rect, item, _first, _hidden in self.header.chips():
            if item is not None and item.event.id == event_id:
                if rect.left() <= column.center().x() <= rect.right():
                    return QPoint(column.center().x(), rect.center().y())
        return None

    # -- keys ------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key = event.key()
        if key == Qt.Key.Key_PageUp:
            self.page_requested.emit(-1)
        elif key == Qt.Key.Key_PageDown:
            self.page_requested.emit(1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected_event is not None:
            self.event_activated.emit(self.selected_event)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self.selected_day is not None:
            self.day_clicked.emit(self.selected_day + dt.timedelta(days=ARROW_DAYS[key]))
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            bar = self.scroll.verticalScrollBar()
            bar.setValue(bar.value() + (HOUR if key == Qt.Key.Key_Down else -HOUR))
        else:
            super().keyPressEvent(event)
