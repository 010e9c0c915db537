"""Merges that can be taken back: the undo of :func:`db.edits.merge_people` and
:func:`db.edits.merge_events`.

:func:`merge` copies, before merging, the rows of both items and of everything that names
them (contacts, mentions, participations, UIDs), and the ids of the other event's panels.
:func:`unmerge` puts those rows back: the kept item's fields as they were, the other item
again (as :func:`db.deletion.restore` puts back a deleted one) and each link on its item, the
panels on their event. A link that names the kept item and matches none of the copies was
added since (a document imported after the merge) and stays.

Everything runs inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, select, update
from sqlalchemy.orm import Session

from db import deletion, edits
from db.models import ContactPoint, Event, Mention, Panel, Participation, Person, SourceUid

_MODELS: dict[str, type[Event | Person]] = {"event": Event, "person": Person}
_MERGES: dict[str, Callable[[Session, int, int], object]] = {
    "event": edits.merge_events,
    "person": edits.merge_people,
}
_LINKS: dict[str, tuple[Table, ...]] = {
    "event": (Mention.__table__, Participation.__table__, SourceUid.__table__),
    "person": (
        ContactPoint.__table__,
        Mention.__table__,
        Participation.__table__,
        SourceUid.__table__,
    ),
}
#: Columns of the kept item not put back: the revision moves on (exports write it as the
#: SEQUENCE) and the update time is now.
_MOVING_ON = ("id", "revision", "updated_at")


@dataclass
class Merged:
    """What one merge changed: the rows as they were before it."""

    kind: str  # "event" or "person"
    keep_id: int
    other_id: int
    kept: dict[str, Any]  # the kept item's row
    removed: deletion.Removed  # the other item's row and the links of both
    panel_ids: list[int]  # the other event's panels


def _rows(s: Session, table: Table, column_name: str, ids: list[int]) -> list[dict[str, Any]]:
    query = select(table).where(table.c[column_name].in_(ids)).order_by(table.c.id)
    return [dict(row._mapping) for row in s.execute(query)]


def merge(s: Session, kind: str, keep_id: int, other_id: int) -> Merged:
    """Merge ``other_id`` into ``keep_id`` (``kind`` "event" or "person") as ``db.edits``
    does, and return what :func:`unmerge` needs to take it back."""
    if kind not in _MODELS:
        raise ValueError(f"cannot merge a {kind}")
    s.flush()
    table = _MODELS[kind].__table__
    items = {row["id"]: row for row in _rows(s, table, "id", [keep_id, other_id])}
    rows = {table.name: [items[other_id]]} if other_id in items else {}
    column = f"{kind}_id"
    for link in _LINKS[kind]:
        rows[link.name] = _rows(s, link, column, [keep_id, other_id])
    panel_ids = []
    if kind == "event":
        panel_ids = list(s.scalars(select(Panel.id).where(Panel.event_id == other_id)))
    _MERGES[kind](s, keep_id, other_id)  # raises when either item is missing
    counts = {"events" if kind == "event" else "people": 1}
    return Merged(
        kind,
        keep_id,
        other_id,
        items[keep_id],
        deletion.Removed(rows=rows, counts=counts),
        panel_ids,
    )


def _chunks(ids: list[int]) -> list[list[int]]:
    return [ids[start : start + deletion.CHUNK] for start in range(0, len(ids), deletion.CHUNK)]


def _link_key(row: Mapping[str, Any], column: str) -> tuple:
    """A link as the merge moves it: all but its id and the item it names."""
    return tuple(value for name, value in row.items() if name not in ("id", column))


def unmerge(s: Session, merged: Merged) -> int:
    """Put back what :func:`merge` folded together; the other item's id (a new one when its
    old id was taken since). Raises :class:`db.deletion.RestoreConflict` when the kept item
    is gone or the other one was imported again since; the caller's transaction is then to be
    rolled back."""
    model = _MODELS[merged.kind]
    table = model.__table__
    keep_id = merged.keep_id
    revision = s.scalar(select(table.c.revision).where(table.c.id == keep_id))
    if revision is None:
        raise deletion.RestoreConflict(
            f"cannot undo the merge: the {merged.kind} was deleted since"
        )
    column = f"{merged.kind}_id"
    for link in _LINKS[merged.kind]:
        copied = {_link_key(row, column) for row in merged.removed.rows[link.name]}
        current = s.execute(select(link).where(link.c[column] == keep_id))
        ids = [row.id for row in current if _link_key(row._mapping, column) in copied]
        for chunk in _chunks(ids):
            s.execute(delete(link).where(link.c.id.in_(chunk)))
    kept = {name: value for name, value in merged.kept.items() if name not in _MOVING_ON}
    kept["revision"] = revision + 1
    s.execute(update(table).where(table.c.id == keep_id).values(kept))
    renumbered = deletion.restore(s, merged.removed)
    other_id = renumbered.get(table.name, {}).get(merged.other_id, merged.other_id)
    for chunk in _chunks(merged.panel_ids):
        s.execute(
            update(Panel)
            .where(Panel.id.in_(chunk), Panel.event_id == keep_id)
            .values(event_id=other_id)
        )
    s.expire_all()
    return other_id
