"""Databases that cannot be used: one line naming the database and the reason, exit status 2,
and the file (and its folder) left exactly as they were."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from db.engine import head_revision, open_database
from db.errors import DatabaseUnavailable, NewerSchema
from desktop_app.cli import main

REPO = Path(__file__).resolve().parents[2]


def _snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file of ``folder`` by name: content hash and modification time."""
    return {
        p.name: (
            hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "",
            p.stat().st_mtime_ns,
        )
        for p in sorted(folder.iterdir())
    }


@contextlib.contextmanager
def _sqlite(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that is committed and closed at the end (sqlite3's own context manager
    does not close it)."""
    connection = sqlite3.connect(path)
    try:
        with connection:
            yield connection
    finally:
        connection.close()


def _filled_database(path: Path) -> None:
    """A database at the newest revision holding a few rows, checkpointed into the file."""
    sessions = open_database(f"sqlite:///{path}")
    with sessions.begin() as session:
        for n in range(300):
            session.execute(
                text("INSERT INTO organisation (name, aliases) VALUES (:name, '[]')"),
                {"name": f"Organisation number {n} " + "x" * 200},
            )
    sessions.kw["bind"].dispose()
    assert not path.with_name(path.name + "-wal").exists()


def _random_bytes(path: Path) -> str:
    path.write_bytes(os.urandom(50_000))
    return "not a SQLite database file"


def _truncated(path: Path) -> str:
    _filled_database(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return f"truncated database file ({len(data) // 2:,} of {len(data):,} bytes)"


def _header_only(path: Path) -> str:
    path.write_bytes(b"SQLite format 3\x00" + b"\x10\x00")
    return "truncated database file (18 bytes)"


def _newer_schema(path: Path) -> str:
    _filled_database(path)
    with _sqlite(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    return (
        "made by a newer version of Forum Desk (schema 9999_from_the_future; this version "
        f"reads up to {head_revision()}); nothing was changed"
    )


def _folder_instead_of_file(path: Path) -> str:
    path.mkdir()
    return "is a folder, not a database file"


@pytest.mark.parametrize(
    "make",
    [_random_bytes, _truncated, _header_only, _newer_schema, _folder_instead_of_file],
    ids=lambda f: f.__name__.strip("_"),
)
def test_bad_database_file_gives_one_line_and_status_2_and_is_not_modified(
    tmp_path: Path, make: Callable[[Path], str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "forumdesk.sqlite"
    expected = make(path)
    before = _snapshot(tmp_path)
    for command in (["list", "events"], ["import", str(REPO / "resources" / "samples")]):
        assert main(["--db", f"sqlite:///{path}", *command]) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert err == f"forumdesk: {path}: {expected}\n"
    # No backup copy, no journal left, not a byte changed.
    assert _snapshot(tmp_path) == before


def test_newer_schema_is_refused_before_any_backup(tmp_path: Path) -> None:
    path = tmp_path / "forumdesk.sqlite"
    _newer_schema(path)
    for _ in range(3):
        with pytest.raises(NewerSchema):
            open_database(f"sqlite:///{path}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["forumdesk.sqlite"]


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "not a url",
            "forumdesk: not a url: not a database URL (e.g. sqlite:///path/to/file.sqlite)",
        ),
        (
            "nosuchdb://host/name",
            "forumdesk: nosuchdb://host/name: unknown kind of database 'nosuchdb'",
        ),
        (
            "postgresql+psycopg://forumdesk:secret@127.0.0.1:{port}/forumdesk",
            "forumdesk: postgresql+psycopg://forumdesk:***@127.0.0.1:{port}/forumdesk: "
            'connection failed: connection to server at "127.0.0.1", port {port} failed: '
            "Connection refused",
        ),
    ],
    ids=["bad-url", "unknown-dialect", "unreachable-postgresql"],
)
def test_bad_url_or_unreachable_server_gives_one_line_and_status_2(
    url: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    port = _closed_port()
    url, expected = url.format(port=port), expected.format(port=port)
    assert main(["--db", url, "list", "people"]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", expected + "\n")


def test_real_process_prints_one_line_and_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "forumdesk.sqlite"
    _random_bytes(path)
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app.cli", "--db", f"sqlite:///{path}", "list", "events"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"forumdesk: {path}: not a SQLite database file\n"


@contextlib.contextmanager
def _unwritable(target: Path) -> Iterator[None]:
    """``target`` made unwritable: by its mode, or for root (who may write anywhere) by the
    immutable attribute."""
    if os.geteuid() != 0:
        mode = target.stat().st_mode
        target.chmod(0o555 if target.is_dir() else 0o444)
        try:
            yield
        finally:
            target.chmod(mode)
        return
    if shutil.which("chattr") is None:
        pytest.skip("running as root without chattr: nothing is unwritable")
    made = subprocess.run(["chattr", "+i", str(target)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"running as root and chattr +i fails: {made.stderr.decode().strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(target)], check=True)


@pytest.mark.parametrize("case", ["unwritable-folder", "read-only-file"])
def test_unwritable_database_gives_one_line_and_status_2(
    tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "forumdesk.sqlite"
    if case == "read-only-file":
        _filled_database(path)
        target, expected = path, f"forumdesk: {path}: the file is read-only\n"
    else:
        target = folder
        expected = f"forumdesk: {path}: cannot write in the folder {folder} (permission denied)\n"
    before = _snapshot(folder)
    with _unwritable(target):
        assert main(["--db", f"sqlite:///{path}", "list", "events"]) == 2
        assert capsys.readouterr() == ("", expected)
        assert _snapshot(folder) == before


def test_database_unavailable_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite"
    _random_bytes(path)
    with pytest.raises(DatabaseUnavailable) as caught:
        open_database(f"sqlite:///{path}")
    assert "\n" not in str(caught.value)
    assert caught.value.where == str(path)


def test_window_on_a_bad_database_gives_the_same_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "forumdesk.sqlite"
    _random_bytes(path)
    shot = tmp_path / "shot.png"
    assert main(["--db", f"sqlite:///{path}", "--screenshot", str(shot)]) == 2
    assert capsys.readouterr() == ("", f"forumdesk: {path}: not a SQLite database file\n")
    assert not shot.exists()
