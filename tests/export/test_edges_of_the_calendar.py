"""Events on the last day a date can hold (31 December 9999) and on the first (1 January of
year 1) are exported like any other, and read back as they were."""

from __future__ import annotations

import datetime as dt
import hashlib
import zoneinfo
from pathlib import Path

import pytest
import vobject
from icalendar import Calendar
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db.models import Event, Panel
from db.store import import_documents, store_extraction
from desktop_app.cli import main
from desktop_app.export import export_ics
from importers.records import DocumentText, EventRecord, Extraction, PanelRecord, PartialDate

MADRID = zoneinfo.ZoneInfo("Europe/Madrid")
DAY = dt.timedelta(days=1)


def _spans(text: str) -> dict[str, tuple[object, object, object]]:
    """SUMMARY → (DTSTART, DTEND, DURATION) of each VEVENT, as icalendar reads them."""
    spans = {}
    for component in Calendar.from_ical(text).walk("VEVENT"):
        spans[str(component["SUMMARY"])] = tuple(
            component.decoded(name) if name in component else None
            for name in ("DTSTART", "DTEND", "DURATION")
        )
    return spans


def test_export_command_writes_events_on_the_first_and_last_days(
    sessions: sessionmaker[Session],
    db_url: str,
    fixtures: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture,
) -> None:
    summary = import_documents(sessions, [fixtures / "ics" / "calendar_edges.ics"])
    assert [(r.status, r.events, r.warnings) for r in summary.results] == [("new", 5, ())]
    target = tmp_path / "edges.ics"
    assert main(["--db", db_url, "export", "ics", "-o", str(target)]) == 0
    assert "exported 5 events" in capsys.readouterr().err
    text = target.read_text(encoding="utf-8")
    assert _spans(text) == {
        # No DATE holds the exclusive end, 1 January 10000: the length says where it ends.
        "Someday Assembly": (dt.date(9999, 12, 31), None, DAY),
        "Closing Days": (dt.date(9999, 12, 29), None, 3 * DAY),
        "Late Talk": (
            dt.datetime(9999, 12, 31, 10, tzinfo=MADRID),
            dt.datetime(9999, 12, 31, 12, tzinfo=MADRID),
            None,
        ),
        "Founding Meeting": (dt.date(1, 1, 1), dt.date(1, 1, 2), None),
        "Harbour Forum": (dt.date(2030, 6, 12), dt.date(2030, 6, 14), None),
    }
    # Winter time on the last day, by the file's own VTIMEZONE (other programs read that).
    assert _offset(text, "Europe/Madrid", dt.datetime(9999, 12, 31, 10)) == dt.timedelta(hours=1)
    cards = tmp_path / "edges.vcf"
    assert main(["--db", db_url, "export", "vcf", "-o", str(cards)]) == 0
    (card,) = vobject.readComponents(cards.read_text(encoding="utf-8"))
    assert card.note.value.splitlines()[:2] == [
        "Speaker: Someday Assembly (9999-12-31)",
        "Speaker: Founding Meeting (0001-01-01)",
    ]


def _offset(text: str, tzid: str, local: dt.datetime) -> dt.timedelta:
    """The UTC offset at a local time by the VTIMEZONE ``tzid`` of a calendar: that of the
    latest observance (DTSTART or RDATE) begun by then."""
    onsets = []
    for zone in Calendar.from_ical(text).walk("VTIMEZONE"):
        if str(zone["TZID"]) != tzid:
            continue
        for observance in zone.subcomponents:
            offset = observance.decoded("TZOFFSETTO")
            rdates = observance.get("RDATE", [])
            rdates = rdates if isinstance(rdates, list) else [rdates]
            onsets.append((observance.decoded("DTSTART"), offset))
            onsets += [(value.dt, offset) for rdate in rdates for value in rdate.dts]
    return max(onset for onset in onsets if onset[0] <= local)[1]


def _dates(sessions: sessionmaker[Session]) -> dict[str, tuple[object, ...]]:
    with sessions() as s:
        events = {
            e.title: (
                e.start_date, e.start_precision, e.end_date, e.end_precision,
                e.start_time, e.end_time, e.timezone,
            )
            for e in s.scalars(select(Event))
        }  # fmt: skip
        panels = {p.title: (p.date, p.start_time) for p in s.scalars(select(Panel))}
    return events | panels


def test_events_at_the_edges_read_back_from_the_export_unchanged(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    last = PartialDate(9999, 12, 31)
    records = (
        EventRecord(
            "Someday Assembly", "assembly", last, last,
            panels=(PanelRecord("Last Word", "debate", last),),
        ),
        EventRecord("Closing Days", "conference", PartialDate(9999, 12, 29), last),
        # From 10:00 on the first day to the end of the last, hour unknown.
        EventRecord(
            "Night Watch", "vigil", PartialDate(9999, 12, 29), last,
            start_time=dt.time(10), timezone="Europe/Madrid",
        ),
        EventRecord("Distant Congress", "congress", PartialDate(9999), PartialDate(9999)),
        EventRecord("December Summit", "summit", PartialDate(9999, 12), PartialDate(9999, 12)),
        EventRecord("Founding Meeting", "meeting", PartialDate(1, 1, 1), PartialDate(1, 1, 1)),
    )  # fmt: skip
    document = DocumentText(path="/docs/placeholders.txt", format="txt", text="Placeholders")
    with sessions.begin() as s:
        sha = hashlib.sha256(document.text.encode()).hexdigest()
        store_extraction(s, Extraction(document=document, events=records), sha)
    before = _dates(sessions)
    target = tmp_path / "out" / "edges.ics"
    target.parent.mkdir()
    assert export_ics(sessions, target, include_approximate=True) == 6
    spans = _spans(target.read_text(encoding="utf-8"))
    night_watch = (dt.datetime(9999, 12, 29, 10, tzinfo=MADRID), None, dt.timedelta(2, hours=14))
    assert spans["Night Watch"] == night_watch
    assert spans["Last Word"] == (dt.date(9999, 12, 31), None, DAY)
    assert spans["Distant Congress (date approximate)"] == (dt.date(9999, 1, 1), None, 365 * DAY)
    assert spans["December Summit (date approximate)"] == (dt.date(9999, 12, 1), None, 31 * DAY)
    summary = import_documents(sessions, [target])
    assert [(r.status, r.warnings) for r in summary.results] == [("new", ())]
    assert _dates(sessions) == before
