"""Imports side by side on one SQLite file (two windows, or the window and a command): no
failure, no duplicate, and the same database as one import of everything."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from concurrent_imports import counts, import_side_by_side, write_documents

from db.engine import open_database
from db.store import import_documents


@pytest.fixture
def folders(tmp_path: Path) -> list[Path]:
    """Three folders of press releases sharing their people and organisations."""
    found = []
    for n, name in enumerate("abc"):
        write_documents(tmp_path / name, range(n * 20, n * 20 + 20))
        found.append(tmp_path / name)
    return found


def _one_import(tmp_path: Path, folders: list[Path]) -> dict[str, int]:
    url = f"sqlite:///{tmp_path / 'one.sqlite'}"
    sessions = open_database(url)
    summary = import_documents(sessions, folders)
    assert not summary.failed
    sessions.kw["bind"].dispose()
    return counts(url)


def _assert_clean(results: list) -> None:
    for result in results:
        assert result.returncode == 0, result.stderr
        assert "failed" not in result.stderr and "Error" not in result.stderr


def test_three_imports_of_the_same_folder_store_each_document_once(
    tmp_path: Path, folders: list[Path]
) -> None:
    url = f"sqlite:///{tmp_path / 'shared.sqlite'}"
    open_database(url).kw["bind"].dispose()
    results = import_side_by_side(url, [folders, folders, folders])
    _assert_clean(results)
    assert counts(url) == _one_import(tmp_path, folders)
    # Each document was stored by exactly one of the three.
    # "Imported 20 new documents, 40 unchanged (imported before)"
    new = sum(int(re.search(r"Imported ([\d,]+) new", r.stdout)[1]) for r in results)
    assert new == 60


def test_imports_of_overlapping_folders_make_no_duplicate_person_or_organisation(
    tmp_path: Path, folders: list[Path]
) -> None:
    a, b, c = folders
    url = f"sqlite:///{tmp_path / 'shared.sqlite'}"
    open_database(url).kw["bind"].dispose()
    results = import_side_by_side(url, [[a, b], [b, c], [c, a]])
    _assert_clean(results)
    shared = counts(url)
    assert shared["person"] == shared["person names"]
    assert shared["organisation"] == shared["organisation names"]
    assert shared == _one_import(tmp_path, folders)
