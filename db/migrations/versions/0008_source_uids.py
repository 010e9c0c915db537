"""UIDs given by other programs' calendars and address books, and the items they name: the
same UID is the same item, distinct UIDs are distinct items.

Revision ID: 0008
Revises: 0006
Create Date: 2024-01-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "source_uid",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("uid", sa.String(length=255), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("panel_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_source_uid_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["panel_id"],
            ["panel.id"],
            name=op.f("fk_source_uid_panel_id_panel"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_source_uid_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_uid")),
        sa.UniqueConstraint("kind", "uid", name=op.f("uq_source_uid_kind")),
    )
    with op.batch_alter_table("source_uid", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_source_uid_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_source_uid_panel_id"), ["panel_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_source_uid_person_id"), ["person_id"], unique=False)


def downgrade() -> None:
    op.drop_table("source_uid")
