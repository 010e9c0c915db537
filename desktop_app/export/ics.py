"""Events, their panels and people as an iCalendar stream (RFC 5545, RFC 7986, RFC 9073).

Takes :class:`db.models.Event` objects with panels, participations → person → contacts and
mentions → document loaded. Each event is one VEVENT; each panel its own VEVENT related to
the event (RFC 5545 §3.8.4.5 RELATED-TO;RELTYPE=PARENT) with its people as RFC 9073
PARTICIPANT components, and everything also spelled out in DESCRIPTION for clients that
ignore PARTICIPANT.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zoneinfo
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from icalendar import Timezone

from db.models import Event, Panel, Participation, Person, Status
from desktop_app import __version__
from desktop_app.export.contentline import CRLF, escape_text, line, text_list

UID_DOMAIN = "forumdesk"
PRODID = f"-//Forum Desk//Forum Desk {__version__}//EN"
DEFAULT_NAME = "Forum Desk"
APPROXIMATE_SUFFIX = " (date approximate)"
X_PRECISION = "X-FORUMDESK-PRECISION"
X_ROLE = "X-FORUMDESK-ROLE"
X_DESCRIPTION = "X-FORUMDESK-DESCRIPTION"
TEXT = ";VALUE=TEXT"  # so that readers unescape our X- properties (RFC 5545 §3.8.8.2)
X_PANEL_DATE = "X-FORUMDESK-PANEL-DATE"

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


def event_uid(event: Event) -> str:
    """The VEVENT UID of an event, stable across exports (RFC 5545 §3.8.4.7)."""
    return f"{event.uuid}@{UID_DOMAIN}"


def panel_uid(panel: Panel) -> str:
    return f"{panel.uuid}@{UID_DOMAIN}"


def person_uid(person: Person) -> str:
    return f"urn:uuid:{person.uuid}"


def is_day_precise(event: Event) -> bool:
    return event.start_date is not None and (event.start_precision or "day") == "day"


def is_approximate(event: Event) -> bool:
    return event.start_date is not None and event.start_precision in ("month", "year")


def select_events(
    events: Iterable[Event], *, include_approximate: bool = False, include_rejected: bool = False
) -> list[Event]:
    """The events that go into an export: dated ones, month/year-only ones on request."""
    chosen = []
    for event in events:
        if event.status == Status.REJECTED and not include_rejected:
            continue
        if is_day_precise(event) or (include_approximate and is_approximate(event)):
            chosen.append(event)
    return chosen


# --- values ---------------------------------------------------------------------------------


def _utc_stamp(value: dt.datetime | None) -> str:
    if value is None:
        value = dt.datetime.now(dt.UTC)
    if value.tzinfo is None:  # SQLite hands stored UTC times back naive
        value = value.replace(tzinfo=dt.UTC)
    v = value.astimezone(dt.UTC)
    return f"{v.year:04d}{v.month:02d}{v.day:02d}T{v.hour:02d}{v.minute:02d}{v.second:02d}Z"


def _date(value: dt.date) -> str:
    return f"{value.year:04d}{value.month:02d}{value.day:02d}"


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
    component = Timezone.from_tzid(
        tzid, first_date=dt.date(first_year, 1, 1), last_date=dt.date(last_year, 1, 1)
    )
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


@dataclass(frozen=True)
class _Span:
    """When a VEVENT happens, as DTSTART/DTEND lines."""

    start: dt.date
    end: dt.date | None = None  # all-day: exclusive; timed: the day of DTEND
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    zone: str | None = None

    def lines(self) -> str:
        if self.start_time is None:
            end = self.end if self.end and self.end > self.start else self.start + _DAY
            return line("DTSTART", _date(self.start), ";VALUE=DATE") + line(
                "DTEND", _date(end), ";VALUE=DATE"
            )
        text = self._timed("DTSTART", self.start, self.start_time)
        if self.end is not None and self.end_time is not None:
            if (self.end, self.end_time) > (self.start, self.start_time):
                text += self._timed("DTEND", self.end, self.end_time)
        return text

    def _timed(self, name: str, day: dt.date, time: dt.time) -> str:
        if self.zone == "UTC":
            return line(name, _datetime(day, time) + "Z")
        if self.zone:
            return line(name, _datetime(day, time), f";TZID={self.zone}")
        return line(name, _datetime(day, time))  # floating (RFC 5545 §3.3.5, form #1)


def _event_span(event: Event) -> _Span:
    start = event.start_date
    assert start is not None
    end = event.end_date if event.end_date and event.end_date >= start else start
    if event.start_time is None:
        return _Span(start, end + _DAY)
    zone = _zone(event.timezone)
    if event.end_time is not None:
        return _Span(start, end, event.start_time, event.end_time, zone)
    if end > start:  # timed start over several days, end hour unknown: up to midnight
        return _Span(start, end + _DAY, event.start_time, dt.time(0), zone)
    return _Span(start, None, event.start_time, None, zone)


def _approximate_span(event: Event) -> _Span:
    start = event.start_date
    assert start is not None
    if event.start_precision == "year":
        first = dt.date(start.year, 1, 1)
        last_year = event.end_date.year if event.end_date else start.year
        return _Span(first, dt.date(max(last_year, start.year) + 1, 1, 1))
    first = dt.date(start.year, start.month, 1)
    last = event.end_date if event.end_date and event.end_date >= first else first
    nxt = dt.date(last.year + (last.month == 12), last.month % 12 + 1, 1)
    if event.end_precision == "day" and event.end_date and event.end_date >= first:
        nxt = event.end_date + _DAY
    return _Span(first, nxt)


def _panel_span(panel: Panel, event: Event) -> _Span:
    zone = _zone(event.timezone)
    if _has_own_date(panel):
        day = panel.date
    else:
        single = event.end_date is None or event.end_date <= event.start_date
        if panel.start_time is None or not single:
            last = max(event.end_date or event.start_date, event.start_date)
            return _Span(event.start_date, last + _DAY)
        day = event.start_date
    assert day is not None
    if panel.start_time is None:
        return _Span(day, day + _DAY)
    return _Span(day, day, panel.start_time, panel.end_time, zone)


# --- descriptions ---------------------------------------------------------------------------


def _visible(participations: Iterable[Participation], include_rejected: bool) -> list:
    return [
        p
        for p in participations
        if p.person is not None and (include_rejected or p.person.status != Status.REJECTED)
    ]


def _person_line(p: Participation) -> str:
    person = p.person
    bits = [person.full_name]
    if person.job_title:
        bits.append(person.job_title)
    if person.organisation is not None and person.organisation.name:
        bits.append(person.organisation.name)
    return f"{p.role.capitalize()}: {', '.join(bits)}"


def _hhmm(value: dt.time | None) -> str:
    return f"{value.hour:02d}:{value.minute:02d}" if value else ""


def _panel_heading(panel: Panel) -> str:
    when = []
    if panel.date is not None:
        when.append(panel.date.isoformat())
    if panel.start_time is not None:
        times = _hhmm(panel.start_time)
        if panel.end_time is not None:
            times += f"–{_hhmm(panel.end_time)}"
        when.append(times)
    name = panel.title or ""
    if panel.kind and panel.kind.casefold() not in name.casefold():
        name = f"{panel.kind.capitalize()}: {name}" if name else panel.kind.capitalize()
    head = f"{' '.join(when)} — {name}" if when else name
    return head or "Panel"


def _sources(item: Event | Panel) -> list[str]:
    seen: dict[int, str] = {}
    for mention in item.mentions:
        doc = mention.document
        if doc is None or doc.id in seen:
            continue
        name = doc.path.replace("\\", "/").rsplit("/", 1)[-1]
        seen[doc.id] = f"{doc.title} ({name})" if doc.title else name
    return list(seen.values())


def event_description(event: Event, *, include_rejected: bool = False) -> str:
    """Plain-text DESCRIPTION: the event's text, panels with people and roles, sources."""
    blocks: list[str] = []
    if event.description:
        blocks.append(event.description.strip())
    panels = _panels(event, include_rejected)
    if panels:
        rows = ["Panels:"]
        for panel in panels:
            rows.append(f"- {_panel_heading(panel)}")
            if panel.location:
                rows.append(f"  Location: {panel.location}")
            rows.extend(
                f"  {_person_line(p)}" for p in _visible(panel.participations, include_rejected)
            )
        blocks.append("\n".join(rows))
    people = _visible(_event_people(event), include_rejected)
    if people:
        blocks.append("\n".join(["People:", *(_person_line(p) for p in people)]))
    sources = _sources(event)
    if sources:
        blocks.append("\n".join(["Sources:", *sources]))
    return "\n\n".join(blocks)


