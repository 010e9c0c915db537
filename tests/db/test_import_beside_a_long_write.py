"""An import beside another program's long write transaction waits its turn and, when the wait
outlasts the busy timeout, runs the document's transaction again: no document fails."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from concurrent_imports import write_documents
from sqlalchemy import event

from db import engine as db_engine
from db.engine import open_database
from db.store import import_documents

# Holds the write lock of a SQLite file with a real write until a line comes on stdin.
HOLDER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
connection.execute("INSERT INTO organisation (name, aliases) VALUES ('Held', '[]')")
print("locked", flush=True)
sys.stdin.readline()
connection.execute("COMMIT")
"""


def test_import_outlasting_the_busy_timeout_is_retried_not_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "shared.sqlite"
    open_database(f"sqlite:///{path}").kw["bind"].dispose()
    write_documents(tmp_path / "docs", range(4))
    # A short busy timeout, so that the other program's transaction outlasts it.
    monkeypatch.setattr(db_engine, "BUSY_TIMEOUT_MS", 100)
    sessions = open_database(f"sqlite:///{path}")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    timeouts = []

    @event.listens_for(sessions.kw["bind"], "handle_error")
    def release_after_a_timeout(context) -> None:  # noqa: ANN001 - SQLAlchemy's context
        # The import gave up waiting once: only now does the other program finish.
        if "database is locked" in str(context.original_exception) and not timeouts:
            timeouts.append(context.original_exception)
            holder.stdin.write("done\n")
            holder.stdin.flush()

    try:
        assert holder.stdout.readline() == "locked\n"
        summary = import_documents(sessions, [tmp_path / "docs"])
    finally:
        if not timeouts:
            holder.stdin.write("done\n")
            holder.stdin.flush()
        holder.wait(timeout=60)
    assert holder.returncode == 0
    assert len(timeouts) == 1
    assert [(r.status, r.reason) for r in summary.results] == [("new", None)] * 4
