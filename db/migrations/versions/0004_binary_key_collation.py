"""Folded key columns compare by code point on PostgreSQL, as on SQLite (nothing to do there).

A server whose collation follows a language's rules puts ``~`` before letters and skips
separators, which reorders people by ``sort_key`` and empties the ``name_key`` ranges that
de-duplication looks up; collation "C" compares code points.

Revision ID: 0004
Revises: 0003
Create Date: 2024-01-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# table, column, length
KEY_COLUMNS = [
    ("organisation_key", "key", 300),
    ("event", "title_key", 500),
    ("person", "name_key", 300),
    ("person", "family_key", 150),
    ("person", "sort_key", 700),
]


def _set_collation(collation: str | None) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column, length in KEY_COLUMNS:
        op.alter_column(
            table,
            column,
            type_=sa.String(length, collation=collation),
            existing_type=sa.String(length),
            existing_nullable=False,
        )


def upgrade() -> None:
    _set_collation("C")


def downgrade() -> None:
    _set_collation("default")
