"""Imports side by side on one PostgreSQL database: writers take turns (an advisory lock), so
three imports of overlapping folders end as one import of everything, with no failure."""

from __future__ import annotations

import threading
from pathlib import Path

from concurrent_imports import counts, import_side_by_side, write_documents
from sqlalchemy import text

from db.engine import open_database
from db.store import import_documents
from db.write_lock import take_write_lock


def test_three_imports_of_overlapping_folders_equal_one_import(
    pg_url: str, db_url: str, tmp_path: Path
) -> None:
    folders = []
    for n, name in enumerate("abc"):
        write_documents(tmp_path / name, range(n * 15, n * 15 + 15))
        folders.append(tmp_path / name)
    a, b, c = folders
    results = import_side_by_side(pg_url, [[a, b], [b, c], [c, a]])
    for result in results:
        assert result.returncode == 0, result.stderr
        assert "failed" not in result.stderr and "Error" not in result.stderr

    one = open_database(db_url)
    assert not import_documents(one, folders).failed
    one.kw["bind"].dispose()
    shared = counts(pg_url)
    assert shared["person"] == shared["person names"]
    assert shared["organisation"] == shared["organisation names"]
    assert shared == counts(db_url)


def test_a_second_writer_waits_for_the_first(pg_sessions) -> None:  # noqa: ANN001
    """Without the lock, two imports could both find a person missing and both insert them."""
    finished = threading.Event()

    def second_writer() -> None:
        with pg_sessions.begin() as session:
            take_write_lock(session)
            finished.set()

    with pg_sessions.begin() as first:
        take_write_lock(first)
        thread = threading.Thread(target=second_writer)
        thread.start()
        # Wait until PostgreSQL shows the second writer blocked on the advisory lock.
        with pg_sessions() as observer:
            while not finished.is_set():
                waiting = observer.scalar(
                    text(
                        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                    )
                )
                observer.rollback()
                if waiting:
                    break
        assert not finished.is_set(), "the second writer went ahead while the first held the lock"
    thread.join(timeout=60)
    assert finished.is_set()
