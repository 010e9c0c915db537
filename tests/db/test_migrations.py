"""Schema upgrades: empty and older files reach the newest revision, with a backup first, and
the migrations describe exactly the models."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, select

from db import queries
from db.engine import current_revision, head_revision, open_database, upgrade_database
from db.models import Base, Event, Person

DATA = Path(__file__).parent / "data"
# Saved with the schema of the first revision, holding one person, event and document.
OLDER_FILE = DATA / "forumdesk-0001.sqlite"


def _url(path: Path) -> str:
    return f"sqlite:///{path}"


def _include(obj: object, name: str, type_: str, reflected: bool, compare_to: object) -> bool:
    return not (type_ == "table" and name.startswith("person_fts"))


def test_empty_file_is_upgraded_to_head_without_backup(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    sessions = open_database(_url(path))
    assert current_revision(sessions.kw["bind"]) == head_revision()
    assert [p.name for p in tmp_path.iterdir() if ".bak" in p.name] == []


def test_models_and_migrations_do_not_drift(tmp_path: Path) -> None:
    sessions = open_database(_url(tmp_path / "check.sqlite"))
    with sessions.kw["bind"].connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": _include, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_saved_older_file_is_backed_up_and_upgraded_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "forumdesk.sqlite"
    shutil.copy(OLDER_FILE, path)
    sessions = open_database(_url(path))

    backup = tmp_path / "forumdesk.sqlite.bak-0001"
    assert backup.exists()
    with sqlite3.connect(backup) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert current_revision(sessions.kw["bind"]) == head_revision()
    with sessions() as s:
        # Derived columns were filled in: the old person is found accent-insensitively, by
        # organisation acronym and by national phone digits.
        for text in ("angstr", "zoe", "NAR", "0229990000", "zoe@example"):
            assert [p.full_name for p in queries.search_people(s, text)] == ["Zoë Ångström"]
        event = s.scalars(select(Event)).one()
        assert event.span_days == 3 and event.title_key == "basins forum river"


def test_file_already_at_head_is_not_backed_up_again(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    open_database(_url(path))
    open_database(_url(path))
    assert sorted(p.name for p in tmp_path.iterdir() if ".bak" in p.name) == []


def test_file_made_without_migrations_is_stamped_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "created.sqlite"
    engine = create_engine(_url(path))
    upgrade_database(engine, "0001")
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE alembic_version")
    engine.dispose()
    sessions = open_database(_url(path))
    assert current_revision(sessions.kw["bind"]) == head_revision()
    assert (tmp_path / "created.sqlite.bak-unversioned").exists()
    with sessions.begin() as s:
        s.add(Person(full_name="Ada Quill"))
    with sessions() as s:
        assert [p.full_name for p in queries.search_people(s, "quill")] == ["Ada Quill"]
