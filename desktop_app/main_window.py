"""The main window."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow
from sqlalchemy.orm import Session, sessionmaker


class MainWindow(QMainWindow):
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        super().__init__()
        self.sessions = sessions
        self.setWindowTitle("Forum Desk")
        self.setCentralWidget(QLabel("Forum Desk"))
        self.resize(1200, 800)
