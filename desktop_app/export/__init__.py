"""Export stored events to iCalendar and people to vCard files.

The command line and the window both call :func:`export_ics` and :func:`export_vcf`. Both
read inside one session (so that anything not eagerly loaded can still be fetched) and write
atomically: a failed export leaves the previous file in place.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from db.models import Event, Person
from desktop_app.export.atomic import atomic_write
from desktop_app.export.ics import DEFAULT_NAME, iter_ics, select_events
from desktop_app.export.vcf import iter_vcf, select_people

__all__ = [
    "atomic_write",
    "export_ics",
    "export_vcf",
    "load_events",
    "load_people",
    "session_scope",
]


@contextlib.contextmanager
def session_scope(source: Session | sessionmaker[Session]) -> Iterator[Session]:
    """Use an open session as is, or open (and close) one from a sessionmaker."""
    if isinstance(source, Session):
        yield source
        return
    with source() as session:
        yield session


def load_events(session: Session, **scope: object) -> list[Event]:
    """:func:`db.queries.events_for_export` (``scope`` as its keyword arguments)."""
    from db import queries

    return queries.events_for_export(session, **scope)  # type: ignore[arg-type]


def load_people(session: Session, **scope: object) -> list[Person]:
    """:func:`db.queries.people_for_export` (``scope`` as its keyword arguments), which also
    loads the events of the panels people take part in."""
    from db import queries

    return queries.people_for_export(session, **scope)  # type: ignore[arg-type]


def export_ics(
    source: Session | sessionmaker[Session],
    path: str | Path,
    *,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    search: str = "",
    event_ids: Sequence[int] | None = None,
    include_rejected: bool = False,
    include_approximate: bool = False,
    alarm_days: int | None = None,
    name: str = DEFAULT_NAME,
) -> int:
    """Write the chosen events (and their panels) to an .ics file; return the number of
    events written (panels are part of their event). Nothing is written when no event is
    chosen: the file, if any, is left as it was and 0 is returned."""
    from db.queries import collector_paused

    # Paused for the writing too: the loaded objects stay alive until the end, and each full
    # collection in between would walk them all and free nothing.
    with collector_paused(), session_scope(source) as session:
        events = load_events(
            session,
            date_from=date_from,
            date_to=date_to,
            search=search,
            event_ids=list(event_ids) if event_ids is not None else None,
            include_rejected=include_rejected,
        )
        chosen = select_events(
            events, include_approximate=include_approximate, include_rejected=include_rejected
        )
        if not chosen:  # a VCALENDAR needs at least one component (RFC 5545 §3.4)
            return 0
        atomic_write(
            path,
            iter_ics(
                chosen,
                include_approximate=include_approximate,
                include_rejected=include_rejected,
                alarm_days=alarm_days,
                name=name,
            ),
        )
    return len(chosen)


def export_vcf(
    source: Session | sessionmaker[Session],
    path: str | Path,
    *,
    search: str = "",
    person_ids: Sequence[int] | None = None,
    event_ids: Sequence[int] | None = None,
    include_rejected: bool = False,
    version: str = "3.0",
) -> int:
    """Write the chosen people to a .vcf file; return the number of vCards written (0, and
    nothing written, when nobody is chosen)."""
    from db.queries import collector_paused

    with collector_paused(), session_scope(source) as session:  # as in export_ics
        people = load_people(
            session,
            search=search,
            person_ids=list(person_ids) if person_ids is not None else None,
            event_ids=list(event_ids) if event_ids is not None else None,
            include_rejected=include_rejected,
        )
        chosen = select_people(people, include_rejected=include_rejected)
        if not chosen:
            return 0
        atomic_write(path, iter_vcf(chosen, version=version, include_rejected=include_rejected))
    return len(chosen)
