"""iCalendar files (RFC 5545) from other programs, or our own exports, as records.

Each top-level VEVENT becomes an :class:`EventRecord`; a VEVENT whose RELATED-TO (RELTYPE
PARENT, the default, RFC 5545 §3.2.15) names another VEVENT of the same file becomes a
:class:`PanelRecord` of that event. RFC 9073 PARTICIPANTs, ATTENDEEs and the ORGANIZER become
:class:`Participant` values. UIDs come as written (trimmed): the store knows our own forms
(``<uuid>@forumdesk``, ``urn:uuid:<uuid>``) and keeps other programs' UIDs to write them back.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from pathlib import Path

from icalendar import Calendar, Component, vUnknown
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from importers.contentlines import MAX_BYTES, read_content_text
from importers.errors import ReadError
from importers.records import (
    DocumentText,
    EventRecord,
    Extraction,
    PanelRecord,
    PartialDate,
    Participant,
    PersonRecord,
)

APPROXIMATE_SUFFIX = " (date approximate)"
X_PRECISION = "X-FORUMDESK-PRECISION"
X_ROLE = "X-FORUMDESK-ROLE"
X_DESCRIPTION = "X-FORUMDESK-DESCRIPTION"
X_PANEL_DATE = "X-FORUMDESK-PANEL-DATE"
X_GENERATED = "X-FORUMDESK-GENERATED"  # our exports' mark on a DESCRIPTION they made up
_DAY = dt.timedelta(days=1)
_UNESCAPE = re.compile(r"\\(.)")
# RFC 9073 §6.2 PARTICIPANT-TYPE → our roles (X-FORUMDESK-ROLE wins when present).
_PARTICIPANT_ROLES = {
    "SPEAKER": "speaker",
    "PERFORMER": "speaker",
    "ACTIVE": "speaker",
    "CONTACT": "contact",
    "PUBLICITY-CONTACT": "contact",
    "BOOKING-CONTACT": "contact",
    "EMERGENCY-CONTACT": "contact",
    "PLANNER-CONTACT": "organiser",
    "SPONSOR": "organiser",
}


def read_uid(uid: str | None) -> str | None:
    """A UID as written, trimmed; None when there is none."""
    if uid is None:
        return None
    return str(uid).strip() or None


def read_text(path: Path, kind: str, begin: str, end: str) -> str:
    """Read a text calendar/address book file, rejecting empty, binary, oversized (before
    reading them) and truncated files."""
    text = read_content_text(path, kind, MAX_BYTES)
    upper = text.upper()
    if begin not in upper:
        raise ReadError(str(path), f"not {kind} (no {begin})")
    if end not in upper[upper.rfind(begin) :]:
        raise ReadError(str(path), f"truncated file (no {end} after the last {begin})")
    return text


def _text(component: Component, name: str) -> str | None:
    value = component.get(name)
    if value is None:
        return None
    if isinstance(value, list):
        value = value[0]
    text = str(value)
    if isinstance(value, vUnknown):  # X- properties without VALUE=TEXT come back escaped
        text = _UNESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)
    text = text.replace("\r\n", "\n").strip()
    return text or None


def _categories(component: Component) -> list[str]:
    value = component.get("CATEGORIES")
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        cats = getattr(item, "cats", None)
        out.extend(str(c).strip() for c in (cats if cats is not None else [item]))
    return [c for c in out if c]


def _zone_name(value: dt.datetime, prop: object) -> str | None:
    tz = value.tzinfo
    if tz is None:
        return None
    if isinstance(tz, zoneinfo.ZoneInfo):
        return tz.key
    if value.utcoffset() == dt.timedelta(0) and str(tz) in ("UTC", "UTC+00:00"):
        return "UTC"
    tzid = getattr(prop, "params", {}).get("TZID") or str(tz)
    tzid = WINDOWS_TO_OLSON.get(tzid, tzid)  # Outlook names its zones the Windows way
    try:
        return zoneinfo.ZoneInfo(tzid).key
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None  # an unknown custom zone: keep the local time, floating


def _decoded(component: Component, name: str) -> dt.date | dt.datetime | None:
    prop = component.get(name)
    if prop is None:
        return None
    try:
        value = prop.dt
    except Exception:  # icalendar keeps unparsable values as "broken" properties
        return None
    return value if isinstance(value, dt.date) else None


def _shifted(value: dt.date, delta: dt.timedelta) -> dt.date | None:
    """``value + delta``, or None beyond the years 1 to 9999 that a date can hold."""
    try:
        return value + delta
    except OverflowError:
        return None


def _is_last_day(value: dt.date | None) -> bool:
    """``value`` is 31 December 9999 or its midnight."""
    if isinstance(value, dt.datetime):
        return value.date() == dt.date.max and value.time() == dt.time(0)
    return value == dt.date.max


class _When:
    """DTSTART/DTEND (or DURATION) as our dates, times and zone."""

    def __init__(self, component: Component) -> None:
        start = _decoded(component, "DTSTART")
        end = _decoded(component, "DTEND")
        # A span up to the midnight after 31 December 9999, which no date holds (our exports
        # write it with a DURATION): its last day is 31 December 9999.
        to_the_last_day = False
        if end is None and start is not None and component.get("DURATION") is not None:
            duration = getattr(component.get("DURATION"), "dt", None)
            if isinstance(duration, dt.timedelta):
                end = _shifted(start, duration)
                if end is None:
                    to_the_last_day = _is_last_day(_shifted(start, duration - _DAY))
        self.start_day: dt.date | None = None
        self.end_day: dt.date | None = None
        self.start_time: dt.time | None = None
        self.end_time: dt.time | None = None
        self.zone: str | None = None
        if start is None:
            return
        if not isinstance(start, dt.datetime):
            self.start_day = start
            last = dt.date.max if to_the_last_day else start
            if end is not None:  # all-day DTEND is exclusive (RFC 5545 §3.6.1)
                end_day = end.date() if isinstance(end, dt.datetime) else end
                last = max(start, _shifted(end_day, dt.timedelta(days=-1)) or start)
            self.end_day = last
            return
        self.zone = _zone_name(start, component.get("DTSTART"))
        self.start_day = start.date()
        self.start_time = start.time().replace(tzinfo=None)
        self.end_day = dt.date.max if to_the_last_day else self.start_day
        if isinstance(end, dt.datetime) and end > start:
            if end.tzinfo is not None and start.tzinfo is not None:
                end = end.astimezone(start.tzinfo)
            if end.time() == dt.time(0) and end.date() > start.date():
                self.end_day = end.date() - dt.timedelta(days=1)  # open-ended last day
            else:
                self.end_day = end.date()
                self.end_time = end.time().replace(tzinfo=None)


def _participants(component: Component) -> tuple[list[Participant], list[PersonRecord]]:
    people: list[Participant] = []
    records: list[PersonRecord] = []
    for sub in component.subcomponents:
        if sub.name != "PARTICIPANT":
            continue
        address = _mailto(sub.get("CALENDAR-ADDRESS"))
        name = _text(sub, "SUMMARY") or address
        if not name:
            continue
        role = (_text(sub, X_ROLE) or "").lower() or _PARTICIPANT_ROLES.get(
            (_text(sub, "PARTICIPANT-TYPE") or "").upper(), "speaker"
        )
        people.append(Participant(name, role))
        uid = read_uid(_text(sub, "UID"))
        if address or uid:
            emails = (address,) if address else ()
            records.append(PersonRecord(name=name, emails=emails, uid=uid))
    for prop_name, default_role in (("ORGANIZER", "organiser"), ("ATTENDEE", "speaker")):
        values = component.get(prop_name)
        if values is None:
            continue
        for value in values if isinstance(values, list) else [values]:
            params = getattr(value, "params", {})
            address = _mailto(value)
            name = (params.get("CN") or "").strip() or address
            if not name:
                continue
            role = "chair" if str(params.get("ROLE", "")).upper() == "CHAIR" else default_role
            people.append(Participant(name, role))
            if address:
                records.append(PersonRecord(name=name, emails=(address,)))
    return people, records


def _mailto(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    return text.lower() if "@" in text and " " not in text else None


def _partial(day: dt.date | None) -> PartialDate | None:
    return PartialDate.from_date(day) if day is not None else None


def _approximate(component: Component, summary: str, when: _When) -> tuple[str, str | None]:
    """Title without our suffix, and ``"month"``/``"year"`` for approximate entries."""
    precision = (_text(component, X_PRECISION) or "").lower() or None
    if summary.endswith(APPROXIMATE_SUFFIX):
        summary = summary[: -len(APPROXIMATE_SUFFIX)].rstrip()
        if precision is None and when.start_day is not None:
            whole_year = (when.start_day.month, when.start_day.day) == (1, 1) and (
                when.end_day is not None and (when.end_day.month, when.end_day.day) == (12, 31)
            )
            precision = "year" if whole_year else "month"
    if precision not in ("month", "year") or when.start_day is None or when.start_time:
        precision = None
    return summary, precision


def _sequence(component: Component) -> int | None:
    try:
        return int(component["SEQUENCE"]) if "SEQUENCE" in component else None
    except (TypeError, ValueError):
        return None


def _description(component: Component) -> str | None:
    """DESCRIPTION, or the stored text alone when our export added panels and people to it
    (none when our export made it all up)."""
    if component.get(X_DESCRIPTION) is not None:
        return _text(component, X_DESCRIPTION)
    value = component.get("DESCRIPTION")
    params = getattr(value, "params", {})
    if str(params.get(X_GENERATED, "")).upper() == "TRUE":
        return None
    return _text(component, "DESCRIPTION")


def _event_record(component: Component, panels: tuple[PanelRecord, ...]) -> EventRecord:
    when = _When(component)
    summary = _text(component, "SUMMARY") or "(untitled)"
    title, precision = _approximate(component, summary, when)
    start, end = _partial(when.start_day), _partial(when.end_day)
    if precision == "month" and start and end:
        start, end = PartialDate(start.year, start.month), PartialDate(end.year, end.month)
    elif precision == "year" and start and end:
        start, end = PartialDate(start.year), PartialDate(end.year)
    categories = _categories(component)
    people, _ = _participants(component)
    return EventRecord(
        title=title,
        kind=categories[0].lower() if categories else "event",
        start=start,
        end=end,
        start_time=when.start_time,
        end_time=when.end_time,
        timezone=when.zone,
        location=_text(component, "LOCATION"),
        description=_description(component),
        panels=panels,
        people=tuple(people),
        uid=read_uid(_text(component, "UID")),
        sequence=_sequence(component),
    )


def _panel_record(component: Component, parent: Component) -> PanelRecord:
    when = _When(component)
    categories = _categories(component)
    kind = categories[0].lower() if categories else "session"
    summary = _text(component, "SUMMARY")
    # Our exports mark panels that took their event's dates because they had none.
    own_date = (_text(component, X_PANEL_DATE) or "").upper() != "INHERITED"
    location = _text(component, "LOCATION")
    if location is not None and location == _text(parent, "LOCATION"):
        location = None
    people, _ = _participants(component)
    return PanelRecord(
        title=None if summary is None or summary == kind or summary == "Panel" else summary,
        kind=kind,
        date=_partial(when.start_day) if own_date else None,
        start_time=when.start_time,
        end_time=when.end_time,
        location=location,
        people=tuple(people),
        uid=read_uid(_text(component, "UID")),
        sequence=_sequence(component),
    )


def _parse(path: Path, text: str) -> list[Calendar]:
    try:
        calendars = Calendar.from_ical(text, multiple=True)
    except Exception as exc:  # icalendar raises ValueError, KeyError, IndexError, ...
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ReadError(str(path), f"broken calendar: {reason[:200]}") from exc
    calendars = [c for c in calendars if c.name == "VCALENDAR"]
    if not calendars:
        raise ReadError(str(path), "not an iCalendar file (no VCALENDAR)")
    return calendars


def read_ics(path: str | Path) -> Extraction:
    """Read an .ics file into events with panels and people.

    Raises :class:`~importers.errors.ReadError` for empty, binary, truncated or broken files and
    for calendars without any VEVENT.
    """
    path = Path(path)
    text = read_text(path, "an iCalendar file", "BEGIN:VCALENDAR", "END:VCALENDAR")
    calendars = _parse(path, text)
    vevents = [c for cal in calendars for c in cal.walk("VEVENT")]
    if not vevents:
        raise ReadError(str(path), "no events (VEVENT) in the calendar")
    by_uid = {str(c.get("UID")): c for c in vevents if c.get("UID") is not None}
    children: dict[str, list[Component]] = {}
    tops: list[Component] = []
    warnings: list[str] = []
    for component in vevents:
        parent_uid = _parent(component, by_uid)
        if parent_uid is None:
            tops.append(component)
        else:
            children.setdefault(parent_uid, []).append(component)
    events = []
    people: dict[tuple[str, str | None], PersonRecord] = {}
    consumed: set[int] = set()
    for component in tops:
        uid = str(component.get("UID")) if component.get("UID") is not None else None
        consumed.add(id(component))
        consumed.update(id(p) for p in (_descendants(uid, children) if uid else []))
    # VEVENTs whose RELATED-TO chain loops without reaching a top-level one stay events.
    tops += [c for c in vevents if id(c) not in consumed]
    for component in tops:
        if component.get("RECURRENCE-ID") is not None:
            warnings.append(f"skipped a changed occurrence of {component.get('UID')}")
            continue
        uid = str(component.get("UID")) if component.get("UID") is not None else None
        panel_components = _descendants(uid, children) if uid else []
        try:
            panels = tuple(_panel_record(p, component) for p in panel_components)
            record = _event_record(component, panels)
        except (ValueError, TypeError, OverflowError) as exc:
            # One event icalendar parsed but whose values make no sense costs only itself.
            name = _text(component, "SUMMARY") or uid or "(untitled)"
            warnings.append(f"skipped an event that cannot be read ({exc}): {name}")
            continue
        if record.start is None:
            warnings.append(f"event without a usable start date: {record.title}")
        events.append(record)
        for item in [component, *panel_components]:
            for person in _participants(item)[1]:
                people.setdefault((person.name, person.uid or person.emails[0]), person)
    title = None
    for cal in calendars:
        title = _text(cal, "NAME") or _text(cal, "X-WR-CALNAME")
        if title:
            break
    document = DocumentText(path=str(path), format="ics", text=text, title=title)
    return Extraction(
        document=document,
        events=tuple(events),
        people=tuple(people.values()),
        warnings=tuple(warnings),
    )


def _parent(component: Component, by_uid: dict[str, Component]) -> str | None:
    related = component.get("RELATED-TO")
    if related is None:
        return None
    own = str(component.get("UID"))
    for value in related if isinstance(related, list) else [related]:
        reltype = str(getattr(value, "params", {}).get("RELTYPE", "PARENT")).upper()
        target = str(value).strip()
        if reltype == "PARENT" and target in by_uid and target != own:
            return target
    return None


def _descendants(uid: str, children: dict[str, list[Component]]) -> list[Component]:
    """Children and grandchildren (flattened: a sub-panel is a panel of the event)."""
    out: list[Component] = []
    seen = {uid}
    queue = list(children.get(uid, []))
    while queue:
        component = queue.pop(0)
        child_uid = str(component.get("UID"))
        if child_uid in seen:
            continue
        seen.add(child_uid)
        out.append(component)
        queue.extend(children.get(child_uid, []))
    return out
