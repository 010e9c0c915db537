"""Each UID another program gave an item is kept as written too, so that exports write it back
(clients know an item by its UID). UIDs stored before keep their looked-up form, which is the
text as written unless it was one of our own forms or too long.

Revision ID: 0009
Revises: 0008
Create Date: 2024-01-09
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# A bare UUID was stored for our own forms (<uuid>@forumdesk, urn:uuid:<uuid>), which are not
# known as written: exports write those in our own form, as before.
_BARE_UUID = re.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def upgrade() -> None:
    op.add_column("source_uid", sa.Column("written", sa.Text(), nullable=True))
    source_uid = sa.table("source_uid", sa.column("id"), sa.column("uid"), sa.column("written"))
    connection = op.get_bind()
    rows = connection.execute(sa.select(source_uid.c.id, source_uid.c.uid))
    written = [
        {"row_id": row_id, "text": uid}
        for row_id, uid in rows
        if not uid.startswith("sha256:") and not _BARE_UUID.fullmatch(uid)
    ]
    if written:
        connection.execute(
            source_uid.update()
            .where(source_uid.c.id == sa.bindparam("row_id"))
            .values(written=sa.bindparam("text")),
            written,
        )


def downgrade() -> None:
    with op.batch_alter_table("source_uid", schema=None) as batch_op:
        batch_op.drop_column("written")
