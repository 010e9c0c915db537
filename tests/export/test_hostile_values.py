"""Hostile text in any field round-trips as text and never adds a property or component."""

from __future__ import annotations

import datetime as dt
import uuid

import vobject
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from db.models import ContactPoint, Event, Organisation, Panel, Participation, Person
from desktop_app.export.ics import NOT_CATEGORIES, render_ics
from desktop_app.export.vcf import vcard

INJECTION = "X\r\nEMAIL:evil@example.com"
NASTY = st.sampled_from(
    [INJECTION, "a;b,c\\d:e", "END:VEVENT\r\nBEGIN:VEVENT", "\\n\\,\\;", "\r", "\n\n", "é" * 90]
)
TEXT = st.one_of(
    NASTY,
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200),
    st.lists(NASTY, min_size=1, max_size=4).map("".join),
).filter(lambda s: _expected(s).strip() != "")


def _expected(value: str) -> str:
    """What a value reads back as: line breaks as LF, control characters gone."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = value.translate({0x2028: "\n", 0x2029: "\n", 0x85: "\n"})
    return "".join(c for c in value if c in "\t\n" or not (ord(c) < 32 or ord(c) == 127))


def _uuid(n: int) -> str:
    return str(uuid.UUID(int=n))


def _person(name: str, job: str, org: str, note: str) -> Person:
    person = Person(
        uuid=_uuid(1),
        full_name=name,
        given_name=name,
        family_name=job,
        job_title=job,
        notes=note,
        status="accepted",
        updated_at=dt.datetime(2024, 1, 1),
    )
    person.organisation = Organisation(name=org)
    person.contacts = [
        ContactPoint(kind="email", value="a@example.org"),
        ContactPoint(kind="phone", value="+442079460000"),
    ]
    return person


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=TEXT, job=TEXT, org=TEXT, note=TEXT, version=st.sampled_from(["3.0", "4.0"]))
# a control character after the last line break once survived the note's stripping
@example(name="X", job="X", org="X", note="0\n\x08", version="3.0")
# and a control character before a line break at the start of a name
@example(name="\x1b\n0", job="X", org="X", note="X", version="3.0")
def test_vcard_fields_round_trip_and_add_no_property(
    name: str, job: str, org: str, note: str, version: str
) -> None:
    text = vcard(_person(name, job, org, note), version)
    card = vobject.readOne(text)
    expected_props = {"version", "prodid", "uid", "fn", "n", "org", "title", "tel", "email"}
    expected_props |= {"note", "rev"} | ({"kind"} if version == "4.0" else set())
    assert set(card.contents) == expected_props
    assert [len(v) for k, v in card.contents.items() if k != "tel"] == [1] * (
        len(expected_props) - 1
    )
    assert card.email.value == "a@example.org"
    assert card.fn.value == _expected(name).strip()
    assert card.n.value.given == _expected(name)
    assert card.n.value.family == _expected(job)
    assert card.title.value == _expected(job)
    assert card.org.value == [_expected(org)]
    assert card.note.value == _expected(note).strip()


def _event(title: str, location: str, description: str, person: Person) -> Event:
    event = Event(
        uuid=_uuid(2),
        title=title,
        kind="forum",
        start_date=dt.date(2024, 3, 1),
        start_precision="day",
        end_date=dt.date(2024, 3, 1),
        location=location,
        description=description,
        status="accepted",
        revision=1,
        created_at=dt.datetime(2024, 1, 1),
        updated_at=dt.datetime(2024, 1, 2),
    )
    panel = Panel(
        uuid=_uuid(3),
        title=title,
        kind=location,
        status="accepted",
        created_at=dt.datetime(2024, 1, 1),
        updated_at=dt.datetime(2024, 1, 2),
    )
    panel.participations = [Participation(person=person, role="moderator")]
    event.panels = [panel]
    event.participations = []
    event.mentions = []
    panel.mentions = []
    return event


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=TEXT, location=TEXT, description=TEXT, name=TEXT)
# a control character after the last line break once survived the description's stripping
@example(title="X", location="X", description="0\n\x08", name="X")
def test_ics_fields_round_trip_and_add_no_property(
    title: str, location: str, description: str, name: str
) -> None:
    person = _person(name, "Chair", "Org", "")
    text = render_ics([_event(title, location, description, person)])
    cal = Calendar.from_ical(text)
    assert [c.name for c in cal.walk()] == ["VCALENDAR", "VEVENT", "VEVENT", "PARTICIPANT"]
    event, panel = cal.walk("VEVENT")
    stored = _expected(description).strip()
    assert set(event) == {
        "UID", "DTSTAMP", "CREATED", "LAST-MODIFIED", "SEQUENCE", "DTSTART", "DTEND",
        "SUMMARY", "STATUS", "LOCATION", "DESCRIPTION", "CATEGORIES",
    } | ({"X-FORUMDESK-DESCRIPTION"} if stored else set())  # fmt: skip
    assert str(event["SUMMARY"]) == _expected(title)
    assert str(event["LOCATION"]) == _expected(location)
    if stored:
        assert str(event["X-FORUMDESK-DESCRIPTION"]) == stored
    else:  # never an empty line: the description is marked as all made up by the export
        assert event["DESCRIPTION"].params["X-FORUMDESK-GENERATED"] == "TRUE"
    if location.split() and location.casefold().split()[-1] not in NOT_CATEGORIES:
        assert [str(c) for c in panel["CATEGORIES"].cats] == [_expected(location)]
    (participant,) = panel.subcomponents
    assert str(participant["SUMMARY"]) == _expected(name)
    assert str(participant["CALENDAR-ADDRESS"]) == "mailto:a@example.org"
    assert "EMAIL" not in event and "EMAIL" not in participant
