"""An edit made in the window while another program writes to the database (an import in a
second window, or a command) waits for that write to end and is then stored: it takes the
write lock as imports do, and tries again when the wait outlasts the busy timeout (shortened
here, so that a write of a second outlasts it)."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from app_data import add_extraction, water_forum_extraction
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db import engine as db_engine
from db.engine import open_database
from db.models import Event, Organisation
from desktop_app.cli import main
from desktop_app.undo import DeleteCommand, EditFieldsCommand

HOLD_SECONDS = 1.0


@pytest.fixture
def shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[sessionmaker[Session]]:
    """The water forum in a SQLite file whose connections give up waiting for another
    writer after a quarter of a second, so that the other program's write outlasts it."""
    url = f"sqlite:///{tmp_path / 'shared.sqlite'}"
    filling = open_database(url)
    add_extraction(filling, water_forum_extraction())
    filling.kw["bind"].dispose()
    monkeypatch.setattr(db_engine, "BUSY_TIMEOUT_MS", 250)
    sessions = open_database(url)
    yield sessions
    sessions.kw["bind"].dispose()


def _while_another_program_writes(path: str, action: Callable[[], None]) -> float:
    """Run ``action`` while a second connection holds the write lock with a write of its own
    for :data:`HOLD_SECONDS`; how long ``action`` took."""
    locked = threading.Event()

    def hold() -> None:
        connection = sqlite3.connect(path, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT INTO organisation (name, aliases) VALUES ('Held', '[]')")
        locked.set()
        time.sleep(HOLD_SECONDS)
        connection.execute("COMMIT")
        connection.close()

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert locked.wait(10)
        started = time.monotonic()
        action()
        return time.monotonic() - started
    finally:
        holder.join()


def _forum(sessions: sessionmaker[Session]) -> Event | None:
    with sessions() as s:
        return s.scalar(select(Event).where(Event.title.like("Northwind%")))


def test_an_edit_waits_for_another_programs_write(shared: sessionmaker[Session]) -> None:
    forum = _forum(shared)
    changed: list[tuple[str, int]] = []
    command = EditFieldsCommand(
        shared,
        "event",
        forum.id,
        {"location": forum.location},
        {"location": "Harbour Annex"},
        lambda kind, item_id: changed.append((kind, item_id)),
    )
    took = _while_another_program_writes(shared.kw["bind"].url.database, command.redo)
    assert took >= HOLD_SECONDS * 0.9
    assert changed == [("event", forum.id)]
    assert _forum(shared).location == "Harbour Annex"
    with shared() as s:
        assert s.scalar(select(Organisation.name).where(Organisation.name == "Held")) == "Held"


def test_a_deletion_and_its_put_back_wait_too(shared: sessionmaker[Session]) -> None:
    forum = _forum(shared)
    failures: list[str] = []
    command = DeleteCommand(
        shared, {"events": [forum.id]}, lambda kind, item_id: None, failures.append
    )
    path = shared.kw["bind"].url.database
    _while_another_program_writes(path, command.redo)
    assert _forum(shared) is None
    _while_another_program_writes(path, command.undo)
    assert _forum(shared).id == forum.id
    assert failures == []


def test_the_delete_command_waits_too(
    shared: sessionmaker[Session], capsys: pytest.CaptureFixture
) -> None:
    forum = _forum(shared)
    codes = []
    argv = ["--db", str(shared.kw["bind"].url), "delete", "events", str(forum.id)]
    _while_another_program_writes(shared.kw["bind"].url.database, lambda: codes.append(main(argv)))
    assert codes == [0]
    assert capsys.readouterr().out == "deleted 1 event and 1 panel\n"
    assert _forum(shared) is None
