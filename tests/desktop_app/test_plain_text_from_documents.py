"""Names, titles and file names come from documents: tooltips, the merge dialog, the import
progress label and the import report show them as written, never as markup (``<b>``,
``<font>`` and ``<img>`` rendered before)."""

from __future__ import annotations

from pathlib import Path

from app_data import add_extraction, simple_event_extraction, write_documents
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db.models import Event
from db.store import ImportResult
from desktop_app.item_models.documents import FailedImportsModel
from desktop_app.item_models.events import EventsModel
from desktop_app.item_models.month import MonthModel
from desktop_app.main_window import MainWindow
from desktop_app.views.merge_dialog import MergePickDialog
from importers.records import PartialDate

TITLE = "<b>Bold</b> <font color=red>Forum</font> <img src=x>"


def shown(tooltip: str) -> str:
    """The text a tooltip shows: Qt renders it as markup when it looks like markup."""
    document = QTextDocument()
    if GuiQt.mightBeRichText(tooltip):
        document.setHtml(tooltip)
    else:
        document.setPlainText(tooltip)
    return document.toPlainText()


def test_event_tooltips_show_the_title_as_written(qtbot, sessions: sessionmaker[Session]) -> None:
    add_extraction(sessions, simple_event_extraction(TITLE, PartialDate(2031, 5, 3)))
    events = EventsModel(sessions)
    events.set_query()
    tip = events.index(0, EventsModel.COL_TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert shown(tip).splitlines()[0] == TITLE
    month = MonthModel(sessions)
    month.set_month(2031, 5)
    day = month.index_of(PartialDate(2031, 5, 3).first_day())
    assert f"• {TITLE} (" in shown(day.data(Qt.ItemDataRole.ToolTipRole))


def test_failed_file_tooltip_shows_the_file_name_as_written(qtbot) -> None:
    model = FailedImportsModel()
    model.add([ImportResult("/in/<img src=x>.txt", "failed", reason="the file is empty")])
    assert shown(model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)) == (
        "/in/<img src=x>.txt\nthe file is empty"
    )


def test_merge_dialog_names_the_kept_item_as_written(
    qtbot, sessions: sessionmaker[Session], settings: QSettings
) -> None:
    add_extraction(sessions, simple_event_extraction(TITLE, PartialDate(2031, 5, 3)))
    window = MainWindow(sessions, settings=settings)
    qtbot.addWidget(window)
    with sessions() as s:
        event_id = s.scalar(select(Event.id))
    dialog = MergePickDialog(window.ctx, "event", TITLE, event_id, window)
    qtbot.addWidget(dialog)
    (note,) = [label for label in dialog.findChildren(QLabel) if "merged into" in label.text()]
    assert note.textFormat() == Qt.TextFormat.PlainText
    assert f"“{TITLE}”" in note.text()


def test_import_progress_and_report_show_file_names_as_written(
    qtbot, sessions: sessionmaker[Session], settings: QSettings, tmp_path: Path
) -> None:
    window = MainWindow(sessions, settings=settings)
    qtbot.addWidget(window)
    folder = tmp_path / "inbox"
    write_documents(folder, 1)
    (folder / "<font color=red>red.txt").write_text("", encoding="utf-8")
    with qtbot.waitSignal(window.import_finished, timeout=60_000) as blocker:
        window.start_import([folder])
        label = window.progress_dialog.findChild(QLabel)
        assert label.textFormat() == Qt.TextFormat.PlainText
        window._import_progress(1, 2, str(folder / "<font color=red>red.txt"))
        assert label.text() == "Importing <font color=red>red.txt\n(1 of 2)"
    assert [Path(r.path).name for r in blocker.args[0].failed] == ["<font color=red>red.txt"]
    assert window.import_report.textFormat() == Qt.TextFormat.PlainText
    assert "<font color=red>red.txt: " in window.import_report.text()
    window.import_report.close()
