"""People sorted by the group of their organisation: the offices of one organisation ("IOM
HQ", "IOM London") and the organisation itself ("International Organization for Migration",
acronym IOM) come together in the address book (``db.organisation_groups``).

Only ``person.sort_key`` changes, recomputed for every person with an organisation.

Revision ID: 0007
Revises: 0006
Create Date: 2024-01-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from db.text_keys import fold_words

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

SEPARATOR = "\x1f"  # between the organisation, family name and full name parts of the key


def _rekey(organisation_key) -> None:  # noqa: ANN001 - (name, acronym) -> key
    bind = op.get_bind()
    md = sa.MetaData()
    org = sa.Table("organisation", md, autoload_with=bind)
    person = sa.Table("person", md, autoload_with=bind)
    keys = {
        row.id: organisation_key(row.name, row.acronym)
        for row in bind.execute(sa.select(org.c.id, org.c.name, org.c.acronym))
    }
    rows = bind.execute(
        sa.select(person.c.id, person.c.organisation_id, person.c.sort_key).where(
            person.c.organisation_id.is_not(None)
        )
    ).all()
    updates = []
    for row in rows:
        _, _, rest = (row.sort_key or "").partition(SEPARATOR)
        new = f"{keys.get(row.organisation_id) or '~'}{SEPARATOR}{rest}"
        if new != row.sort_key:
            updates.append({"person_id": row.id, "new_key": new})
    if updates:
        bind.execute(
            sa.update(person)
            .where(person.c.id == sa.bindparam("person_id"))
            .values(sort_key=sa.bindparam("new_key")),
            updates,
        )


def upgrade() -> None:
    from db.organisation_groups import group_key

    _rekey(group_key)


def downgrade() -> None:
    _rekey(lambda name, _acronym: fold_words(name))
