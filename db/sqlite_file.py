"""Checks of a SQLite database file made before it is opened for writing.

Opening a file for writing can change it (the journal mode is written into its header), so a
file that is not a database, is cut short, or is read-only is refused here, by reading it only.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from db.errors import DatabaseUnavailable

MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


@dataclass(frozen=True)
class SchemaState:
    """What a database file holds, read without changing it."""

    revision: str | None = None  # the row of alembic_version, if any
    tables: frozenset[str] = frozenset()  # alembic_version and SQLite's own aside
    filled: frozenset[str] = field(default=frozenset())  # tables holding at least one row


def _expected_size(header: bytes) -> int | None:
    """The file size the header announces (page size × page count), when the header's page
    count is valid (SQLite file format §1.3.7: the change counter matches the version-valid-for
    number)."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if not pages or header[24:28] != header[92:96]:
        return None
    return page_size * pages


def _in_use(path: Path) -> bool:
    """A write-ahead log holding pages, or a rollback journal, beside the file: another
    program may be writing it, so its size may be changing."""
    for suffix in ("-wal", "-journal"):
        try:
            if path.with_name(path.name + suffix).stat().st_size > 0:
                return True
        except OSError:
            pass
    return False


def _folder_problem(folder: Path) -> str | None:
    if not folder.exists():
        return None  # made when the database is created
    if not folder.is_dir():
        return f"{folder} is not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"cannot write in the folder {folder} (permission denied)"
    return None


def check_sqlite_file(path: Path) -> SchemaState:
    """Refuse a file that cannot be opened as a writable database, reading it only; return
    what its schema holds (nothing for a new file).

    Raises :class:`DatabaseUnavailable` when the file is not a SQLite database, is shorter than
    its header says, is unreadable or read-only, or when its folder cannot be written (the
    write-ahead log lives beside the file).
    """
    where = str(path)
    problem = _folder_problem(path.parent)
    if problem is not None:
        raise DatabaseUnavailable(where, problem)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return SchemaState()
    except OSError as exc:
        raise DatabaseUnavailable(where, f"cannot open the file ({exc.strerror})") from None
    if path.is_dir():
        raise DatabaseUnavailable(where, "is a folder, not a database file")
    if size == 0:
        return SchemaState()  # SQLite makes a new database in an empty file
    try:
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except OSError as exc:
        raise DatabaseUnavailable(where, f"cannot read the file ({exc.strerror})") from None
    if not header.startswith(MAGIC) and not MAGIC.startswith(header):
        raise DatabaseUnavailable(where, "not a SQLite database file")
    if len(header) < HEADER_SIZE:
        raise DatabaseUnavailable(where, f"truncated database file ({size} bytes)")
    expected = _expected_size(header)
    if expected is not None and size < expected and not _in_use(path):
        reason = f"truncated database file ({size:,} of {expected:,} bytes)"
        raise DatabaseUnavailable(where, reason)
    if not os.access(path, os.W_OK):
        raise DatabaseUnavailable(where, "the file is read-only")
    return _read_schema(path)


def _read_schema(path: Path) -> SchemaState:
    """Open the file read-only and read its schema (a damaged first page or schema fails),
    the revision in ``alembic_version`` and which tables hold rows.

    Without a write-ahead log beside it the file is read as immutable: a read-only connection
    to a database in WAL mode would leave an empty log and index beside it. Should that read
    fail (a program writing the file meanwhile), it is read again with the usual locks.
    """
    has_log = path.with_name(path.name + "-wal").exists()
    modes = ["mode=ro"] if has_log else ["immutable=1", "mode=ro"]
    for mode in modes:
        try:
            return _read_schema_with(path, mode)
        except DatabaseUnavailable:
            if mode == modes[-1]:
                raise
    return SchemaState()


def _read_schema_with(path: Path, mode: str) -> SchemaState:
    try:
        connection = sqlite3.connect(f"file:{quote(str(path))}?{mode}", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseUnavailable(str(path), f"cannot open the database ({exc})") from None
    try:
        names = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        tables = {row[0] for row in names}
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        tables.discard("alembic_version")
        filled = set()
        if revision is None:  # only an unversioned file is judged by its rows
            for table in tables:
                quoted = '"' + table.replace('"', '""') + '"'
                if connection.execute(f"SELECT 1 FROM {quoted} LIMIT 1").fetchone():
                    filled.add(table)
        return SchemaState(revision, frozenset(tables), frozenset(filled))
    except sqlite3.DatabaseError as exc:
        reason = str(exc)
        if reason == "file is not a database":
            reason = "not a SQLite database file"
        raise DatabaseUnavailable(str(path), reason) from None
    finally:
        connection.close()
