"""Issue 14, the calendar as calendar users expect it: a click selects and shows the details
beside the calendar, a double click or Enter opens; week and day views with hours; going to
any date; a rolling agenda; a legend; search in the view you are in; deleting with undo."""

from __future__ import annotations

import datetime as dt

import pytest
from app_data import LATER, add_extraction, event_id, simple_event_extraction
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QCalendarWidget, QTableView, QToolButton
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.item_models.agenda import PAGE
from desktop_app.main_window import CALENDAR, EVENTS, MainWindow
from desktop_app.views.calendar_view import AGENDA, DAY, MONTH, WEEK
from desktop_app.views.chips import fit_lines
from desktop_app.views.date_picker import to_qdate
from desktop_app.views.time_grid import HOUR
from importers.records import (
    DocumentText,
    EventRecord,
    Extraction,
    PanelRecord,
    PartialDate,
)

JUNE_15 = dt.date(1988, 6, 15)


def _hours(window: MainWindow, mode: int, day: dt.date = JUNE_15):  # noqa: ANN202
    calendar = window.calendar
    calendar.go_to(day)
    calendar.set_mode(mode)
    grid = calendar.week_grid if mode == WEEK else calendar.day_grid
    QApplication.processEvents()
    return grid


# -- a click selects, a double click or Enter opens ------------------------------------------


def test_issue_14_a_click_in_the_week_view_selects_and_double_click_opens(
    qtbot, window: MainWindow
) -> None:
    grid = _hours(window, WEEK)
    forum = event_id(window.sessions, "Northwind Water Forum")
    block = grid.block_position(JUNE_15, forum, "River basins")
    assert block is not None
    qtbot.mouseClick(grid.hours, Qt.MouseButton.LeftButton, pos=block)
    assert window.current_page() == CALENDAR
    assert window.calendar.selected_event == forum
    assert window.calendar.summary.isVisible()
    assert window.calendar.summary.title.text() == "Northwind Water Forum"
    qtbot.mouseDClick(grid.hours, Qt.MouseButton.LeftButton, pos=block)
    assert window.current_page() == EVENTS
    assert window.events.detail.event_id == forum


def test_issue_14_enter_opens_the_selected_event_and_arrows_move_the_day(
    qtbot, window: MainWindow
) -> None:
    calendar = window.calendar
    grid = calendar.month_grid
    forum = event_id(window.sessions, "Northwind Water Forum")
    qtbot.mouseClick(
        grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.badge_position(JUNE_15, forum)
    )
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert calendar.shown_day == JUNE_15 + dt.timedelta(days=1)
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    assert calendar.shown_day == JUNE_15 + dt.timedelta(days=8)
    assert window.current_page() == CALENDAR
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert window.current_page() == EVENTS and window.events.detail.event_id == forum


# -- week and day views with hours -----------------------------------------------------------


def test_issue_14_week_view_places_sessions_at_their_hours(qtbot, window: MainWindow) -> None:
    grid = _hours(window, WEEK)
    forum = event_id(window.sessions, "Northwind Water Forum")
    model = window.calendar.week_model
    assert (model.first_day, model.last_day) == (dt.date(1988, 6, 13), dt.date(1988, 6, 19))
    # The panel runs 10:00-11:30: its block starts at the 10 o'clock line, 1.5 hours tall.
    rect = grid.block_rect(JUNE_15, forum, "River basins")
    assert rect.top() == pytest.approx(10 * HOUR, abs=1)
    assert rect.height() == pytest.approx(1.5 * HOUR, abs=2)
    # The two-day forum itself is one chip in the all-day row, over both days.
    assert grid.all_day_position(JUNE_15, forum) is not None
    assert grid.all_day_position(JUNE_15 + dt.timedelta(days=1), forum) is not None
    assert grid.all_day_position(JUNE_15 - dt.timedelta(days=1), forum) is None
    # It opens scrolled to the first item, not at midnight.
    assert grid.scroll.verticalScrollBar().value() > 0
    assert window.calendar.title.text() == "W24 · 13–19 Jun 1988"


