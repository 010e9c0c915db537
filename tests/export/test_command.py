"""``forumdesk export`` on a real database file."""

from __future__ import annotations

from pathlib import Path

import pytest
import vobject
from icalendar import Calendar
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.cli import main


def _summaries(text: str) -> set[str]:
    return {str(c["SUMMARY"]) for c in Calendar.from_ical(text).walk("VEVENT")}


def test_export_ics_to_a_file(
    sample: sessionmaker[Session], db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    target = tmp_path / "forums.ics"
    code = main(["--db", db_url, "export", "ics", "-o", str(target), "--alarm-days", "2"])
    assert code == 0
    assert "exported 3 events" in capsys.readouterr().err
    text = target.read_text(encoding="utf-8")
    assert _summaries(text) == {
        "Water Summit", "debate lab", "Opening session", "Evening Talk", "Call",
    }  # fmt: skip
    assert "TRIGGER:-P2D" in text


def test_export_ics_to_stdout_with_scope(
    sample: sessionmaker[Session], db_url: str, capsysbinary: pytest.CaptureFixture
) -> None:
    argv = ["--db", db_url, "export", "ics", "--from", "1988-06-18", "--to", "1988-12-01"]
    assert main([*argv, "--include-approximate"]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"BEGIN:VCALENDAR\r\n")
    assert _summaries(out.decode()) == {"Evening Talk", "Autumn Forum (date approximate)"}


def test_export_vcf_version_4_for_one_event(
    sample: sessionmaker[Session], db_url: str, tmp_path: Path
) -> None:
    with sample() as s:
        from sqlalchemy import select

        from db.models import Event

        summit_id = s.scalar(select(Event.id).where(Event.title == "Water Summit"))
    target = tmp_path / "people.vcf"
    argv = ["--db", db_url, "export", "vcf", "--event", str(summit_id), "-o", str(target)]
    assert main([*argv, "--vcard-version", "4.0"]) == 0
    cards = list(vobject.readComponents(target.read_text(encoding="utf-8")))
    assert {c.fn.value for c in cards} == {"Zdeněk Čížek", "Maria de la Cruz", "Ola Nordmann"}
    assert {c.version.value for c in cards} == {"4.0"}


def test_export_vcf_search(
    sample: sessionmaker[Session], db_url: str, capsysbinary: pytest.CaptureFixture
) -> None:
    assert main(["--db", db_url, "export", "vcf", "--search", "cizek"]) == 0
    cards = list(vobject.readComponents(capsysbinary.readouterr().out.decode()))
    assert [c.fn.value for c in cards] == ["Zdeněk Čížek"]


def test_bad_date_is_a_usage_error(db_url: str) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--db", db_url, "export", "ics", "--from", "June"])
    assert caught.value.code == 2


def test_nothing_to_export_keeps_the_old_file_and_fails(
    sample: sessionmaker[Session], db_url: str, tmp_path: Path
) -> None:
    target = tmp_path / "forums.ics"
    target.write_text("previous export")
    argv = ["--db", db_url, "export", "ics", "--search", "no such words", "-o", str(target)]
    assert main(argv) == 1
    assert target.read_text() == "previous export"
