"""Schema upgrades: empty and older files reach the newest revision, with a backup first, and
the migrations describe exactly the models."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from icalendar import Calendar
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.orm import Session

from db import queries
from db.engine import current_revision, head_revision, open_database, upgrade_database
from db.models import Base, Event, Person
from db.store import import_documents
from desktop_app.export import export_ics

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


def test_uids_read_before_the_upgrade_are_exported_as_they_were_read(tmp_path: Path) -> None:
    """A file from before UIDs were kept as written: exports give each item the UID it came
    with where that is known, and importing the export back finds the same items."""
    path = tmp_path / "uids.sqlite"
    engine = create_engine(_url(path))
    upgrade_database(engine, "0008")
    legacy = "legacy-calendar-item-7"  # kept as the uuid, and bound to no UID, by older versions
    # "short" was read from a document first, then matched by a calendar item with a UID.
    uuids = {"short": "3d6f4a1e-5b2c-4e8f-9a1d-7c3b2e1f0a9b"}
    uuids |= {"own": "1b4e28ba-2fa1-11d2-883f-0016433cda4d"}
    uuids |= {"long": "2c5f39cb-30b2-42e3-994a-1127544deb5e", "legacy": legacy}
    bound = {"short": "fd-ev-0001", "own": uuids["own"], "long": "sha256:" + "ab" * 32}
    with Session(engine) as s, s.begin():
        for n, (name, uuid) in enumerate(uuids.items(), 1):
            s.add(Event(uuid=uuid, title=f"Forum {name}", status="accepted",
                        start_date=dt.date(2026, 3, n), start_precision="day"))  # fmt: skip
        s.flush()
        for name, uid in bound.items():
            s.execute(
                text(
                    "INSERT INTO source_uid (kind, uid, event_id) "
                    "SELECT 'event', :uid, id FROM event WHERE uuid = :uuid"
                ),
                {"uid": uid, "uuid": uuids[name]},
            )
    engine.dispose()

    sessions = open_database(_url(path))
    out = tmp_path / "out.ics"
    assert export_ics(sessions, out) == 4
    calendar = Calendar.from_ical(out.read_bytes())
    assert sorted(str(c["UID"]) for c in calendar.walk("VEVENT")) == sorted(
        [
            "fd-ev-0001",
            f"{uuids['own']}@forumdesk",  # read in our own form: written in it again
            f"{uuids['long']}@forumdesk",  # too long to have been kept: our own form
            legacy,
        ]
    )
    summary = import_documents(sessions, [out])
    assert not summary.failed
    with sessions() as s:
        assert s.scalar(select(func.count(Event.id))) == 4
