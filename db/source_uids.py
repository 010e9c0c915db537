"""UIDs that other programs give events, panels and people (iCalendar UID, RFC 5545 §3.8.4.7;
vCard UID, RFC 6350 §6.7.6).

A UID is an identity: a record read again with the same UID is the item stored for it (and
may update it), and a record with a UID is never merged into an item that another UID names.
Items are bound to UIDs in the ``source_uid`` table; our own exports carry the item's
``uuid``, which is looked up too (as are foreign UIDs that older versions kept as the uuid).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sqlalchemy import ColumnElement, bindparam, exists, insert, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from db.models import Event, Panel, Person, SourceUid

MAX_UID = 255
UUID_LENGTH = 36

Item = Event | Panel | Person
_KINDS: dict[type, tuple[str, InstrumentedAttribute[int | None]]] = {
    Event: ("event", SourceUid.event_id),
    Panel: ("panel", SourceUid.panel_id),
    Person: ("person", SourceUid.person_id),
}
_BOUND = {
    model: select(column).where(SourceUid.kind == kind, SourceUid.uid == bindparam("uid"))
    for model, (kind, column) in _KINDS.items()
}
_BY_UUID = {model: select(model).where(model.uuid == bindparam("uid")) for model in _KINDS}
_STORED_KEYS = select(SourceUid.kind, SourceUid.uid).where(
    SourceUid.uid.in_(bindparam("uids", expanding=True))
)
_CHUNK = 500


def uid_key(uid: str) -> str:
    """How a UID is kept: as written, or as ``sha256:<hex>`` when longer than the column."""
    if len(uid) <= MAX_UID:
        return uid
    return "sha256:" + hashlib.sha256(uid.encode("utf-8", "surrogatepass")).hexdigest()


def find(session: Session, model: type[Item], uid: str) -> Item | None:
    """The stored item of ``model`` that ``uid`` names, if any."""
    item_id = session.scalar(_BOUND[model], {"uid": uid_key(uid)})
    if item_id is not None:
        return session.get(model, item_id)
    if len(uid) <= UUID_LENGTH:
        return session.scalars(_BY_UUID[model], {"uid": uid}).first()
    return None


def bind_all(session: Session, bindings: Iterable[tuple[Item, str]]) -> None:
    """Record that each UID names its item (the items must have been flushed); bindings
    already stored are left as they are."""
    rows = {}
    for item, uid in bindings:
        kind, column = _KINDS[type(item)]
        row = {"kind": kind, "uid": uid_key(uid), "event_id": None, "panel_id": None}
        rows[(kind, row["uid"])] = row | {"person_id": None, column.key: item.id}
    if not rows:
        return
    keys = sorted({uid for _, uid in rows})
    stored = set()
    for start in range(0, len(keys), _CHUNK):
        found = session.execute(_STORED_KEYS, {"uids": keys[start : start + _CHUNK]})
        stored.update(tuple(row) for row in found)
    new = [row for key, row in rows.items() if key not in stored]
    if new:
        session.connection().execute(insert(SourceUid), new)


def unbound(model: type[Item]) -> ColumnElement[bool]:
    """A condition on ``model``: no UID names the item, so a record with a UID may be merged
    into it."""
    _, column = _KINDS[model]
    return ~exists().where(column == model.id)


def bound_ids(session: Session, model: type[Item], ids: list[int]) -> set[int]:
    """Those of ``ids`` that a UID names."""
    if not ids:
        return set()
    _, column = _KINDS[model]
    return set(session.scalars(select(column).where(column.in_(ids))))
