"""Deleting documents, events, panels and people, and putting them back.

A deletion first works out everything that goes (:func:`plan_deletion`): a document takes with
it its mentions and every event, panel and person that no other document mentions; an event
takes its panels; each item takes its participations, mentions, contacts and the UIDs that name
it (put back, it is again the item those UIDs name); an organisation left without people or
events goes too. :func:`delete_planned` copies every row it removes into a :class:`Removed`
record (plain column values) before deleting them, so that :func:`restore` can insert them
again: undo in the window is ``restore(removed)``.

Everything runs inside the caller's transaction (one Session per user action).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from db.models import (
    ContactPoint,
    Document,
    Event,
    Mention,
    Organisation,
    OrganisationKey,
    Panel,
    Participation,
    Person,
    SourceUid,
)

#: Tables whose rows other rows (or the window's undo history) refer to by id: restored with
#: the same id when it is still free, in this order (parents first).
KEPT_IDS: tuple[Table, ...] = (
    Document.__table__,
    Organisation.__table__,
    Person.__table__,
    Event.__table__,
    Panel.__table__,
)
#: Link rows nobody refers to: restored under new ids, after the tables above.
LINKS: tuple[Table, ...] = (
    OrganisationKey.__table__,
    ContactPoint.__table__,
    Participation.__table__,
    Mention.__table__,
    SourceUid.__table__,
)
#: Foreign keys of each table and the table they point to, for renumbering on restore.
REFERENCES: dict[str, dict[str, str]] = {
    "organisation_key": {"organisation_id": "organisation"},
    "person": {"organisation_id": "organisation"},
    "contact_point": {"person_id": "person"},
    "event": {"organisation_id": "organisation"},
    "panel": {"event_id": "event"},
    "participation": {"person_id": "person", "event_id": "event", "panel_id": "panel"},
    "mention": {
        "document_id": "document",
        "event_id": "event",
        "panel_id": "panel",
        "person_id": "person",
    },
    "source_uid": {"event_id": "event", "panel_id": "panel", "person_id": "person"},
}
#: Unique columns a restored row may meet again (the same file or .ics/.vcf item imported
#: again after the deletion).
UNIQUE = {"document": "sha256", "person": "uuid", "event": "uuid", "panel": "uuid"}
CHUNK = 500  # ids per IN (...) list


class RestoreConflict(Exception):
    """What was deleted cannot be put back: something now stored takes its place (the same
    document, or the same calendar or address-book item, was imported again since)."""


@dataclass
class DeletionPlan:
    """The ids of everything one deletion removes, by table."""

    documents: set[int] = field(default_factory=set)
    events: set[int] = field(default_factory=set)
    panels: set[int] = field(default_factory=set)
    people: set[int] = field(default_factory=set)
    organisations: set[int] = field(default_factory=set)

    def is_empty(self) -> bool:
        return not (self.documents or self.events or self.panels or self.people)

    def counts(self) -> dict[str, int]:
        """How many documents, events, panels and people go."""
        return {
            "documents": len(self.documents),
            "events": len(self.events),
            "panels": len(self.panels),
            "people": len(self.people),
        }


@dataclass
class Removed:
    """Copies of the rows a deletion removed (table name → rows as dicts), for
    :func:`restore`; ``counts`` as in :meth:`DeletionPlan.counts`."""

    rows: dict[str, list[dict[str, Any]]]
    counts: dict[str, int]


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def _ids(s: Session, column, values: Iterable[int], wanted) -> set[int]:  # noqa: ANN001
    """``wanted`` of the rows whose ``column`` is in ``values``."""
    found: set[int] = set()
    for chunk in _chunks(values):
        found.update(s.scalars(select(wanted).where(column.in_(chunk))))
    found.discard(None)
    return found


def _only_from(s: Session, documents: set[int], item_column) -> set[int]:  # noqa: ANN001
    """Items (by ``Mention.<item>_id``) mentioned in ``documents`` and in no other one."""
    mentioned = _ids(s, Mention.document_id, documents, item_column)
    elsewhere: set[int] = set()
    for chunk in _chunks(mentioned):
        elsewhere.update(
            s.scalars(
                select(item_column).where(
                    item_column.in_(chunk), Mention.document_id.not_in(sorted(documents))
                )
            )
        )
    return mentioned - elsewhere


def plan_deletion(
    s: Session,
    *,
    documents: Iterable[int] = (),
    events: Iterable[int] = (),
    panels: Iterable[int] = (),
    people: Iterable[int] = (),
) -> DeletionPlan:
    """Everything that goes when the given items are deleted (ids that do not exist are
    ignored). A document's own events, panels and people are those no other document
    mentions; an event read only from the document stays when one of its panels was also
    read elsewhere."""
    plan = DeletionPlan(
        documents=_ids(s, Document.id, documents, Document.id),
        events=_ids(s, Event.id, events, Event.id),
        panels=_ids(s, Panel.id, panels, Panel.id),
        people=_ids(s, Person.id, people, Person.id),
    )
    if plan.documents:
        own_panels = _only_from(s, plan.documents, Mention.panel_id)
        own_events = _only_from(s, plan.documents, Mention.event_id)
        # An event goes with the document only if every mentioned panel of it goes too.
        shared_panels = _ids(s, Panel.event_id, own_events, Panel.id) - own_panels
        mentioned_shared = _ids(s, Mention.panel_id, shared_panels, Mention.panel_id)
        keep_events = _ids(s, Panel.id, mentioned_shared, Panel.event_id)
        plan.events |= own_events - keep_events
        plan.panels |= own_panels
        plan.people |= _only_from(s, plan.documents, Mention.person_id)
    plan.panels |= _ids(s, Panel.event_id, plan.events, Panel.id)
    # Organisations left with neither people nor events.
    candidates = _ids(s, Person.id, plan.people, Person.organisation_id)
    candidates |= _ids(s, Event.id, plan.events, Event.organisation_id)
    for model, gone in ((Person, plan.people), (Event, plan.events)):
        for chunk in _chunks(candidates):
            rows = s.execute(
                select(model.organisation_id, model.id).where(model.organisation_id.in_(chunk))
            )
            candidates -= {org for org, item in rows if item not in gone}
    plan.organisations = candidates
    return plan


def _link_conditions(plan: DeletionPlan) -> dict[Table, list]:
    """For each link table, the conditions (OR-ed) under which one of its rows goes."""
    return {
        Mention.__table__: [
            (Mention.document_id, plan.documents),
            (Mention.event_id, plan.events),
            (Mention.panel_id, plan.panels),
            (Mention.person_id, plan.people),
        ],
        Participation.__table__: [
            (Participation.person_id, plan.people),
            (Participation.event_id, plan.events),
            (Participation.panel_id, plan.panels),
        ],
        ContactPoint.__table__: [(ContactPoint.person_id, plan.people)],
        SourceUid.__table__: [
            (SourceUid.event_id, plan.events),
            (SourceUid.panel_id, plan.panels),
            (SourceUid.person_id, plan.people),
        ],
        OrganisationKey.__table__: [(OrganisationKey.organisation_id, plan.organisations)],
    }


def _planned_ids(plan: DeletionPlan) -> dict[Table, set[int]]:
    return {
        Document.__table__: plan.documents,
        Organisation.__table__: plan.organisations,
        Person.__table__: plan.people,
        Event.__table__: plan.events,
        Panel.__table__: plan.panels,
    }


def delete_planned(s: Session, plan: DeletionPlan) -> Removed:
    """Delete what ``plan`` names and return copies of every row removed."""
    rows: dict[str, list[dict[str, Any]]] = {}
    link_ids: dict[Table, set[int]] = {}
    for table, conditions in _link_conditions(plan).items():
        ids: set[int] = set()
        for column, values in conditions:
            ids |= _ids(s, column, values, table.c.id)
        link_ids[table] = ids
    everything = {**link_ids, **_planned_ids(plan)}
    for table, ids in everything.items():
        rows[table.name] = [
            dict(row._mapping)
            for chunk in _chunks(ids)
            for row in s.execute(select(table).where(table.c.id.in_(chunk)))
        ]
    s.flush()
    # Children first, so that no cascade runs behind the copies' back.
    for table in (*reversed(LINKS), *reversed(KEPT_IDS)):
        for chunk in _chunks(everything[table]):
            s.execute(delete(table).where(table.c.id.in_(chunk)))
    s.expire_all()
    return Removed(rows=rows, counts=plan.counts())


def delete_items(
    s: Session,
    *,
    documents: Iterable[int] = (),
    events: Iterable[int] = (),
    panels: Iterable[int] = (),
    people: Iterable[int] = (),
) -> Removed:
    """Plan (:func:`plan_deletion`) and delete in one go."""
    plan = plan_deletion(s, documents=documents, events=events, panels=panels, people=people)
    return delete_planned(s, plan)


def restore(s: Session, removed: Removed) -> dict[str, dict[int, int]]:
    """Insert the removed rows again. Documents, organisations, events, panels and people get
    their old ids back when still free (else new ones: the returned map, table → old id →
    new id, lists those). Raises :class:`RestoreConflict` when the same document or item was
    imported again since; the caller's transaction is then to be rolled back."""
    _refuse_uids_taken(s, removed.rows.get(SourceUid.__tablename__, []))
    renumbered: dict[str, dict[int, int]] = {}
    for table in KEPT_IDS:
        rows = removed.rows.get(table.name, [])
        if not rows:
            continue
        unique = UNIQUE.get(table.name)
        if unique is not None:
            values = [row[unique] for row in rows]
            taken = set()
            for start in range(0, len(values), CHUNK):
                chunk = values[start : start + CHUNK]
                taken.update(s.scalars(select(table.c[unique]).where(table.c[unique].in_(chunk))))
            if taken:
                raise RestoreConflict(
                    f"cannot put back the deleted {table.name}: the same {table.name} was "
                    "imported again since"
                )
        rows = [_renumbered_references(table.name, row, renumbered) for row in rows]
        busy = _ids(s, table.c.id, [row["id"] for row in rows], table.c.id)
        free = [row for row in rows if row["id"] not in busy]
        if free:
            s.execute(insert(table), free)
        for row in rows:
            if row["id"] in busy:
                values = {k: v for k, v in row.items() if k != "id"}
                new_id = s.execute(insert(table).values(values)).inserted_primary_key[0]
                renumbered.setdefault(table.name, {})[row["id"]] = new_id
    for table in LINKS:
        rows = [
            _renumbered_references(table.name, row, renumbered)
            for row in removed.rows.get(table.name, [])
        ]
        for row in rows:
            del row["id"]
        if rows:
            s.execute(insert(table), rows)
    s.expire_all()
    return renumbered


