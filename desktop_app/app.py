"""Start-up of the Qt application: database, optional demo data, window, screenshots."""

from __future__ import annotations

import contextlib
import gc
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy.orm import Session, sessionmaker

from db import edits, queries, store
from db.engine import open_database, resolve_url
from db.errors import DatabaseUnavailable
from desktop_app.main_window import (
    ADDRESS_BOOK,
    CALENDAR,
    DOCUMENTS,
    EVENTS,
    REVIEW,
    MainWindow,
)
from desktop_app.views.calendar_view import AGENDA, DAY, MONTH, WEEK
from desktop_app.views.icons import icon
from resources import as_file, resource, sample_documents

SCREENSHOT_SIZE = (1280, 820)


def _demo_url() -> str:
    folder = Path(tempfile.mkdtemp(prefix="forumdesk-demo-"))
    return f"sqlite:///{folder / 'demo.sqlite'}"


def import_samples(sessions: sessionmaker[Session]) -> store.ImportSummary:
    """Import the bundled sample documents as ``forumdesk --demo`` does: everything read from
    them is accepted but what only the last text document holds, which waits on the Review
    page."""
    with contextlib.ExitStack() as stack:
        paths = [stack.enter_context(as_file(doc)) for doc in sample_documents()]
        summary = store.import_documents(sessions, paths)
    texts = [r for r in summary.new if r.path.endswith(".txt")]
    waiting = texts[-1] if texts else None
    with sessions.begin() as s:
        for result in summary.new:
            if result is not waiting and result.document_id is not None:
                edits.accept_document(s, result.document_id)
    return summary


def apply_style(app: QApplication) -> None:
    """The shipped style sheet over the system palette (light or dark)."""
    app.setStyleSheet(resource("style.qss").read_text(encoding="utf-8"))
    app.setWindowIcon(icon("forumdesk"))


def started() -> None:
    """Once the window is up: the objects made so far (Qt wrappers, mappers, compiled
    statements) live as long as the window, so the garbage collector's full passes stop
    walking them; a full pass over them made a month switch take 60 ms instead of 20."""
    gc.collect()
    gc.freeze()


def _settle(app: QApplication, widget: QWidget) -> None:
    for _ in range(3):
        app.processEvents()
    widget.repaint()
    app.processEvents()


def _save(widget: QWidget, target: Path) -> bool:
    target.parent.mkdir(parents=True, exist_ok=True)
    return widget.grab().save(str(target), "PNG")


def write_screenshots(app: QApplication, window: MainWindow, folder: Path) -> bool:
    """One PNG per view: the calendar's month (with the richest event selected), week with
    hours, day and agenda views; the event; the address book, review and documents."""
    ok = True
    with window.sessions.begin() as s:
        events = queries.events_for_export(s)
    dated = [e for e in events if e.start_date and (e.start_precision or "day") == "day"]
    richest = max(events, key=lambda e: (len(e.panels), len(e.mentions), -e.id), default=None)
    busiest = max(dated, key=lambda e: (len(e.panels), len(e.mentions), -e.id), default=None)
    calendar = window.calendar
    window.show_page(CALENDAR)
    if busiest is not None:
        calendar.go_to(busiest.start_date)
        calendar.select_event(busiest.id)
    for mode, name in ((MONTH, "calendar"), (WEEK, "week"), (DAY, "day"), (AGENDA, "agenda")):
        if mode == AGENDA and busiest is not None:
            calendar.go_to(busiest.start_date.replace(day=1))
        calendar.set_mode(mode)
        _settle(app, window)
        ok &= _save(window, folder / f"{name}.png")
    calendar.set_mode(MONTH)
    if richest is not None:
        window.show_event(richest.id)
    else:
        window.show_page(EVENTS)
    _settle(app, window)
    ok &= _save(window, folder / "event.png")
    window.show_page(ADDRESS_BOOK)
    table = window.address_book.table
    for row in range(window.address_book.model.rowCount()):
        if window.address_book.model.person_at(row) is not None:
            table.selectRow(row)
            break
    _settle(app, window)
    ok &= _save(window, folder / "address-book.png")
    window.show_page(REVIEW)
    _settle(app, window)
    ok &= _save(window, folder / "review.png")
    window.show_page(DOCUMENTS)
    _settle(app, window)
    ok &= _save(window, folder / "documents.png")
    return ok


def run_gui(db_url: str | None, demo: bool = False, screenshot: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Forum Desk")
    app.setOrganizationName("forumdesk")
    QGuiApplication.setDesktopFileName("forumdesk")
    apply_style(app)
    url = _demo_url() if demo else resolve_url(db_url)
    try:
        sessions = open_database(url)
    except DatabaseUnavailable as exc:
        # The command line prints the same line; someone who started the window from a menu
        # sees it here.
        if not screenshot and QGuiApplication.platformName() != "offscreen":
            box = QMessageBox(QMessageBox.Icon.Critical, "Forum Desk", "")
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setText(f"The database cannot be opened.\n\n{exc}")
            box.exec()
        raise
    if demo:
        import_samples(sessions)
    # Screenshots must not depend on (nor change) the user's saved window state.
    settings = None
    if screenshot:
        ini = Path(tempfile.mkdtemp(prefix="forumdesk-shot-")) / "settings.ini"
        settings = QSettings(str(ini), QSettings.Format.IniFormat)
    window = MainWindow(sessions, settings=settings)
    if screenshot:
        window.resize(*SCREENSHOT_SIZE)
    window.show()
    started()
    if screenshot:
        target = Path(screenshot)
        _settle(app, window)
        if target.suffix.lower() == ".png":
            ok = _save(window, target)
        else:
            ok = write_screenshots(app, window, target)
        window.close()
        return 0 if ok else 1
    return app.exec()
