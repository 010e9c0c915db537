"""Covering indexes: people by family key, name key and full name for de-duplication, and
events by precision and dates with the title key (de-duplication) and the columns the calendar
shows, so that these look-ups read the index alone, without a table row look-up each.

Revision ID: 0005
Revises: 0004
Create Date: 2024-01-05
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


# Written out: a migration must not change when the models do.
WINDOW_COLUMNS = [
    "start_date",
    "end_date",
    "title_key",
    "status",
    "start_time",
    "end_time",
    "end_precision",
    "kind",
    "title",
    "location",
]


def upgrade() -> None:
    op.drop_index("ix_person_family_name_key", table_name="person")
    op.create_index("ix_person_family_name_full", "person", ["family_key", "name_key", "full_name"])
    op.drop_index("ix_event_precision_start", table_name="event")
    op.create_index("ix_event_precision_window", "event", ["start_precision", *WINDOW_COLUMNS])


def downgrade() -> None:
    op.drop_index("ix_event_precision_window", table_name="event")
    op.create_index("ix_event_precision_start", "event", ["start_precision", "start_date"])
    op.drop_index("ix_person_family_name_full", table_name="person")
    op.create_index("ix_person_family_name_key", "person", ["family_key", "name_key"])
