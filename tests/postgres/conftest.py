"""A real, throwaway PostgreSQL server for the tests in this folder, and databases on it.

One server runs for the whole session (see :func:`pg_server.running_server`); each test that
changes data gets its own database, copied from one migrated once. Without PostgreSQL binaries
or psycopg the tests are skipped with the reason.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_server import PostgresServer, running_server
from sqlalchemy.orm import Session, sessionmaker

from db.engine import open_database


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server running for the whole session."""
    pytest.importorskip("psycopg", reason="psycopg is not installed (the 'test' extra has it)")
    with running_server() as server:
        yield server


@pytest.fixture(scope="session")
def postgres_url(postgres_server: PostgresServer) -> str:
    """The SQLAlchemy URL of an empty database on the session's server."""
    return postgres_server.create_database("forumdesk")


@pytest.fixture(scope="session")
def migrated_template(postgres_server: PostgresServer) -> str:
    """A database at the newest revision, copied by :func:`pg_sessions` (migrating once)."""
    sessions = open_database(postgres_server.create_database("migrated"))
    # CREATE DATABASE ... TEMPLATE needs the template to have no open connections.
    sessions.kw["bind"].dispose()
    return "migrated"


_names = itertools.count(1)


@pytest.fixture
def pg_url(postgres_server: PostgresServer, migrated_template: str) -> str:
    """A new database at the newest revision for one test."""
    return postgres_server.create_database(f"test_{next(_names)}", template=migrated_template)


@pytest.fixture
def pg_sessions(pg_url: str) -> Iterator[sessionmaker[Session]]:
    """Sessions on the test's own migrated database; the engine is closed afterwards."""
    sessions = open_database(pg_url)
    yield sessions
    sessions.kw["bind"].dispose()


# Invented documents: an energy forum with a panel and a contact block, and a one-day summit
# whose opening session is chaired, with a press contact.
FORUM_TEXT = """\
Press release

The Baltic Energy Forum will take place on 3-4 October 2022 in Riga. It will be moderated by \
Jane Roe, Director of the Nordic Grid Institute.

Programme

4 October, 14:00-15:30
Panel discussion: "Storage and the Grid"
Panellists: Tomás Økland, Chief Engineer, Harbour Power; Lena Varga, Analyst, Nordic Grid Institute
Moderator: Jane Roe

Contact:
Jane Roe
Director, Nordic Grid Institute
Tel: +371 6700 1234
E-mail: jane.roe@nordicgrid.example
"""

SUMMIT_TEXT = """\
The Coastal Water Summit will be held on 15 March 2023 in Gdańsk. The opening session will be \
chaired by Dr. Piotr Zieliński, President of the Amber Sea Council.

For media enquiries: Marta Kowal, Press Officer, Amber Sea Council, tel. +48 58 123 45 67, \
marta.kowal@ambersea.example
"""


@pytest.fixture(scope="session")
def documents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the two invented documents as .txt files."""
    folder = tmp_path_factory.mktemp("documents")
    (folder / "energy-forum.txt").write_text(FORUM_TEXT, encoding="utf-8")
    (folder / "water-summit.txt").write_text(SUMMIT_TEXT, encoding="utf-8")
    return folder
