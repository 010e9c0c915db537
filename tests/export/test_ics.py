"""The .ics writer, checked by parsing its output with icalendar and vobject."""

from __future__ import annotations

import datetime as dt
import gc
import zoneinfo
from pathlib import Path

import pytest
import vobject
from export_rows import add_person, load_events
from icalendar import Calendar
from sqlalchemy.orm import Session, sessionmaker

from db.models import Event, Panel, Participation
from desktop_app.export import export_ics
from desktop_app.export.ics import event_uid, ics_objects, panel_uid, render_ics

NOW = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def _export(sessions: sessionmaker[Session], **options: object) -> tuple[str, dict[str, Event]]:
    with sessions() as s:
        events = load_events(s)
        text = render_ics(events, now=NOW, **options)
        by_title = {e.title: e for e in events}
        for event in events:  # touch what the assertions read while the session is open
            for panel in event.panels:
                _ = [p.person for p in panel.participations]
    return text, by_title


def _vevents(text: str) -> dict[str, object]:
    cal = Calendar.from_ical(text)
    return {str(c["UID"]): c for c in cal.walk("VEVENT")}


def test_calendar_header_names_the_calendar(sample: sessionmaker[Session]) -> None:
    text, _ = _export(sample, name="My Forums")
    cal = Calendar.from_ical(text)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["CALSCALE"]) == "GREGORIAN"
    assert str(cal["METHOD"]) == "PUBLISH"
    assert str(cal["NAME"]) == "My Forums"
    assert str(cal["X-WR-CALNAME"]) == "My Forums"
    assert "Forum Desk" in str(cal["PRODID"])


def test_all_day_event_has_exclusive_end_date(sample: sessionmaker[Session]) -> None:
    text, events = _export(sample)
    summit = _vevents(text)[event_uid(events["Water Summit"])]
    assert "DTSTART;VALUE=DATE:19880615\r\n" in text
    assert summit["DTSTART"].dt == dt.date(1988, 6, 15)
    assert summit["DTEND"].dt == dt.date(1988, 6, 17)
    assert not isinstance(summit["DTSTART"].dt, dt.datetime)


def test_event_fields_parse_back_equal(sample: sessionmaker[Session]) -> None:
    text, events = _export(sample)
    event = events["Water Summit"]
    summit = _vevents(text)[event_uid(event)]
    assert str(summit["SUMMARY"]) == "Water Summit"
    assert str(summit["LOCATION"]) == "Congress Hall, Brno"
    assert int(summit["SEQUENCE"]) == 3
    assert str(summit["STATUS"]) == "CONFIRMED"
    assert [str(c) for c in summit["CATEGORIES"].cats] == ["summit"]
    assert summit["DTSTAMP"].dt == NOW
    assert summit["LAST-MODIFIED"].dt == event.updated_at.replace(microsecond=0, tzinfo=dt.UTC)
    description = str(summit["DESCRIPTION"])
    assert description.startswith("Two days on rivers.")
    assert "Moderator: Zdeněk Čížek, Head of Unit, Ústav pro zkoušky, a.s." in description
    assert "Panelist: Maria de la Cruz, Rapporteur" in description
    assert "Host: Ola Nordmann" in description
    assert "Programme (programme.txt)" in description
    assert "Wrong Person" not in description  # rejected people are left out
    host = [c for c in summit.subcomponents if c.name == "PARTICIPANT"]
    assert [(str(p["SUMMARY"]), str(p["X-FORUMDESK-ROLE"])) for p in host] == [
        ("Ola Nordmann", "host")
    ]


def test_uids_are_stable_across_exports(sample: sessionmaker[Session]) -> None:
    first, _ = _export(sample)
    second, _ = _export(sample)
    assert list(_vevents(first)) == list(_vevents(second))
    assert first == second  # same data, same DTSTAMP: byte-identical


def test_timed_event_carries_tzid_and_vtimezone(sample: sessionmaker[Session]) -> None:
    text, events = _export(sample)
    cal = Calendar.from_ical(text)
    talk = _vevents(text)[event_uid(events["Evening Talk"])]
    assert "DTSTART;TZID=Europe/Prague:19880620T183000" in text
    start = talk["DTSTART"].dt
    assert start == dt.datetime(1988, 6, 20, 18, 30, tzinfo=zoneinfo.ZoneInfo("Europe/Prague"))
    assert start.utcoffset() == dt.timedelta(hours=2)  # summer time, from the VTIMEZONE
    assert talk["DTEND"].dt.time() == dt.time(20, 0)
    assert str(talk["STATUS"]) == "TENTATIVE"  # suggested
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Prague"]


