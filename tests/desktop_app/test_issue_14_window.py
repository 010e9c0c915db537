"""Issue 14, the rest of the window: Cancel that cancels, import summaries that count what
was added, deleting with undo, Review moving on, the address book's columns, groups and
sources, Ctrl+S, Ctrl+F in the page shown, a toolbar that stays put, document titles."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from app_data import LATER, TEXT, add_extraction, span, water_forum_extraction, write_documents
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from db import store
from db.models import Document, Event, Panel, Person
from desktop_app.main_window import ADDRESS_BOOK, DOCUMENTS, EVENTS, REVIEW, MainWindow
from desktop_app.views.date_picker import parse_typed_date
from importers.records import DocumentText, Extraction, PersonRecord


def count(sessions: sessionmaker[Session], model: type) -> int:
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(model))


# -- Cancel in the import progress dialog ----------------------------------------------------


@pytest.fixture
def slow_import(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each file takes a while, as a large PDF does."""
    real = store.import_file

    def slow(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        time.sleep(0.15)
        return real(*args, **kwargs)

    monkeypatch.setattr(store, "import_file", slow)


@pytest.mark.parametrize("how", ["click", "escape"])
def test_issue_14_cancel_in_the_progress_dialog_stops_the_import(
    qtbot, window: MainWindow, tmp_path: Path, slow_import: None, how: str
) -> None:
    write_documents(tmp_path / "inbox", 40)
    window.start_import([tmp_path / "inbox"])
    dialog = window.progress_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=10_000)
    with qtbot.waitSignal(window.import_finished, timeout=30_000) as finished:
        if how == "click":
            qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
        else:
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    summary = finished.args[0]
    assert summary.cancelled
    assert 1 <= len(summary.results) < 10  # stopped after the document being stored
    stored = [r.document_id for r in summary.new]
    with window.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 1 + len(stored)
    assert "cancelled" in window.statusBar().currentMessage()


# -- what an import says ---------------------------------------------------------------------


