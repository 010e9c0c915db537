"""What every view shares: the sessionmaker, the undo stack and the change notifications."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.orm import Session, sessionmaker


class AppContext(QObject):
    """Shared by the views of one window.

    Views never keep a Session: each user action opens one with
    ``with ctx.sessions.begin() as s:``. Edits are pushed as undo commands; after the database
    changed, :attr:`changed` tells every view to reload what it shows.
    """

    #: (kind, id) of what changed: "event", "panel", "person", "document", "import", "merge"
    changed = Signal(str, int)
    #: ask the window to show an event's detail / a person in the address book
    event_requested = Signal(int)
    person_requested = Signal(int)
    #: a short note for the status bar (what was just done)
    message = Signal(str)
    #: something the user asked for could not be done: shown in a dialog
    error = Signal(str)

    def __init__(
        self,
        sessions: sessionmaker[Session],
        today: dt.date | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self.undo_stack = QUndoStack(self)
        self._today = today

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def push(self, command: QUndoCommand) -> None:
        """Run an edit (its ``redo``) and keep it for undo."""
        self.undo_stack.push(command)

    def notify(self, kind: str, item_id: int = 0) -> None:
        self.changed.emit(kind, item_id)
