"""Jobs that run off the UI thread and report through Qt signals."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from sqlalchemy.orm import Session, sessionmaker

from db import store


class ImportWorker(QObject):
    """Imports files and folders with ``db.store.import_documents`` in its own thread.

    ``progress(index, total, path)`` is emitted before each file, ``finished(summary)`` with the
    :class:`db.store.ImportSummary` at the end and ``crashed(message)`` if the import itself
    broke (a file that cannot be read is not a crash: it is a failed result in the summary).
    The import opens its own sessions, one transaction per document, so a cancel stops after
    the current document and never leaves one half stored.
    """

    progress = Signal(int, int, str)
    finished = Signal(object)
    crashed = Signal(str)

    def __init__(
        self,
        sessions: sessionmaker[Session],
        paths: Sequence[str | Path],
        *,
        accept: bool = False,
    ) -> None:
        super().__init__()
        self._sessions = sessions
        self._paths = [Path(p) for p in paths]
        self._accept = accept
        self._cancel = threading.Event()
        self._thread: QThread | None = None

    @property
    def paths(self) -> list[Path]:
        return list(self._paths)

    def cancel(self) -> None:
        """Ask the import to stop after the document it is storing (thread-safe)."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        """Import everything; runs in the worker thread once :meth:`start` was called."""
        main_thread = QCoreApplication.instance().thread()
        try:
            summary = store.import_documents(
                self._sessions,
                self._paths,
                accept=self._accept,
                progress=lambda i, n, p: self.progress.emit(i, n, str(p)),
                cancel=self._cancel.is_set,
            )
        except Exception as exc:  # noqa: BLE001 - reported to the user, not swallowed
            self.moveToThread(main_thread)
            self.crashed.emit(f"{type(exc).__name__}: {exc}")
        else:
            # Handed back before the thread ends, so the window can drop it safely.
            self.moveToThread(main_thread)
            self.finished.emit(summary)

    def start(self) -> QThread:
        """Run :meth:`run` in a new QThread that quits and is deleted when the job ends."""
        thread = QThread()
        self.moveToThread(thread)
        thread.started.connect(self.run)
        # Direct: quit() is thread-safe and must not wait for the window's event loop.
        self.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        self.crashed.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread = thread
        thread.start()
        return thread

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the thread has ended (for shutdown and tests)."""
        return self._thread.wait(msecs) if self._thread is not None else True