def test_issue_14_overlapping_sessions_sit_side_by_side(
    qtbot, forum_db: sessionmaker[Session], settings: QSettings
) -> None:
    text = "Programme of the Delta Days."
    panels = tuple(
        PanelRecord(title, "panel", PartialDate(1988, 6, 14), dt.time(*start), dt.time(*end))
        for title, start, end in (
            ("Morning plenary on rivers and coasts", (9, 0), (10, 30)),
            ("Side event", (10, 0), (11, 0)),
            ("Lunch debate", (12, 0), (13, 0)),
        )
    )
    add_extraction(
        forum_db,
        Extraction(
            document=DocumentText(path="delta.txt", format="txt", text=text),
            events=(
                EventRecord(
                    "Delta Days", "days", PartialDate(1988, 6, 14), panels=panels, spans=((0, 9),)
                ),
            ),
        ),
    )
    win = MainWindow(forum_db, today=LATER, settings=settings)
    qtbot.addWidget(win)
    win.resize(1280, 820)
    win.show()
    grid = _hours(win, DAY, dt.date(1988, 6, 14))
    delta = event_id(forum_db, "Delta Days")
    plenary = grid.block_rect(dt.date(1988, 6, 14), delta, "Morning plenary on rivers and coasts")
    side = grid.block_rect(dt.date(1988, 6, 14), delta, "Side event")
    lunch = grid.block_rect(dt.date(1988, 6, 14), delta, "Lunch debate")
    assert not plenary.intersects(side) and plenary.right() < side.left()
    assert lunch.width() > plenary.width()  # alone at noon: the whole day's width
    assert win.calendar.title.text() == "Tue 14 June 1988"


