"""UIDs that other programs give events, panels and people (iCalendar UID, RFC 5545 §3.8.4.7;
vCard UID, RFC 6350 §6.7.6).

A UID is an identity: a record read again with the same UID is the item stored for it (and
may update it), and a record with a UID is never merged into an item that another UID names.
Items are bound to UIDs in the ``source_uid`` table, which also keeps each UID as written:
exports write an item's first one back, so that calendar and address-book clients, which know
an item by its UID, see the same item again. Our own exports carry the item's ``uuid``
(``<uuid>@forumdesk``, ``urn:uuid:<uuid>``), which is looked up too (as are foreign UIDs that
older versions kept as the uuid).
"""

from __future__ import annotations

import hashlib
import re
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
_UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_OWN_UID = re.compile(f"(?:urn:uuid:)?({_UUID})(?:@forumdesk)?", re.IGNORECASE)
_MINTED = re.compile(_UUID)


def normal(uid: str) -> str:
    """The bare UUID of a UID in one of the forms we write; any other UID as written."""
    match = _OWN_UID.fullmatch(uid)
    return match.group(1).lower() if match else uid


def uid_key(uid: str) -> str:
    """How a UID is kept: :func:`normal`, or ``sha256:<hex>`` of it when longer than the
    column."""
    uid = normal(uid)
    if len(uid) <= MAX_UID:
        return uid
    return "sha256:" + hashlib.sha256(uid.encode("utf-8", "surrogatepass")).hexdigest()


def find(session: Session, model: type[Item], uid: str) -> Item | None:
    """The stored item of ``model`` that ``uid`` names, if any."""
    item_id = session.scalar(_BOUND[model], {"uid": uid_key(uid)})
    if item_id is not None:
        return session.get(model, item_id)
    bare = normal(uid)
    if len(bare) <= UUID_LENGTH:
        return session.scalars(_BY_UUID[model], {"uid": bare}).first()
    return None


def export_uid(foreign_uid: str | None, uuid: str, own_form: str) -> str:
    """The UID an item is exported under: the first UID another program gave it, as written;
    else its uuid in ``own_form`` (``"{}@forumdesk"``). A uuid that is no UUID is a foreign
    UID that older versions kept as the uuid without binding it."""
    if foreign_uid:
        return foreign_uid
    if _MINTED.fullmatch(uuid) is None:
        return uuid
    return own_form.format(uuid)


def bind_all(session: Session, bindings: Iterable[tuple[Item, str]]) -> None:
    """Record that each UID (as written) names its item (the items must have been flushed);
    bindings already stored are left as they are."""
    rows = {}
    for item, uid in bindings:
        kind, column = _KINDS[type(item)]
        key = uid_key(uid)
        ids = {"event_id": None, "panel_id": None, "person_id": None, column.key: item.id}
        rows[(kind, key)] = {"kind": kind, "uid": key, "written": uid, **ids}
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