def panel_description(panel: Panel, event: Event, *, include_rejected: bool = False) -> str:
    rows = [f"Part of: {event.title}"]
    if panel.kind:
        rows.append(f"Kind: {panel.kind}")
    rows.extend(_person_line(p) for p in _visible(panel.participations, include_rejected))
    sources = _sources(panel)
    if sources:
        rows += ["", "Sources:", *sources]
    return "\n".join(rows)


def _panels(event: Event, include_rejected: bool) -> list[Panel]:
    return [p for p in event.panels if include_rejected or p.status != Status.REJECTED]


def _event_people(event: Event) -> list[Participation]:
    return [p for p in event.participations if p.panel_id is None]


# --- components -----------------------------------------------------------------------------


def _participants(participations: list[Participation], opts: _Options) -> str:
    """RFC 9073 §7.1 PARTICIPANT components, one per person and role."""
    out = []
    for p in participations:
        role = (p.role or "speaker").lower()
        key = (id(p.person), role)  # the objects live as long as the export
        text = opts.cache.get(key)
        if text is None:
            text = opts.cache[key] = _participant(p.person, role, opts.stamp)
        out.append(text)
    return "".join(out)


def _participant(person: Person, role: str, stamp: str) -> str:
    rows = [
        "BEGIN:PARTICIPANT" + CRLF,
        line("UID", escape_text(person_uid(person))),
        line("DTSTAMP", stamp),
        line("PARTICIPANT-TYPE", PARTICIPANT_TYPES.get(role, "ACTIVE")),
        line("SUMMARY", escape_text(person.full_name)),
        line(X_ROLE, escape_text(role), TEXT),
    ]
    detail = ", ".join(
        b
        for b in (
            person.job_title,
            person.organisation.name if person.organisation is not None else None,
        )
        if b
    )
    if detail:
        rows.append(line("DESCRIPTION", escape_text(detail)))
    email = next((c.value for c in person.contacts if c.kind == "email"), None)
    if email and _EMAIL.match(email):
        rows.append(line("CALENDAR-ADDRESS", f"mailto:{email}"))
    rows.append("END:PARTICIPANT" + CRLF)
    return "".join(rows)


