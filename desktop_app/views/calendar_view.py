"""The Calendar page: day, week (with hours), month and agenda views and a search; beside
them a month navigator, the details of the event selected, the Upcoming panel and the
events whose date is only approximate.

A click on an event selects it and shows its details beside the calendar; a double click or
Enter opens it for editing. Ctrl+G (or a click on the title) goes to any date.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
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
from desktop_app.item_models.agenda import AgendaModel
from desktop_app.item_models.days import DaysModel
from desktop_app.item_models.events import EventsModel
from desktop_app.item_models.month import MonthModel
from desktop_app.item_models.roles import ObjectRole
from desktop_app.views.agenda_view import AgendaView
from desktop_app.views.chips import Legend
from desktop_app.views.context import AppContext
from desktop_app.views.date_picker import (
    DatePicker,
    DateTitle,
    from_qdate,
    month_navigator,
    to_qdate,
)
from desktop_app.views.deleting import delete_items
from desktop_app.views.event_list import compact_event_list
from desktop_app.views.event_summary import EventSummary
from desktop_app.views.icons import icon
from desktop_app.views.month_grid import MonthGrid
from desktop_app.views.tables import row_table, search_field
from desktop_app.views.time_grid import TimeGrid

EMPTY_TEXT = "No events yet — drop documents here or use File › Import…"
MONTH, WEEK, DAY, AGENDA = range(4)
SEARCH = 4  # the page of search results in the stack
MODES = ((DAY, "&Day"), (WEEK, "&Week"), (MONTH, "&Month"), (AGENDA, "&Agenda"))
APPROXIMATE_SHOWN = 200  # of the events known only to a month or a year, in the side list


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def week_title(first: dt.date, last: dt.date) -> str:
    """``W24 · 13–19 Jun 2016``, ``W26 · 27 Jun – 3 Jul 2016``."""
    week = f"W{first.isocalendar().week}"
    if first.month == last.month:
        return f"{week} · {first.day}–{last.day} {last:%b} {last.year}"
    if first.year == last.year:
        return f"{week} · {first.day} {first:%b} – {last.day} {last:%b} {last.year}"
    return f"{week} · {first.day} {first:%b} {first.year} – {last.day} {last:%b} {last.year}"


class CalendarView(QWidget):
    """Day, week, month and agenda views of the events with a day date."""

    #: the event selected changed (None: nothing selected)
    event_selected = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.month_model = MonthModel(ctx.sessions, weeks=6, parent=self)
        self.week_model = DaysModel(ctx.sessions, days=7, parent=self)
        self.day_model = DaysModel(ctx.sessions, days=1, parent=self)
        self.agenda_model = AgendaModel(ctx.sessions, parent=self)
        self.results_model = EventsModel(ctx.sessions, self)
        self.upcoming_model = EventsModel(ctx.sessions, self)
        self.approximate_model = EventsModel(ctx.sessions, self)
        self._mode = MONTH
        self._day = ctx.today  # the day shown and navigated from
        self._selected: int | None = None

        # -- navigation bar --
        self.today_button = QToolButton(text="Today", toolTip="Go to today (Ctrl+T)")
        self.today_button.setIcon(icon("today"))
        self.today_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.prev_button = QToolButton(toolTip="Previous (PgUp)")
        self.prev_button.setIcon(icon("previous"))
        self.next_button = QToolButton(toolTip="Next (PgDown)")
        self.next_button.setIcon(icon("next"))
        self.title = DateTitle()
        self.title.setObjectName("calendarTitle")
        self.title.setToolTip("Go to a date (Ctrl+G)")
        self.search, self._search_timer = search_field(
            "Search events (Ctrl+F)", self._run_search, self
        )
        self.search.setMinimumWidth(110)
        self.search.setMaximumWidth(240)
        self.mode_group = QButtonGroup(self)
        mode_bar = QHBoxLayout()
        mode_bar.setSpacing(0)
        for mode, label in MODES:
            button = QToolButton(text=label, checkable=True)
            button.setObjectName("modeButton")
            button.setToolTip(f"{label.replace('&', '')} view (Alt+{label[1]})")
            self.mode_group.addButton(button, mode)
            mode_bar.addWidget(button)
        self.mode_group.button(MONTH).setChecked(True)
        bar = QHBoxLayout()
        bar.addWidget(self.today_button)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.next_button)
        bar.addSpacing(8)
        bar.addWidget(self.title)
        bar.addStretch(1)
        bar.addWidget(self.search)
        bar.addSpacing(8)
        bar.addLayout(mode_bar)

        self.banner = QLabel(EMPTY_TEXT)
        self.banner.setWordWrap(True)
        self.banner.setProperty("role", "empty-state")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.hide()

        # -- the views --
        self.month_grid = MonthGrid(self.month_model, ctx.today)
        self.week_grid = TimeGrid(self.week_model, ctx.today)
        self.day_grid = TimeGrid(self.day_model, ctx.today)
        self.agenda = AgendaView(self.agenda_model, ctx.today)
        self.agenda_empty = QLabel()
        self.agenda_empty.setWordWrap(True)
        self.agenda_empty.setProperty("role", "empty-state")
        self.agenda_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        agenda_page = QWidget()
        agenda_layout = QVBoxLayout(agenda_page)
        agenda_layout.setContentsMargins(0, 0, 0, 0)
        agenda_layout.addWidget(self.agenda_empty)
        agenda_layout.addWidget(self.agenda, 1)
        self.results = row_table(self.results_model)
        self.results.horizontalHeader().setSectionResizeMode(
            EventsModel.COL_TITLE, QHeaderView.ResizeMode.Stretch
        )
        self.results.setColumnWidth(EventsModel.COL_WHEN, 200)
        for column in (EventsModel.COL_KIND, EventsModel.COL_STATUS):
            self.results.setColumnHidden(column, True)
        self.results_empty = QLabel()
        self.results_empty.setWordWrap(True)
        self.results_empty.setProperty("role", "empty-state")
        self.results_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        results_page = QWidget()
        results_layout = QVBoxLayout(results_page)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.results_empty)
        results_layout.addWidget(self.results, 1)
        self.stack = QStackedWidget()
        for widget in (self.month_grid, self.week_grid, self.day_grid, agenda_page, results_page):
            self.stack.addWidget(widget)
        self.legend = Legend()

        # -- the side panel --
        side = QWidget()
        side.setObjectName("upcomingPanel")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        self.navigator = month_navigator(side)
        self.summary = EventSummary(ctx, side)
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
        side_layout.addWidget(self.navigator)
        side_layout.addWidget(self.summary)
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
        main_layout.addWidget(self.legend)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(main)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 290])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.date_picker = DatePicker(ctx.today, self)

        # -- wiring --
        self.today_button.clicked.connect(self.go_today)
        self.prev_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.title.clicked.connect(self.ask_date)
        self.date_picker.chosen.connect(self.go_to)
        self.navigator.clicked.connect(lambda day: self.go_to(from_qdate(day)))
        self.mode_group.idClicked.connect(self.set_mode)
        for view in (self.month_grid, self.week_grid, self.day_grid, self.agenda):
            view.event_selected.connect(self.select_event)
            view.event_activated.connect(self.open_event)
        for grid in (self.month_grid, self.week_grid, self.day_grid):
            grid.day_clicked.connect(self._choose_day)
            grid.day_activated.connect(self.show_day)
            grid.more_clicked.connect(self.show_day)
            grid.page_requested.connect(self._step)
        self.results.clicked.connect(self._select_row)
        self.results.activated.connect(self._open_row)
        self.results.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._select_row(current)
        )
        for table in (self.upcoming, self.approximate):
            table.clicked.connect(self._select_row)
            table.activated.connect(self._open_row)
        self.upcoming.clicked.connect(self._show_row)
        self.summary.open_requested.connect(self.open_event)
        self.summary.show_requested.connect(self.show_event)
        self.summary.delete_requested.connect(lambda _id: self.delete_selected())
        for key, slot in ((Qt.Key.Key_PageUp, self.previous), (Qt.Key.Key_PageDown, self.next)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.clear_search)

    # -- opening and reloading -------------------------------------------------------------
    def open_initial(self) -> None:
        """Fill the side panels and open on this month, or, when nothing is upcoming, on the
        month with the most events and sessions."""
        today = self.ctx.today
        with self.ctx.sessions.begin() as s:
            upcoming = queries.upcoming_events(s, today, limit=20)
            busiest = None if upcoming else queries.busiest_month(s)
            approximate = queries.approximate_rows(s, limit=APPROXIMATE_SHOWN)
        self._fill_side(upcoming, approximate, has_dated=bool(upcoming or busiest))
        if not upcoming and busiest is not None:
            self.upcoming_note.setText(
                f"No upcoming events. The calendar opened on {busiest:%B} {busiest.year}, "
                "the month with the most events and sessions."
            )
        self._day = today if upcoming or busiest is None else busiest
        self._show()

    def reload(self) -> None:
        """Run the queries of what is shown again (after an edit, an import or a deletion)."""
        with self.ctx.sessions.begin() as s:
            upcoming = queries.upcoming_events(s, self.ctx.today, limit=20)
            approximate = queries.approximate_rows(s, limit=APPROXIMATE_SHOWN)
            has_dated = bool(upcoming) or queries.latest_event_date(s) is not None
        self._fill_side(upcoming, approximate, has_dated)
        if self.stack.currentIndex() == SEARCH:
            self.results_model.refresh()
        self._show(keep_scroll=True)
        self.summary.show_event(self._selected)
        if self.summary.event_id is None and self._selected is not None:
            self.select_event(None)

    def _fill_side(
        self, upcoming: list, approximate_rows: tuple[list, int], has_dated: bool
    ) -> None:
        approximate, total = approximate_rows
        self.upcoming_model.set_events(upcoming)
        self.upcoming.setVisible(bool(upcoming))
        self.upcoming_note.setText(
            "The next events from today." if upcoming else "No upcoming events."
        )
        self.approximate_model.set_events(approximate)
        self.approximate.setVisible(bool(approximate))
        if not approximate:
            note = "None: every event has its day."
        elif total > len(approximate):
            note = (
                f"Events known only to a month or a year: {total:,}, the first "
                f"{len(approximate):,} listed (the Events page searches them all)."
            )
        else:
            note = "Events known only to a month or a year."
        self.approximate_note.setText(note)
        self.banner.setVisible(not has_dated and not approximate)

    # -- navigation ------------------------------------------------------------------------
    @property
    def mode(self) -> int:
        return self._mode

    @property
    def shown_day(self) -> dt.date:
        return self._day

    @property
    def shown_month(self) -> tuple[int, int]:
        return self._day.year, self._day.month

    @property
    def selected_event(self) -> int | None:
        return self._selected

    def set_month(self, year: int, month: int) -> None:
        """Show ``month`` (one range query for its six visible weeks)."""
        if (self._day.year, self._day.month) != (year, month):
            self._day = dt.date(year, month, 1)
        self._show()

    def show_week(self, day: dt.date) -> None:
        self._day = day
        self.set_mode(WEEK)

    def show_day(self, day: dt.date) -> None:
        self._day = day
        self.set_mode(DAY)

    def set_mode(self, mode: int) -> None:
        self._mode = mode
        self.mode_group.button(mode).setChecked(True)
        if self.search.text():
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
        self._show()

    def go_today(self) -> None:
        self.go_to(self.ctx.today)

    def go_to(self, day: dt.date) -> None:
        """Show ``day`` in the view chosen (the search, if shown, is left)."""
        self._day = day
        if self.stack.currentIndex() == SEARCH:
            self.set_mode(self._mode)
        else:
            self._show()

    def ask_date(self) -> None:
        """Open the date picker under the title (Ctrl+G)."""
        below = self.title.mapToGlobal(QPoint(0, self.title.height()))
        self.date_picker.open_at(self._day, below)

    def previous(self) -> None:
        self._step(-1)

    def next(self) -> None:
        self._step(1)

    def _step(self, delta: int) -> None:
        if self._mode == WEEK:
            self._day += dt.timedelta(days=7 * delta)
        elif self._mode == DAY:
            self._day += dt.timedelta(days=delta)
        else:
            year, month = add_months(self._day.year, self._day.month, delta)
            self._day = dt.date(year, month, 1)
        self._show()

    def _choose_day(self, day: dt.date) -> None:
        """A day clicked or reached with the arrow keys: chosen, and shown if it is not."""
        shown = {
            MONTH: (self.month_model.first_day, self.month_model.last_day),
            WEEK: (self.week_model.first_day, self.week_model.last_day),
            DAY: (self.day_model.first_day, self.day_model.last_day),
        }.get(self._mode)
        in_month = self._mode != MONTH or (day.year, day.month) == self.shown_month
        self._day = day
        if shown is None or not (shown[0] <= day <= shown[1]) or not in_month:
            self._show()
        else:
            for grid in (self.month_grid, self.week_grid, self.day_grid):
                grid.select_day(day)
            self._sync_navigator()

    def _show(self, keep_scroll: bool = False) -> None:
        day = self._day
        if self._mode == MONTH:
            self.month_model.set_month(day.year, day.month)
            self.month_grid.select_day(day)
            self.title.setText(f"{day:%B} {day.year}")
            kinds = [e.kind for e in self.month_model.events]
        elif self._mode in (WEEK, DAY):
            grid, model = (
                (self.week_grid, self.week_model)
                if self._mode == WEEK
                else (self.day_grid, self.day_model)
            )
            model.set_first_day(monday_of(day) if self._mode == WEEK else day)
            grid.select_day(day)
            if not keep_scroll:
                grid.scroll_to_first_item()
            first, last = model.first_day, model.last_day
            self.title.setText(
                week_title(first, last)
                if self._mode == WEEK
                else f"{day:%a} {day.day} {day:%B} {day.year}"
            )
            kinds = [e.kind for e in model.events]
        else:
            self.agenda_model.set_first_day(day)
            self.title.setText(f"From {day:%a} {day.day} {day:%B} {day.year}")
            self.agenda_empty.setText(f"No events from {day.day} {day:%B} {day.year} on.")
            self.agenda_empty.setVisible(self.agenda_model.rowCount() == 0)
            self.agenda.select_event(self._selected)
            kinds = [e.kind for e in self.agenda_model.events()]
        self.legend.set_kinds(kinds)
        self.stack.setCurrentIndex(self._mode)
        self._sync_navigator()

    def _sync_navigator(self) -> None:
        self.navigator.blockSignals(True)
        self.navigator.setSelectedDate(to_qdate(self._day))
        self.navigator.blockSignals(False)

    # -- search ----------------------------------------------------------------------------
    def focus_search(self) -> None:
        """Ctrl+F: search the events (results replace the view until the search is
        cleared or Escape pressed)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _run_search(self) -> None:
        self._search_timer.stop()
        text = self.search.text().strip()
        if not text:
            self.set_mode(self._mode)
            return
        self.results_model.set_query(text)
        count = self.results_model.rowCount()
        self.results_empty.setText(f"No event matches “{text}”.")
        self.results_empty.setVisible(count == 0)
        self.title.setText(f"Search: {text}")
        self.stack.setCurrentIndex(SEARCH)

    def clear_search(self) -> None:
        self.search.clear()
        self._run_search()

    # -- selection -------------------------------------------------------------------------
    def select_event(self, event_id: int | None) -> None:
        """Select an event everywhere it is drawn and show its details beside the views."""
        self._selected = event_id
        for view in (self.month_grid, self.week_grid, self.day_grid):
            view.select_event(event_id)
        if self._mode == AGENDA:
            self.agenda.select_event(event_id)
        self.summary.show_event(event_id)
        self.event_selected.emit(event_id)

    def open_event(self, event_id: int) -> None:
        """Open the event for editing (the Events page)."""
        self.select_event(event_id)
        self.ctx.event_requested.emit(event_id)

    def show_event(self, event_id: int) -> None:
        """Show the event's first day in the view chosen (leaving a search), selected."""
        self.select_event(event_id)
        if self.summary.start_day is not None:
            self.go_to(self.summary.start_day)

    def delete_selected(self) -> None:
        """Del: delete the event selected (undoable)."""
        if self._selected is None or self.summary.event_id is None:
            return
        label = f"“{self.summary.title.text()}”"
        if delete_items(self.ctx, self, label, events=[self._selected]):
            self.select_event(None)

    def _select_row(self, index: QModelIndex) -> None:
        event = index.data(ObjectRole) if index.isValid() else None
        if event is not None:
            self.select_event(event.id)

    def _show_row(self, index: QModelIndex) -> None:
        event = index.data(ObjectRole) if index.isValid() else None
        if event is not None and event.start_date is not None:
            self.go_to(max(event.start_date, self.ctx.today))
            self.select_event(event.id)

    def _open_row(self, index: QModelIndex) -> None:
        event = index.data(ObjectRole) if index.isValid() else None
        if event is not None:
            self.open_event(event.id)


__all__ = ["AGENDA", "DAY", "MONTH", "WEEK", "CalendarView"]
