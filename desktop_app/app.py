"""Start-up of the Qt application: database, optional demo data, window, screenshots."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from db.engine import make_engine, make_sessionmaker, resolve_url
from db.models import Base
from desktop_app.main_window import MainWindow


def _demo_url() -> str:
    folder = Path(tempfile.mkdtemp(prefix="forumdesk-demo-"))
    return f"sqlite:///{folder / 'demo.sqlite'}"


def run_gui(db_url: str | None, demo: bool = False, screenshot: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Forum Desk")
    app.setOrganizationName("forumdesk")
    url = _demo_url() if demo else resolve_url(db_url)
    engine = make_engine(url)
    Base.metadata.create_all(engine)
    window = MainWindow(make_sessionmaker(engine))
    window.show()
    if screenshot:
        app.processEvents()
        target = Path(screenshot)
        target.parent.mkdir(parents=True, exist_ok=True)
        ok = window.grab().save(str(target))
        return 0 if ok else 1
    return app.exec()