def test_utc_event_is_written_in_utc(sample: sessionmaker[Session]) -> None:
    text, events = _export(sample)
    call = _vevents(text)[event_uid(events["Call"])]
    assert "DTSTART:19881231T230000Z" in text
    assert call["DTEND"].dt == dt.datetime(1989, 1, 1, 1, 0, tzinfo=dt.UTC)


def test_panels_are_related_to_their_event(sample: sessionmaker[Session]) -> None:
    text, events = _export(sample)
    summit = events["Water Summit"]
    vevents = _vevents(text)
    opening, debate = sorted(summit.panels, key=lambda p: p.title or "")[::-1]
    component = vevents[panel_uid(opening)]
    assert str(component["RELATED-TO"]) == event_uid(summit)
    assert component["RELATED-TO"].params["RELTYPE"] == "PARENT"
    assert component["DTSTART"].dt == dt.datetime(1988, 6, 15, 9, 0)  # floating: no zone known
    assert component["DTEND"].dt == dt.datetime(1988, 6, 15, 10, 30)
    participants = [c for c in component.subcomponents if c.name == "PARTICIPANT"]
    assert [
        (str(p["SUMMARY"]), str(p["PARTICIPANT-TYPE"]), str(p["X-FORUMDESK-ROLE"]))
        for p in participants
    ] == [("Zdeněk Čížek", "ACTIVE", "moderator"), ("Maria de la Cruz", "SPEAKER", "panelist")]
    assert str(participants[0]["CALENDAR-ADDRESS"]) == "mailto:zdenek.cizek@example.org"
    assert "Moderator: Zdeněk Čížek" in str(component["DESCRIPTION"])
    # A panel without a date of its own takes the event's days.
    undated = vevents[panel_uid(debate)]
    assert undated["DTSTART"].dt == dt.date(1988, 6, 15)
    assert undated["DTEND"].dt == dt.date(1988, 6, 17)
    assert str(undated["SUMMARY"]) == "debate lab"


def test_approximate_undated_and_rejected_events_are_left_out_by_default(
    sample: sessionmaker[Session],
) -> None:
    text, _ = _export(sample)
    titles = {str(c["SUMMARY"]) for c in _vevents(text).values()}
    assert "Water Summit" in titles
    assert not any("Autumn" in t or "Someday" in t or "Dropped" in t for t in titles)


def test_approximate_events_on_request_cover_their_month(sample: sessionmaker[Session]) -> None:
    text, events = _export(sample, include_approximate=True)
    titles = {str(c["SUMMARY"]) for c in _vevents(text).values()}
    assert not any("Someday" in t for t in titles)  # undated: never
    autumn = _vevents(text)[event_uid(events["Autumn Forum"])]
    assert str(autumn["SUMMARY"]) == "Autumn Forum (date approximate)"
    assert str(autumn["STATUS"]) == "TENTATIVE"
    assert autumn["DTSTART"].dt == dt.date(1988, 10, 1)
    assert autumn["DTEND"].dt == dt.date(1988, 11, 1)


