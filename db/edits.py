"""Changes a user makes: field edits, review decisions, merges and deletions.

Each function changes what it is given inside the caller's transaction and bumps the
``revision`` of every item it changes (exports write it as the iCalendar SEQUENCE). Undo is
the caller calling the same functions with the old values.
"""

from __future__ import annotations

from collections.abc import Iterable

from nameparser import HumanName
from sqlalchemy import exists, select, update
from sqlalchemy.orm import Session, selectinload

from db import dedup, deletion
from db.models import (
    ContactKind,
    ContactPoint,
    Document,
    Event,
    Mention,
    Panel,
    Participation,
    Person,
    SourceUid,
    Status,
)
from db.queries import event_detail, person_detail

EVENT_FIELDS = frozenset(
    "title kind start_date start_precision end_date end_precision start_time end_time timezone "
    "location description organisation_id status".split()
)
PANEL_FIELDS = frozenset(
    "title kind date date_precision start_time end_time location event_id status".split()
)
PERSON_FIELDS = frozenset(
    "full_name honorific given_name family_name job_title notes organisation_id status".split()
)
# update_person keyword → contact kind; the value is the whole new list of that kind.
CONTACT_FIELDS = {
    "phones": ContactKind.PHONE,
    "mobiles": ContactKind.MOBILE,
    "faxes": ContactKind.FAX,
    "emails": ContactKind.EMAIL,
    "urls": ContactKind.URL,
}
KINDS = {"event": Event, "panel": Panel, "person": Person}


