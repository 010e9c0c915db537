"""The real window, driven offscreen: import, review, calendar, address book, export, undo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import vobject
from app_data import LATER, add_extraction, event_id, simple_event_extraction, write_documents
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from sqlalchemy import func, select

from db import queries
from db.models import Document, Event, Person
from desktop_app.main_window import ADDRESS_BOOK, CALENDAR, DOCUMENTS, EVENTS, REVIEW, MainWindow
from desktop_app.views.calendar_view import AGENDA, WEEK
from desktop_app.views.export_dialog import EVERYTHING, SELECTION, ExportOptions
from desktop_app.workers import ImportWorker
from importers.records import PartialDate

JUNE_15 = dt.date(1988, 6, 15)


def test_with_nothing_upcoming_the_calendar_opens_on_the_busiest_month(window: MainWindow) -> None:
    assert window.current_page() == CALENDAR
    assert window.calendar.shown_month == (1988, 6)
    assert window.calendar.title.text() == "June 1988"
    assert (
        "No upcoming events. The calendar opened on June 1988"
        in window.calendar.upcoming_note.text()
    )


def test_two_day_event_badge_is_drawn_on_both_days(window: MainWindow) -> None:
    grid = window.calendar.month_grid
    forum = event_id(window.sessions, "Northwind Water Forum")
    assert grid.badge_position(JUNE_15, forum) is not None
    assert grid.badge_position(JUNE_15 + dt.timedelta(days=1), forum) is not None
    assert grid.badge_position(JUNE_15 + dt.timedelta(days=2), forum) is None
    assert grid.badge_position(JUNE_15 - dt.timedelta(days=1), forum) is None


def test_issue_14_a_click_on_a_chip_selects_a_double_click_opens(qtbot, window: MainWindow) -> None:
    grid = window.calendar.month_grid
    forum = event_id(window.sessions, "Northwind Water Forum")
    position = grid.badge_position(JUNE_15 + dt.timedelta(days=1), forum)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=position)
    # One click selects: the calendar stays, the details show beside it.
    assert window.current_page() == CALENDAR
    assert window.calendar.selected_event == forum and grid.selected_event == forum
    summary = window.calendar.summary
    assert summary.isVisible() and summary.title.text() == "Northwind Water Forum"
    assert "Lakeside Hall" in summary.body.text() and "River basins" in summary.body.text()
    qtbot.mouseDClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert window.current_page() == EVENTS
    detail = window.events.detail
    assert detail.event_id == forum
    assert detail.title_edit.text() == "Northwind Water Forum"
    html = detail.body.toHtml()
    assert "River basins" in html and "Ada Quill" in html and "moderator" in html
    assert "opens on 15 June 1988" in detail.body.toPlainText()


def test_a_session_line_under_the_badge_opens_its_event(qtbot, window: MainWindow) -> None:
    grid = window.calendar.month_grid
    position = grid.session_position(JUNE_15, "River basins")
    assert position is not None
    assert grid.session_position(JUNE_15 + dt.timedelta(days=1), "River basins") is None
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=position)
    forum = event_id(window.sessions, "Northwind Water Forum")
    assert window.current_page() == CALENDAR and window.calendar.selected_event == forum
    # Enter opens the selected event, as a double click does.
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert window.current_page() == EVENTS
    assert window.events.detail.event_id == forum


def test_month_navigation_and_views(qtbot, window: MainWindow) -> None:
    calendar = window.calendar
    qtbot.keyClick(calendar.month_grid, Qt.Key.Key_PageDown)
    assert calendar.shown_month == (1988, 7)
    calendar.previous()
    assert calendar.title.text() == "June 1988"
    calendar.set_mode(AGENDA)
    assert [e.title for e in calendar.agenda_model.events()] == ["Northwind Water Forum"]
    assert calendar.agenda_model.days() == [JUNE_15]
    calendar.show_week(JUNE_15)
    assert calendar.mode == WEEK
    assert calendar.week_model.first_day == dt.date(1988, 6, 13)
    assert calendar.week_model.last_day == dt.date(1988, 6, 19)
    window.go_today()
    assert calendar.shown_month == (LATER.year, LATER.month)


def test_events_known_to_a_month_are_listed_apart(qtbot, forum_db, settings) -> None:
    add_extraction(forum_db, simple_event_extraction("Delta Round Table", PartialDate(1988, 9)))
    win = MainWindow(forum_db, today=LATER, settings=settings)
    qtbot.addWidget(win)
    model = win.calendar.approximate_model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Delta Round Table"]
    win.calendar.set_month(1988, 9)
    month = win.calendar.month_model
    assert not any(
        month.index(r, c).data(Qt.ItemDataRole.ToolTipRole) for r in range(6) for c in range(7)
    )


def test_address_book_search_narrows_to_one_person(qtbot, window: MainWindow) -> None:
    window.show_page(ADDRESS_BOOK)
    book = window.address_book
    assert len(book.model.people()) == 2
    qtbot.keyClicks(book.search, "tallow")
    qtbot.waitUntil(lambda: [p.full_name for p in book.model.people()] == ["Bruno Tallow"])


def test_ctrl_f_focuses_the_address_book_search(qtbot, window: MainWindow) -> None:
    window.show_page(ADDRESS_BOOK)
    window.activateWindow()
    qtbot.keyClick(window.address_book.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == ADDRESS_BOOK
    qtbot.waitUntil(lambda: window.address_book.search.hasFocus())


def test_person_detail_formats_phones_and_links_emails(window: MainWindow) -> None:
    with window.sessions.begin() as s:
        ada = s.scalar(select(Person.id).where(Person.full_name == "Ada Quill"))
    window.show_person(ada)
    detail = window.address_book.detail
    assert detail.contact_edits["phones"].text() == "+32 2 555 01 23"
    html = detail.body.toHtml()
    assert "mailto:ada.quill@bluebasin.example" in html
    assert "Northwind Water Forum" in html


def test_accept_from_review_and_undo(qtbot, window: MainWindow) -> None:
    window.show_page(REVIEW)
    review = window.review
    assert review.model.rowCount() == 4
    row = next(
        r for r in range(review.proxy.rowCount()) if review.proxy.index(r, 0).data() == "Event"
    )
    review.table.selectRow(row)
    review.accept_button.click()
    forum = event_id(window.sessions, "Northwind Water Forum")
    with window.sessions.begin() as s:
        assert s.get(Event, forum).status == "accepted"
    assert review.model.rowCount() == 3
    assert "3 awaiting review" in window.counts_label.text()
    window.undo_action.trigger()
    with window.sessions.begin() as s:
        assert s.get(Event, forum).status == "suggested"
    assert review.model.rowCount() == 4


def test_accept_all_from_a_document(qtbot, window: MainWindow) -> None:
    window.show_page(REVIEW)
    window.review.table.selectRow(0)
    window.review.accept_document_button.click()
    assert window.review.model.rowCount() == 0
    with window.sessions.begin() as s:
        assert queries.counts(s)["suggested"] == 0
    window.undo_action.trigger()
    assert window.review.model.rowCount() == 4


def test_undo_restores_an_edited_field(qtbot, window: MainWindow) -> None:
    forum = event_id(window.sessions, "Northwind Water Forum")
    window.show_event(forum)
    detail = window.events.detail
    detail.title_edit.clear()
    qtbot.keyClicks(detail.title_edit, "Northwind Water Forum 1988")
    assert detail.save_button.isEnabled()
    detail.save_button.click()
    with window.sessions.begin() as s:
        assert s.get(Event, forum).title == "Northwind Water Forum 1988"
    window.undo_action.trigger()
    with window.sessions.begin() as s:
        assert s.get(Event, forum).title == "Northwind Water Forum"
    assert detail.title_edit.text() == "Northwind Water Forum"
    window.redo_action.trigger()
    assert detail.title_edit.text() == "Northwind Water Forum 1988"


def test_undo_restores_a_persons_contacts(qtbot, window: MainWindow) -> None:
    with window.sessions.begin() as s:
        ada = s.scalar(select(Person.id).where(Person.full_name == "Ada Quill"))
    window.show_person(ada)
    detail = window.address_book.detail
    detail.contact_edits["phones"].setText("+32 2 555 09 99")
    detail.title_edit.setText("Head of Hydrology")
    detail.save()
    with window.sessions.begin() as s:
        person = queries.person_detail(s, ada)
        assert person.job_title == "Head of Hydrology"
        assert [c.value for c in person.contacts if c.kind == "phone"] == ["+3225550999"]
    window.undo_action.trigger()
    with window.sessions.begin() as s:
        person = queries.person_detail(s, ada)
        assert person.job_title == "Director of Hydrology"
        assert [c.value for c in person.contacts if c.kind == "phone"] == ["+3225550123"]


def test_merging_two_events_keeps_the_panels(qtbot, window: MainWindow) -> None:
    add_extraction(
        window.sessions, simple_event_extraction("Water Forum North", PartialDate(1988, 6, 15))
    )
    forum = event_id(window.sessions, "Northwind Water Forum")
    other = event_id(window.sessions, "Water Forum North")
    window.show_event(forum)
    window.events.detail.merge_with(other)
    with window.sessions.begin() as s:
        assert s.get(Event, other) is None
        kept = queries.event_detail(s, forum)
        assert len(kept.panels) == 1 and len(kept.mentions) == 2


def test_import_a_folder_through_the_worker(qtbot, window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    write_documents(folder, 3)
    with qtbot.waitSignal(window.import_finished, timeout=60_000) as blocker:
        window.start_import([folder])
    summary = blocker.args[0]
    assert len(summary.new) == 3 and not summary.failed
    assert window.worker is None
    with window.sessions.begin() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 4
    window.show_page(DOCUMENTS)
    assert window.documents.model.rowCount() == 4


def test_a_failing_file_shows_its_reason(qtbot, window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    write_documents(folder, 1)
    (folder / "blank.txt").write_text("   \n", encoding="utf-8")
    with qtbot.waitSignal(window.import_finished, timeout=60_000) as blocker:
        window.start_import([folder])
    failed = blocker.args[0].failed
    assert [Path(r.path).name for r in failed] == ["blank.txt"]
    reason = failed[0].reason
    assert reason
    assert window.import_report is not None
    assert f"blank.txt: {reason}" in window.import_report.text()
    assert window.failed_imports.rowCount() == 1
    assert window.failed_imports.index(0, 1).data() == reason
    window.import_report.close()
    window.show_page(DOCUMENTS)
    assert window.documents.failed_box.isVisible()
    assert window.documents.failed_table.model().index(0, 0).data() == "blank.txt"


def test_dropping_a_folder_imports_it(qtbot, window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "dropped"
    write_documents(folder, 2)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(folder))])
    drop = QDropEvent(
        QPointF(300, 300),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.import_finished, timeout=60_000) as blocker:
        window.dropEvent(drop)
    assert len(blocker.args[0].new) == 2


def test_cancel_stops_an_import_between_documents(qtbot, sessions, tmp_path: Path) -> None:
    paths = write_documents(tmp_path / "inbox", 6)
    worker = ImportWorker(sessions, [tmp_path / "inbox"])
    # Direct connection: the cancel is asked from the worker thread before the second file.
    worker.progress.connect(
        lambda index, _total, _path: worker.cancel() if index == 2 else None,
        Qt.ConnectionType.DirectConnection,
    )
    with qtbot.waitSignal(worker.finished, timeout=60_000) as blocker:
        worker.start()
    worker.wait()
    summary = blocker.args[0]
    assert summary.cancelled
    assert 1 <= len(summary.results) < len(paths)
    stored = [r for r in summary.results if r.status == "new"]
    with sessions.begin() as s:
        documents = s.scalars(select(Document)).all()
        assert sorted(d.id for d in documents) == sorted(r.document_id for r in stored)
        assert all(d.text.strip() for d in documents)


def test_export_calendar_writes_a_file_that_parses(window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "out.ics"
    count = window.export_calendar(target, ExportOptions(scope=EVERYTHING, reminder_days=2))
    assert count == 1
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    summaries = [str(c.get("summary")) for c in calendar.walk("VEVENT")]
    assert "Northwind Water Forum" in summaries


def test_export_selected_contacts_writes_vcards_that_parse(
    window: MainWindow, tmp_path: Path
) -> None:
    window.show_page(ADDRESS_BOOK)
    book = window.address_book
    book.table.selectRow(book.model.row_of(book.model.people()[0].id))
    target = tmp_path / "out.vcf"
    count = window.export_contacts(target, ExportOptions(scope=SELECTION, vcard_version="4.0"))
    assert count == 1
    cards = list(vobject.readComponents(target.read_text(encoding="utf-8")))
    assert [c.fn.value for c in cards] == [book.model.people()[0].full_name]
    assert cards[0].version.value == "4.0"


def test_last_view_and_geometry_are_kept(qtbot, forum_db, settings: QSettings) -> None:
    first = MainWindow(forum_db, today=LATER, settings=settings)
    qtbot.addWidget(first)
    first.show_page(ADDRESS_BOOK)
    first.resize(640, 480)  # within the offscreen screen, which restoreGeometry clamps to
    first.close()
    second = MainWindow(forum_db, today=LATER, settings=settings)
    qtbot.addWidget(second)
    assert second.current_page() == ADDRESS_BOOK
    assert (second.width(), second.height()) == (640, 480)


def test_empty_database_shows_how_to_start(qtbot, sessions, settings: QSettings) -> None:
    win = MainWindow(sessions, today=LATER, settings=settings)
    qtbot.addWidget(win)
    win.show()
    assert win.calendar.banner.isVisible()
    assert "File › Import…" in win.calendar.banner.text()
    assert "0 events" in win.counts_label.text()
