"""Covering index of panels by status and date: the calendar reads a page's sessions from the
index alone, as one range of dates per shown status, instead of one look-up per shown event
and then its table row.

Revision ID: 0006
Revises: 0005
Create Date: 2024-01-06
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


# Written out: a migration must not change when the models do.
# The status first: SQLite then prefers this index over the one on status alone.
DAY_COLUMNS = [
    "status",
    "date",
    "date_precision",
    "event_id",
    "start_time",
    "end_time",
    "kind",
    "title",
]


def upgrade() -> None:
    with op.batch_alter_table("panel", schema=None) as batch_op:
        batch_op.create_index("ix_panel_day", DAY_COLUMNS, unique=False)


def downgrade() -> None:
    with op.batch_alter_table("panel", schema=None) as batch_op:
        batch_op.drop_index("ix_panel_day")
