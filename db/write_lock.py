"""Transactions that write one document: one writer at a time, tried again after a race.

Two programs importing into one database (two windows, or the window and a command) must not
both decide that a person is new and both insert them. Each document's transaction therefore
takes the database's write lock before its first read: ``BEGIN IMMEDIATE`` on SQLite, a
transaction-level advisory lock on PostgreSQL. A writer that waited longer than the busy
timeout, or lost a race on a unique key against a program that does not take the lock, runs
its transaction again from the start: the document is then read against what the other
writer stored.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

T = TypeVar("T")

ATTEMPTS = 8
"""Tries of one document's transaction before its failure is reported."""

# Any fixed 64-bit number: every Forum Desk writer takes the same PostgreSQL advisory lock.
ADVISORY_LOCK_KEY = 0x466F72756D4465  # "ForumDe"

# What the databases say when another writer is in the way (SQLite: busy timeout over;
# PostgreSQL: a deadlock or serialisation failure, which it resolves by cancelling one side).
_BUSY = (
    "database is locked",
    "database table is locked",
    "deadlock detected",
    "could not serialize",
)


def take_write_lock(session: Session) -> None:
    """Make the session's new transaction the only writer until it ends.

    Must be the transaction's first statement. On SQLite the driver starts a transaction only
    before a data change, so ``BEGIN IMMEDIATE`` here both opens it and takes the lock
    (waiting up to the busy timeout set in :mod:`db.engine`).
    """
    connection = session.connection()
    dialect = connection.dialect.name
    if dialect == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    elif dialect == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK_KEY})


def is_race(exc: Exception) -> bool:
    """A failure that running the transaction again can cure."""
    if isinstance(exc, IntegrityError):
        return True
    return isinstance(exc, OperationalError) and any(word in str(exc.orig) for word in _BUSY)


def write_with_retries(
    sessions: sessionmaker[Session], work: Callable[[Session], T], attempts: int = ATTEMPTS
) -> T:
    """Run ``work(session)`` in one transaction holding the write lock and commit it; run it
    again (in a new transaction) after a race, up to ``attempts`` times in all."""
    for attempt in range(1, attempts + 1):
        try:
            with sessions() as session, session.begin():
                take_write_lock(session)
                return work(session)
        except (IntegrityError, OperationalError) as exc:
            if attempt == attempts or not is_race(exc):
                raise
            # A short random pause, so that the writers that collided do not collide again.
            time.sleep(random.uniform(0.01, 0.05) * attempt)
    raise AssertionError("unreachable")
