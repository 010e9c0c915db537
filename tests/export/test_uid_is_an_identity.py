"""A UID is an identity (RFC 5545 §3.8.4.7, RFC 6350 §6.7.6): distinct UIDs are distinct
events, panels and people, however alike their titles and names; the same UID read again is
the same item, and a higher SEQUENCE updates it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from export_rows import store_text_event
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from db import edits
from db.models import Event, Organisation, Panel, Person
from db.store import import_documents


def _titles(sessions: sessionmaker[Session]) -> list[str]:
    with sessions() as s:
        return sorted(s.scalars(select(Event.title)))


def _import(sessions: sessionmaker[Session], *paths: Path) -> None:
    summary = import_documents(sessions, paths)
    assert not summary.failed, [(r.path, r.reason) for r in summary.failed]


def test_eight_events_on_one_day_stay_eight(
    sessions: sessionmaker[Session], fixtures: Path
) -> None:
    _import(sessions, fixtures / "ics" / "eight_events_one_day.ics")
    assert _titles(sessions) == [
        "Board Meeting 1",
        "Board Meeting 2",
        "Press Briefing",
        "Regional Consultation for the Andes",
        "Regional Consultation for the Arctic",
        "Regional Consultation for the Sahel",
        "Working Group on Water",
        "Working Group on Water (continued)",
    ]


def test_thousands_of_events_with_distinct_uids_are_all_stored(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Example//Bulk//EN"]
    for n in range(2000):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=n % 20)  # a hundred a day
        lines += [
            "BEGIN:VEVENT",
            f"UID:bulk-{n}@example.org",
            "DTSTAMP:20250101T000000Z",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"SUMMARY:Board Meeting {n}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    path = tmp_path / "bulk.ics"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    _import(sessions, path)
    with sessions() as s:
        assert s.scalar(select(func.count(Event.id))) == 2000


def test_same_uid_is_the_same_event_and_a_higher_sequence_updates_it(
    sessions: sessionmaker[Session], fixtures: Path
) -> None:
    ics = fixtures / "ics"
    _import(sessions, ics / "harbour_forum_seq1.ics")
    _import(sessions, ics / "harbour_forum_seq2.ics")
    _import(sessions, ics / "harbour_forum_seq0.ics")  # an older version changes nothing
    with sessions() as s:
        (event,) = s.scalars(select(Event))
        assert (event.title, event.location, event.revision) == (
            "Harbour Forum 2025 (moved)",
            "Pier 9",
            2,
        )


def test_an_event_read_from_text_takes_one_uid_and_no_other(
    sessions: sessionmaker[Session], fixtures: Path
) -> None:
    ics = fixtures / "ics"
    store_text_event(sessions)
    _import(sessions, ics / "harbour_forum_seq1.ics")  # the forum the release announced
    assert _titles(sessions) == ["Harbour Forum"]
    _import(sessions, ics / "harbour_forum_other_uid.ics")  # another UID: another event
    assert _titles(sessions) == ["Harbour Forum", "Harbour Forum"]
    _import(sessions, ics / "harbour_forum_seq2.ics")  # found again by its UID
    assert _titles(sessions) == ["Harbour Forum", "Harbour Forum 2025 (moved)"]


def test_untitled_panels_with_distinct_uids_stay_apart(
    sessions: sessionmaker[Session], fixtures: Path
) -> None:
    _import(sessions, fixtures / "ics" / "two_untitled_panels.ics")
    with sessions() as s:
        times = sorted(p.start_time for p in s.scalars(select(Panel)))
    assert times == [dt.time(10), dt.time(14)]


def test_people_with_distinct_uids_stay_apart_and_a_known_uid_is_found_again(
    sessions: sessionmaker[Session], fixtures: Path
) -> None:
    vcf = fixtures / "vcf"
    _import(sessions, vcf / "same_name_two_uids.vcf")
    _import(sessions, vcf / "same_name_two_uids_again.vcf")
    with sessions() as s:
        people = sorted(
            (p.full_name, p.organisation.name if p.organisation else None)
            for p in s.scalars(select(Person))
        )
    assert people == [
        ("J. Smith", None),
        ("John Smith", "Harbour Authority"),
        ("John Smith", "Lusaka Water Board"),
    ]


def test_a_merge_keeps_the_uids_of_both(sessions: sessionmaker[Session], fixtures: Path) -> None:
    """Merged by hand, two people stay one when their address book is read again."""
    vcf = fixtures / "vcf"
    _import(sessions, vcf / "same_name_two_uids.vcf")
    with sessions.begin() as s:
        harbour, lusaka = (
            s.scalar(select(Person.id).join(Person.organisation).where(Organisation.name == name))
            for name in ("Harbour Authority", "Lusaka Water Board")
        )
        edits.merge_people(s, harbour, lusaka)
    _import(sessions, vcf / "same_name_two_uids_again.vcf")  # holds the merged one's UID
    with sessions() as s:
        assert sorted(s.scalars(select(Person.full_name))) == ["J. Smith", "John Smith"]