def _check_fields(fields: dict[str, object], allowed: Iterable[str]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValueError(f"unknown field(s): {', '.join(sorted(unknown))}")
    status = fields.get("status")
    if status is not None and status not in set(Status):
        raise ValueError(f"unknown status: {status}")


def _set(item: object, fields: dict[str, object]) -> bool:
    changed = False
    for name, value in fields.items():
        if getattr(item, name) != value:
            setattr(item, name, value)
            changed = True
    return changed


def _get(s: Session, model: type, item_id: int) -> object:
    item = s.get(model, item_id)
    if item is None:
        raise LookupError(f"no {model.__tablename__} with id {item_id}")
    return item


def update_event(s: Session, event_id: int, **fields: object) -> Event:
    """Set event fields (any of :data:`EVENT_FIELDS`, or ``organisation_name``: the name,
    acronym or alias of an organisation, created if unknown; empty for none)."""
    event = _get(s, Event, event_id)
    org_name = fields.pop("organisation_name", ...)
    _check_fields(fields, EVENT_FIELDS)
    changed = _set(event, fields)
    if org_name is not ...:
        org = dedup.resolve_organisation(s, str(org_name)) if org_name else None
        if event.organisation is not org:
            event.organisation = org
            changed = True
    if changed:
        event.revision += 1
    s.flush()
    return event_detail(s, event_id)


def update_panel(s: Session, panel_id: int, **fields: object) -> Panel:
    """Set panel fields (any of :data:`PANEL_FIELDS`)."""
    panel = _get(s, Panel, panel_id)
    _check_fields(fields, PANEL_FIELDS)
    if _set(panel, fields):
        panel.revision += 1
    s.flush()
    return s.get(
        Panel,
        panel_id,
        options=[selectinload(Panel.participations).joinedload(Participation.person)],
    )


def update_person(s: Session, person_id: int, **fields: object) -> Person:
    """Set person fields (any of :data:`PERSON_FIELDS`), ``organisation_name`` (see
    :func:`update_event`) and contact lists: ``phones``, ``mobiles``, ``faxes``, ``emails``,
    ``urls``, each replacing all contacts of its kind. A new ``full_name`` without a given or
    family name re-parses them."""
    person = _get(s, Person, person_id)
    org_name = fields.pop("organisation_name", ...)
    contact_lists = {k: fields.pop(k) for k in list(fields) if k in CONTACT_FIELDS}
    _check_fields(fields, PERSON_FIELDS)
    if "full_name" in fields and not {"given_name", "family_name"} & set(fields):
        parsed = HumanName(str(fields["full_name"]))
        fields["given_name"] = " ".join(p for p in (parsed.first, parsed.middle) if p) or None
        fields["family_name"] = parsed.last or None
    changed = _set(person, fields)
    if org_name is not ...:
        org = dedup.resolve_organisation(s, str(org_name)) if org_name else None
        if person.organisation is not org:
            person.organisation = org
            changed = True
    for name, values in contact_lists.items():
        changed = _replace_contacts(person, CONTACT_FIELDS[name], values) or changed
    if changed:
        person.revision += 1
    s.flush()
    return person_detail(s, person_id)


def _replace_contacts(person: Person, kind: str, values: Iterable[str]) -> bool:
    wanted = [v.strip().lower() if kind == ContactKind.EMAIL else v.strip() for v in values]
    wanted = list(dict.fromkeys(v for v in wanted if v))
    current = [c for c in person.contacts if c.kind == kind]
    if [c.value for c in current] == wanted:
        return False
    keep = {c.value: c for c in current if c.value in wanted}
    for contact in current:
        if contact.value not in keep:
            person.contacts.remove(contact)
    for value in wanted:
        if value not in keep:
            person.contacts.append(ContactPoint(kind=kind, value=value))
    return True


def set_status(s: Session, kind: str, item_id: int, status: str) -> None:
    """Mark an event, panel or person suggested, accepted or rejected."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind: {kind}")
    _check_fields({"status": status}, {"status"})
    item = _get(s, KINDS[kind], item_id)
    if item.status != status:
        item.status = status
        item.revision += 1
    s.flush()


def accept_document(s: Session, document_id: int) -> int:
    """Accept every suggested event, panel and person read from a document; how many."""
    total = 0
    for model in (Event, Panel, Person):
        column = getattr(Mention, f"{model.__tablename__}_id")
        mentioned = exists().where(Mention.document_id == document_id, column == model.id)
        result = s.execute(
            update(model)
            .where(model.status == Status.SUGGESTED, mentioned)
            .values(status=Status.ACCEPTED, revision=model.revision + 1)
            .execution_options(synchronize_session="fetch")
        )
        total += result.rowcount or 0
    return total


# -- merges --------------------------------------------------------------------------------


def _merge_provenance(s: Session, column_name: str, keep_id: int, other_id: int) -> None:
    """Move mentions, participations and the UIDs naming the item (so that reading them again
    finds the kept one) from one item to another, dropping duplicate participations."""
    for model in (Mention, SourceUid):
        s.execute(
            update(model)
            .where(getattr(model, column_name) == other_id)
            .values({column_name: keep_id})
            .execution_options(synchronize_session=False)
        )
    column = getattr(Participation, column_name)
    others = s.scalars(select(Participation).where(column == other_id)).all()
    existing = {
        (p.person_id, p.event_id, p.panel_id, p.role)
        for p in s.scalars(select(Participation).where(column == keep_id))
    }
    for part in others:
        setattr(part, column_name, keep_id)
        key = (part.person_id, part.event_id, part.panel_id, part.role)
        if key in existing:
            s.delete(part)
        else:
            existing.add(key)


def merge_people(s: Session, keep_id: int, other_id: int) -> Person:
    """Fold person ``other_id`` into ``keep_id``: mentions, participations and contacts move,
    empty fields of the kept person are filled from the other; the other is deleted."""
    if keep_id == other_id:
        raise ValueError("cannot merge a person with itself")
    keep = _get(s, Person, keep_id)
    other = _get(s, Person, other_id)
    s.flush()
    _merge_provenance(s, "person_id", keep_id, other_id)
    have = {(c.kind, c.value) for c in keep.contacts}
    for contact in list(other.contacts):
        if (contact.kind, contact.value) not in have:
            have.add((contact.kind, contact.value))
            keep.contacts.append(ContactPoint(kind=contact.kind, value=contact.value))
    _fill_empty(
        keep, other, ("honorific", "given_name", "family_name", "job_title", "organisation_id")
    )
    if other.notes and other.notes not in (keep.notes or ""):
        keep.notes = f"{keep.notes}\n{other.notes}" if keep.notes else other.notes
    _finish_merge(s, keep, other)
    return person_detail(s, keep_id)


def merge_events(s: Session, keep_id: int, other_id: int) -> Event:
    """Fold event ``other_id`` into ``keep_id``: mentions, participations and panels move,
    empty fields are filled and the more precise dates kept; the other is deleted."""
    if keep_id == other_id:
        raise ValueError("cannot merge an event with itself")
    keep = _get(s, Event, keep_id)
    other = _get(s, Event, other_id)
    s.flush()
    _merge_provenance(s, "event_id", keep_id, other_id)
    s.execute(
        update(Panel)
        .where(Panel.event_id == other_id)
        .values(event_id=keep_id)
        .execution_options(synchronize_session=False)
    )
    rank = dedup.PRECISION_RANK
    if rank.get(other.start_precision, 3) < rank.get(keep.start_precision, 3):
        for name in ("start_date", "start_precision", "end_date", "end_precision"):
            setattr(keep, name, getattr(other, name))
    fields = ("kind", "start_time", "end_time", "timezone", "location", "description")
    _fill_empty(keep, other, (*fields, "organisation_id"))
    _finish_merge(s, keep, other)
    return event_detail(s, keep_id)


def _fill_empty(keep: object, other: object, names: tuple[str, ...]) -> None:
    """Fields empty on the kept item take the other's value; nothing is overwritten."""
    for name in names:
        if getattr(keep, name) in (None, "") and getattr(other, name) not in (None, ""):
            setattr(keep, name, getattr(other, name))


def _finish_merge(s: Session, keep: Event | Person, other: Event | Person) -> None:
    """Accepted wins, the revision moves past both, and the other item goes."""
    if Status.ACCEPTED in (keep.status, other.status):
        keep.status = Status.ACCEPTED
    keep.revision = max(keep.revision, other.revision) + 1
    s.flush()
    s.expire(other)
    s.delete(other)
    s.flush()
    s.expire(keep)


# -- deletions (see db.deletion, which can also put back what it deleted) -------------------


def delete_event(s: Session, event_id: int) -> None:
    """Delete an event with its panels, participations and mentions."""
    _get(s, Event, event_id)
    deletion.delete_items(s, events=[event_id])


def delete_person(s: Session, person_id: int) -> None:
    """Delete a person with contacts, participations and mentions."""
    _get(s, Person, person_id)
    deletion.delete_items(s, people=[person_id])


def delete_document(s: Session, document_id: int) -> None:
    """Delete a document with its mentions and the events, panels and people that no other
    document mentions."""
    _get(s, Document, document_id)
    deletion.delete_items(s, documents=[document_id])