def test_year_only_event_covers_the_year(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        s.add(Event(title="Y", kind="forum", start_date=dt.date(1991, 1, 1),
                    start_precision="year", end_date=dt.date(1991, 12, 31),
                    end_precision="year", status="accepted"))  # fmt: skip
    text, _ = _export(sessions, include_approximate=True)
    (component,) = _vevents(text).values()
    assert component["DTSTART"].dt == dt.date(1991, 1, 1)
    assert component["DTEND"].dt == dt.date(1992, 1, 1)


def test_alarm_reminds_n_days_before(sample: sessionmaker[Session]) -> None:
    text, events = _export(sample, alarm_days=3)
    summit = _vevents(text)[event_uid(events["Water Summit"])]
    (alarm,) = [c for c in summit.subcomponents if c.name == "VALARM"]
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm["TRIGGER"].dt == -dt.timedelta(days=3)
    assert str(alarm["DESCRIPTION"]) == "Water Summit"


def test_every_line_is_crlf_terminated_and_at_most_75_octets(
    sample: sessionmaker[Session],
) -> None:
    text, _ = _export(sample, include_approximate=True, alarm_days=1)
    assert text.endswith("END:VCALENDAR\r\n")
    for physical in text.encode("utf-8").split(b"\r\n"):
        assert len(physical) <= 75
        assert b"\n" not in physical and b"\r" not in physical
        physical.decode("utf-8")  # no UTF-8 sequence split by folding


def test_vobject_reads_the_same_fields(sample: sessionmaker[Session]) -> None:
    text, events = _export(sample, include_approximate=True)
    parsed = vobject.readOne(text)
    by_uid = {e.uid.value: e for e in parsed.vevent_list}
    for uid, component in _vevents(text).items():
        other = by_uid[uid]
        assert other.summary.value == str(component["SUMMARY"])
        assert other.dtstart.value == component["DTSTART"].dt
        if "DESCRIPTION" in component:
            assert other.description.value == str(component["DESCRIPTION"])
        if "LOCATION" in component:
            assert other.location.value == str(component["LOCATION"])


def test_objects_hold_one_uid_each_with_the_zones_they_use(
    sample: sessionmaker[Session],
) -> None:
    with sessions_events(sample) as events:
        objects = ics_objects(events, now=NOW)
    assert len(objects) == 5  # the summit, its two panels, the talk and the call
    for uid, text in objects.items():
        cal = Calendar.from_ical(text)
        assert [str(c["UID"]) for c in cal.walk("VEVENT")] == [uid]
        uses_zone = ";TZID=" in text.split("BEGIN:VEVENT", 1)[1]
        assert bool(cal.walk("VTIMEZONE")) == uses_zone


def sessions_events(sessions: sessionmaker[Session]):  # noqa: ANN201 - a context manager
    import contextlib

    @contextlib.contextmanager
    def scope():  # noqa: ANN202
        with sessions() as s:
            yield load_events(s)

    return scope()


@pytest.mark.parametrize("days", [-1])
def test_negative_alarm_is_refused(sample: sessionmaker[Session], days: int) -> None:
    with pytest.raises(ValueError):
        _export(sample, alarm_days=days)


def test_person_in_several_panels_gets_a_participant_per_role(
    sessions: sessionmaker[Session],
) -> None:
    with sessions.begin() as s:
        person = add_person(s, "Ana Lopes", title="Engineer", emails=("ana@example.org",))
        event = Event(title="Meet", kind="forum", start_date=dt.date(1993, 5, 3),
                      start_precision="day", status="accepted")  # fmt: skip
        first = Panel(title="First", date=dt.date(1993, 5, 3), date_precision="day",
                      start_time=dt.time(9), end_time=dt.time(10), status="accepted")  # fmt: skip
        second = Panel(title="Second", status="accepted")
        event.panels += [first, second]
        s.add(event)
        s.flush()
        s.add_all(
            [
                Participation(person=person, panel=first, event=event, role="moderator"),
                Participation(person=person, panel=second, event=event, role="Speaker"),
            ]
        )
    text, events = _export(sessions)
    vevents = _vevents(text)
    seen = []
    for panel in sorted(events["Meet"].panels, key=lambda p: p.title):
        component = vevents[panel_uid(panel)]
        (participant,) = component.subcomponents
        seen.append((str(participant["UID"]), str(participant["PARTICIPANT-TYPE"]),
                     str(participant["X-FORUMDESK-ROLE"]),
                     str(participant["CALENDAR-ADDRESS"])))  # fmt: skip
        assert f"{panel.participations[0].role.capitalize()}: Ana Lopes, Engineer" in str(
            component["DESCRIPTION"]
        )
    uid = f"urn:uuid:{person.uuid}"
    assert seen == [
        (uid, "ACTIVE", "moderator", "mailto:ana@example.org"),
        (uid, "SPEAKER", "speaker", "mailto:ana@example.org"),
    ]
    description = str(vevents[event_uid(events["Meet"])]["DESCRIPTION"])
    assert "  Moderator: Ana Lopes, Engineer" in description
    assert "  Speaker: Ana Lopes, Engineer" in description


@pytest.mark.parametrize("enabled", [True, False])
def test_export_leaves_the_garbage_collector_as_it_was(
    sample: sessionmaker[Session], tmp_path: Path, enabled: bool
) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        assert export_ics(sample, tmp_path / "out.ics") > 0
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_export_snapshots_write_the_same_calendar_as_orm_objects(
    sample: sessionmaker[Session],
) -> None:
    from db import queries

    options = {"now": NOW, "include_approximate": True, "include_rejected": True, "alarm_days": 2}
    with sample() as s:
        from_orm = render_ics(load_events(s), **options)
        rows = queries.events_for_export(s, include_rejected=True)
        summit = next(e for e in rows if e.title == "Water Summit")
        after = summit.end_date + dt.timedelta(days=1)
        later = queries.events_for_export(s, date_from=after)
        named = queries.events_for_export(s, search="water summit")
    assert render_ics(rows, **options) == from_orm
    assert [e.title for e in named] == ["Water Summit"]
    assert summit.id not in {e.id for e in later} and later
    # one object per person, however many panels they sit on
    people = [p.person for e in rows for x in e.panels for p in x.participations]
    assert len({id(p) for p in people}) == len({p.id for p in people})