def test_issue_14_titles_wrap_and_are_cut_only_without_room() -> None:
    metrics = QFontMetrics(QApplication.font())
    title = "Panel: Counting people on the move across borders"
    wide = metrics.horizontalAdvance(title) + 10
    assert fit_lines(metrics, title, wide, 3) == [title]
    two = fit_lines(metrics, title, wide // 2, 4)
    assert len(two) >= 2 and " ".join(two) == title and "…" not in "".join(two)
    cut = fit_lines(metrics, title, wide // 3, 2)
    assert len(cut) == 2 and cut[-1].endswith("…")
    assert all(metrics.horizontalAdvance(line) <= wide // 3 for line in cut)


def test_issue_14_double_click_on_a_day_name_shows_that_day(qtbot, window: MainWindow) -> None:
    grid = _hours(window, WEEK)
    column = dict(grid.header.columns())[JUNE_15]
    qtbot.mouseDClick(grid.header, Qt.MouseButton.LeftButton, pos=QPoint(column.center().x(), 10))
    assert window.calendar.mode == DAY
    assert window.calendar.day_model.first_day == JUNE_15


# -- going to a date -------------------------------------------------------------------------


def test_issue_14_ctrl_g_goes_to_a_typed_date(qtbot, window: MainWindow) -> None:
    calendar = window.calendar
    calendar.go_to(dt.date(1998, 12, 1))  # 103 PgUp presses from May 1990
    window.activateWindow()
    qtbot.keyClick(calendar.month_grid, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    picker = calendar.date_picker
    qtbot.waitUntil(picker.isVisible)
    # The date shown is selected, ready to be typed over.
    qtbot.keyClicks(picker.date_edit, "18 May 1990")
    qtbot.keyClick(picker.date_edit, Qt.Key.Key_Return)
    assert not picker.isVisible()
    assert calendar.shown_day == dt.date(1990, 5, 18)
    assert calendar.title.text() == "May 1990"


def test_issue_14_the_title_and_the_navigator_go_to_a_date(qtbot, window: MainWindow) -> None:
    calendar = window.calendar
    qtbot.mouseClick(calendar.title, Qt.MouseButton.LeftButton)
    assert calendar.date_picker.isVisible()
    calendar.date_picker.calendar.clicked.emit(to_qdate(dt.date(1988, 9, 3)))
    assert calendar.shown_month == (1988, 9)
    calendar.set_mode(WEEK)
    calendar.navigator.clicked.emit(to_qdate(dt.date(2030, 1, 2)))
    assert calendar.mode == WEEK
    assert calendar.week_model.first_day == dt.date(2029, 12, 31)
    assert calendar.navigator.selectedDate() == to_qdate(dt.date(2030, 1, 2))


def _day_cell(month: QCalendarWidget, day: int) -> tuple[QTableView, QPoint]:
    """The view of a month calendar and the centre of the cell of ``day`` in the month shown
    (a day after the 7th and before the 22nd is never shown twice)."""
    assert 7 < day < 22
    view = month.findChild(QTableView, "qt_calendar_calendarview")
    model = view.model()
    (cell,) = [
        model.index(row, column)
        for row in range(model.rowCount())
        for column in range(model.columnCount())
        if str(model.index(row, column).data()) == str(day)
    ]
    return view, view.visualRect(cell).center()


def test_issue_14_clicks_in_the_date_picker_go_to_the_day_clicked(
    qtbot, window: MainWindow
) -> None:
    calendar = window.calendar
    assert calendar.shown_month == (1988, 6)
    qtbot.mouseClick(calendar.title, Qt.MouseButton.LeftButton)
    picker = calendar.date_picker
    qtbot.waitUntil(picker.isVisible)
    next_month = picker.calendar.findChild(QToolButton, "qt_calendar_nextmonth")
    qtbot.mouseClick(next_month, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(next_month, Qt.MouseButton.LeftButton)
    view, position = _day_cell(picker.calendar, 17)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert not picker.isVisible()
    assert calendar.shown_day == dt.date(1988, 8, 17)
    assert calendar.title.text() == "August 1988"


def test_issue_14_keys_in_the_date_picker_go_to_the_day_chosen(qtbot, window: MainWindow) -> None:
    calendar = window.calendar
    calendar.go_to(dt.date(1988, 6, 15))
    window.activateWindow()
    qtbot.keyClick(calendar.month_grid, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    picker = calendar.date_picker
    qtbot.waitUntil(picker.isVisible)
    view = picker.calendar.findChild(QTableView, "qt_calendar_calendarview")
    qtbot.keyClick(picker.date_edit, Qt.Key.Key_Tab)  # past the Today button
    qtbot.keyClick(picker.today_button, Qt.Key.Key_Tab)
    assert view.hasFocus()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Right):  # two weeks and a day on
        qtbot.keyClick(view, key)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert not picker.isVisible()
    assert calendar.shown_day == dt.date(1988, 6, 30)


def test_issue_14_a_click_in_the_side_month_shows_that_day(qtbot, window: MainWindow) -> None:
    calendar = window.calendar
    calendar.set_mode(WEEK)
    calendar.go_to(dt.date(1988, 6, 15))
    view, position = _day_cell(calendar.navigator, 20)
    assert view.isVisible()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert calendar.mode == WEEK
    assert calendar.week_model.first_day == dt.date(1988, 6, 20)  # a Monday


# -- the agenda ------------------------------------------------------------------------------


def test_issue_14_agenda_rolls_from_a_day_into_the_next_months(
    qtbot, forum_db: sessionmaker[Session], settings: QSettings
) -> None:
    first = dt.date(1993, 3, 1)
    for n in range(PAGE + 49):  # more than one page from 10 March
        day = first + dt.timedelta(days=n)
        add_extraction(
            forum_db,
            simple_event_extraction(
                f"Round table {n:03d}", PartialDate(day.year, day.month, day.day)
            ),
        )
    win = MainWindow(forum_db, today=LATER, settings=settings)
    qtbot.addWidget(win)
    win.resize(1280, 820)
    win.show()
    calendar = win.calendar
    calendar.go_to(dt.date(1993, 3, 10))
    calendar.set_mode(AGENDA)
    model = calendar.agenda_model
    assert calendar.title.text() == "From Wed 10 March 1993"
    days = model.days()
    assert days[0] == dt.date(1993, 3, 10) and days == sorted(days)
    assert model.loaded_events == PAGE
    calendar.agenda.scrollToBottom()
    qtbot.waitUntil(lambda: model.loaded_events == PAGE + 40)
    assert model.days()[-1] == first + dt.timedelta(days=PAGE + 48)  # months later
    assert not model.canFetchMore()
    # Each day heading is followed by that day's events.
    rows = [model.row_at(r) for r in range(model.rowCount())]
    assert [r.kind for r in rows[:4]] == ["day", "event", "day", "event"]
    assert all(r.event.start_date == r.day for r in rows if r.kind == "event")


def test_issue_14_agenda_click_selects_and_enter_opens(qtbot, window: MainWindow) -> None:
    calendar = window.calendar
    calendar.go_to(dt.date(1988, 6, 1))
    calendar.set_mode(AGENDA)
    forum = event_id(window.sessions, "Northwind Water Forum")
    row = calendar.agenda_model.row_of_event(forum)
    rect = calendar.agenda.visualRect(calendar.agenda_model.index(row, 0))
    qtbot.mouseClick(calendar.agenda.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert calendar.selected_event == forum and window.current_page() == CALENDAR
    qtbot.keyClick(calendar.agenda, Qt.Key.Key_Return)
    assert window.current_page() == EVENTS


# -- legend, search, delete ------------------------------------------------------------------


def test_issue_14_legend_names_the_colours_and_outlines_shown(window: MainWindow) -> None:
    legend = window.calendar.legend
    assert legend.isVisible()
    assert legend.entries == ["Forums and summits", "Accepted", "Suggested (awaiting review)"]
    window.calendar.set_month(1988, 9)
    assert legend.entries == ["Accepted", "Suggested (awaiting review)"]


def test_issue_14_ctrl_f_searches_the_calendar(qtbot, window: MainWindow) -> None:
    calendar = window.calendar
    window.activateWindow()
    qtbot.keyClick(calendar.month_grid, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == CALENDAR
    qtbot.waitUntil(calendar.search.hasFocus)
    qtbot.keyClicks(calendar.search, "northwind")
    qtbot.waitUntil(lambda: calendar.results.isVisible())
    assert calendar.results_model.rowCount() == 1
    qtbot.keyClick(calendar.search, Qt.Key.Key_Escape)
    assert calendar.month_grid.isVisible() and calendar.search.text() == ""


def test_issue_14_delete_an_event_from_the_calendar_and_undo(qtbot, window: MainWindow) -> None:
    calendar = window.calendar
    grid = calendar.month_grid
    forum = event_id(window.sessions, "Northwind Water Forum")
    qtbot.mouseClick(
        grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.badge_position(JUNE_15, forum)
    )
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert event_id(window.sessions, "Northwind Water Forum") is None
    assert grid.badge_position(JUNE_15, forum) is None
    assert not calendar.summary.isVisible()
    assert "Deleted 1 event and 1 panel" in window.statusBar().currentMessage()
    qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert event_id(window.sessions, "Northwind Water Forum") == forum
    assert grid.badge_position(JUNE_15, forum) is not None


def test_issue_14_upcoming_note_follows_an_import(
    qtbot, forum_db: sessionmaker[Session], settings: QSettings
) -> None:
    win = MainWindow(forum_db, today=LATER, settings=settings)
    qtbot.addWidget(win)
    assert win.calendar.upcoming_note.text().startswith(
        "No upcoming events. The calendar opened on June 1988"
    )
    add_extraction(forum_db, simple_event_extraction("Spring Forum", PartialDate(1992, 3, 2)))
    win.ctx.notify("import", 0)
    assert win.calendar.upcoming_note.text() == "The next events from today."
    assert win.calendar.upcoming_model.rowCount() == 1


def test_week_and_month_switch_keep_the_selection(qtbot, window: MainWindow) -> None:
    forum = event_id(window.sessions, "Northwind Water Forum")
    window.calendar.select_event(forum)
    for mode in (WEEK, DAY, AGENDA, MONTH):
        window.calendar.set_mode(mode)
        assert window.calendar.selected_event == forum
    assert window.calendar.month_grid.selected_event == forum
