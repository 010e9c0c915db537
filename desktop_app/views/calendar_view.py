"""The Calendar page: month, week and agenda views, the Upcoming panel and the events whose
date is only approximate."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db import queries
from desktop_app.item_models.events import EventsModel
from desktop_app.item_models.month import MonthModel
from desktop_app.item_models.roles import ObjectRole
from desktop_app.views.context import AppContext
from desktop_app.views.event_list import compact_event_list
from desktop_app.views.icons import icon
from desktop_app.views.month_grid import MonthGrid
from desktop_app.views.tables import row_table

EMPTY_TEXT = "No events yet — drop documents here or use File › Import…"
MONTH, WEEK, AGENDA = range(3)


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


class CalendarView(QWidget):
    """Month / week / agenda of the events with a day date, beside the Upcoming panel."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.month_model = MonthModel(ctx.sessions, weeks=6, parent=self)
        self.week_model = MonthModel(ctx.sessions, weeks=1, parent=self)
        self.agenda_model = EventsModel(ctx.sessions, self)
        self.upcoming_model = EventsModel(ctx.sessions, self)
        self.approximate_model = EventsModel(ctx.sessions, self)
        self._mode = MONTH
        self._day = ctx.today  # the day the week view and navigation start from

        # -- navigation bar --
        self.today_button = QToolButton(text="Today", toolTip="Go to today (Ctrl+T)")
        self.today_button.setIcon(icon("today"))
        self.today_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.prev_button = QToolButton(toolTip="Previous (PgUp)")
        self.prev_button.setIcon(icon("previous"))
        self.next_button = QToolButton(toolTip="Next (PgDown)")
        self.next_button.setIcon(icon("next"))
        self.title = QLabel()
        self.title.setObjectName("calendarTitle")
        self.mode_group = QButtonGroup(self)
        mode_bar = QHBoxLayout()
        mode_bar.setSpacing(0)
        for mode, label in ((MONTH, "Month"), (WEEK, "Week"), (AGENDA, "Agenda")):
            button = QToolButton(text=label, checkable=True)
            button.setObjectName("modeButton")
            self.mode_group.addButton(button, mode)
            mode_bar.addWidget(button)
        self.mode_group.button(MONTH).setChecked(True)
        bar = QHBoxLayout()
        bar.addWidget(self.today_button)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.next_button)
        bar.addSpacing(8)
        bar.addWidget(self.title, 1)
        bar.addLayout(mode_bar)

        self.banner = QLabel(EMPTY_TEXT)
        self.banner.setProperty("role", "empty-state")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.hide()

        # -- the three views --
        self.month_grid = MonthGrid(self.month_model, ctx.today)
        self.week_grid = MonthGrid(self.week_model, ctx.today)
        self.agenda = row_table(self.agenda_model)
        self.agenda.horizontalHeader().setSectionResizeMode(
            EventsModel.COL_TITLE, QHeaderView.ResizeMode.Stretch
        )
        self.agenda.setColumnWidth(EventsModel.COL_WHEN, 220)
        self.agenda.horizontalHeader().moveSection(EventsModel.COL_WHEN, 0)
        self.agenda_empty = QLabel()
        self.agenda_empty.setProperty("role", "empty-state")
        self.agenda_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        agenda_page = QWidget()
        agenda_layout = QVBoxLayout(agenda_page)
        agenda_layout.setContentsMargins(0, 0, 0, 0)
        agenda_layout.addWidget(self.agenda_empty)
        agenda_layout.addWidget(self.agenda, 1)
        self.stack = QStackedWidget()
        for widget in (self.month_grid, self.week_grid, agenda_page):
            self.stack.addWidget(widget)

        # -- the Upcoming panel --
        side = QWidget()
        side.setObjectName("upcomingPanel")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        heading = QLabel("Upcoming")
        heading.setProperty("role", "heading")
        self.upcoming_note = QLabel()
        self.upcoming_note.setWordWrap(True)
        self.upcoming_note.setProperty("role", "note")
        self.upcoming = compact_event_list(self.upcoming_model, side)
        approx_heading = QLabel("Date approximate")
        approx_heading.setProperty("role", "heading")
        self.approximate_note = QLabel("Events known only to a month or a year.")
        self.approximate_note.setWordWrap(True)
        self.approximate_note.setProperty("role", "note")
        self.approximate = compact_event_list(self.approximate_model, side)
        side_layout.addWidget(heading)
        side_layout.addWidget(self.upcoming_note)
        side_layout.addWidget(self.upcoming, 3)
        side_layout.addWidget(approx_heading)
        side_layout.addWidget(self.approximate_note)
        side_layout.addWidget(self.approximate, 2)
        side_layout.addStretch(1)

        main = QWidget()
        main_layout = QVBoxLayout(main)
        main_layout.setContentsMargins(0, 0, 0, 0)
        main_layout.addLayout(bar)
        main_layout.addWidget(self.banner)
        main_layout.addWidget(self.stack, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(main)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        # -- wiring --
        self.today_button.clicked.connect(self.go_today)
        self.prev_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.mode_group.idClicked.connect(self.set_mode)
        for grid in (self.month_grid, self.week_grid):
            grid.event_clicked.connect(ctx.event_requested)
            grid.day_clicked.connect(self._remember_day)
            grid.page_requested.connect(self._step)
        self.month_grid.more_clicked.connect(self.show_week)
        for table in (self.agenda, self.upcoming, self.approximate):
            table.activated.connect(self._open_row)
            table.clicked.connect(self._open_row)
        for key, slot in ((Qt.Key.Key_PageUp, self.previous), (Qt.Key.Key_PageDown, self.next)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- opening -------------------------------------------------------------------------
    def open_initial(self) -> None:
        """Fill the side panels and open on this month, or, when nothing is upcoming, on the
        month with the most events and sessions."""
        today = self.ctx.today
        with self.ctx.sessions.begin() as s:
            upcoming = queries.upcoming_events(s, today, limit=20)
            latest = None if upcoming else queries.busiest_month(s)
            approximate = queries.approximate_events(s)
        self.upcoming_model.set_events(upcoming)
        self.approximate_model.set_events(approximate)
        self.approximate.setVisible(bool(approximate))
        self.approximate_note.setText(
            "Events known only to a month or a year."
            if approximate
            else "None: every event has its day."
        )
        if upcoming:
            self.upcoming_note.setText("The next events from today.")
            self._day = today
        elif latest is not None:
            self.upcoming_note.setText(
                f"No upcoming events — showing {latest:%B} {latest.year}, "
                "the month with the most events and sessions."
            )
            self._day = latest
        else:
            self.upcoming_note.setText("No upcoming events.")
            self._day = today
        self.upcoming.setVisible(bool(upcoming))
        self.banner.setVisible(not upcoming and latest is None and not approximate)
        self.set_month(self._day.year, self._day.month)

    def reload(self) -> None:
        """Run the queries of what is shown again (after an edit or an import)."""
        with self.ctx.sessions.begin() as s:
            upcoming = queries.upcoming_events(s, self.ctx.today, limit=20)
            approximate = queries.approximate_events(s)
            has_dated = queries.latest_event_date(s) is not None
        self.upcoming_model.set_events(upcoming)
        self.upcoming.setVisible(bool(upcoming))
        self.approximate_model.set_events(approximate)
        self.approximate.setVisible(bool(approximate))
        self.banner.setVisible(not upcoming and not has_dated and not approximate)
        self._show()

    # -- navigation ----------------------------------------------------------------------
    @property
    def mode(self) -> int:
        return self._mode

    @property
    def shown_month(self) -> tuple[int, int]:
        return self._day.year, self._day.month

    def set_month(self, year: int, month: int) -> None:
        """Show ``month`` (one range query for its six visible weeks)."""
        if (self._day.year, self._day.month) != (year, month):
            self._day = dt.date(year, month, 1)
        self._show()

    def show_week(self, day: dt.date) -> None:
        self._day = day
        self.set_mode(WEEK)

    def set_mode(self, mode: int) -> None:
        self._mode = mode
        self.mode_group.button(mode).setChecked(True)
        self._show()

    def go_today(self) -> None:
        self._day = self.ctx.today
        self._show()

    def previous(self) -> None:
        self._step(-1)

    def next(self) -> None:
        self._step(1)

    def _step(self, delta: int) -> None:
        if self._mode == WEEK:
            self._day += dt.timedelta(days=7 * delta)
        else:
            year, month = add_months(self._day.year, self._day.month, delta)
            self._day = dt.date(year, month, 1)
        self._show()

    def _remember_day(self, day: dt.date) -> None:
        self._day = day
        self.month_grid.select_day(day)
        self.week_grid.select_day(day)

    def _show(self) -> None:
        day = self._day
        if self._mode == WEEK:
            self.week_model.set_week(day)
            self.week_grid.select_day(day)
            first, last = self.week_model.first_day, self.week_model.last_day
            self.title.setText(
                f"Week {first.isocalendar().week} · {first.day} {first:%b} – "
                f"{last.day} {last:%b} {last.year}"
            )
        else:
            self.month_model.set_month(day.year, day.month)
            self.title.setText(f"{day:%B} {day.year}")
            if self._mode == AGENDA:
                first = dt.date(day.year, day.month, 1)
                last = self.month_model.first_day + dt.timedelta(days=41)
                last = min(last, dt.date(*add_months(day.year, day.month, 1), 1))
                self.agenda_model.set_events(
                    [
                        e
                        for e in self.month_model.events
                        if e.start_date
                        and e.start_date < last
                        and (e.end_date or e.start_date) >= first
                    ]
                )
                self.agenda_empty.setText(f"No events with a day date in {day:%B} {day.year}.")
                self.agenda_empty.setVisible(self.agenda_model.rowCount() == 0)
            else:
                self.month_grid.select_day(day)
        self.stack.setCurrentIndex(self._mode)

    def _open_row(self, index: QModelIndex) -> None:
        event = index.data(ObjectRole)
        if event is not None:
            self.ctx.event_requested.emit(event.id)
