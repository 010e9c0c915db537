"""``forumdesk extract``: the JSON shape, the text summary and per-file failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.cli import main

DOC = (
    "The Baltic Energy Forum will take place on 3-4 October 2022 in Riga.\n"
    "It will include a high-level panel “Grids without borders” moderated by Jane Roe, "
    "Director of the Nordic Grid Institute.\n\n"
    "Contact: Jane Roe, Tel: +371 6712 3456, Email: JRoe@example.lv\n"
)


def test_json_has_the_documented_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "forum.txt"
    doc.write_text(DOC, encoding="utf-8")
    assert main(["extract", str(doc), "--format", "json"]) == 0
    (out,) = json.loads(capsys.readouterr().out)
    assert out["source"] == "forum.txt"
    (event,) = out["events"]
    assert (event["title"], event["start"], event["end"], event["location"]) == (
        "Baltic Energy Forum",
        "2022-10-03",
        "2022-10-04",
        "Riga",
    )
    (panel,) = event["panels"]
    assert panel["title"] == "Grids without borders"
    assert panel["people"] == [{"name": "Jane Roe", "role": "moderator"}]
    (person,) = out["people"]
    assert person["phones"] == ["+37167123456"] and person["emails"] == ["jroe@example.lv"]
    assert person["organisation"] == "Nordic Grid Institute"
    start, end = person["spans"][0]
    assert DOC[start:end] == "Jane Roe"


def test_a_failed_file_is_reported_and_the_rest_go_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(DOC, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["extract", str(empty), str(good), "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert [d["source"] for d in json.loads(captured.out)] == ["good.txt"]
    (line,) = captured.err.strip().splitlines()
    assert line.startswith(f"forumdesk: {empty}:")


def test_text_summary_is_readable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "forum.txt"
    doc.write_text(DOC, encoding="utf-8")
    assert main(["extract", str(doc)]) == 0
    out = capsys.readouterr().out
    assert "event  Baltic Energy Forum [2022-10-03 – 2022-10-04] @ Riga" in out
    assert "moderator  Jane Roe" in out


def test_calendars_are_read_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    calendar = tmp_path / "forum.ics"
    calendar.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
        "UID:1@example.org\r\nDTSTAMP:20220101T000000Z\r\nDTSTART;VALUE=DATE:20221003\r\n"
        "DTEND;VALUE=DATE:20221005\r\nSUMMARY:Baltic Energy Forum\r\nLOCATION:Riga\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    assert main(["extract", str(calendar), "--format", "json"]) == 0
    (out,) = json.loads(capsys.readouterr().out)
    (event,) = out["events"]
    assert (event["title"], event["start"], event["end"]) == (
        "Baltic Energy Forum",
        "2022-10-03",
        "2022-10-04",
    )


def test_a_folder_is_read_for_its_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("The Lakeside Forum takes place on 3 May 2031.\n")
    (folder / "sub" / "b.txt").write_text("The Hill Summit opens on 9 June 2031.\n")
    (folder / "notes.xyz").write_text("not a document the importers read")
    (folder / ".hidden.txt").write_text("The Hidden Forum meets on 1 July 2031.\n")
    assert main(["extract", str(folder), "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    # the folder's documents, walked and sorted; other extensions and hidden files left out
    assert [d["source"] for d in found] == ["a.txt", "b.txt"]
    assert [d["events"][0]["title"] for d in found] == ["Lakeside Forum", "Hill Summit"]
