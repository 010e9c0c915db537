"""Events, their panels and people as an iCalendar stream (RFC 5545, RFC 7986, RFC 9073).

Takes :class:`db.models.Event` objects with panels, participations → person → contacts and
mentions → document loaded. Each event is one VEVENT; each panel its own VEVENT related to
the event (RFC 5545 §3.8.4.5 RELATED-TO;RELTYPE=PARENT) with its people as RFC 9073
PARTICIPANT components, and everything also spelled out in DESCRIPTION for clients that
ignore PARTICIPANT.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import operator
import re
import zoneinfo
from collections.abc import Iterable, Iterator

from icalendar import Timezone

from db.models import Event, Panel, Participation, Person, Status
from db.source_uids import export_uid
from desktop_app import __version__
from desktop_app.export.contentline import CRLF, clean, escape_text, line

UID_DOMAIN = "forumdesk"
OWN_UID = "{}@" + UID_DOMAIN
OWN_PERSON_UID = "urn:uuid:{}"
PRODID = f"-//Forum Desk//Forum Desk {__version__}//EN"
DEFAULT_NAME = "Forum Desk"
APPROXIMATE_SUFFIX = " (date approximate)"
X_PRECISION = "X-FORUMDESK-PRECISION"
X_ROLE = "X-FORUMDESK-ROLE"
X_DESCRIPTION = "X-FORUMDESK-DESCRIPTION"
TEXT = ";VALUE=TEXT"  # so that readers unescape our X- properties (RFC 5545 §3.8.8.2)
X_PANEL_DATE = "X-FORUMDESK-PANEL-DATE"
#: On a DESCRIPTION made up entirely by the export (panels, people, sources): importing the
#: file back then leaves the item without a description, as it was.
GENERATED = ";X-FORUMDESK-GENERATED=TRUE"
# Kinds that say how long a gathering lasts, not what it is ("European Development Days"):
# no category for them.
NOT_CATEGORIES = frozenset("day days week weeks year years journées semaine".split())


def category(kind: str | None) -> str | None:
    """The CATEGORIES value (RFC 5545 §3.8.1.2) of an event or panel kind, if it is one."""
    words = (kind or "").casefold().split()
    if not words or words[-1] in NOT_CATEGORIES:
        return None
    return kind


# RFC 9073 §6.2 PARTICIPANT-TYPE values for our roles; the exact role goes in X-FORUMDESK-ROLE.
PARTICIPANT_TYPES = {
    "speaker": "SPEAKER",
    "panelist": "SPEAKER",
    "keynote": "SPEAKER",
    "moderator": "ACTIVE",
    "chair": "ACTIVE",
    "host": "ACTIVE",
    "organiser": "PLANNER-CONTACT",
    "contact": "CONTACT",
}
STATUSES = {
    Status.ACCEPTED: "CONFIRMED",
    Status.SUGGESTED: "TENTATIVE",
    Status.REJECTED: "CANCELLED",
}
_UTC_NAMES = {"UTC", "Etc/UTC", "Etc/GMT", "GMT", "Z"}
_DAY = dt.timedelta(days=1)
_EMAIL = re.compile(r"^[^\s@:;,<>\"\\()\[\]]+@[^\s@:;,<>\"\\()\[\]]+$")


def _fields(obj: object, *names: str) -> tuple:
    """Attribute values of a mapped object (two or more), read from its instance dict.

    In a large export the ORM's attribute descriptors cost more than writing the text. When
    a value is not loaded yet, all go through the descriptors (which load what is missing).
    """
    try:
        return _getter(names)(obj.__dict__)
    except KeyError:
        return tuple(getattr(obj, n) for n in names)


@functools.cache
def _getter(names: tuple[str, ...]) -> operator.itemgetter:
    return operator.itemgetter(*names)


def _field(obj: object, name: str) -> object:
    """One attribute value, as :func:`_fields`."""
    try:
        return obj.__dict__[name]
    except KeyError:
        return getattr(obj, name)


def _uid(item: Event | Panel | Person, own_form: str) -> str:
    return export_uid(*_fields(item, "foreign_uid", "uuid"), own_form)


def event_uid(event: Event) -> str:
    """The VEVENT UID of an event, stable across exports (RFC 5545 §3.8.4.7): the one it came
    with, else ``<uuid>@forumdesk``."""
    return _uid(event, OWN_UID)


def panel_uid(panel: Panel) -> str:
    return _uid(panel, OWN_UID)


def person_uid(person: Person) -> str:
    return _uid(person, OWN_PERSON_UID)


def is_day_precise(event: Event) -> bool:
    start_date, precision = _fields(event, "start_date", "start_precision")
    return start_date is not None and (precision or "day") == "day"


def is_approximate(event: Event) -> bool:
    start_date, precision = _fields(event, "start_date", "start_precision")
    return start_date is not None and precision in ("month", "year")


def select_events(
    events: Iterable[Event], *, include_approximate: bool = False, include_rejected: bool = False
) -> list[Event]:
    """The events that go into an export: dated ones, month/year-only ones on request."""
    chosen = []
    for event in events:
        if not include_rejected and _field(event, "status") == Status.REJECTED:
            continue
        if is_day_precise(event) or (include_approximate and is_approximate(event)):
            chosen.append(event)
    return chosen


# --- values ---------------------------------------------------------------------------------


def _utc_stamp(value: dt.datetime | None) -> str:
    if value is None:
        value = dt.datetime.now(dt.UTC)
    if value.tzinfo is not None:  # SQLite hands stored UTC times back naive
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    # isoformat always writes four-digit years, as DATE-TIME needs (RFC 5545 §3.3.5).
    return value.isoformat("T", "seconds").replace("-", "").replace(":", "") + "Z"


@functools.lru_cache(maxsize=8192)
def _date(value: dt.date) -> str:
    return f"{value.year:04d}{value.month:02d}{value.day:02d}"


@functools.lru_cache(maxsize=8192)
def _datetime(day: dt.date, time: dt.time) -> str:
    return f"{_date(day)}T{time.hour:02d}{time.minute:02d}{time.second:02d}"


@functools.lru_cache(maxsize=256)
def _zone(name: str | None) -> str | None:
    """``"UTC"``, a valid IANA key, or ``None`` (floating local time)."""
    if not name:
        return None
    if name in _UTC_NAMES:
        return "UTC"
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None
    return name


@functools.lru_cache(maxsize=64)
def vtimezone(tzid: str, first_year: int = 1970, last_year: int = 2038) -> str:
    """VTIMEZONE text for an IANA zone (RFC 5545 §3.6.5), generated once per zone and range."""
    # icalendar's search for transitions runs past the last date there is when the range ends
    # late in the year 9999: it ends on 1 January 9999, whose offsets hold again on 31 December.
    last = dt.date(min(last_year, dt.MAXYEAR), 1, 1)
    component = Timezone.from_tzid(tzid, first_date=dt.date(first_year, 1, 1), last_date=last)
    unfolded = component.to_ical().decode("utf-8").replace("\r\n ", "")
    out = []
    for row in unfolded.split("\r\n"):
        if row.startswith("RDATE:"):
            # One RDATE per line: vobject (used by Radicale and others) keeps only the first
            # value of a comma-separated RDATE list, shifting every later transition.
            out.extend(line("RDATE", value) for value in row[6:].split(","))
        elif row:
            out.append(line(*row.split(":", 1)) if ":" in row else row + CRLF)
    return "".join(out)


def _all_day(first: dt.date, last: dt.date) -> str:
    """DTSTART/DTEND of the all-day span from ``first`` to ``last``, both included."""
    last = max(first, last)
    start = f"DTSTART;VALUE=DATE:{_date(first)}{CRLF}"
    if last < dt.date.max:
        return f"{start}DTEND;VALUE=DATE:{_date(last + _DAY)}{CRLF}"
    # The exclusive end would be 1 January 10000, which no DATE value holds.
    return f"{start}DURATION:P{(last - first).days + 1}D{CRLF}"


@functools.lru_cache(maxsize=8192)
def _timed(name: str, day: dt.date, time: dt.time, zone: str | None) -> str:
    if zone == "UTC":
        return line(name, _datetime(day, time) + "Z")
    if zone:
        return line(name, _datetime(day, time), f";TZID={zone}")
    return line(name, _datetime(day, time))  # floating (RFC 5545 §3.3.5, form #1)


def _timed_span(
    start: dt.date,
    start_time: dt.time,
    end: dt.date | None,
    end_time: dt.time | None,
    zone: str | None,
) -> str:
    text = _timed("DTSTART", start, start_time, zone)
    if end is not None and end_time is not None and (end, end_time) > (start, start_time):
        text += _timed("DTEND", end, end_time, zone)
    return text


def _event_span(event: Event) -> str:
    start, end_date, start_time, end_time, timezone = _fields(
        event, "start_date", "end_date", "start_time", "end_time", "timezone"
    )
    assert start is not None
    end = end_date if end_date and end_date >= start else start
    if start_time is None:
        return _all_day(start, end)
    zone = _zone(timezone)
    if end_time is not None:
        return _timed_span(start, start_time, end, end_time, zone)
    if end > start:  # timed start over several days, end hour unknown: up to midnight
        if end < dt.date.max:
            return _timed_span(start, start_time, end + _DAY, dt.time(0), zone)
        # No DATE-TIME holds the midnight after 31 December 9999.
        span = dt.datetime.combine(end, dt.time(0)) - dt.datetime.combine(start, start_time)
        return _timed("DTSTART", start, start_time, zone) + line("DURATION", _duration(span + _DAY))
    return _timed_span(start, start_time, None, None, zone)


def _duration(value: dt.timedelta) -> str:
    """A positive DURATION value (RFC 5545 §3.3.6)."""
    minutes, seconds = divmod(value.seconds, 60)
    hours, minutes = divmod(minutes, 60)
    time = f"T{hours}H{minutes}M{seconds}S" if value.seconds else ""
    return f"P{value.days}D{time}"


def _approximate_span(event: Event) -> str:
    start, precision, end_date, end_precision = _fields(
        event, "start_date", "start_precision", "end_date", "end_precision"
    )
    assert start is not None
    if precision == "year":
        first = dt.date(start.year, 1, 1)
        last_year = end_date.year if end_date else start.year
        return _all_day(first, dt.date(max(last_year, start.year), 12, 31))
    first = dt.date(start.year, start.month, 1)
    if end_precision == "day" and end_date and end_date >= first:
        return _all_day(first, end_date)
    last = end_date if end_date and end_date >= first else first
    return _all_day(first, last.replace(day=calendar.monthrange(last.year, last.month)[1]))


def _panel_span(panel: Panel, event: Event) -> str:
    date, precision, start_time, end_time = _fields(
        panel, "date", "date_precision", "start_time", "end_time"
    )
    start_date, end_date, timezone = _fields(event, "start_date", "end_date", "timezone")
    if date is not None and (precision or "day") == "day":
        day = date
    else:
        single = end_date is None or end_date <= start_date
        if start_time is None or not single:
            return _all_day(start_date, end_date or start_date)
        day = start_date
    assert day is not None
    if start_time is None:
        return _all_day(day, day)
    return _timed_span(day, start_time, day, end_time, _zone(timezone))


# --- descriptions ---------------------------------------------------------------------------


def _hhmm(value: dt.time | None) -> str:
    return f"{value.hour:02d}:{value.minute:02d}" if value else ""


def _panel_heading(panel: Panel) -> str:
    date, start_time, end_time, title, kind = _fields(
        panel, "date", "start_time", "end_time", "title", "kind"
    )
    when = []
    if date is not None:
        when.append(date.isoformat())
    if start_time is not None:
        times = _hhmm(start_time)
        if end_time is not None:
            times += f"–{_hhmm(end_time)}"
        when.append(times)
    name = title or ""
    if kind and kind.casefold() not in name.casefold():
        name = f"{kind.capitalize()}: {name}" if name else kind.capitalize()
    head = f"{' '.join(when)} — {name}" if when else name
    return head or "Panel"


def event_description(event: Event, *, include_rejected: bool = False) -> str:
    """Plain-text DESCRIPTION: the event's text, panels with people and roles, sources."""
    return _Writer(include_rejected=include_rejected).event_description(event)


