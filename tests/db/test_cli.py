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
    assert "documents: 1 new, 0 unchanged, 1 failed" in out
    assert f"[1/2] {docs / 'a.txt'} … new" in err
    assert f"forumdesk: {docs / 'b.txt'}: " in err

    (docs / "b.txt").unlink()
    assert main(["--db", db_url, "import", "--accept", str(docs)]) == 0
    out, _ = capsys.readouterr()
    assert "documents: 0 new, 1 unchanged, 0 failed" in out


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
