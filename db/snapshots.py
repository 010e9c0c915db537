"""Read-only copies of stored events for the exports, loaded with one column query per table.

An export of ten thousand events reads some hundred thousand rows: building ORM objects (with
identity map, attribute instrumentation and loader bookkeeping) for each costs more than
writing the file. These plain dataclasses carry the models' attribute names, so the writers
take either; each person, organisation and document is one object however often it recurs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from db.models import ContactPoint, Document, Event, Mention, Organisation, Panel, Participation
from db.models import Person as PersonModel


@dataclass
class DocumentRow:
    id: int
    path: str
    title: str | None
    sha256: str
    format: str


@dataclass
class MentionRow:
    document: DocumentRow
    start: int
    end: int


@dataclass
class OrganisationRow:
    id: int
    name: str
    acronym: str | None


@dataclass
class ContactRow:
    kind: str
    value: str
    label: str | None


@dataclass
class PersonRow:
    id: int
    uuid: str
    status: str
    full_name: str
    honorific: str | None
    given_name: str | None
    family_name: str | None
    job_title: str | None
    organisation: OrganisationRow | None = None
    contacts: list[ContactRow] = field(default_factory=list)
    foreign_uid: str | None = None


@dataclass
class ParticipationRow:
    id: int
    role: str
    event_id: int | None
    panel_id: int | None
    person: PersonRow


@dataclass
class PanelRow:
    id: int
    event_id: int
    uuid: str
    status: str
    revision: int
    created_at: dt.datetime | None
    updated_at: dt.datetime | None
    title: str | None
    kind: str | None
    date: dt.date | None
    date_precision: str | None
    start_time: dt.time | None
    end_time: dt.time | None
    location: str | None
    foreign_uid: str | None = None
    participations: list[ParticipationRow] = field(default_factory=list)
    mentions: list[MentionRow] = field(default_factory=list)


@dataclass
class EventRow:
    id: int
    uuid: str
    status: str
    revision: int
    created_at: dt.datetime | None
    updated_at: dt.datetime | None
    title: str
    kind: str | None
    start_date: dt.date | None
    start_precision: str | None
    end_date: dt.date | None
    end_precision: str | None
    start_time: dt.time | None
    end_time: dt.time | None
    timezone: str | None
    location: str | None
    description: str | None
    foreign_uid: str | None = None
    panels: list[PanelRow] = field(default_factory=list)
    participations: list[ParticipationRow] = field(default_factory=list)
    mentions: list[MentionRow] = field(default_factory=list)


_TRACKED = ("id", "uuid", "status", "revision", "created_at", "updated_at")
_EVENT = (
    *_TRACKED, "title", "kind", "start_date", "start_precision", "end_date", "end_precision",
    "start_time", "end_time", "timezone", "location", "description", "foreign_uid",
)  # fmt: skip
_PANEL = (
    "id", "event_id", "uuid", "status", "revision", "created_at", "updated_at", "title", "kind",
    "date", "date_precision", "start_time", "end_time", "location", "foreign_uid",
)  # fmt: skip
_PERSON = ("id", "uuid", "status", "full_name", "honorific", "given_name", "family_name")


def _columns(model: type, names: tuple[str, ...]) -> list:
    return [getattr(model, name) for name in names]


def event_rows(s: Session, events: Select) -> list[EventRow]:
    """The events that ``events`` selects (in its order) with their panels, participations →
    person → organisation and contacts, and mentions → document.

    ``events`` is a query of :class:`db.models.Event` with its filters and ordering; the other
    tables are read with it as a subquery of ids, so no list of ids is ever bound.
    """
    ids = events.with_only_columns(Event.id).order_by(None).scalar_subquery()
    found = {
        row[0]: EventRow(*row)
        for row in s.execute(events.with_only_columns(*_columns(Event, _EVENT)))
    }
    if not found:
        return []
    panel_ids = select(Panel.id).where(Panel.event_id.in_(ids)).scalar_subquery()
    panels: dict[int, PanelRow] = {}
    panel_query = (
        select(*_columns(Panel, _PANEL))
        .where(Panel.event_id.in_(ids))
        .order_by(Panel.event_id, Panel.date, Panel.start_time, Panel.id)
    )
    for row in s.execute(panel_query):
        panel = panels[row[0]] = PanelRow(*row)
        found[panel.event_id].panels.append(panel)

    in_scope = or_(Participation.event_id.in_(ids), Participation.panel_id.in_(panel_ids))
    people = _people(s, select(Participation.person_id).where(in_scope).scalar_subquery())
    taking_part = select(
        Participation.id,
        Participation.role,
        Participation.event_id,
        Participation.panel_id,
        Participation.person_id,
    ).where(in_scope)
    for pid, role, event_id, panel_id, person_id in s.execute(
        taking_part.order_by(Participation.id)
    ):
        row = ParticipationRow(pid, role, event_id, panel_id, people[person_id])
        if panel_id is not None:
            panels[panel_id].participations.append(row)
        else:
            found[event_id].participations.append(row)

    mentioned = or_(Mention.event_id.in_(ids), Mention.panel_id.in_(panel_ids))
    documents = {
        row[0]: DocumentRow(*row)
        for row in s.execute(
            select(
                Document.id, Document.path, Document.title, Document.sha256, Document.format
            ).where(Document.id.in_(select(Mention.document_id).where(mentioned).scalar_subquery()))
        )
    }
    mention_query = select(
        Mention.event_id, Mention.panel_id, Mention.document_id, Mention.start, Mention.end
    ).where(mentioned)
    for event_id, panel_id, document_id, start, end in s.execute(
        mention_query.order_by(Mention.id)
    ):
        owner = panels[panel_id] if panel_id is not None else found[event_id]
        owner.mentions.append(MentionRow(documents[document_id], start, end))
    return list(found.values())


def _people(s: Session, person_ids: object) -> dict[int, PersonRow]:
    """The people with ``person_ids`` (a subquery), with organisation and contacts."""
    organisations: dict[int, OrganisationRow] = {}
    people: dict[int, PersonRow] = {}
    query = (
        select(
            *_columns(PersonModel, _PERSON),
            PersonModel.job_title,
            PersonModel.foreign_uid,
            Organisation.id,
            Organisation.name,
            Organisation.acronym,
        )
        .outerjoin(Organisation, PersonModel.organisation_id == Organisation.id)
        .where(PersonModel.id.in_(person_ids))
    )
    for *person, job_title, foreign_uid, org_id, org_name, acronym in s.execute(query):
        organisation = None
        if org_id is not None:
            organisation = organisations.get(org_id)
            if organisation is None:
                organisation = organisations[org_id] = OrganisationRow(org_id, org_name, acronym)
        people[person[0]] = PersonRow(*person, job_title, organisation, foreign_uid=foreign_uid)
    contacts = select(
        ContactPoint.person_id, ContactPoint.kind, ContactPoint.value, ContactPoint.label
    ).where(ContactPoint.person_id.in_(person_ids))
    for person_id, kind, value, label in s.execute(contacts.order_by(ContactPoint.id)):
        people[person_id].contacts.append(ContactRow(kind, value, label))
    return people
