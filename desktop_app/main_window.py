"""The main window: sidebar of pages, menus, toolbar, status bar, import and export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QStackedWidget,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from db import queries
from db.store import ImportSummary
from desktop_app.import_summary import summary_lines
from desktop_app.item_models.documents import FailedImportsModel
from desktop_app.plain_text import plain_label
from desktop_app.views.address_book import AddressBookView
from desktop_app.views.calendar_view import CalendarView
from desktop_app.views.context import AppContext
from desktop_app.views.documents_view import DocumentsView
from desktop_app.views.events_view import EventsView
from desktop_app.views.export_dialog import DATE_RANGE, SELECTION, ExportDialog, ExportOptions
from desktop_app.views.icons import icon
from desktop_app.views.review_view import ReviewView
from desktop_app.workers import ImportWorker

CALENDAR, EVENTS, ADDRESS_BOOK, REVIEW, DOCUMENTS = range(5)
PAGES = (
    (CALENDAR, "Calendar", "calendar"),
    (EVENTS, "Events", "events"),
    (ADDRESS_BOOK, "Address book", "address-book"),
    (REVIEW, "Review", "review"),
    (DOCUMENTS, "Documents", "documents"),
)
IMPORT_FILTER = (
    "Documents (*.txt *.text *.md *.html *.htm *.pdf *.docx *.eml *.ics *.vcf);;All files (*)"
)

EXPORT_FILES = {
    "calendar": ("forum-desk.ics", "iCalendar (*.ics)"),
    "contacts": ("forum-desk.vcf", "vCard (*.vcf)"),
}


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else many or one + 's'}"


class MainWindow(QMainWindow):
    """Forum Desk's window. ``today`` can be fixed (demo screenshots, tests)."""

    #: emitted with the summary when an import started from the window has ended
    import_finished = Signal(object)

    def __init__(
        self,
        sessions: sessionmaker[Session],
        today: dt.date | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__()
        self.sessions = sessions
        self.ctx = AppContext(sessions, today, self)
        self.settings = settings or QSettings()
        self.failed_imports = FailedImportsModel(self)
        self.worker: ImportWorker | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.import_report: QMessageBox | None = None
        self.setWindowTitle("Forum Desk")
        self.setWindowIcon(icon("forumdesk"))
        self.setAcceptDrops(True)

        self.calendar = CalendarView(self.ctx)
        self.events = EventsView(self.ctx)
        self.address_book = AddressBookView(self.ctx)
        self.review = ReviewView(self.ctx)
        self.documents = DocumentsView(self.ctx, self.failed_imports)
        self.pages = QStackedWidget()
        for page in (self.calendar, self.events, self.address_book, self.review, self.documents):
            self.pages.addWidget(page)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(22, 22))
        self.sidebar.setFixedWidth(170)
        for _, label, icon_name in PAGES:
            QListWidgetItem(icon(icon_name), label, self.sidebar)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_menus_and_toolbar()
        self.counts_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)

        self.sidebar.currentRowChanged.connect(self.show_page)
        self.ctx.changed.connect(self._data_changed)
        self.ctx.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.ctx.error.connect(lambda text: QMessageBox.warning(self, "Forum Desk", text))
        self.ctx.event_requested.connect(self.show_event)
        self.ctx.person_requested.connect(self.show_person)

        # Files dropped on a text box import like anywhere else on the window.
        for edit in self.findChildren(QLineEdit):
            edit.setAcceptDrops(False)
        self.calendar.open_initial()
        self.update_counts()
        self._restore_settings()

    # -- building ------------------------------------------------------------------------
    def _action(
        self, text: str, shortcut: str | QKeySequence | None, slot, icon_name=None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if icon_name:
            action.setIcon(icon(icon_name))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.import_action = self._action("&Import…", "Ctrl+I", self.import_dialog, "import")
        self.export_calendar_action = self._action(
            "Export &calendar…", "Ctrl+E", lambda: self.export_calendar(), "export"
        )
        self.export_contacts_action = self._action(
            "Export c&ontacts…", "Ctrl+Shift+E", lambda: self.export_contacts(), "export"
        )
        self.quit_action = self._action("&Quit", QKeySequence.StandardKey.Quit, self.close)
        self.undo_action = self.ctx.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.undo_action.setIcon(icon("undo"))
        self.redo_action = self.ctx.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        self.redo_action.setIcon(icon("redo"))
        self.find_action = self._action("&Find", "Ctrl+F", self.find, "search")
        self.find_action.setToolTip("Search the page shown (Ctrl+F)")
        self.save_action = self._action("&Save changes", "Ctrl+S", self.save)
        self.delete_action = self._action("&Delete", QKeySequence.StandardKey.Delete, self.delete)
        self.delete_action.setToolTip("Delete what is selected; Undo puts it back")
        self.go_to_date_action = self._action("&Go to date…", "Ctrl+G", self.go_to_date, "calendar")
        # The toolbar's Undo and Redo keep their short labels, so that the buttons after them
        # stay in place; what they undo is in their tooltips (and in the Edit menu).
        self.undo_tool = self._action("Undo", None, self.ctx.undo_stack.undo, "undo")
        self.redo_tool = self._action("Redo", None, self.ctx.undo_stack.redo, "redo")
        for tool, enabled, text, prefix in (
            (
                self.undo_tool,
                self.ctx.undo_stack.canUndoChanged,
                self.ctx.undo_stack.undoTextChanged,
                "Undo",
            ),
            (
                self.redo_tool,
                self.ctx.undo_stack.canRedoChanged,
                self.ctx.undo_stack.redoTextChanged,
                "Redo",
            ),
        ):
            tool.setEnabled(False)
            tool.setToolTip(prefix)
            enabled.connect(tool.setEnabled)
            text.connect(lambda t, a=tool, p=prefix: a.setToolTip(f"{p} {t}".strip()))
        self.page_actions = []
        for page, label, icon_name in PAGES:
            action = self._action(
                label, f"Ctrl+{page + 1}", lambda _=False, p=page: self.show_page(p), icon_name
            )
            self.page_actions.append(action)
        self.today_action = self._action("&Today", "Ctrl+T", self.go_today, "today")

    def _build_menus_and_toolbar(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_calendar_action)
        file_menu.addAction(self.export_contacts_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menu.addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.save_action)
        edit_menu.addAction(self.delete_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        view_menu = menu.addMenu("&View")
        for action in self.page_actions:
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.today_action)
        view_menu.addAction(self.go_to_date_action)

        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.import_action)
        toolbar.addAction(self.export_calendar_action)
        toolbar.addAction(self.export_contacts_action)
        toolbar.addSeparator()
        toolbar.addAction(self.undo_tool)
        toolbar.addAction(self.redo_tool)
        toolbar.addSeparator()
        toolbar.addAction(self.today_action)

    # -- settings ------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)
        page = self.settings.value("window/page", CALENDAR)
        try:
            page = int(page)
        except (TypeError, ValueError):
            page = CALENDAR
        self.show_page(page if 0 <= page < len(PAGES) else CALENDAR)

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/page", self.pages.currentIndex())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()
        self.save_settings()
        super().closeEvent(event)

    # -- pages ---------------------------------------------------------------------------
    def show_page(self, page: int) -> None:
        widget = self.pages.widget(page)
        if hasattr(widget, "ensure_loaded"):
            widget.ensure_loaded()
        self.pages.setCurrentIndex(page)
        if self.sidebar.currentRow() != page:
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(page)
            self.sidebar.blockSignals(False)

    def current_page(self) -> int:
        return self.pages.currentIndex()

    def show_event(self, event_id: int) -> None:
        self.show_page(EVENTS)
        self.events.show_event(event_id)

    def show_person(self, person_id: int) -> None:
        self.show_page(ADDRESS_BOOK)
        self.address_book.show_person(person_id)

    def go_today(self) -> None:
        self.show_page(CALENDAR)
        self.calendar.go_today()

    def go_to_date(self) -> None:
        """Ctrl+G: choose a day in a small calendar and show it."""
        self.show_page(CALENDAR)
        self.calendar.ask_date()

    def find(self) -> None:
        """Ctrl+F: the search box of the page shown."""
        self.pages.currentWidget().focus_search()

    def save(self) -> None:
        """Ctrl+S: save the edits of the detail shown (events and address book)."""
        page = self.pages.currentWidget()
        if hasattr(page, "save"):
            page.save()

    def delete(self) -> None:
        """Del: delete what is selected on the page shown (undoable)."""
        self.pages.currentWidget().delete_selected()

    # -- refreshing ----------------------------------------------------------------------
    def update_counts(self) -> None:
        with self.sessions.begin() as s:
            counts = queries.counts(s)
        self.counts_label.setText(
            f"{plural(counts.get('events', 0), 'event')} · "
            f"{plural(counts.get('people', 0), 'person', 'people')} · "
            f"{counts.get('suggested', 0)} awaiting review"
        )

    def _data_changed(self, _kind: str = "", _item_id: int = 0) -> None:
        self.calendar.reload()
        self.events.reload()
        self.address_book.reload()
        for page in (self.review, self.documents):
            if page.loaded:
                page.reload()
        self.update_counts()

    # -- drag and drop -------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: ANN001 - QDragMoveEvent
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)

    # -- import --------------------------------------------------------------------------
    def import_dialog(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle("Import")
        box.setText("Import single files or a whole folder (searched with its subfolders)?")
        files = box.addButton("Files…", QMessageBox.ButtonRole.AcceptRole)
        folder = box.addButton("Folder…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        start = self.settings.value("import/last_folder", str(Path.home()))
        if box.clickedButton() is files:
            paths, _ = QFileDialog.getOpenFileNames(self, "Import documents", start, IMPORT_FILTER)
        elif box.clickedButton() is folder:
            chosen = QFileDialog.getExistingDirectory(self, "Import a folder", start)
            paths = [chosen] if chosen else []
        else:
            return
        if paths:
            self.settings.setValue("import/last_folder", str(Path(paths[0]).parent))
            self.start_import(paths)

    def start_import(self, paths: list[str | Path], *, accept: bool = False) -> ImportWorker | None:
        """Import files/folders in a worker thread with a progress dialog; the window stays
        responsive. Returns the worker (None when an import is already running)."""
        if self.worker is not None:
            self.statusBar().showMessage("An import is already running.", 5000)
            return None
        worker = ImportWorker(self.sessions, paths, accept=accept)
        dialog = QProgressDialog("", "Cancel", 0, 0, self)
        # The label shows file names: plain text, never markup.
        dialog.setLabel(plain_label())
        dialog.setLabelText("Preparing the import…")
        dialog.setWindowTitle("Importing")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setMinimumWidth(420)
        # Direct: the worker's thread is busy importing, a queued call would wait for the end.
        dialog.canceled.connect(worker.cancel, Qt.ConnectionType.DirectConnection)
        dialog.canceled.connect(self._import_cancelling)
        worker.progress.connect(self._import_progress)
        worker.finished.connect(self._import_finished)
        worker.crashed.connect(self._import_crashed)
        self.worker = worker
        self.progress_dialog = dialog
        worker.start()
        return worker

    def _import_cancelling(self) -> None:
        self.statusBar().showMessage("Cancelling the import after the current document…")

    def _import_progress(self, index: int, total: int, path: str) -> None:
        dialog = self.progress_dialog
        if dialog is None or dialog.wasCanceled():
            return
        dialog.setMaximum(total)
        dialog.setLabelText(f"Importing {Path(path).name}\n({index} of {total})")
        # Last: a modal dialog's setValue runs the event loop, which may end the import.
        dialog.setValue(index - 1)  # index counts from 1

    def _end_import(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.reset()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        if self.worker is not None:
            self.worker.wait()
            self.worker = None

    def _import_crashed(self, message: str) -> None:
        self._end_import()
        QMessageBox.critical(self, "Import failed", message)

    def _import_finished(self, summary: ImportSummary) -> None:
        self._end_import()
        self.failed_imports.forget([r.path for r in summary.results if r.status != "failed"])
        self.failed_imports.add(summary.failed)
        self.ctx.notify("import", 0)
        text = self.import_summary_text(summary)
        self.statusBar().showMessage(" · ".join(text.splitlines()[:2]), 15000)
        if summary.failed or any(r.found_nothing for r in summary.results):
            self.show_import_report(summary, text)
        elif summary.new and self.current_page() == CALENDAR:
            if any(r.events or r.people or r.panels for r in summary.new):
                self.show_page(REVIEW)
        self.import_finished.emit(summary)

    @staticmethod
    def import_summary_text(summary: ImportSummary) -> str:
        """What the import added (new, merged into existing, unchanged), then each failure."""
        lines = [line + "." for line in summary_lines(summary)]
        if summary.failed:
            lines.append(f"{len(summary.failed)} file(s) could not be imported:")
            lines.extend(f"• {Path(r.path).name}: {r.reason}" for r in summary.failed)
        return "\n".join(lines)

    def show_import_report(self, summary: ImportSummary, text: str) -> None:
        """A non-blocking dialog listing each failed file with its reason."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning if summary.failed else QMessageBox.Icon.Information)
        box.setWindowTitle("Import finished with problems" if summary.failed else "Import finished")
        box.setTextFormat(Qt.TextFormat.PlainText)  # file names and reasons, as written
        box.setText(text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.import_report = box
        box.open()

    # -- export --------------------------------------------------------------------------
    def _export_options(self, kind: str, selection: list[int]) -> ExportOptions | None:
        month = self.calendar.shown_month
        dialog = ExportDialog(kind, len(selection), dt.date(month[0], month[1], 1), self)
        if not dialog.exec():
            return None
        return dialog.options()

    def _export_target(
        self,
        kind: str,
        selection: list[int],
        path: str | Path | None,
        options: ExportOptions | None,
    ) -> tuple[str | Path, ExportOptions] | None:
        """The file and options of an export, asking for what is not given (None: cancelled)."""
        options = options or self._export_options(kind, selection)
        if options is None:
            return None
        if path is None:
            default, file_filter = EXPORT_FILES[kind]
            path, _ = QFileDialog.getSaveFileName(self, f"Export {kind}", default, file_filter)
        return (path, options) if path else None

    def _selected_event_ids(self) -> list[int]:
        return self.events.selected_ids()

    def export_calendar(
        self, path: str | Path | None = None, options: ExportOptions | None = None
    ) -> int | None:
        """Write events to an .ics file; the dialogs ask whatever is not given."""
        selection = self._selected_event_ids()
        target = self._export_target("calendar", selection, path, options)
        if target is None:
            return None
        path, options = target
        from desktop_app import export  # icalendar is loaded when first needed

        count = export.export_ics(
            self.sessions,
            path,
            date_from=options.date_from,
            date_to=options.date_to,
            event_ids=selection if options.scope == SELECTION else None,
            include_rejected=options.include_rejected,
            include_approximate=options.include_approximate,
            alarm_days=options.reminder_days or None,
        )
        self.statusBar().showMessage(f"Exported {count} event(s) to {Path(path).name}", 10000)
        return count

    def export_contacts(
        self, path: str | Path | None = None, options: ExportOptions | None = None
    ) -> int | None:
        """Write people to a .vcf file; the dialogs ask whatever is not given."""
        selection = self.address_book.selected_ids()
        target = self._export_target("contacts", selection, path, options)
        if target is None:
            return None
        path, options = target
        event_ids = None
        if options.scope == DATE_RANGE:
            with self.sessions.begin() as s:
                event_ids = [
                    e.id
                    for e in queries.search_events(
                        s, date_from=options.date_from, date_to=options.date_to
                    )
                ]
        from desktop_app import export  # vobject is loaded when first needed

        count = export.export_vcf(
            self.sessions,
            path,
            person_ids=selection if options.scope == SELECTION else None,
            event_ids=event_ids,
            include_rejected=options.include_rejected,
            version=options.vcard_version,
        )
        self.statusBar().showMessage(f"Exported {count} contact(s) to {Path(path).name}", 10000)
        return count
