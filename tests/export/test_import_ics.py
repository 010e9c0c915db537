"""Reading .ics files: other programs' calendars, our own exports, broken files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from export_rows import load_events
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.export.ics import render_ics
from importers.errors import ReadError
from importers.ics import read_ics
from importers.pipeline import load
from importers.records import PartialDate, Participant


def test_calendar_from_another_program(fixtures: Path) -> None:
    extraction = read_ics(fixtures / "ics" / "other_program.ics")
    assert extraction.document.format == "ics"
    assert extraction.document.title == "Team dates"
    assert "BEGIN:VCALENDAR" in extraction.document.text
    forum, summit, one_day, call = extraction.events
    assert (forum.title, forum.kind, forum.uid, forum.sequence) == (
        "Harbour Forum",
        "forum",
        "abc123@example.com",
        2,
    )
    assert forum.location == "Pier 4, Main Hall"
    assert forum.description == "First line\nSecond line with a comma, and a semicolon;"
    assert (forum.start, forum.start_time, forum.end_time, forum.timezone) == (
        PartialDate(2024, 3, 12),
        dt.time(9, 30),
        dt.time(11, 0),
        "Europe/Lisbon",
    )
    assert forum.people == (
        Participant("Rui Costa", "organiser"),
        Participant("Ana Silva", "chair"),
        Participant("Jon Berg", "speaker"),
    )
    # all-day DTEND is exclusive: 15-18 April means the 15th to the 17th
    assert (summit.start, summit.end, summit.start_time) == (
        PartialDate(2024, 4, 15),
        PartialDate(2024, 4, 17),
        None,
    )
    assert one_day.start == one_day.end == PartialDate(2024, 5, 1)
    assert (call.start, call.end, call.start_time, call.end_time, call.timezone) == (
        PartialDate(2024, 6, 1),
        PartialDate(2024, 6, 2),
        dt.time(22, 0),
        dt.time(1, 0),
        "UTC",
    )
    emails = {p.name: p.emails for p in extraction.people}
    assert emails["Rui Costa"] == ("rui.costa@example.com",)


def test_windows_zone_names_become_iana_names(fixtures: Path) -> None:
    (event,) = read_ics(fixtures / "ics" / "windows_timezone.ics").events
    assert event.timezone is not None and "/" in event.timezone
    assert event.start_time == dt.time(14, 0)
    assert event.title.startswith("Konference o vodě – Žďár")
    assert event.title.endswith("název, který se musí zalomit")  # folded line joined


def test_child_vevents_become_panels_with_participants(fixtures: Path) -> None:
    extraction = read_ics(fixtures / "ics" / "programme_with_panels.ics")
    conference, sibling = extraction.events
    assert sibling.title == "Sibling, not a panel"  # RELTYPE=SIBLING is no parent
    first, closing = conference.panels
    assert (first.title, first.kind, first.date, first.start_time, first.location) == (
        "Rivers and cities",
        "panel",
        PartialDate(2025, 9, 10),
        dt.time(10, 0),
        "Room B",
    )
    assert first.uid == "conf-1-panel-a@venue.example"
    assert first.people == (
        Participant("Femke de Vries", "speaker"),
        Participant("Pieter Jansen", "speaker"),
    )
    assert (closing.title, closing.date, closing.start_time) == (
        "Closing remarks",
        PartialDate(2025, 9, 11),
        dt.time(14, 0),
    )


def test_broken_dates_keep_the_event_undated_with_a_warning(fixtures: Path) -> None:
    extraction = read_ics(fixtures / "ics" / "broken_dates.ics")
    (event,) = extraction.events
    assert event.start is None
    assert extraction.warnings


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.ics", "the file is empty"),
        ("binary.ics", "binary file"),
        ("truncated.ics", "truncated"),
        ("not_a_calendar.ics", "not an iCalendar file"),
        ("no_events.ics", "no events"),
    ],
)
def test_broken_files_raise_read_error_with_a_one_line_reason(
    fixtures: Path, name: str, reason: str
) -> None:
    with pytest.raises(ReadError) as caught:
        load(fixtures / "ics" / name)
    assert reason in caught.value.reason
    assert "\n" not in str(caught.value)


def test_our_export_reads_back_with_the_same_fields(
    sample: sessionmaker[Session], tmp_path: Path
) -> None:
    path = tmp_path / "out.ics"
    with sample() as s:
        events = load_events(s)
        path.write_bytes(render_ics(events, include_approximate=True).encode())
        summit = next(e for e in events if e.title == "Water Summit")
        summit_uuid, description = summit.uuid, summit.description
        panel_uuids = {p.uuid for p in summit.panels}
    records = {e.title: e for e in read_ics(path).events}
    assert set(records) == {"Water Summit", "Evening Talk", "Call", "Autumn Forum"}
    record = records["Water Summit"]
    assert record.uid == f"{summit_uuid}@forumdesk"
    assert record.sequence == 3
    assert record.description == description  # not the generated panel list
    assert (record.start, record.end) == (PartialDate(1988, 6, 15), PartialDate(1988, 6, 16))
    assert record.people == (Participant("Ola Nordmann", "host"),)
    assert {p.uid for p in record.panels} == {f"{uuid}@forumdesk" for uuid in panel_uuids}
    panels = {p.kind: p for p in record.panels}
    assert panels["debate lab"].title is None and panels["debate lab"].date is None
    assert panels["opening session"].people == (
        Participant("Zdeněk Čížek", "moderator"),
        Participant("Maria de la Cruz", "panelist"),
    )
    autumn = records["Autumn Forum"]
    assert (autumn.start, autumn.end) == (PartialDate(1988, 10), PartialDate(1988, 10))
    talk = records["Evening Talk"]
    assert (talk.timezone, talk.start_time, talk.end_time) == (
        "Europe/Prague",
        dt.time(18, 30),
        dt.time(20, 0),
    )
