"""Fixtures for the export tests: a migrated SQLite file, with or without the sample rows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from export_rows import build_sample
from sqlalchemy.orm import Session, sessionmaker

from db.engine import open_database


@pytest.fixture
def sessions(db_url: str) -> Iterator[sessionmaker[Session]]:
    """A migrated database in a real SQLite file."""
    maker = open_database(db_url)
    yield maker
    maker.kw["bind"].dispose()


@pytest.fixture
def sample(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    """The sample committed to the database."""
    with sessions.begin() as s:
        build_sample(s)
    return sessions