@dataclass(frozen=True)
class _Options:
    include_approximate: bool
    include_rejected: bool
    alarm_days: int | None
    stamp: str
    # PARTICIPANT text by (person, role): people recur across panels of a large export.
    cache: dict[tuple[int, str], str] = field(default_factory=dict, compare=False)


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


def _common(item: Event | Panel, opts: _Options) -> str:
    return (
        line("DTSTAMP", opts.stamp)
        + line("CREATED", _utc_stamp(item.created_at))
        + line("LAST-MODIFIED", _utc_stamp(item.updated_at))
        + line("SEQUENCE", str(max(int(item.revision or 0), 0)))
    )


def _event_component(event: Event, opts: _Options) -> list[tuple[str, str]]:
    """``(uid, VEVENT text)`` for the event and then each of its panels."""
    approximate = not is_day_precise(event)
    uid = event_uid(event)
    summary = event.title + (APPROXIMATE_SUFFIX if approximate else "")
    span = _approximate_span(event) if approximate else _event_span(event)
    rows = [
        "BEGIN:VEVENT" + CRLF,
        line("UID", escape_text(uid)),
        _common(event, opts),
        span.lines(),
        line("SUMMARY", escape_text(summary)),
        line("STATUS", "TENTATIVE" if approximate else STATUSES.get(event.status, "TENTATIVE")),
    ]
    if approximate:
        rows.append(line(X_PRECISION, escape_text(event.start_precision or "month"), TEXT))
    if event.location:
        rows.append(line("LOCATION", escape_text(event.location)))
    description = event_description(event, include_rejected=opts.include_rejected)
    if description:
        rows.append(line("DESCRIPTION", escape_text(description)))
        if description != (event.description or "").strip():
            # The stored text alone, so that importing this file back changes nothing.
            rows.append(line(X_DESCRIPTION, escape_text((event.description or "").strip()), TEXT))
    if event.kind:
        rows.append(line("CATEGORIES", text_list([event.kind])))
    if opts.alarm_days is not None:
        rows.append(_alarm(summary, opts.alarm_days))
    rows.append(_participants(_visible(_event_people(event), opts.include_rejected), opts))
    rows.append("END:VEVENT" + CRLF)
    out = [(uid, "".join(rows))]
    if approximate:
        return out
    for panel in _panels(event, opts.include_rejected):
        out.append((panel_uid(panel), _panel_component(panel, event, uid, opts)))
    return out