def panel_description(panel: Panel, event: Event, *, include_rejected: bool = False) -> str:
    return _Writer(include_rejected=include_rejected).panel_description(panel, event)


# --- components -----------------------------------------------------------------------------


def _alarm(summary: str, days: int) -> str:
    """RFC 5545 §3.6.6: a DISPLAY alarm N days before the start."""
    trigger = f"-P{days}D" if days > 0 else "PT0S"
    return (
        "BEGIN:VALARM" + CRLF
        + line("ACTION", "DISPLAY")
        + line("DESCRIPTION", escape_text(summary))
        + line("TRIGGER", trigger)
        + "END:VALARM" + CRLF
    )  # fmt: skip


_BEGIN = "BEGIN:VEVENT" + CRLF
_END = "END:VEVENT" + CRLF
_INHERITED = line(X_PANEL_DATE, "INHERITED", TEXT)


class _Writer:
    """Text of VEVENTs for one export, with the work that recurs across events cached: people
    and documents appear in many events, places and kinds repeat. Cache keys use ``id()`` of
    objects that live as long as the export."""

    def __init__(
        self,
        *,
        include_rejected: bool = False,
        alarm_days: int | None = None,
        stamp: str = "",
    ) -> None:
        self.include_rejected = include_rejected
        self.alarm_days = alarm_days
        self.stamp = stamp
        self.stamp_line = line("DTSTAMP", stamp)
        # id(person) → (status, "name, job title, organisation")
        self.people: dict[int, tuple[object, str]] = {}
        # (id(person), role) → PARTICIPANT component
        self.participants: dict[tuple[int, str], str] = {}
        # id(person) → the lines of a PARTICIPANT that do not depend on the role
        self.participant_parts: dict[int, tuple[str, str, str]] = {}
        self.role_lines: dict[str, tuple[str, str]] = {}  # role → PARTICIPANT-TYPE, X-ROLE
        self.roles: dict[str, str] = {}  # role → "Role" as written in descriptions
        self.sources: dict[int, tuple[object, str]] = {}  # id(document) → (id, source line)
        self.lines: dict[tuple[str, str], str] = {}  # (name, text value) → escaped line

    # -- cached pieces

    def _person(self, person: Person) -> tuple[object, str]:
        info = self.people.get(id(person))
        if info is None:
            full_name, job_title, organisation, status = _fields(
                person, "full_name", "job_title", "organisation", "status"
            )
            bits = [full_name]
            if job_title:
                bits.append(job_title)
            if organisation is not None:
                org_name = _field(organisation, "name")
                if org_name:
                    bits.append(org_name)
            info = self.people[id(person)] = (status, ", ".join(bits))
        return info

    def _visible(self, participations: Iterable[Participation]) -> list[tuple[Person, str]]:
        """``(person, role)`` of the participations whose person is shown."""
        out = []
        for p in participations:
            person, role = _fields(p, "person", "role")
            if person is not None and (
                self.include_rejected or self._person(person)[0] != Status.REJECTED
            ):
                out.append((person, role))
        return out

    def _person_line(self, person: Person, role: str) -> str:
        label = self.roles.get(role)
        if label is None:
            label = self.roles[role] = role.capitalize()
        return f"{label}: {self._person(person)[1]}"

    def _sources(self, item: Event | Panel) -> list[str]:
        seen: dict[object, str] = {}
        for mention in _field(item, "mentions"):
            doc = _field(mention, "document")
            if doc is None:
                continue
            known = self.sources.get(id(doc))
            if known is None:
                doc_id, path, title = _fields(doc, "id", "path", "title")
                name = path.replace("\\", "/").rsplit("/", 1)[-1]
                known = self.sources[id(doc)] = (doc_id, f"{title} ({name})" if title else name)
            if known[0] not in seen:
                seen[known[0]] = known[1]
        return list(seen.values())

    def _line(self, name: str, value: str) -> str:
        """An escaped TEXT line for values that repeat across events (places, kinds)."""
        key = (name, value)
        text = self.lines.get(key)
        if text is None:
            text = self.lines[key] = line(name, escape_text(value))
        return text

    def _common(self, item: Event | Panel) -> str:
        created, updated, revision = _fields(item, "created_at", "updated_at", "revision")
        return (
            f"{self.stamp_line}CREATED:{_utc_stamp(created)}{CRLF}"
            f"LAST-MODIFIED:{_utc_stamp(updated)}{CRLF}"
            f"SEQUENCE:{max(int(revision or 0), 0)}{CRLF}"
        )

    def _participants(self, people: list[tuple[Person, str]]) -> str:
        """RFC 9073 §7.1 PARTICIPANT components, one per person and role."""
        out = []
        for person, role in people:
            role = (role or "speaker").lower()
            key = (id(person), role)
            text = self.participants.get(key)
            if text is None:
                text = self.participants[key] = self._participant(person, role)
            out.append(text)
        return "".join(out)

    def _participant(self, person: Person, role: str) -> str:
        parts = self.participant_parts.get(id(person))
        if parts is None:
            parts = self.participant_parts[id(person)] = self._participant_parts(person)
        roles = self.role_lines.get(role)
        if roles is None:
            roles = self.role_lines[role] = (
                line("PARTICIPANT-TYPE", PARTICIPANT_TYPES.get(role, "ACTIVE")),
                line(X_ROLE, escape_text(role), TEXT),
            )
        head, summary, tail = parts
        return f"{head}{roles[0]}{summary}{roles[1]}{tail}"

    def _participant_parts(self, person: Person) -> tuple[str, str, str]:
        """A PARTICIPANT's lines before PARTICIPANT-TYPE, SUMMARY, and those after X-ROLE."""
        full_name, job_title, organisation, contacts = _fields(
            person, "full_name", "job_title", "organisation", "contacts"
        )
        head = "BEGIN:PARTICIPANT" + CRLF + line("UID", escape_text(person_uid(person)))
        head += self.stamp_line
        tail = []
        org_name = _field(organisation, "name") if organisation is not None else None
        detail = ", ".join(b for b in (job_title, org_name) if b)
        if detail:
            tail.append(line("DESCRIPTION", escape_text(detail)))
        email = None
        for contact in contacts:
            kind, value = _fields(contact, "kind", "value")
            if kind == "email":
                email = value
                break
        if email and _EMAIL.match(email):
            tail.append(line("CALENDAR-ADDRESS", f"mailto:{email}"))
        tail.append("END:PARTICIPANT" + CRLF)
        return head, line("SUMMARY", escape_text(full_name)), "".join(tail)

    def _panels(self, event: Event) -> list[tuple[Panel, list[tuple[Person, str]]]]:
        """The event's panels shown, each with its people shown."""
        return [
            (p, self._visible(_field(p, "participations")))
            for p in _field(event, "panels")
            if self.include_rejected or _field(p, "status") != Status.REJECTED
        ]

    def _event_people(self, event: Event) -> list[tuple[Person, str]]:
        return self._visible(
            p for p in _field(event, "participations") if _field(p, "panel_id") is None
        )

    # -- descriptions

    def event_description(
        self,
        event: Event,
        panels: list[tuple[Panel, list[tuple[Person, str]]]] | None = None,
        people: list[tuple[Person, str]] | None = None,
    ) -> str:
        blocks: list[str] = []
        # Control characters go before stripping, so that none is left standing at either end.
        text = clean(_field(event, "description") or "").strip()
        if text:
            blocks.append(text)
        if panels is None:
            panels = self._panels(event)
        if panels:
            rows = ["Panels:"]
            for panel, panel_people in panels:
                rows.append(f"- {_panel_heading(panel)}")
                location = _field(panel, "location")
                if location:
                    rows.append(f"  Location: {location}")
                rows.extend(f"  {self._person_line(*person)}" for person in panel_people)
            blocks.append("\n".join(rows))
        if people is None:
            people = self._event_people(event)
        if people:
            blocks.append(
                "\n".join(["People:", *(self._person_line(*person) for person in people)])
            )
        sources = self._sources(event)
        if sources:
            blocks.append("\n".join(["Sources:", *sources]))
        return "\n\n".join(blocks)

    def panel_description(
        self, panel: Panel, event: Event, people: list[tuple[Person, str]] | None = None
    ) -> str:
        title = _field(event, "title")
        kind = _field(panel, "kind")
        rows = [f"Part of: {title}"]
        if kind:
            rows.append(f"Kind: {kind}")
        if people is None:
            people = self._visible(_field(panel, "participations"))
        rows.extend(self._person_line(*person) for person in people)
        sources = self._sources(panel)
        if sources:
            rows += ["", "Sources:", *sources]
        return "\n".join(rows)

    # -- components

    def event(self, event: Event) -> list[tuple[str, str]]:
        """``(uid, VEVENT text)`` for the event and then each of its panels."""
        title, status, location, description, kind, start_precision = _fields(
            event, "title", "status", "location", "description", "kind", "start_precision"
        )
        approximate = not is_day_precise(event)
        uid = event_uid(event)
        summary = title + (APPROXIMATE_SUFFIX if approximate else "")
        rows = [
            _BEGIN,
            line("UID", escape_text(uid)),
            self._common(event),
            _approximate_span(event) if approximate else _event_span(event),
            line("SUMMARY", escape_text(summary)),
            "STATUS:" + ("TENTATIVE" if approximate else STATUSES.get(status, "TENTATIVE")) + CRLF,
        ]
        if approximate:
            rows.append(line(X_PRECISION, escape_text(start_precision or "month"), TEXT))
        if location:
            rows.append(self._line("LOCATION", location))
        panels = self._panels(event)
        people = self._event_people(event)
        text = self.event_description(event, panels, people)
        if text:
            stored = clean(description or "").strip()
            if not stored:
                rows.append(line("DESCRIPTION", escape_text(text), GENERATED))
            else:
                rows.append(line("DESCRIPTION", escape_text(text)))
                if text != stored:
                    # The stored text alone, so that importing this file back changes nothing.
                    rows.append(line(X_DESCRIPTION, escape_text(stored), TEXT))
        if category(kind):
            rows.append(self._line("CATEGORIES", category(kind)))
        if self.alarm_days is not None:
            rows.append(_alarm(summary, self.alarm_days))
        rows.append(self._participants(people))
        rows.append(_END)
        out = [(uid, "".join(rows))]
        if approximate:
            return out
        for panel, panel_people in panels:
            out.append(self.panel(panel, panel_people, event, uid, location))
        return out

    def panel(
        self,
        panel: Panel,
        people: list[tuple[Person, str]],
        event: Event,
        parent: str,
        event_location: str | None,
    ) -> tuple[str, str]:
        """``(uid, VEVENT text)`` of a panel, related to its event's VEVENT."""
        title, kind, status, location, date, precision = _fields(
            panel, "title", "kind", "status", "location", "date", "date_precision"
        )
        uid = panel_uid(panel)
        rows = [
            _BEGIN,
            line("UID", escape_text(uid)),
            self._common(panel),
            _panel_span(panel, event),
            line("SUMMARY", escape_text(title or kind or "Panel")),
            f"STATUS:{STATUSES.get(status, 'TENTATIVE')}{CRLF}",
            line("RELATED-TO", escape_text(parent), ";RELTYPE=PARENT"),
        ]
        if not (date is not None and (precision or "day") == "day"):
            rows.append(_INHERITED)
        location = location or event_location
        if location:
            rows.append(self._line("LOCATION", location))
        rows.append(
            line(
                "DESCRIPTION", escape_text(self.panel_description(panel, event, people)), GENERATED
            )
        )
        if category(kind):
            rows.append(self._line("CATEGORIES", category(kind)))
        rows.append(self._participants(people))
        rows.append(_END)
        return uid, "".join(rows)


