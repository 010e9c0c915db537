"""The migrations on a real PostgreSQL server: an empty database reaches the newest revision,
and the migrated schema is exactly what the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from db.engine import current_revision, head_revision, open_database
from db.models import Base


def test_empty_database_is_migrated_to_head(postgres_url: str) -> None:
    sessions = open_database(postgres_url)
    engine = sessions.kw["bind"]
    try:
        assert engine.dialect.name == "postgresql"
        assert current_revision(engine) == head_revision()
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        assert not any(name.startswith("person_fts") for name in tables)
        # Opening it again finds nothing to do.
        open_database(postgres_url).kw["bind"].dispose()
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()


def test_models_and_migrations_do_not_drift_on_postgresql(pg_url: str) -> None:
    engine = open_database(pg_url).kw["bind"]
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_string_columns_have_the_collations_of_the_models(pg_url: str) -> None:
    # Alembic's comparison above leaves collations out.
    engine = open_database(pg_url).kw["bind"]
    try:
        inspector = inspect(engine)
        reflected = {
            (table, column["name"]): getattr(column["type"], "collation", None)
            for table in Base.metadata.tables
            for column in inspector.get_columns(table)
        }
        expected = {
            (table.name, column.name): getattr(
                column.type.dialect_impl(engine.dialect), "collation", None
            )
            for table in Base.metadata.tables.values()
            for column in table.columns
        }
        assert reflected == expected
        assert expected[("person", "sort_key")] == "C"
    finally:
        engine.dispose()
