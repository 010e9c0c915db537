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
from sqlalchemy import Connection, Engine, create_engine, event, inspect, make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from db.errors import DatabaseUnavailable, NewerSchema
from db.models import Base  # the models module: its tables are registered on Base
from db.sqlite_file import check_sqlite_file

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The revision whose schema matches databases made by ``Base.metadata.create_all`` before
# migrations existed; such a database is stamped with it before upgrading.
FIRST_REVISION = "0001"
FIRST_TABLES = frozenset(
    {
        "document",
        "organisation",
        "event",
        "person",
        "contact_point",
        "panel",
        "mention",
        "participation",
    }
)
POSTGRES_CONNECT_TIMEOUT = 10  # seconds before an unreachable server is reported

ENV_VAR = "FORUMDESK_DB"
WAL_SIZE_LIMIT = 64 << 20  # bytes of write-ahead log kept after a checkpoint
# How long a writer waits for another program's transaction before trying again (see
# db.write_lock); one document's transaction takes well under a second.
BUSY_TIMEOUT_MS = 15_000


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
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # After a large transaction (a bulk import) the write-ahead log would stay that large once
    # checkpointed; capping what is kept makes the following writes and reads faster.
    cursor.execute(f"PRAGMA journal_size_limit={WAL_SIZE_LIMIT}")
    cursor.close()


def describe_url(url: str) -> str:
    """How a database is named to the user: a SQLite file by its path, any other by its URL
    without the password."""
    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - any unparsable text is shown as given
        return url
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        return parsed.database
    return parsed.render_as_string(hide_password=True)


def one_line_reason(exc: BaseException) -> str:
    """The first line of what the database driver (or SQLAlchemy) said, without SQLAlchemy's
    statement and background link."""
    origin = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    lines = [line.strip() for line in str(origin).splitlines() if line.strip()]
    return lines[0][:300] if lines else type(origin).__name__


def _engine_problem(url: str, exc: Exception) -> str:
    if isinstance(exc, ImportError):
        return f"the database driver is not installed ({exc})"
    text = one_line_reason(exc)
    if text.startswith("Could not parse SQLAlchemy URL"):
        return "not a database URL (e.g. sqlite:///path/to/file.sqlite)"
    if text.startswith("Can't load plugin"):
        return f"unknown kind of database '{url.split(':', 1)[0]}'"
    return text


def make_engine(url: str) -> Engine:
    """An engine for ``url``; a SQLite file's folder is made if missing. Raises
    :class:`DatabaseUnavailable` for a URL that names no usable database."""
    try:
        backend = make_url(url).get_backend_name()
        connect_args = (
            {"connect_timeout": POSTGRES_CONNECT_TIMEOUT} if backend == "postgresql" else {}
        )
        engine = create_engine(url, connect_args=connect_args)
    except Exception as exc:  # noqa: BLE001 - ArgumentError, NoSuchModuleError, ImportError
        raise DatabaseUnavailable(describe_url(url), _engine_problem(url, exc)) from None
    path = sqlite_path(engine)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            reason = f"cannot make the folder {path.parent} ({exc.strerror or exc})"
            raise DatabaseUnavailable(str(path), reason) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def open_database(url: str) -> sessionmaker[Session]:
    """Engine for ``url`` with the schema upgraded to the newest revision.

    An existing SQLite file is copied beside itself (``NAME.bak-REVISION``) before any upgrade.
    Raises :class:`db.errors.DatabaseUnavailable` (one line) when the database cannot be
    used: a bad URL, an unreachable server, a file that is not a database, is cut short or
    read-only, a schema made by a newer version. Such a database is left as it was.
    """
    engine = make_engine(url)
    try:
        path = sqlite_path(engine)
        if path is not None:
            # Read-only checks first: opening the file for writing could change it.
            state = check_sqlite_file(path)
            if state.revision is not None:
                _check_known(str(path), state.revision)
            else:
                _half_made(str(path), set(state.tables), set(state.filled))
        upgrade_database(engine)
    except DatabaseUnavailable:
        engine.dispose()
        raise
    except (SQLAlchemyError, OSError) as exc:
        engine.dispose()
        raise DatabaseUnavailable(describe_url(url), one_line_reason(exc)) from None
    return make_sessionmaker(engine)


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic configured in code (no alembic.ini): the scripts shipped in ``db/migrations``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def known_revisions() -> frozenset[str]:
    """Every schema revision this version's migrations know."""
    script = ScriptDirectory.from_config(alembic_config())
    return frozenset(revision.revision for revision in script.walk_revisions())


def _check_known(where: str, revision: str) -> None:
    if revision not in known_revisions():
        reason = (
            f"made by a newer version of Forum Desk (schema {revision}; this version reads "
            f"up to {head_revision()}); nothing was changed"
        )
        raise NewerSchema(where, reason)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _where(engine: Engine) -> str:
    return describe_url(engine.url.render_as_string(hide_password=False))


def _half_made(where: str, tables: set[str], filled: set[str]) -> bool:
    """Unversioned tables of ours that are not a whole first schema, all empty: what an
    interrupted first start left before schema creation was one transaction. Raises for
    another program's tables, or for ours holding data: they are not ours to drop."""
    if not tables or FIRST_TABLES <= tables:
        return False
    foreign = sorted(t for t in tables if t not in Base.metadata.tables and "_fts" not in t)
    if foreign:
        reason = f"not a Forum Desk database (tables {', '.join(foreign[:5])}); nothing changed"
        raise DatabaseUnavailable(where, reason)
    if filled:
        reason = f"an unfinished schema holding data ({', '.join(sorted(tables))}); nothing changed"
        raise DatabaseUnavailable(where, reason)
    return True


def _filled_tables(connection: Connection, tables: set[str]) -> set[str]:
    filled = set()
    for table in tables:
        quoted = connection.dialect.identifier_preparer.quote(table)
        if connection.exec_driver_sql(f"SELECT 1 FROM {quoted} LIMIT 1").first() is not None:
            filled.add(table)
    return filled


def upgrade_database(engine: Engine, revision: str = "head") -> None:
    """Apply the migrations up to ``revision``, backing the SQLite file up first.

    All of it runs in one transaction (SQLite and PostgreSQL both roll DDL back), so that a
    process killed in the middle leaves the schema as it was. Empty tables left without a
    version by an interrupted first start are dropped and made again. Raises
    :class:`db.errors.NewerSchema` for a revision these migrations do not know.
    """
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        tables = set(inspect(connection).get_table_names()) - {"alembic_version"}
        half_made = current is None and _half_made(
            _where(engine), tables, _filled_tables(connection, tables) if tables else set()
        )
    target = head_revision() if revision == "head" else revision
    if current == target:
        return
    if current is not None:
        _check_known(_where(engine), current)
    if tables and not half_made:
        backup_sqlite_file(engine, f"bak-{current or 'unversioned'}")
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Batch mode re-creates tables; cascades must not fire while it does.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            # The driver opens a transaction only before data changes; without this BEGIN each
            # CREATE TABLE would be committed on its own.
            connection.exec_driver_sql("BEGIN")
        try:
            if half_made:
                for table in sorted(tables):
                    quoted = connection.dialect.identifier_preparer.quote(table)
                    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {quoted}")
            config = alembic_config(connection)
            if current is None and not half_made and FIRST_TABLES <= tables:
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