def _header(name: str) -> str:
    return (
        "BEGIN:VCALENDAR" + CRLF
        + line("VERSION", "2.0")
        + line("PRODID", escape_text(PRODID))
        + line("CALSCALE", "GREGORIAN")
        + line("METHOD", "PUBLISH")
        + line("NAME", escape_text(name))
        + line("X-WR-CALNAME", escape_text(name))
    )  # fmt: skip


_FOOTER = "END:VCALENDAR" + CRLF


def _zones(events: list[Event]) -> dict[str, tuple[int, int]]:
    """Zones used by timed entries, with the years they must cover."""
    zones: dict[str, tuple[int, int]] = {}
    for event in events:
        timezone, start_date, end_date, start_time = _fields(
            event, "timezone", "start_date", "end_date", "start_time"
        )
        zone = _zone(timezone)
        if zone is None or zone == "UTC" or not is_day_precise(event):
            continue
        if start_time is None and not any(_field(p, "start_time") for p in _field(event, "panels")):
            continue
        first = start_date.year
        last = (end_date or start_date).year
        old = zones.get(zone, (first, last))
        zones[zone] = (min(old[0], first), max(old[1], last))
    return zones


def _vtimezones(zones: dict[str, tuple[int, int]]) -> dict[str, str]:
    # The default 1970-2038 range is reused (and cached) unless events fall outside it.
    return {
        zone: vtimezone(zone, min(1970, first), max(2038, last + 1))
        for zone, (first, last) in sorted(zones.items())
    }


