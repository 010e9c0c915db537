"""Alembic environment, configured in code by :func:`db.engine.alembic_config`.

Migrations always run on a connection handed over in ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from db.models import Base

# Tables that live outside the models: SQLite's full-text index of people and its shadow tables.
UNMODELLED_PREFIXES = ("person_fts",)


def include_object(obj, name, type_, reflected, compare_to) -> bool:  # noqa: ANN001
    if type_ == "table" and name and name.startswith(UNMODELLED_PREFIXES):
        return False
    return True


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run migrations through db.engine.upgrade_database()")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
