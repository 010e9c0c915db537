"""Keys for de-duplication and search: organisation look-up keys, event title key and span,
person family/search/sort keys, and on SQLite a trigram full-text index of people.

Revision ID: 0002
Revises: 0001
Create Date: 2024-01-02
"""

from __future__ import annotations

from collections import defaultdict

import sqlalchemy as sa
from alembic import op

from db.derived import event_columns, organisation_keys, person_columns

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# External-content FTS5 table over person.search_text; the trigram tokenizer answers substring
# queries of three characters or more from the index. Triggers keep it in step with the table.
PERSON_FTS = [
    "CREATE VIRTUAL TABLE person_fts USING fts5("
    "search_text, content='person', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER person_fts_insert AFTER INSERT ON person BEGIN "
    "INSERT INTO person_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER person_fts_delete AFTER DELETE ON person BEGIN "
    "INSERT INTO person_fts(person_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER person_fts_update AFTER UPDATE OF search_text ON person BEGIN "
    "INSERT INTO person_fts(person_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO person_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
]


def upgrade() -> None:
    op.create_table(
        "organisation_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_organisation_key_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation_key")),
        sa.UniqueConstraint(
            "organisation_id", "key", name=op.f("uq_organisation_key_organisation_id")
        ),
    )
    with op.batch_alter_table("organisation_key", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organisation_key_key"), ["key"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_organisation_key_organisation_id"), ["organisation_id"], unique=False
        )

    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("span_days", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("title_key", sa.String(length=500), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
        batch_op.create_index(
            "ix_event_precision_span", ["start_precision", "span_days"], unique=False
        )
        batch_op.create_index(
            "ix_event_precision_start", ["start_precision", "start_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_event_title_key"), ["title_key"], unique=False)

    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("family_key", sa.String(length=150), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("sort_key", sa.String(length=700), nullable=False, server_default="")
        )
        batch_op.create_index(batch_op.f("ix_person_family_key"), ["family_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_sort_key"), ["sort_key"], unique=False)

    _backfill(op.get_bind())
    if op.get_bind().dialect.name == "sqlite":
        for statement in PERSON_FTS:
            op.execute(statement)
        op.execute("INSERT INTO person_fts(person_fts) VALUES ('rebuild')")


def _backfill(bind: sa.Connection) -> None:
    """Compute the new derived columns of rows stored before this revision."""
    md = sa.MetaData()
    org = sa.Table("organisation", md, autoload_with=bind)
    org_key = sa.Table("organisation_key", md, autoload_with=bind)
    event = sa.Table("event", md, autoload_with=bind)
    person = sa.Table("person", md, autoload_with=bind)
    contact = sa.Table("contact_point", md, autoload_with=bind)

    orgs = {}
    for row in bind.execute(sa.select(org.c.id, org.c.name, org.c.acronym, org.c.aliases)):
        orgs[row.id] = (row.name, row.acronym, row.aliases or [])
        keys = organisation_keys(row.name, row.acronym, row.aliases or [])
        if keys:
            bind.execute(
                sa.insert(org_key), [{"organisation_id": row.id, "key": k} for k in sorted(keys)]
            )
    contacts = defaultdict(list)
    for row in bind.execute(sa.select(contact.c.person_id, contact.c.kind, contact.c.value)):
        contacts[row.person_id].append((row.kind, row.value))
    query = sa.select(person.c.id, person.c.full_name, person.c.job_title, person.c.organisation_id)
    for row in bind.execute(query).all():
        values = person_columns(
            row.full_name, row.job_title, orgs.get(row.organisation_id), contacts[row.id]
        )
        bind.execute(sa.update(person).where(person.c.id == row.id).values(**values))
    query = sa.select(
        event.c.id,
        event.c.title,
        event.c.kind,
        event.c.location,
        event.c.start_date,
        event.c.end_date,
        event.c.organisation_id,
    )
    for row in bind.execute(query).all():
        org_values = orgs.get(row.organisation_id)
        values = event_columns(
            row.title,
            row.kind,
            row.location,
            row.start_date,
            row.end_date,
            org_values[0] if org_values else None,
        )
        bind.execute(sa.update(event).where(event.c.id == row.id).values(**values))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("person_fts_insert", "person_fts_delete", "person_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS person_fts")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_sort_key"))
        batch_op.drop_index(batch_op.f("ix_person_family_key"))
        batch_op.drop_column("sort_key")
        batch_op.drop_column("search_text")
        batch_op.drop_column("family_key")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_title_key"))
        batch_op.drop_index("ix_event_precision_start")
        batch_op.drop_index("ix_event_precision_span")
        batch_op.drop_column("search_text")
        batch_op.drop_column("title_key")
        batch_op.drop_column("span_days")
    op.drop_table("organisation_key")