def _refuse_uids_taken(s: Session, rows: list[dict[str, Any]]) -> None:
    """Raise :class:`RestoreConflict` when a UID of the removed items names another item now
    (it was read again since, and the item it named is gone)."""
    removed = {(row["kind"], row["uid"]) for row in rows}
    uids = sorted({uid for _, uid in removed})
    for start in range(0, len(uids), CHUNK):
        query = select(SourceUid.kind, SourceUid.uid).where(
            SourceUid.uid.in_(uids[start : start + CHUNK])
        )
        for kind, uid in s.execute(query):
            if (kind, uid) in removed:
                raise RestoreConflict(
                    f"cannot put back the deleted {kind}: the same {kind} was imported again since"
                )


def _renumbered_references(
    table: str, row: dict[str, Any], renumbered: dict[str, dict[int, int]]
) -> dict[str, Any]:
    out = dict(row)
    for column, target in REFERENCES.get(table, {}).items():
        value = out.get(column)
        if value is not None and value in renumbered.get(target, {}):
            out[column] = renumbered[target][value]
    return out


def document_ids_for(s: Session, names: Iterable[str]) -> dict[str, list[int]]:
    """The stored documents each of ``names`` means: an id, or a path as imported (also
    matched by its absolute form and by file name when that is unambiguous)."""
    from pathlib import Path

    found: dict[str, list[int]] = {}
    rows = s.execute(select(Document.id, Document.path)).all()
    for name in names:
        if name.isdigit():
            found[name] = [int(name)] if any(r.id == int(name) for r in rows) else []
            continue
        wanted = {name, str(Path(name).expanduser().resolve())}
        ids = [r.id for r in rows if r.path in wanted or str(Path(r.path).resolve()) in wanted]
        if not ids:
            ids = [r.id for r in rows if Path(r.path).name == Path(name).name]
            ids = ids if len(ids) == 1 else []
        found[name] = ids
    return found


def describe(counts: dict[str, int]) -> str:
    """``1 document, 3 events, 2 panels and 5 people`` (the kinds with a count)."""
    words = {
        "documents": ("document", "documents"),
        "events": ("event", "events"),
        "panels": ("panel", "panels"),
        "people": ("person", "people"),
    }
    parts = [f"{n:,} {words[k][0] if n == 1 else words[k][1]}" for k, n in counts.items() if n]
    if not parts:
        return "nothing"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


__all__ = [
    "DeletionPlan",
    "Removed",
    "RestoreConflict",
    "delete_items",
    "delete_planned",
    "describe",
    "document_ids_for",
    "plan_deletion",
    "restore",
]
