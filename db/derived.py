"""Derived columns (keys for de-duplication, search text, sort keys) kept in step on every flush.

Whoever changes a person, a contact, an organisation or an event through the ORM gets the keys
recomputed here, so the import pipeline, the edit functions and the application cannot forget
one. Bulk inserts that bypass the ORM (the benchmark) call the ``*_columns`` functions directly.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from db.models import ContactKind, ContactPoint, Event, Organisation, OrganisationKey, Person
from db.organisation_groups import group_key
from db.text_keys import fold, fold_words, name_keys, phone_search_forms, title_key

PHONE_KINDS = (ContactKind.PHONE, ContactKind.MOBILE, ContactKind.FAX)
NO_ORGANISATION_SORT = "~"  # sorts people without an organisation after everyone else


def organisation_keys(name: str | None, acronym: str | None, aliases: Iterable[str]) -> set[str]:
    """The folded forms an organisation is looked up by."""
    keys = {fold_words(name), fold_words(acronym), *(fold_words(a) for a in aliases)}
    keys.discard("")
    return keys


def person_columns(
    full_name: str,
    job_title: str | None,
    organisation: tuple[str | None, str | None, Iterable[str]] | None,
    contacts: Iterable[tuple[str, str]],
) -> dict[str, str]:
    """``name_key``, ``family_key``, ``search_text`` and ``sort_key`` of a person from plain
    values: ``organisation`` is (name, acronym, aliases), ``contacts`` are (kind, value)."""
    keys = name_keys(full_name)
    parts = [fold(full_name), fold(job_title)]
    org_sort = NO_ORGANISATION_SORT
    if organisation is not None:
        org_name, acronym, _aliases = organisation
        # Aliases are left out: an organisation gains them often, and its people would all
        # need their search text rewritten each time.
        parts += [fold(org_name), fold(acronym)]
        # Offices of one organisation ("IOM London", "IOM HQ") sort together.
        org_sort = group_key(org_name, acronym) or NO_ORGANISATION_SORT
    for kind, value in contacts:
        if kind in PHONE_KINDS:
            parts += phone_search_forms(value)
        else:
            parts.append(fold(value))
    return {
        "name_key": keys.name_key,
        "family_key": keys.family_key,
        "search_text": " | ".join(p for p in parts if p),
        "sort_key": f"{org_sort}\x1f{keys.family_key}\x1f{keys.full_key}",
    }


def event_columns(
    title: str, kind: str | None, location: str | None, start, end, organisation: str | None
) -> dict[str, object]:  # noqa: ANN001 - dates
    """``title_key``, ``span_days`` and ``search_text`` of an event from plain values."""
    span = (end - start).days if start is not None and end is not None else None
    parts = [fold(title), fold(kind), fold(location), fold(organisation)]
    return {
        "title_key": title_key(title),
        "span_days": span,
        "search_text": " | ".join(p for p in parts if p),
    }


def _refresh_person(person: Person, deleted: set[object]) -> None:
    org = person.organisation
    contacts = [(c.kind, c.value) for c in person.contacts if c not in deleted]
    values = person_columns(
        person.full_name or "",
        person.job_title,
        (org.name, org.acronym, org.aliases or []) if org is not None else None,
        contacts,
    )
    for name, value in values.items():
        if getattr(person, name) != value:
            setattr(person, name, value)


def _refresh_event(item: Event) -> None:
    org = item.organisation
    values = event_columns(
        item.title or "",
        item.kind,
        item.location,
        item.start_date,
        item.end_date,
        org.name if org is not None else None,
    )
    for name, value in values.items():
        if getattr(item, name) != value:
            setattr(item, name, value)


def _refresh_organisation(org: Organisation) -> None:
    wanted = organisation_keys(org.name, org.acronym, org.aliases or [])
    present = {k.key for k in org.alias_keys}
    for row in list(org.alias_keys):
        if row.key not in wanted:
            org.alias_keys.remove(row)
    for key in sorted(wanted - present):
        org.alias_keys.append(OrganisationKey(key=key))


# Attributes the derived columns are computed from: an object is refreshed only when one of
# them changed (adding a mention or a participation also marks it dirty).
PERSON_SOURCES = ("full_name", "job_title", "organisation", "organisation_id", "contacts")
EVENT_SOURCES = ("title", "kind", "location", "start_date", "end_date", "organisation")
ORGANISATION_SOURCES = ("name", "acronym", "aliases")


def _changed(obj: object, names: Iterable[str]) -> bool:
    state = inspect(obj)
    if state.transient or state.pending:
        return True
    return any(state.attrs[name].history.has_changes() for name in names)


@event.listens_for(Session, "before_flush")
def _update_derived_columns(session: Session, _context, _instances) -> None:  # noqa: ANN001
    deleted = set(session.deleted)
    people: set[Person] = set()
    for obj in [*session.new, *session.dirty, *deleted]:
        if isinstance(obj, Person):
            if obj not in deleted and _changed(obj, PERSON_SOURCES):
                people.add(obj)
        elif isinstance(obj, ContactPoint):
            if obj.person is not None and obj.person not in deleted:
                people.add(obj.person)
        elif isinstance(obj, Event):
            if obj not in deleted and _changed(obj, EVENT_SOURCES):
                _refresh_event(obj)
        elif isinstance(obj, Organisation) and obj not in deleted:
            if _changed(obj, ORGANISATION_SOURCES):
                _refresh_organisation(obj)
                if obj not in session.new and _changed(obj, ("name", "acronym")):
                    people.update(p for p in obj.people if p not in deleted)
    for person in people:
        _refresh_person(person, deleted)
