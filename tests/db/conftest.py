"""Fixtures for the database tests: a SQLite file upgraded to the newest schema."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from db.engine import open_database


@pytest.fixture(scope="session")
def migrated_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One empty database at the newest revision, copied by each test (migrating is slow)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    sessions = open_database(f"sqlite:///{path}")
    sessions.kw["bind"].dispose()
    return path


@pytest.fixture
def sessions(db_url: str, migrated_file: Path) -> sessionmaker[Session]:
    shutil.copy(migrated_file, db_url.removeprefix("sqlite:///"))
    return open_database(db_url)
