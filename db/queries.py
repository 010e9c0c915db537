"""Read-only queries for the views, the exports and the command line.

Every function takes an open Session and returns ORM objects with what its callers use eagerly
loaded, so that they stay usable after the session is closed; the calendar's queries
(:func:`events_in_range`, :func:`panels_on_days`) return light immutable rows instead, and
:func:`events_for_export` plain copies (:mod:`db.snapshots`).
``statuses=None`` means every item that is not rejected (suggested and accepted).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import NamedTuple

from sqlalchemy import (
    ColumnElement,
    Date,
    Row,
    Select,
    and_,
    bindparam,
    false,
    func,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session, joinedload, load_only, selectinload

from db.models import (
    ContactPoint,
    Document,
    Event,
    Mention,
    Organisation,
    Panel,
    Participation,
    Person,
    Status,
)
from db.snapshots import EventRow, event_rows
from db.text_keys import search_terms

VISIBLE = (Status.SUGGESTED, Status.ACCEPTED)
PRECISIONS = ("day", "month", "year")
FTS_MIN_TERM = 3  # the trigram index answers terms of three characters or more


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while many ORM objects are loaded and used.

    Every few hundred new objects the collector walks the young ones, and now and then all of
    them: on an export's tens of thousands of objects that costs more than the loading itself.
    Reference counting still frees memory meanwhile; the collector resumes afterwards (as it
    was: pauses may nest).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _statuses(statuses: Iterable[str] | None) -> tuple[str, ...]:
    return tuple(VISIBLE if statuses is None else statuses)


# -- date ranges ---------------------------------------------------------------------------


@cache
def _longest_spans_query(precisions: tuple[str, ...]) -> Select:
    return select(
        *(
            select(func.max(Event.span_days))
            .where(Event.start_precision == precision)
            .scalar_subquery()
            for precision in precisions
        )
    )


def _longest_spans(session: Session, precisions: Sequence[str]) -> list[int]:
    """Days between start and end of the longest event of each precision: one statement of
    index look-ups (one scalar subquery each, which SQLite answers from the index's end)."""
    if not precisions:
        return []
    row = session.execute(_longest_spans_query(tuple(precisions))).one()
    return [int(value or 0) for value in row]


@cache
def overlap_condition(precisions: tuple[str, ...] = PRECISIONS) -> ColumnElement[bool]:
    """The condition of :func:`overlapping_events` with bind parameters, built once: run it
    with the parameters of :func:`overlap_params` (building a statement costs more than
    running it on an index)."""
    range_start = bindparam("overlap_start", type_=Date())
    range_end = bindparam("overlap_end", type_=Date())
    clauses = [
        and_(
            Event.start_precision == precision,
            Event.start_date >= bindparam(f"overlap_earliest_{precision}", type_=Date()),
            Event.start_date <= range_end,
            func.coalesce(Event.end_date, Event.start_date) >= range_start,
        )
        for precision in precisions
    ]
    return or_(*clauses) if clauses else false()


def days_before(day: dt.date, days: int) -> dt.date:
    """``day`` minus ``days``, or the first representable day (1 January of year 1, which a
    calendar may well hold) when that would be earlier."""
    ordinal = day.toordinal() - days
    return dt.date.fromordinal(ordinal) if ordinal >= 1 else dt.date.min


def overlap_params(
    session: Session, start: dt.date, end: dt.date, precisions: Sequence[str] = PRECISIONS
) -> dict[str, dt.date]:
    """Values of the parameters of :func:`overlap_condition` for [start, end].

    An event starting before ``start`` can only overlap if it lasts long enough, so the start
    date is bounded below by the longest span of its precision; the condition is then a range
    on the (start_precision, start_date) index instead of a scan.
    """
    params = {"overlap_start": start, "overlap_end": end}
    for precision, span in zip(precisions, _longest_spans(session, precisions), strict=True):
        params[f"overlap_earliest_{precision}"] = days_before(start, span)
    return params


def overlapping_events(
    session: Session, start: dt.date, end: dt.date, precisions: Sequence[str] = PRECISIONS
) -> ColumnElement[bool]:
    """A condition on Event: its dates overlap [start, end] (see :func:`overlap_params`), with
    the dates written in."""
    params = overlap_params(session, start, end, precisions)
    clauses = [
        and_(
            Event.start_precision == precision,
            Event.start_date >= params[f"overlap_earliest_{precision}"],
            Event.start_date <= end,
            func.coalesce(Event.end_date, Event.start_date) >= start,
        )
        for precision in precisions
    ]
    return or_(*clauses) if clauses else false()


# What the calendar shows of an event; the rest (description, search keys, time stamps) stays
# in the database until the event is opened.
CALENDAR_COLUMNS = (
    Event.id,
    Event.title,
    Event.kind,
    Event.status,
    Event.start_date,
    Event.start_precision,
    Event.end_date,
    Event.end_precision,
    Event.start_time,
    Event.end_time,
    Event.location,
)


class CalendarEvent(NamedTuple):
    """An event as the calendar shows it: the :data:`CALENDAR_COLUMNS` of an :class:`Event`,
    under the same names, as plain immutable values (no session, no lazy loads). A named tuple
    rather than a frozen dataclass: it is built from a result row several times faster."""

    id: int
    title: str
    kind: str | None
    status: str
    start_date: dt.date | None
    start_precision: str | None
    end_date: dt.date | None
    end_precision: str | None
    start_time: dt.time | None
    end_time: dt.time | None
    location: str | None


@cache
def _events_in_range_query() -> Select:
    return (
        select(*CALENDAR_COLUMNS)
        .where(
            overlap_condition(("day",)),
            Event.status.in_(bindparam("statuses", expanding=True)),
        )
        .order_by(Event.start_date, Event.start_time, Event.id)
    )


def events_in_range(
    s: Session, start: dt.date, end: dt.date, *, statuses: Iterable[str] | None = None
) -> list[CalendarEvent]:
    """Day-precision events overlapping [start, end] (inclusive), ordered by start, as light
    :class:`CalendarEvent` rows (a month holds hundreds of events: building ORM objects would
    cost several times more than the query)."""
    params = {**overlap_params(s, start, end, ("day",)), "statuses": list(_statuses(statuses))}
    return list(map(CalendarEvent._make, s.execute(_events_in_range_query(), params)))


def upcoming_events(s: Session, today: dt.date, limit: int = 20) -> list[Event]:
    """Day-precision events not yet over on ``today``, soonest first."""
    query = (
        select(Event)
        .where(overlapping_events(s, today, dt.date.max, ("day",)), Event.status.in_(VISIBLE))
        .options(joinedload(Event.organisation))
        .order_by(Event.start_date, Event.start_time, Event.id)
        .limit(limit)
    )
    return list(s.scalars(query))


def latest_event_date(s: Session) -> dt.date | None:
    """The start of the most recent day-precision event (not rejected)."""
    return s.scalar(
        select(func.max(Event.start_date)).where(
            Event.start_precision == "day", Event.status.in_(VISIBLE)
        )
    )


@cache
def _panels_on_days_query() -> Select:
    # A range of the ix_panel_day index: the shown events are kept afterwards, which is
    # cheaper than a look-up per event (a month page shows hundreds).
    return (
        select(
            Panel.event_id,
            Panel.date,
            Panel.kind,
            Panel.title,
            Panel.start_time,
            Panel.end_time,
        )
        .where(
            Panel.date.between(bindparam("first", type_=Date()), bindparam("last", type_=Date())),
            func.coalesce(Panel.date_precision, "day") == "day",
            Panel.status.in_(bindparam("statuses", expanding=True)),
        )
        .order_by(Panel.date, Panel.start_time.is_(None), Panel.start_time, Panel.id)
    )


def panels_on_days(
    s: Session,
    event_ids: Iterable[int],
    first: dt.date,
    last: dt.date,
    *,
    statuses: Iterable[str] | None = None,
) -> list[Row[tuple[int, dt.date, str | None, str | None, dt.time | None, dt.time | None]]]:
    """The day-dated panels of ``event_ids`` from ``first`` to ``last`` as light rows (event_id,
    date, kind, title, start_time, end_time), by day and time: one query for a calendar page."""
    wanted = set(event_ids)
    if not wanted:
        return []
    params = {"first": first, "last": last, "statuses": list(_statuses(statuses))}
    return [row for row in s.execute(_panels_on_days_query(), params) if row[0] in wanted]


def busiest_month(s: Session) -> dt.date | None:
    """The first day of the month holding the most dated events and sessions (the latest such
    month on a tie): where a calendar with nothing upcoming opens."""
    rows = s.execute(
        select(Event.start_date, func.count(func.distinct(Event.id)), func.count(Panel.id))
        .outerjoin(Panel, Panel.event_id == Event.id)
        .where(Event.start_precision == "day", Event.status.in_(VISIBLE))
        .group_by(Event.start_date)
    )
    months: Counter[tuple[int, int]] = Counter()
    for day, events, panels in rows:
        months[(day.year, day.month)] += events + panels
    if not months:
        return None
    (year, month), _ = max(months.items(), key=lambda item: (item[1], item[0]))
    return dt.date(year, month, 1)


def approximate_events(s: Session, *, statuses: Iterable[str] | None = None) -> list[Event]:
    """Events known only to the month or year, or undated, by start then title."""
    query = (
        select(Event)
        .where(
            or_(Event.start_precision.in_(("month", "year")), Event.start_date.is_(None)),
            Event.status.in_(_statuses(statuses)),
        )
        .options(joinedload(Event.organisation))
        .order_by(Event.start_date.is_(None), Event.start_date, Event.title, Event.id)
    )
    return list(s.scalars(query))


# -- events --------------------------------------------------------------------------------


def _event_detail_options() -> list:
    return [
        joinedload(Event.organisation),
        selectinload(Event.panels)
        .selectinload(Panel.participations)
        .joinedload(Participation.person)
        .options(joinedload(Person.organisation), selectinload(Person.contacts)),
        selectinload(Event.panels).selectinload(Panel.mentions).joinedload(Mention.document),
        selectinload(Event.participations)
        .joinedload(Participation.person)
        .options(joinedload(Person.organisation), selectinload(Person.contacts)),
        selectinload(Event.mentions).joinedload(Mention.document),
    ]


def event_detail(s: Session, event_id: int) -> Event | None:
    """One event with panels → participations → person, event participations → person,
    mentions → document and organisation loaded."""
    return s.get(Event, event_id, options=_event_detail_options(), populate_existing=True)


def _like_terms(column, terms: Sequence[str]) -> list[ColumnElement[bool]]:  # noqa: ANN001
    out = []
    for term in terms:
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        out.append(column.like(f"%{escaped}%", escape="\\"))
    return out


def _event_query(
    text_: str,
    date_from: dt.date | None,
    date_to: dt.date | None,
    statuses: Iterable[str] | None,
) -> Select:
    query = select(Event).where(Event.status.in_(_statuses(statuses)))
    query = query.where(*_like_terms(Event.search_text, search_terms(text_)))
    if date_from is not None:
        query = query.where(func.coalesce(Event.end_date, Event.start_date) >= date_from)
    if date_to is not None:
        query = query.where(Event.start_date <= date_to)
    return query


def search_events(
    s: Session,
    text: str = "",
    *,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    statuses: Iterable[str] | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[Event]:
    """Events whose title, kind, location or organisation holds every word of ``text``
    (case- and accent-insensitive), overlapping [date_from, date_to] when given (undated
    events only when no date is given), ordered by start (undated last)."""
    query = (
        _event_query(text, date_from, date_to, statuses)
        .options(joinedload(Event.organisation))
        .order_by(Event.start_date.is_(None), Event.start_date, Event.title, Event.id)
        .offset(offset)
        .limit(limit)
    )
    return list(s.scalars(query))


def count_events(
    s: Session,
    text: str = "",
    *,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    statuses: Iterable[str] | None = None,
) -> int:
    """How many events :func:`search_events` finds without a limit."""
    query = _event_query(text, date_from, date_to, statuses).with_only_columns(func.count())
    return int(s.scalar(query) or 0)


# -- people --------------------------------------------------------------------------------


def _fts_match(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _person_filter(
    s: Session,
    text_: str,
    organisation_id: int | None,
    statuses: Iterable[str] | None,
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [Person.status.in_(_statuses(statuses))]
    if organisation_id is not None:
        conditions.append(Person.organisation_id == organisation_id)
    terms = search_terms(text_)
    long_terms = [t for t in terms if len(t) >= FTS_MIN_TERM]
    short_terms = [t for t in terms if len(t) < FTS_MIN_TERM]
    if long_terms and s.get_bind().dialect.name == "sqlite":
        match = " AND ".join(_fts_match(t) for t in long_terms)
        conditions.append(
            Person.id.in_(
                select(text("rowid"))
                .select_from(text("person_fts"))
                .where(text("person_fts MATCH :match").bindparams(match=match))
            )
        )
    else:
        short_terms = terms
    conditions.extend(_like_terms(Person.search_text, short_terms))
    return conditions


def search_people(
    s: Session,
    text: str = "",
    *,
    organisation_id: int | None = None,
    statuses: Iterable[str] | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[Person]:
    """People with every word of ``text`` somewhere in their name, organisation (name,
    acronym, aliases), job title, e-mails or phones (digits, international or national),
    case- and accent-insensitive; ordered by organisation then family and full name, people
    without an organisation last; organisation and contacts loaded."""
    query = (
        select(Person)
        .where(*_person_filter(s, text, organisation_id, statuses))
        .options(joinedload(Person.organisation), selectinload(Person.contacts))
        .order_by(Person.sort_key, Person.id)
        .offset(offset)
        .limit(limit)
    )
    return list(s.scalars(query))


def count_people(
    s: Session,
    text: str = "",
    *,
    organisation_id: int | None = None,
    statuses: Iterable[str] | None = None,
) -> int:
    """How many people :func:`search_people` finds without a limit."""
    query = select(func.count(Person.id)).where(*_person_filter(s, text, organisation_id, statuses))
    return int(s.scalar(query) or 0)


def person_detail(s: Session, person_id: int) -> Person | None:
    """One person with contacts, organisation, participations → event/panel (→ event) and
    mentions → document loaded."""
    return s.get(
        Person,
        person_id,
        options=[
            joinedload(Person.organisation),
            selectinload(Person.contacts),
            selectinload(Person.participations).joinedload(Participation.event),
            selectinload(Person.participations)
            .joinedload(Participation.panel)
            .joinedload(Panel.event),
            selectinload(Person.mentions).joinedload(Mention.document),
        ],
        populate_existing=True,
    )


# -- documents and review ------------------------------------------------------------------


def documents(s: Session) -> list[Document]:
    """Every imported document, newest first (the text is loaded too)."""
    return list(s.scalars(select(Document).order_by(Document.imported_at.desc(), Document.id)))


def document_text(s: Session, document_id: int) -> str:
    """The plain text of a document ('' if there is no such document)."""
    return s.scalar(select(Document.text).where(Document.id == document_id)) or ""


def review_items(s: Session, document_id: int | None = None) -> list[Event | Panel | Person]:
    """Suggested events, panels and people (only those read from ``document_id`` if given),
    each with mentions → document loaded; events first, then panels, then people."""
    items: list[Event | Panel | Person] = []
    for model in (Event, Panel, Person):
        query = select(model).where(model.status == Status.SUGGESTED)
        if document_id is not None:
            mentioned = select(Mention.id).where(
                Mention.document_id == document_id,
                getattr(Mention, f"{model.__tablename__}_id") == model.id,
            )
            query = query.where(mentioned.exists())
        options = [selectinload(model.mentions).joinedload(Mention.document)]
        if model is Panel:
            options.append(joinedload(Panel.event))
        if model is Person:
            options += [joinedload(Person.organisation), selectinload(Person.contacts)]
        items.extend(s.scalars(query.options(*options).order_by(model.id)))
    return items


# -- exports -------------------------------------------------------------------------------

# Exports read thousands of items: every relationship is loaded with one IN query per level
# (each person, organisation and document once, however often it is referred to), without the
# derived search and sort columns nor the documents' text.
_EXPORT_SKIPPED = {
    Event: ("title_key", "search_text", "span_days", "foreign_uid"),  # no UID in a vCard
    Person: ("name_key", "family_key", "search_text", "sort_key"),
}


def _export_columns(model: type) -> list:
    skipped = _EXPORT_SKIPPED.get(model, ())
    return [getattr(model, c.key) for c in model.__mapper__.column_attrs if c.key not in skipped]


def _export_document():  # noqa: ANN202 - a loader option
    return selectinload(Mention.document).defer(Document.text)


def _export_person_options() -> list:
    return [
        load_only(*_export_columns(Person)),
        selectinload(Person.organisation),
        selectinload(Person.contacts),
    ]


def events_for_export(
    s: Session,
    *,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    search: str = "",
    event_ids: Iterable[int] | None = None,
    include_rejected: bool = False,
) -> list[EventRow]:
    """Plain copies of the chosen events with everything an exporter reads: panels →
    participations → person → contacts and organisation, event participations, mentions →
    document (see :mod:`db.snapshots`)."""
    statuses = [*VISIBLE, Status.REJECTED] if include_rejected else VISIBLE
    query = _event_query(search, date_from, date_to, statuses)
    if event_ids is not None:
        query = query.where(Event.id.in_(list(event_ids)))
    query = query.order_by(Event.start_date.is_(None), Event.start_date, Event.id)
    with collector_paused():
        return event_rows(s, query)


def people_for_export(
    s: Session,
    *,
    search: str = "",
    person_ids: Iterable[int] | None = None,
    event_ids: Iterable[int] | None = None,
    include_rejected: bool = False,
) -> list[Person]:
    """People (those taking part in ``event_ids``, or in their panels, if given) with
    contacts, organisation, participations → event/panel and mentions → document loaded."""
    statuses = [*VISIBLE, Status.REJECTED] if include_rejected else VISIBLE
    query = select(Person).where(*_person_filter(s, search, None, statuses))
    if person_ids is not None:
        query = query.where(Person.id.in_(list(person_ids)))
    if event_ids is not None:
        ids = list(event_ids)
        in_events = select(Participation.person_id).where(
            or_(
                Participation.event_id.in_(ids),
                Participation.panel_id.in_(select(Panel.id).where(Panel.event_id.in_(ids))),
            )
        )
        query = query.where(Person.id.in_(in_events))
    event = load_only(*_export_columns(Event))
    query = query.options(
        *_export_person_options(),
        selectinload(Person.participations).options(
            selectinload(Participation.event).options(event),
            selectinload(Participation.panel).options(selectinload(Panel.event).options(event)),
        ),
        selectinload(Person.mentions).options(_export_document()),
    ).order_by(Person.sort_key, Person.id)
    with collector_paused():
        return list(s.scalars(query))


def counts(s: Session) -> dict[str, int]:
    """Numbers of events, panels, people, documents (rejected items aside) and of items
    still suggested."""
    out = {}
    suggested = 0
    for name, model in (("events", Event), ("panels", Panel), ("people", Person)):
        out[name] = int(
            s.scalar(select(func.count(model.id)).where(model.status.in_(VISIBLE))) or 0
        )
        suggested += int(
            s.scalar(select(func.count(model.id)).where(model.status == Status.SUGGESTED)) or 0
        )
    out["documents"] = int(s.scalar(select(func.count(Document.id))) or 0)
    out["suggested"] = suggested
    return out


def organisations(s: Session) -> list[Organisation]:
    """Every organisation by name."""
    return list(s.scalars(select(Organisation).order_by(Organisation.name, Organisation.id)))


def contact_values(s: Session, person_id: int) -> list[tuple[str, str]]:
    """(kind, value) of a person's contact points, in the order they were added."""
    rows = s.execute(
        select(ContactPoint.kind, ContactPoint.value)
        .where(ContactPoint.person_id == person_id)
        .order_by(ContactPoint.id)
    )
    return [(kind, value) for kind, value in rows]


def date_iso(value: dt.date | None, precision: str | None) -> str | None:
    """ISO 8601 at the stored precision: ``2016-06-15``, ``2016-06`` or ``2016``."""
    if value is None:
        return None
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


# -- panels and the agenda -----------------------------------------------------------------


def search_panels(
    s: Session,
    text: str = "",
    *,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    statuses: Iterable[str] | None = None,
) -> list[Panel]:
    """Panels and sessions whose title, kind or event title holds every word of ``text``
    (case-insensitive), dated within [date_from, date_to] when given, by date and time; each
    with its event loaded."""
    query = (
        select(Panel)
        .join(Panel.event)
        .where(Panel.status.in_(_statuses(statuses)))
        .options(joinedload(Panel.event))
        .order_by(Panel.date.is_(None), Panel.date, Panel.start_time, Panel.id)
    )
    for term in search_terms(text):
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"
        query = query.where(
            or_(
                func.lower(Panel.title).like(pattern, escape="\\"),
                func.lower(Panel.kind).like(pattern, escape="\\"),
                Event.title_key.like(pattern, escape="\\"),
            )
        )
    if date_from is not None:
        query = query.where(Panel.date >= date_from)
    if date_to is not None:
        query = query.where(Panel.date <= date_to)
    return list(s.scalars(query))


@cache
def _agenda_query() -> Select:
    return (
        select(*CALENDAR_COLUMNS)
        .where(
            overlap_condition(("day",)),
            Event.status.in_(bindparam("statuses", expanding=True)),
        )
        .order_by(Event.start_date, Event.start_time.is_not(None), Event.start_time, Event.id)
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )


def agenda_events(
    s: Session,
    first: dt.date,
    *,
    limit: int,
    offset: int = 0,
    statuses: Iterable[str] | None = None,
) -> list[CalendarEvent]:
    """Day-precision events not over before ``first`` (those still running on it first), by
    start day, all-day ones before timed ones, then time: one page of a rolling agenda."""
    params = {
        **overlap_params(s, first, dt.date.max, ("day",)),
        "statuses": list(_statuses(statuses)),
        "limit": limit,
        "offset": offset,
    }
    return list(map(CalendarEvent._make, s.execute(_agenda_query(), params)))


def approximate_rows(
    s: Session, *, limit: int | None = None, statuses: Iterable[str] | None = None
) -> tuple[list[CalendarEvent], int]:
    """The first ``limit`` events of :func:`approximate_events` as light
    :class:`CalendarEvent` rows, and how many there are in all. Two index ranges (month or
    year precision by start, then undated by title) instead of a scan of every event: a
    side list shows a few of them at a time."""
    wanted = list(_statuses(statuses))
    dated = Event.start_precision.in_(("month", "year")), Event.start_date.is_not(None)
    undated = (Event.start_date.is_(None),)
    rows: list[CalendarEvent] = []
    total = 0
    for where, order in ((dated, (Event.start_date, Event.title, Event.id)),
                         (undated, (Event.title, Event.id))):  # fmt: skip
        condition = and_(*where, Event.status.in_(wanted))
        total += int(s.scalar(select(func.count(Event.id)).where(condition)) or 0)
        room = None if limit is None else max(0, limit - len(rows))
        if room == 0:
            continue
        query = select(*CALENDAR_COLUMNS).where(condition).order_by(*order).limit(room)
        rows.extend(map(CalendarEvent._make, s.execute(query)))
    return rows, total