def test_issue_14_import_summary_says_new_merged_and_nothing_found(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    write_documents(folder, 1)
    # The same notice again with a line more: the same event, merged; and an empty note.
    again = (folder / "notice-00.txt").read_text(encoding="utf-8") + "\nUpdated notice.\n"
    (folder / "notice-00-update.txt").write_text(again, encoding="utf-8")
    (folder / "memo.txt").write_text("Remember to water the plants.\n", encoding="utf-8")
    with qtbot.waitSignal(window.import_finished, timeout=60_000) as finished:
        window.start_import([folder])
    summary = finished.args[0]
    assert summary.added("events") == 1 and summary.merged("events") == 1
    text = window.import_report.text()
    assert text.startswith("Imported 3 new documents.")
    assert "Events: 1 new, 1 merged into existing." in text
    assert "Nothing found in 1 document: memo.txt" in text
    assert "Events: 1 new, 1 merged into existing" in window.statusBar().currentMessage()
    assert count(window.sessions, Event) == 2  # the water forum and the new one


# -- deleting, with undo ---------------------------------------------------------------------


def test_issue_14_delete_a_document_with_what_only_it_holds_and_undo(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_page(DOCUMENTS)
    documents = window.documents
    documents.table.selectRow(0)
    asked = []

    def answer(box: QMessageBox) -> int:
        asked.append((box.text(), box.informativeText()))
        box.setProperty("answered", True)
        delete = next(b for b in box.buttons() if b.text() == "Delete")
        delete.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    qtbot.keyClick(documents.table, Qt.Key.Key_Delete)
    assert asked and "water-forum.txt" in asked[0][0]
    assert "1 document, 1 event, 1 panel and 2 people" in asked[0][1]
    assert count(window.sessions, Document) == 0 and count(window.sessions, Person) == 0
    assert documents.model.rowCount() == 0
    assert window.address_book.model.rowCount() == 0
    window.undo_action.trigger()
    assert count(window.sessions, Document) == 1 and count(window.sessions, Person) == 2
    assert count(window.sessions, Panel) == 1
    assert documents.model.rowCount() == 1


def test_issue_14_delete_people_from_the_address_book_and_undo(qtbot, window: MainWindow) -> None:
    window.show_page(ADDRESS_BOOK)
    book = window.address_book
    bruno = next(p for p in book.model.people() if p.full_name == "Bruno Tallow")
    book.table.selectRow(book.model.row_of(bruno.id))
    qtbot.keyClick(book.table, Qt.Key.Key_Delete)
    assert [p.full_name for p in book.model.people()] == ["Ada Quill"]
    assert window.undo_tool.toolTip() == "Undo Delete “Bruno Tallow”"
    window.undo_tool.trigger()
    assert sorted(p.full_name for p in book.model.people()) == ["Ada Quill", "Bruno Tallow"]


def test_issue_14_delete_a_panel_from_its_event(window: MainWindow) -> None:
    with window.sessions() as s:
        forum = s.scalar(select(Event.id))
        panel = s.scalar(select(Panel.id))
    window.show_event(forum)
    detail = window.events.detail
    assert f"delete-panel:{panel}" in detail.body.toHtml()
    detail.body.anchorClicked.emit(detail.body.source().resolved(f"delete-panel:{panel}"))
    assert count(window.sessions, Panel) == 0
    assert "River basins" not in detail.body.toPlainText()
    window.undo_action.trigger()
    assert count(window.sessions, Panel) == 1
    assert "River basins" in detail.body.toPlainText()


def test_issue_14_delete_from_review(qtbot, window: MainWindow) -> None:
    window.show_page(REVIEW)
    review = window.review
    review.select_row(review.proxy.rowCount() - 1)  # a person
    review.delete_button.click()
    assert review.model.rowCount() == 3
    window.undo_action.trigger()
    assert review.model.rowCount() == 4


# -- Review moves on -------------------------------------------------------------------------


def test_issue_14_accept_and_reject_move_to_the_next_item(qtbot, window: MainWindow) -> None:
    window.show_page(REVIEW)
    review = window.review
    items = [review.proxy.index(r, 1).data() for r in range(review.proxy.rowCount())]
    review.select_row(1)
    qtbot.mouseClick(review.accept_button, Qt.MouseButton.LeftButton)
    # The item after the accepted one is now selected (it took its row).
    assert review.current_item() is not None
    assert review.proxy.index(review.table.currentIndex().row(), 1).data() == items[2]
    qtbot.mouseClick(review.reject_button, Qt.MouseButton.LeftButton)
    assert review.proxy.index(review.table.currentIndex().row(), 1).data() == items[3]


def test_issue_14_review_search_narrows_the_list(qtbot, window: MainWindow) -> None:
    window.show_page(REVIEW)
    review = window.review
    window.activateWindow()
    qtbot.keyClick(review.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(review.search.hasFocus)
    qtbot.keyClicks(review.search, "tallow")
    qtbot.waitUntil(lambda: review.proxy.rowCount() == 1)


# -- the address book ------------------------------------------------------------------------


def test_issue_14_title_column_is_wide_enough_to_read(window: MainWindow) -> None:
    window.show_page(ADDRESS_BOOK)
    QApplication.processEvents()
    table = window.address_book.table
    metrics = table.fontMetrics()
    title = table.columnWidth(window.address_book.model.COL_TITLE)
    assert title >= metrics.horizontalAdvance("Commissioner for Migration")


def test_issue_14_offices_of_one_organisation_are_one_group(
    qtbot, forum_db: sessionmaker[Session], settings: QSettings
) -> None:
    text = "Contacts: Ana Reis, Olu Bade, Ines Moura, Ken Sato."
    people = (
        PersonRecord(name="Ana Reis", organisation="Blue Basin Institute (BBI)"),
        PersonRecord(name="Olu Bade", title="Press Officer", organisation="BBI Oslo"),
        PersonRecord(name="Ines Moura", organisation="BBI HQ"),
        PersonRecord(name="Ken Sato", organisation="BBI’s Regional Office for Oceania"),
    )
    add_extraction(
        forum_db,
        Extraction(DocumentText(path="contacts.txt", format="txt", text=text), people=people),
    )
    win = MainWindow(forum_db, today=LATER, settings=settings)
    qtbot.addWidget(win)
    win.show_page(ADDRESS_BOOK)
    model = win.address_book.model
    headings = [model.index(r, 0).data() for r in range(model.rowCount()) if model.is_header(r)]
    assert headings.count("Blue Basin Institute (BBI)") == 1
    assert not [h for h in headings if h.startswith("BBI")]
    olu = model.row_of(next(p.id for p in model.people() if p.full_name == "Olu Bade"))
    assert model.heading_of(olu) == "Blue Basin Institute (BBI)"
    assert model.index(olu, model.COL_TITLE).data() == "Press Officer · BBI Oslo"
    ana = model.row_of(next(p.id for p in model.people() if p.full_name == "Ana Reis"))
    assert model.index(ana, model.COL_TITLE).data() == ""


def test_issue_14_each_source_line_shows_once(
    qtbot, sessions: sessionmaker[Session], settings: QSettings
) -> None:
    # The contact line names Ada Quill twice over: as a name and as the whole contact.
    contact = span(TEXT, "Contact: Ada Quill, tel +32 2 555 01 23")
    name = span(TEXT, "Ada Quill, tel")
    extraction = water_forum_extraction()
    ada = PersonRecord(name="Ada Quill", spans=(contact, (name[0], name[0] + 9)))
    add_extraction(sessions, Extraction(extraction.document, people=(ada,)))
    win = MainWindow(sessions, today=LATER, settings=settings)
    qtbot.addWidget(win)
    with sessions() as s:
        win.show_person(s.scalar(select(Person.id)))
    text = win.address_book.detail.body.toPlainText()
    assert text.count("Contact: Ada Quill") == 1


# -- keys and toolbar ------------------------------------------------------------------------


def test_issue_14_ctrl_s_saves_an_edit(qtbot, window: MainWindow) -> None:
    with window.sessions() as s:
        forum = s.scalar(select(Event.id))
    window.show_event(forum)
    detail = window.events.detail
    detail.location_edit.setFocus()
    detail.location_edit.selectAll()
    qtbot.keyClicks(detail.location_edit, "Harbour Hall")
    assert detail.save_button.isEnabled()
    qtbot.keyClick(detail.location_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with window.sessions() as s:
        assert s.get(Event, forum).location == "Harbour Hall"
    assert not detail.save_button.isEnabled()


def test_issue_14_toolbar_buttons_stay_in_place_when_undo_text_grows(
    qtbot, window: MainWindow
) -> None:
    toolbar = window.findChild(type(window.addToolBar("x")), "mainToolbar")
    today = toolbar.widgetForAction(window.today_action)
    before = today.geometry()
    with window.sessions() as s:
        forum = s.scalar(select(Event.id))
    window.show_event(forum)
    detail = window.events.detail
    detail.title_edit.setText("A much longer title for the Northwind Water Forum of June")
    detail.save()
    QApplication.processEvents()
    assert today.geometry() == before
    assert window.undo_tool.isEnabled()
    assert toolbar.widgetForAction(window.undo_tool).text() == "Undo"
    assert "Northwind Water Forum" in window.undo_tool.toolTip()


def test_issue_14_ctrl_f_searches_the_page_shown(qtbot, window: MainWindow) -> None:
    window.show_page(DOCUMENTS)
    window.activateWindow()
    qtbot.keyClick(window.documents.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == DOCUMENTS
    qtbot.waitUntil(window.documents.search.hasFocus)
    window.show_page(EVENTS)
    qtbot.keyClick(window.events.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.events.search.hasFocus)


# -- document titles -------------------------------------------------------------------------


def test_issue_14_documents_without_a_title_show_their_first_heading(
    qtbot, sessions: sessionmaker[Session], settings: QSettings
) -> None:
    texts = {
        "notes.txt": ("txt", None, "Who we are\n\nCoastal Cities Forum opens in Port Elm\n\n…"),
        "scan.pdf": ("pdf", "(anonymous)", "\n\nAnnual Report on River Basins 1991\nText."),
        "named.pdf": ("pdf", "River Basins Review", "Other heading here today\n"),
    }
    for path, (fmt, title, text) in texts.items():
        add_extraction(
            sessions, Extraction(DocumentText(path=path, format=fmt, text=text, title=title))
        )
    win = MainWindow(sessions, today=LATER, settings=settings)
    qtbot.addWidget(win)
    win.show_page(DOCUMENTS)
    model = win.documents.model
    titles = {
        model.index(r, model.COL_FILE).data(): model.index(r, model.COL_TITLE).data()
        for r in range(model.rowCount())
    }
    assert titles == {
        "notes.txt": "Coastal Cities Forum opens in Port Elm",
        "scan.pdf": "Annual Report on River Basins 1991",
        "named.pdf": "River Basins Review",
    }


def test_typed_dates() -> None:
    assert parse_typed_date("18 May 2033") == dt.date(2033, 5, 18)
    assert parse_typed_date("May 18, 2033") == dt.date(2033, 5, 18)
    assert parse_typed_date("2033-05-18") == dt.date(2033, 5, 18)
    assert parse_typed_date("18/05/2033") == dt.date(2033, 5, 18)
    assert parse_typed_date("May 2033") == dt.date(2033, 5, 1)
    assert parse_typed_date("2033") == dt.date(2033, 1, 1)
    assert parse_typed_date("next week") is None and parse_typed_date("") is None