def _has_own_date(panel: Panel) -> bool:
    return panel.date is not None and (panel.date_precision or "day") == "day"


def _panel_component(panel: Panel, event: Event, parent: str, opts: _Options) -> str:
    rows = [
        "BEGIN:VEVENT" + CRLF,
        line("UID", escape_text(panel_uid(panel))),
        _common(panel, opts),
        _panel_span(panel, event).lines(),
        line("SUMMARY", escape_text(panel.title or panel.kind or "Panel")),
        line("STATUS", STATUSES.get(panel.status, "TENTATIVE")),
        line("RELATED-TO", escape_text(parent), ";RELTYPE=PARENT"),
    ]
    if not _has_own_date(panel):
        rows.append(line(X_PANEL_DATE, "INHERITED", TEXT))
    location = panel.location or event.location
    if location:
        rows.append(line("LOCATION", escape_text(location)))
    rows.append(
        line(
            "DESCRIPTION",
            escape_text(panel_description(panel, event, include_rejected=opts.include_rejected)),
        )
    )
    if panel.kind:
        rows.append(line("CATEGORIES", text_list([panel.kind])))
    rows.append(_participants(_visible(panel.participations, opts.include_rejected), opts))
    rows.append("END:VEVENT" + CRLF)
    return "".join(rows)


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
        zone = _zone(event.timezone)
        if zone is None or zone == "UTC" or not is_day_precise(event):
            continue
        if event.start_time is None and not any(p.start_time for p in event.panels):
            continue
        first = event.start_date.year
        last = (event.end_date or event.start_date).year
        old = zones.get(zone, (first, last))
        zones[zone] = (min(old[0], first), max(old[1], last))
    return zones


def _vtimezones(zones: dict[str, tuple[int, int]]) -> dict[str, str]:
    # The default 1970-2038 range is reused (and cached) unless events fall outside it.
    return {
        zone: vtimezone(zone, min(1970, first), max(2038, last + 1))
        for zone, (first, last) in sorted(zones.items())
    }


def _options(
    include_approximate: bool, include_rejected: bool, alarm_days: int | None, now: dt.datetime
) -> _Options:
    if alarm_days is not None and alarm_days < 0:
        raise ValueError("alarm_days must be 0 or more")
    return _Options(include_approximate, include_rejected, alarm_days, _utc_stamp(now))


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
    chosen = select_events(
        events, include_approximate=include_approximate, include_rejected=include_rejected
    )
    opts = _options(
        include_approximate, include_rejected, alarm_days, now or dt.datetime.now(dt.UTC)
    )
    yield _header(name) + "".join(_vtimezones(_zones(chosen)).values())
    for event in chosen:
        yield "".join(text for _, text in _event_component(event, opts))
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
    chosen = select_events(
        events, include_approximate=include_approximate, include_rejected=include_rejected
    )
    opts = _options(
        include_approximate, include_rejected, alarm_days, now or dt.datetime.now(dt.UTC)
    )
    zones = _vtimezones(_zones(chosen))
    objects: dict[str, str] = {}
    for event in chosen:
        zone = _zone(event.timezone)
        tz_text = zones.get(zone, "") if zone else ""
        for uid, text in _event_component(event, opts):
            objects[uid] = _header(name) + (tz_text if f";TZID={zone}:" in text else "") + text
            objects[uid] += _FOOTER
    return objects
