"""Issue 14: exports carried empty X-FORUMDESK-DESCRIPTION: and X-FORUMDESK-NOTE: lines, and
the kind "days" (of "Harbour Development Days") in CATEGORIES."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from export_rows import add_person
from sqlalchemy.orm import Session, sessionmaker

from db.engine import open_database
from db.models import Event, Mention, Panel, Participation, Person
from db.store import import_documents
from desktop_app.export import export_ics, export_vcf
from importers.ics import read_ics
from importers.vcf import read_vcf

EMPTY_X_LINE = re.compile(r"^X-FORUMDESK-[A-Z-]+(;[^:]*)?:\s*$", re.MULTILINE)


def _days_event(s: Session) -> None:
    person = add_person(s, "Ana Reis", emails=("ana@example.org",))
    event = Event(
        title="Harbour Development Days",
        kind="days",
        start_date=dt.date(1988, 6, 15),
        start_precision="day",
        end_date=dt.date(1988, 6, 16),
        end_precision="day",
        status="accepted",
    )
    panel = Panel(title="Cities and migration", kind="debate lab", status="accepted")
    panel.participations = [Participation(person=person, role="moderator")]
    event.panels = [panel]
    s.add(event)


def test_issue_14_no_empty_x_lines_and_no_days_category(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    with sessions.begin() as s:
        _days_event(s)
    ics, vcf = tmp_path / "out.ics", tmp_path / "out.vcf"
    assert export_ics(sessions, ics) == 1
    assert export_vcf(sessions, vcf) == 1
    calendar = ics.read_text(encoding="utf-8").replace("\r\n", "\n")
    cards = vcf.read_text(encoding="utf-8").replace("\r\n", "\n")
    assert EMPTY_X_LINE.findall(calendar) == [] and EMPTY_X_LINE.findall(cards) == []
    assert "X-FORUMDESK-DESCRIPTION" not in calendar and "X-FORUMDESK-NOTE" not in cards
    categories = re.findall(r"^CATEGORIES:(.*)$", calendar, re.MULTILINE)
    assert categories == ["debate lab"]  # the panel's kind; "days" is none
    # The generated descriptions still say what they say…
    assert "Moderator: Ana Reis" in calendar.replace("\n ", "")
    # …and read back as no description, no notes: the export made them up.
    event = read_ics(ics).events[0]
    assert event.description is None and event.panels[0].title == "Cities and migration"
    assert read_vcf(vcf).people[0].notes is None


def test_issue_14_a_fresh_database_takes_no_made_up_text(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    with sessions.begin() as s:
        _days_event(s)
    folder = tmp_path / "out"
    folder.mkdir()
    export_ics(sessions, folder / "out.ics")
    export_vcf(sessions, folder / "out.vcf")
    other = open_database(f"sqlite:///{tmp_path / 'other.sqlite'}")
    summary = import_documents(other, [folder])
    assert [r.status for r in summary.results] == ["new", "new"]
    with other() as s:
        assert [e.description for e in s.query(Event)] == [None]
        assert [p.notes for p in s.query(Person)] == [None]
        assert s.query(Mention).count() > 0