def _writer(include_rejected: bool, alarm_days: int | None, now: dt.datetime | None) -> _Writer:
    if alarm_days is not None and alarm_days < 0:
        raise ValueError("alarm_days must be 0 or more")
    stamp = _utc_stamp(now or dt.datetime.now(dt.UTC))
    return _Writer(include_rejected=include_rejected, alarm_days=alarm_days, stamp=stamp)


def _prepare(
    events: Iterable[Event],
    include_approximate: bool,
    include_rejected: bool,
    alarm_days: int | None,
    now: dt.datetime | None,
) -> tuple[list[Event], _Writer]:
    """The events to write and the writer for them, shared by both output forms."""
    chosen = select_events(
        events, include_approximate=include_approximate, include_rejected=include_rejected
    )
    return chosen, _writer(include_rejected, alarm_days, now)


def iter_ics(
    events: Iterable[Event],
    *,
    include_approximate: bool = False,
    include_rejected: bool = False,
    alarm_days: int | None = None,
    name: str = DEFAULT_NAME,
    now: dt.datetime | None = None,
) -> Iterator[str]:
    """Yield one VCALENDAR (RFC 5545 §3.4) in chunks: header, VTIMEZONEs, one chunk per event
    (the event's VEVENT followed by its panels' VEVENTs), footer."""
    chosen, writer = _prepare(events, include_approximate, include_rejected, alarm_days, now)
    yield _header(name) + "".join(_vtimezones(_zones(chosen)).values())
    for event in chosen:
        yield "".join([text for _, text in writer.event(event)])
    yield _FOOTER


def render_ics(events: Iterable[Event], **options: object) -> str:
    """The whole calendar as one string; options as for :func:`iter_ics`."""
    return "".join(iter_ics(events, **options))  # type: ignore[arg-type]


def ics_objects(
    events: Iterable[Event],
    *,
    include_approximate: bool = False,
    include_rejected: bool = False,
    alarm_days: int | None = None,
    name: str = DEFAULT_NAME,
    now: dt.datetime | None = None,
) -> dict[str, str]:
    """One VCALENDAR per UID (an event, or one panel), as a CalDAV server stores them
    (RFC 4791 §4.1: one UID per calendar object resource)."""
    chosen, writer = _prepare(events, include_approximate, include_rejected, alarm_days, now)
    zones = _vtimezones(_zones(chosen))
    header = _header(name)
    objects: dict[str, str] = {}
    for event in chosen:
        zone = _zone(_field(event, "timezone"))
        tz_text = zones.get(zone, "") if zone else ""
        for uid, text in writer.event(event):
            objects[uid] = header + (tz_text if f";TZID={zone}:" in text else "") + text
            objects[uid] += _FOOTER
    return objects
