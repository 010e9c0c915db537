"""Engine and session set-up from a SQLAlchemy URL, and schema upgrades with Alembic."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from platformdirs import user_data_dir
from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The revision whose schema matches databases made by ``Base.metadata.create_all`` before
# migrations existed; such a database is stamped with it before upgrading.
FIRST_REVISION = "0001"

ENV_VAR = "FORUMDESK_DB"
WAL_SIZE_LIMIT = 64 << 20  # bytes of write-ahead log kept after a checkpoint


def default_url() -> str:
    """A SQLite file in the platform's user data folder."""
    folder = Path(user_data_dir("forumdesk", appauthor=False))
    return f"sqlite:///{folder / 'forumdesk.sqlite'}"


def resolve_url(cli_value: str | None = None) -> str:
    """``--db`` wins, then ``$FORUMDESK_DB``, then the default file."""
    return cli_value or os.environ.get(ENV_VAR) or default_url()


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DB-API objects
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # After a large transaction (a bulk import) the write-ahead log would stay that large once
    # checkpointed; capping what is kept makes the following writes and reads faster.
    cursor.execute(f"PRAGMA journal_size_limit={WAL_SIZE_LIMIT}")
    cursor.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite") and ":memory:" not in url:
        path = url.split(":///", 1)[-1]
        if path:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def open_database(url: str) -> sessionmaker[Session]:
    """Engine for ``url`` with the schema upgraded to the newest revision.

    An existing SQLite file is copied beside itself (``NAME.bak-REVISION``) before any upgrade.
    """
    engine = make_engine(url)
    upgrade_database(engine)
    return make_sessionmaker(engine)


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic configured in code (no alembic.ini): the scripts shipped in ``db/migrations``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_database(engine: Engine, revision: str = "head") -> None:
    """Apply the migrations up to ``revision``, backing the SQLite file up first."""
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        tables = set(inspect(connection).get_table_names())
    target = head_revision() if revision == "head" else revision
    if current == target:
        return
    if tables - {"alembic_version"}:
        backup_sqlite_file(engine, f"bak-{current or 'unversioned'}")
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Batch mode re-creates tables; cascades must not fire while it does.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        try:
            config = alembic_config(connection)
            if current is None and "event" in tables:
                command.stamp(config, FIRST_REVISION)
            command.upgrade(config, revision)
            connection.commit()
        finally:
            if sqlite:
                connection.rollback()
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")


def sqlite_path(engine: Engine) -> Path | None:
    """The file of a file-based SQLite engine, else None."""
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def backup_sqlite_file(engine: Engine, suffix: str) -> Path | None:
    """Copy the SQLite file to ``NAME.SUFFIX`` (a new name if taken) with SQLite's online
    backup, so that pages still in the write-ahead log are included."""
    path = sqlite_path(engine)
    if path is None or not path.exists():
        return None
    target = path.with_name(f"{path.name}.{suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.{suffix}.{n}")
    source = sqlite3.connect(path)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    return target
