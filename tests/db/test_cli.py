"""``forumdesk import`` and ``forumdesk list`` on a real database file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from db_helpers import extraction, store

from db.engine import open_database
from desktop_app.cli import main
from importers.records import EventRecord, PartialDate, PersonRecord


def test_import_reports_each_document_and_fails_on_a_bad_one(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("A note about a workshop.\n", encoding="utf-8")
    (docs / "b.txt").write_text("", encoding="utf-8")
    assert main(["--db", db_url, "import", str(docs)]) == 1
    out, err = capsys.readouterr()
    assert "Imported 1 new document, 1 failed" in out
    assert "Nothing found in 1 document: a.txt" in out
    assert f"[1/2] {docs / 'a.txt'} … new — nothing found" in err
    assert f"forumdesk: {docs / 'b.txt'}: " in err

    (docs / "b.txt").unlink()
    assert main(["--db", db_url, "import", "--accept", str(docs)]) == 0
    out, _ = capsys.readouterr()
    assert "Imported 0 new documents, 1 unchanged (imported before)" in out


def _stored(db_url: str) -> None:
    sessions = open_database(db_url)
    events = (
        EventRecord("Lichen Forum", "forum", PartialDate(2036, 7, 1), PartialDate(2036, 7, 2)),
        EventRecord("Moss Summit", "summit", PartialDate(2036, 8)),
    )
    people = (PersonRecord(name="Ines Moura", organisation="Bryophyte Society"),)
    store(sessions, extraction(events=events, people=people))


def test_list_events_as_json_with_dates_at_their_precision(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _stored(db_url)
    assert main(["--db", db_url, "list", "events", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["title"], r["start"], r["end"]) for r in rows] == [
        ("Lichen Forum", "2036-07-01", "2036-07-02"),
        ("Moss Summit", "2036-08", "2036-08"),
    ]
    assert all(r["status"] == "suggested" and r["uuid"] and r["id"] for r in rows)
    assert main(["--db", db_url, "list", "events", "--from", "2036-08", "--format", "json"]) == 0
    assert [r["title"] for r in json.loads(capsys.readouterr().out)] == ["Moss Summit"]
    assert main(["--db", db_url, "list", "events", "--status", "accepted"]) == 0
    assert capsys.readouterr().out.strip().splitlines()[1:] == []


def test_list_people_as_an_aligned_table(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    _stored(db_url)
    assert main(["--db", db_url, "list", "people", "--search", "bryo"]) == 0
    header, row = capsys.readouterr().out.strip().splitlines()
    assert header.split()[:3] == ["ID", "STATUS", "NAME"]
    assert "Ines Moura" in row and "Bryophyte Society" in row
    assert row.index("Ines Moura") == header.index("NAME")
    assert row.index("Bryophyte") == header.index("ORGANISATION")


def test_db_and_importers_do_not_import_qt() -> None:
    code = (
        "import sys, db.engine, db.store, db.queries, db.edits, db.dedup, importers.pipeline\n"
        "print('PySide6' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path.cwd()
    )
    assert result.stdout.strip() == "False"


def _notice(folder: Path, name: str, day: int) -> Path:
    path = folder / name
    path.write_text(
        f"Press release\n\nThe Harbour Dialogue takes place on {day} March 2039 in Port Elm. "
        "Mira Vell, Head of Outreach at Elm Council, will moderate a panel on coastal trade.\n",
        encoding="utf-8",
    )
    return path


def test_issue_14_import_says_new_and_merged_not_found(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    _notice(docs, "a.txt", 14)
    _notice(docs, "b.txt", 14).write_text(
        (docs / "a.txt").read_text(encoding="utf-8") + "\nIssued by Elm Council.\n",
        encoding="utf-8",
    )
    assert main(["--db", db_url, "import", str(docs)]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0] == "Imported 2 new documents"
    events = next(line for line in lines if line.startswith("Events:"))
    assert events == "Events: 1 new, 1 merged into existing"
    assert "merged" in err.splitlines()[1]
    assert main(["--db", db_url, "list", "events", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1


def test_issue_14_delete_a_document_from_the_command_line(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    path = _notice(docs, "a.txt", 14)
    assert main(["--db", db_url, "import", str(path)]) == 0
    capsys.readouterr()
    assert main(["--db", db_url, "list", "documents", "--format", "json"]) == 0
    (document,) = json.loads(capsys.readouterr().out)
    assert document["file"] == "a.txt" and document["title"]
    assert main(["--db", db_url, "delete", "documents", str(path), "--dry-run"]) == 0
    assert capsys.readouterr().out.startswith("would delete 1 document, 1 event")
    assert main(["--db", db_url, "delete", "documents", str(document["id"])]) == 0
    assert capsys.readouterr().out.startswith("deleted 1 document, 1 event")
    assert main(["--db", db_url, "list", "events", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    # Deleted, the file can be imported again.
    assert main(["--db", db_url, "import", str(path)]) == 0
    assert "Imported 1 new document" in capsys.readouterr().out


def test_issue_14_delete_events_panels_and_people_by_id(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _stored(db_url)
    assert main(["--db", db_url, "list", "people", "--format", "json"]) == 0
    (person,) = json.loads(capsys.readouterr().out)
    assert main(["--db", db_url, "delete", "people", str(person["id"]), "404"]) == 1
    out, err = capsys.readouterr()
    assert out.strip() == "deleted 1 person"
    assert "forumdesk: no person 404" in err
    assert main(["--db", db_url, "list", "events", "--format", "json"]) == 0
    ids = [str(e["id"]) for e in json.loads(capsys.readouterr().out)]
    assert main(["--db", db_url, "delete", "events", *ids]) == 0
    assert capsys.readouterr().out.strip() == "deleted 2 events"
    assert main(["--db", db_url, "list", "panels"]) == 0
    assert capsys.readouterr().out.strip().splitlines()[1:] == []


def test_issue_14_help_and_version_import_no_heavy_module() -> None:
    code = (
        "import sys\n"
        "from desktop_app.cli import build_parser\n"
        "build_parser()\n"
        "heavy = {'sqlalchemy', 'alembic', 'PySide6', 'importers', 'db', 'icalendar', 'vobject',"
        " 'phonenumbers', 'importlib.metadata'}\n"
        "print(sorted(m for m in sys.modules if m in heavy or m.split('.')[0] in heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path.cwd()
    )
    assert result.stdout.strip() == "[]"
