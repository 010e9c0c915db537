"""``kill -9`` while the schema is being made or upgraded: the file keeps the schema it had,
and the next start finishes the work without a backup copy or an error."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db.engine import current_revision, head_revision, open_database
from db.errors import DatabaseUnavailable
from db.models import Base

REPO = Path(__file__).resolve().parents[2]
OLDER_FILE = Path(__file__).parent / "data" / "forumdesk-0001.sqlite"

# Opens the database in a real process that kills itself (SIGKILL, as kill -9 does) right after
# the database ran its Nth schema statement (CREATE, DROP, ALTER).
KILLER = """
import os, signal, sys
from sqlalchemy import Engine, event
from db.engine import open_database

after = int(sys.argv[2])
seen = 0

@event.listens_for(Engine, "after_cursor_execute")
def count(conn, cursor, statement, parameters, context, executemany):
    global seen
    if statement.lstrip().upper().startswith(("CREATE", "DROP", "ALTER")):
        seen += 1
        if seen == after:
            os.kill(os.getpid(), signal.SIGKILL)

open_database("sqlite:///" + sys.argv[1])
print("finished without being killed")
"""


def _kill_after(path: Path, statements: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", KILLER, str(path), str(statements)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


def _tables(path: Path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        return {
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
    finally:
        connection.close()


def _version(path: Path) -> str | None:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        connection.close()


@pytest.mark.parametrize("statements", [1, 3, 12, 40])
def test_kill_during_first_schema_creation_leaves_no_table_and_next_start_makes_it(
    tmp_path: Path, statements: int
) -> None:
    path = tmp_path / "forumdesk.sqlite"
    killed = _kill_after(path, statements)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    # All or nothing: the interrupted creation left no table behind.
    assert _tables(path) == set()

    for _ in range(2):
        sessions = open_database(f"sqlite:///{path}")
        assert current_revision(sessions.kw["bind"]) == head_revision()
        sessions.kw["bind"].dispose()
    assert set(Base.metadata.tables) <= _tables(path)
    assert [p.name for p in tmp_path.iterdir() if ".bak" in p.name] == []


def test_kill_during_upgrade_keeps_the_older_schema_and_its_data(tmp_path: Path) -> None:
    path = tmp_path / "forumdesk.sqlite"
    shutil.copy(OLDER_FILE, path)
    before = _tables(path)
    killed = _kill_after(path, 5)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert _tables(path) == before and _version(path) == "0001"

    sessions = open_database(f"sqlite:///{path}")
    assert current_revision(sessions.kw["bind"]) == head_revision()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT full_name FROM person").fetchall() == [("Zoë Ångström",)]


def test_half_made_schema_of_an_earlier_interrupted_start_is_made_again(tmp_path: Path) -> None:
    """Before schema creation was one transaction, a kill left the first tables without a
    version row; every later start then failed and wrote one more backup copy."""
    path = tmp_path / "forumdesk.sqlite"
    connection = sqlite3.connect(path)
    for table in ("document", "organisation", "event"):
        connection.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY)")
    connection.commit()
    connection.close()

    for _ in range(2):
        sessions = open_database(f"sqlite:///{path}")
        assert current_revision(sessions.kw["bind"]) == head_revision()
        sessions.kw["bind"].dispose()
    assert [p.name for p in tmp_path.iterdir() if ".bak" in p.name] == []


@pytest.mark.parametrize("data", [False, True], ids=["empty", "holding-data"])
def test_another_programs_database_is_left_alone(tmp_path: Path, data: bool) -> None:
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    if data:
        connection.execute("INSERT INTO recipes (name) VALUES ('bread')")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseUnavailable) as caught:
        open_database(f"sqlite:///{path}")
    assert caught.value.reason == "not a Forum Desk database (tables recipes); nothing changed"
    assert path.read_bytes() == before
    assert _tables(path) == {"recipes"}


def test_half_made_schema_holding_data_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "forumdesk.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE document (id INTEGER PRIMARY KEY)")
    connection.execute("INSERT INTO document (id) VALUES (1)")
    connection.commit()
    connection.close()
    with pytest.raises(DatabaseUnavailable) as caught:
        open_database(f"sqlite:///{path}")
    assert caught.value.reason.startswith("an unfinished schema holding data (document)")
    assert _tables(path) == {"document"}
