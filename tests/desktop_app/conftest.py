"""Fixtures for the window tests: a real SQLite database filled through db.store."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_data import LATER, add_extraction, water_forum_extraction
from PySide6.QtCore import QSettings
from sqlalchemy.orm import Session, sessionmaker

from db.engine import open_database
from desktop_app.main_window import MainWindow


@pytest.fixture
def sessions(db_url: str) -> sessionmaker[Session]:
    return open_database(db_url)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def forum_db(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    """The water forum, suggested (not yet accepted)."""
    add_extraction(sessions, water_forum_extraction())
    return sessions


@pytest.fixture
def window(qtbot, forum_db: sessionmaker[Session], settings: QSettings) -> MainWindow:
    """The main window on the water forum, shown at a laptop's size."""
    win = MainWindow(forum_db, today=LATER, settings=settings)
    qtbot.addWidget(win)
    win.resize(1280, 820)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture(autouse=True)
def _no_modifier_left_pressed(qapp):  # noqa: ANN001, ANN202 - pytest-qt's application
    """QTest leaves Qt believing a modifier is still held after a key click with one (Ctrl+F),
    which turns the next test's row selection into a toggle: one plain key clears it."""
    yield
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    target = QWidget()
    QTest.keyClick(target, Qt.Key.Key_Shift)
    target.deleteLater()
