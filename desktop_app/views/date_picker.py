"""Go to a date: a small popup with a date field (type a date, press Enter) over a month
calendar (click a day), opened from the calendar's title or with Ctrl+G."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPolygon
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

# What people type: "18 May 2018", "May 18, 2018", "2018-05-18", "18/05/2018", "May 2018".
_DAY_FORMATS = (
    "%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%d/%m/%Y", "%d.%m.%Y",
    "%d-%m-%Y",
)  # fmt: skip
_MONTH_FORMATS = ("%B %Y", "%b %Y", "%Y-%m", "%m/%Y")


def parse_typed_date(text: str) -> dt.date | None:
    """The day a typed text names (a month alone means its first day), None if none."""
    cleaned = " ".join(text.replace(",", " ").split())
    if not cleaned:
        return None
    for formats in (_DAY_FORMATS, _MONTH_FORMATS):
        for pattern in formats:
            try:
                return dt.datetime.strptime(cleaned, pattern).date()
            except ValueError:
                continue
    if cleaned.isdigit() and len(cleaned) == 4:
        return dt.date(int(cleaned), 1, 1)
    return None


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def month_navigator(parent: QWidget | None = None) -> QCalendarWidget:
    """The small month calendar of the side panel: click a day to show it."""
    navigator = QCalendarWidget(parent)
    navigator.setObjectName("monthNavigator")
    navigator.setGridVisible(False)
    navigator.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
    navigator.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.SingleLetterDayNames)
    navigator.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
    navigator.setMaximumHeight(210)
    return navigator


class DatePicker(QFrame):
    """A popup: type a date and press Enter, or click a day; ``chosen`` carries it."""

    chosen = Signal(object)  # datetime.date

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("datePicker")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.today = today
        self.date_edit = QLineEdit()
        self.date_edit.setPlaceholderText("18 May 2018, 2018-05-18…")
        self.date_edit.setToolTip("Type a date (or a month) and press Enter")
        self.date_edit.setMinimumWidth(170)
        self.today_button = QPushButton("Today")
        self.calendar = QCalendarWidget()
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        row = QHBoxLayout()
        row.addWidget(QLabel("Go to"))
        row.addWidget(self.date_edit, 1)
        row.addWidget(self.today_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.calendar)
        self.calendar.clicked.connect(lambda day: self._choose(from_qdate(day)))
        self.calendar.activated.connect(lambda day: self._choose(from_qdate(day)))
        self.date_edit.textEdited.connect(self._typed)
        self.date_edit.returnPressed.connect(self._choose_typed)
        self.today_button.clicked.connect(lambda: self._choose(self.today))

    def open_at(self, day: dt.date, position: QPoint) -> None:
        """Show the popup at ``position`` (global) on ``day``, the date field ready for
        typing."""
        self.date_edit.setText(f"{day.day} {day:%B} {day.year}")
        self.date_edit.selectAll()
        self.calendar.setSelectedDate(to_qdate(day))
        self.adjustSize()
        self.move(position)
        self.show()
        self.raise_()
        self.activateWindow()
        self.date_edit.setFocus(Qt.FocusReason.PopupFocusReason)

    def _typed(self, text: str) -> None:
        day = parse_typed_date(text)
        self.date_edit.setProperty("invalid", day is None and bool(text.strip()))
        if day is not None:
            self.calendar.setSelectedDate(to_qdate(day))

    def _choose_typed(self) -> None:
        day = parse_typed_date(self.date_edit.text())
        if day is not None:
            self._choose(day)
        else:
            self.date_edit.setToolTip("Not a date: try 18 May 2018 or 2018-05-18")
            self.date_edit.selectAll()

    def _choose(self, day: dt.date) -> None:
        self.hide()
        self.chosen.emit(day)


class DateTitle(QToolButton):
    """The calendar's title ("June 2016") with a small arrow after it: a click opens the
    date picker."""

    ARROW = 9

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self.text()) + self.ARROW + 24, metrics.height() + 8)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        # A narrow window elides the title rather than growing.
        return QSize(90, self.sizeHint().height())

    def setText(self, text: str) -> None:  # noqa: N802 - Qt API
        super().setText(text)
        self.updateGeometry()

    def paintEvent(self, _event) -> None:  # noqa: ANN001, N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        if self.underMouse() or self.hasFocus():
            hover = QColor(palette.color(QPalette.ColorRole.Highlight))
            hover.setAlpha(40)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(hover)
            painter.drawRoundedRect(self.rect(), 5, 5)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        text_rect = self.rect().adjusted(6, 0, -(self.ARROW + 14), 0)
        text = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, text_rect.width()
        )
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, text)
        x = self.width() - self.ARROW - 8
        y = self.height() // 2 - 2
        arrow = QPolygon(
            [QPoint(x, y), QPoint(x + self.ARROW, y), QPoint(x + self.ARROW // 2, y + 5)]
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.WindowText))
        painter.drawPolygon(arrow)
        painter.end()
