"""The import pipeline: files → :func:`importers.pipeline.load` → stored, de-duplicated items.

Each document is stored in its own transaction: it is stored whole or not at all, and one bad
file never stops a batch.
"""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from nameparser import HumanName
from sqlalchemy import bindparam, insert, inspect, or_, select
from sqlalchemy.orm import Session, sessionmaker

from db import dedup, source_uids
from db.acronyms import acronym_pairs
from db.models import (
    ContactKind,
    ContactPoint,
    Document,
    Event,
    Mention,
    Organisation,
    OrganisationKey,
    Panel,
    Participation,
    Person,
    Status,
)
from db.text_keys import name_keys
from db.write_lock import write_with_retries
from importers.errors import DocumentError, ReadError
from importers.files import find_documents
from importers.readers.file_bytes import format_megabytes, open_regular_file
from importers.records import EventRecord, Extraction, PanelRecord, PartialDate, PersonRecord

UUID_LENGTH = 36

# Statements run for every document, built once.
_DOCUMENT_BY_SHA = select(Document.id).where(Document.sha256 == bindparam("sha"))
_STORED_PARTICIPATIONS = select(
    Participation.person_id, Participation.event_id, Participation.panel_id, Participation.role
).where(
    Participation.person_id.in_(bindparam("people", expanding=True)),
    or_(
        Participation.event_id.in_(bindparam("events", expanding=True)),
        Participation.panel_id.in_(bindparam("panels", expanding=True)),
    ),
)


@dataclass
class ImportResult:
    """One file's import. ``events``, ``panels`` and ``people`` count the distinct items the
    document holds; ``new_*`` those of them that it added (the rest were merged into items
    already stored)."""

    path: str
    status: str  # "new" | "unchanged" | "failed"
    reason: str | None = None
    document_id: int | None = None
    events: int = 0
    panels: int = 0
    people: int = 0
    new_events: int = 0
    new_panels: int = 0
    new_people: int = 0
    warnings: tuple[str, ...] = ()  # what was skipped in a document that was imported

    @property
    def found_nothing(self) -> bool:
        """A document stored without a single event, panel or person in it."""
        return self.status == "new" and not (self.events or self.panels or self.people)


@dataclass
class ImportSummary:
    results: list[ImportResult] = field(default_factory=list)
    cancelled: bool = False

    @property
    def new(self) -> list[ImportResult]:
        return [r for r in self.results if r.status == "new"]

    @property
    def unchanged(self) -> list[ImportResult]:
        return [r for r in self.results if r.status == "unchanged"]

    @property
    def failed(self) -> list[ImportResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def events(self) -> int:
        return sum(r.events for r in self.results)

    @property
    def panels(self) -> int:
        return sum(r.panels for r in self.results)

    @property
    def people(self) -> int:
        return sum(r.people for r in self.results)

    def added(self, kind: str) -> int:
        """Items of ``kind`` ("events", "panels", "people") the import added."""
        return sum(getattr(r, f"new_{kind}") for r in self.results)

    def merged(self, kind: str) -> int:
        """Items of ``kind`` read again and merged into ones already stored (counted once per
        document that read them)."""
        return sum(getattr(r, kind) for r in self.results) - self.added(kind)


def find_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[ImportResult]]:
    """Files to import (see :func:`importers.files.find_documents`); a folder that cannot be
    read is a "failed" result, not silence."""
    files, problems = find_documents(paths)
    return files, [ImportResult(where, "failed", reason=reason) for where, reason in problems]


def iter_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The files :func:`find_files` finds."""
    return find_files(paths)[0]


def file_sha256(path: Path, limit: int | None = None) -> str:
    """The SHA-256 of a regular file (see :func:`importers.readers.file_bytes.
    open_regular_file`); a file over ``limit`` bytes is refused before it is read."""
    with open_regular_file(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if limit is not None and size > limit:
            reason = f"file too large ({format_megabytes(size)}; limit {format_megabytes(limit)})"
            raise ReadError(str(path), reason)
        digest = hashlib.sha256()
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def import_documents(
    sessions: sessionmaker[Session],
    paths: Iterable[str | Path],
    *,
    accept: bool = False,
    progress: Callable[[int, int, Path], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ImportSummary:
    """Import files and folders (see :func:`find_files`), one transaction per document.

    ``progress(index, total, path)`` is called before each document (index from 1);
    ``cancel()`` is asked before each one, so a cancel stops after the current document.
    """
    files, problems = find_files(paths)
    summary = ImportSummary(results=list(problems))
    for index, path in enumerate(files, 1):
        if cancel is not None and cancel():
            summary.cancelled = True
            break
        if progress is not None:
            progress(index, len(files), path)
        summary.results.append(import_file(sessions, path, accept=accept))
    return summary


def stored_path(path: str) -> str:
    """A file name as the database keeps it: bytes that are not UTF-8 (kept by Python as lone
    surrogates, which no database text column takes) written as ``\\xNN``."""
    try:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return path.encode("utf-8", "backslashreplace").decode("utf-8")


def _known_document(sessions: sessionmaker[Session], sha: str) -> int | None:
    with sessions() as session:
        return session.scalar(_DOCUMENT_BY_SHA, {"sha": sha})


def import_file(
    sessions: sessionmaker[Session], path: Path, *, accept: bool = False
) -> ImportResult:
    """Import one file in its own transaction; every failure becomes a "failed" result.

    The file is read and analysed before the transaction starts, and a known file (same
    SHA-256) is not read again. The transaction holds the write lock and is tried again after
    a race with another program (see :mod:`db.write_lock`): nothing reported as failed was a
    race.
    """
    from importers.pipeline import load, size_limit

    try:
        sha = file_sha256(path, size_limit(path))
        known = _known_document(sessions, sha)
        if known is not None:
            return ImportResult(str(path), "unchanged", document_id=known)
        # Stored with its absolute path: a relative one means nothing from another folder.
        extraction = load(Path(os.path.abspath(path)))
        result = write_with_retries(
            sessions, lambda session: store_extraction(session, extraction, sha, accept=accept)
        )
        result.path = str(path)
        return result
    except DocumentError as exc:
        return ImportResult(str(path), "failed", reason=exc.reason)
    except OSError as exc:
        return ImportResult(str(path), "failed", reason=exc.strerror or str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        return ImportResult(str(path), "failed", reason=f"{type(exc).__name__}: {reason}")


def store_extraction(
    session: Session, extraction: Extraction, sha256: str, *, accept: bool = False
) -> ImportResult:
    """Store one document and what was found in it, merged with what is already stored.

    Runs inside the caller's transaction and raises on failure (the caller rolls back).
    A document already stored (same sha256) is "unchanged" and nothing is written.
    """
    doc = extraction.document
    known = session.scalar(_DOCUMENT_BY_SHA, {"sha": sha256})
    if known is not None:
        return ImportResult(doc.path, "unchanged", document_id=known)
    document = Document(
        path=stored_path(doc.path),
        sha256=sha256,
        format=doc.format,
        title=doc.title,
        text=doc.text,
        reference_date=doc.reference_date,
    )
    session.add(document)
    writer = _DocumentWriter(session, document, accept, acronym_pairs(doc.text))
    # Look-ups flush only what they can see (see _DocumentWriter._sync): a flush per query
    # would write the document's rows one at a time.
    with session.no_autoflush:
        for record in extraction.people:
            writer.person(record)
        for record in extraction.events:
            writer.event(record)
    writer.write_links()
    return ImportResult(
        doc.path,
        "new",
        document_id=document.id,
        events=len(writer.events),
        panels=len(writer.panels),
        people=len(writer.people),
        new_events=writer.count_new(writer.events),
        new_panels=writer.count_new(writer.panels),
        new_people=writer.count_new(writer.people),
        warnings=extraction.warnings,
    )


# -- one document's records ------------------------------------------------------------------


def _precision(value: PartialDate | None) -> str | None:
    return str(value.precision) if value is not None else None


@lru_cache(maxsize=1 << 14)
def _name_parts(name: str) -> tuple[str | None, str | None, str | None]:
    """Honorific, given names and family name of a full name (names recur across documents,
    and parsing one is slow)."""
    parsed = HumanName(name)
    given = " ".join(p for p in (parsed.first, parsed.middle) if p) or None
    return parsed.title or None, given, parsed.last or None


def _contacts(record: PersonRecord) -> list[tuple[str, str]]:
    out = []
    for kind, values in (
        (ContactKind.PHONE, record.phones),
        (ContactKind.MOBILE, record.mobiles),
        (ContactKind.FAX, record.faxes),
        (ContactKind.EMAIL, tuple(v.lower() for v in record.emails)),
        (ContactKind.URL, record.urls),
    ):
        out.extend((str(kind), v.strip()) for v in values if v and v.strip())
    return list(dict.fromkeys(out))


def _uuid_for(uid: str | None) -> dict[str, str]:
    bare = source_uids.normal(uid) if uid else ""
    return {"uuid": bare} if bare and len(bare) <= UUID_LENGTH else {}


def _fill(item: object, values: dict[str, object]) -> bool:
    """Set the fields that are still empty; never overwrite a value (it may be a user edit)."""
    changed = False
    for name, value in values.items():
        if value not in (None, "") and getattr(item, name) in (None, ""):
            setattr(item, name, value)
            changed = True
    return changed


class _DocumentWriter:
    """Stores the records of one document, remembering what it touched."""

    def __init__(
        self, session: Session, document: Document, accept: bool, pairs: dict[str, str]
    ) -> None:
        self.session = session
        self.document = document
        self.status = Status.ACCEPTED if accept else Status.SUGGESTED
        self.accept = accept
        self.pairs = pairs
        self.events: dict[int, Event] = {}
        self.panels: dict[int, Panel] = {}
        self.people: dict[int, Person] = {}
        self.by_name: dict[str, Person] = {}
        self.mentioned: set[tuple[int, int, int]] = set()
        self.pending_mentions: list[tuple[Event | Panel | Person, int, int]] = []
        self.pending_participations: list[tuple[Person, Event | None, Panel | None, str]] = []
        self.participations: set[tuple[int, str, str]] = set()
        self.organisations: dict[str, Organisation | None] = {}
        self.created: set[int] = set()  # id() of the items this document added
        # (model, UID key) → (item, UID as written)
        self.uids: dict[tuple[type, str], tuple[Event | Panel | Person, str]] = {}
        self.bound_here: dict[type, list[Event | Panel | Person]] = defaultdict(list)
        self.bound_ids: dict[type, set[int]] = defaultdict(set)

    def _note_new(self, item: Event | Panel | Person) -> None:
        if not inspect(item).persistent:
            self.created.add(id(item))

    def count_new(self, items: dict[int, Event | Panel | Person]) -> int:
        return sum(1 for key in items if key in self.created)

    def _sync(self, *models: type) -> None:
        """Flush if an added or changed object of ``models`` is waiting, so that the next
        look-up of those models sees it (items read twice in one document are stored once)."""
        session = self.session
        if any(isinstance(obj, models) for obj in session.new) or any(
            isinstance(obj, models) for obj in session.dirty
        ):
            session.flush()

    # provenance

    def _mention(self, item: Event | Panel | Person, spans: Iterable[tuple[int, int]]) -> None:
        spans = list(spans) or [(0, 0)]
        for start, end in spans:
            key = (id(item), start, end)
            if key in self.mentioned:
                continue
            self.mentioned.add(key)
            self.pending_mentions.append((item, start, end))

    # UIDs (see db.source_uids)

    def _by_uid(self, model: type, uid: str) -> Event | Panel | Person | None:
        """The item a UID names: read earlier in this document, or stored."""
        seen = self.uids.get((model, source_uids.uid_key(uid)))
        return seen[0] if seen else source_uids.find(self.session, model, uid)

    def _bind(self, item: Event | Panel | Person, uid: str | None) -> None:
        """The record's UID (if any) names ``item``; stored by :meth:`write_links`. A stored
        item read back by its own uuid (our export) needs no record of it."""
        if uid and not (item.id is not None and item.uuid == source_uids.normal(uid)):
            self.uids[(type(item), source_uids.uid_key(uid))] = (item, uid)
            self.bound_here[type(item)].append(item)

    def _bound_ids(self, model: type) -> set[int]:
        """Ids of the items of ``model`` bound to a UID in this document so far (those not
        stored yet have none and cannot be candidates)."""
        waiting = self.bound_here[model]
        self.bound_here[model] = [item for item in waiting if item.id is None]
        self.bound_ids[model].update(item.id for item in waiting if item.id is not None)
        return self.bound_ids[model]

    def _bound_panels(self, event: Event) -> set[int]:
        ids = [panel.id for panel in event.panels if panel.id is not None]
        return source_uids.bound_ids(self.session, Panel, ids) | self._bound_ids(Panel)

    def _touch(self, item: Event | Panel | Person) -> None:
        """An item read again: accepting the document accepts it unless it was rejected."""
        if self.accept and item.status == Status.SUGGESTED:
            item.status = Status.ACCEPTED

    # people

    def person(self, record: PersonRecord) -> Person:
        person = self._resolve_person(record)
        self._note_new(person)
        self.people[id(person)] = person
        self._mention(person, record.spans)
        key = name_keys(record.name).name_key
        if key:
            self.by_name.setdefault(key, person)
        return person

    def _resolve_person(self, record: PersonRecord) -> Person:
        session = self.session
        self._sync(Person, ContactPoint)
        if record.uid:
            same = self._by_uid(Person, record.uid)
            if same is not None:
                return same  # a vCard carries no revision: the stored person wins
        contacts = _contacts(record)
        emails = [v for k, v in contacts if k == ContactKind.EMAIL]
        phones = [v for k, v in contacts if k in (ContactKind.PHONE, ContactKind.MOBILE)]
        # Distinct UIDs are distinct people: a record with a UID merges only into a person
        # that no UID names.
        person = dedup.find_person(
            session,
            record.name,
            emails,
            phones,
            unbound_only=bool(record.uid),
            skip=self._bound_ids(Person) if record.uid else (),
        )
        organisation = self._organisation(record.organisation)
        title, given, family = _name_parts(record.name)
        values = {
            "honorific": record.honorific or title,
            "given_name": given,
            "family_name": family,
            "job_title": record.title,
            "notes": record.notes,
        }
        if person is None:
            person = Person(
                full_name=record.name.strip(),
                status=self.status,
                organisation=organisation,
                **_uuid_for(record.uid),
                **values,
            )
            session.add(person)
            for kind, value in contacts:
                person.contacts.append(ContactPoint(kind=kind, value=value))
            self._bind(person, record.uid)
            return person
        self._bind(person, record.uid)
        changed = _fill(person, values)
        if organisation is not None and person.organisation_id is None:
            person.organisation = organisation
            changed = True
        # Contacts (and, when the person changed, the organisation: the derived columns read
        # it) are loaded only when needed; most people are read again without any.
        have = {(c.kind, c.value) for c in person.contacts} if contacts else set()
        for kind, value in contacts:
            if (kind, value) not in have:
                person.contacts.append(ContactPoint(kind=kind, value=value))
                changed = True
        if changed:
            person.revision += 1
        self._touch(person)
        return person

    def _organisation(self, name: str | None) -> Organisation | None:
        """The organisation named ``name``, resolved once per document."""
        name = (name or "").strip()
        if not name:
            return None
        if name not in self.organisations:
            self._sync(Organisation, OrganisationKey)
            self.organisations[name] = dedup.resolve_organisation(self.session, name, self.pairs)
        return self.organisations[name]

    def _participant(self, name: str) -> Person:
        key = name_keys(name).name_key
        person = self.by_name.get(key)
        if person is None:
            person = self.person(PersonRecord(name=name))
        return person

    def _take_part(
        self, person: Person, role: str, *, event: Event | None = None, panel: Panel | None = None
    ) -> None:
        target = event if event is not None else panel
        key = (id(person), f"{'e' if event is not None else 'p'}{id(target)}", role)
        if key in self.participations:
            return
        self.participations.add(key)
        self.pending_participations.append((person, event, panel, role))

    @staticmethod
    def _link_key(
        person_id: int, event_id: int | None, panel_id: int | None, role: str
    ) -> tuple[int, str, int, str]:
        """What a participation is compared by: its person, role and its panel if it has one,
        else its event."""
        if panel_id is not None:
            return (person_id, "panel", panel_id, role)
        return (person_id, "event", event_id or 0, role)

    def _stored_participations(self) -> set[tuple[int, str, int, str]]:
        """Keys (see :meth:`_link_key`) of the pending participations already stored (read
        again from another document), in one query. A stored row holding both an event and a
        panel counts for either."""
        people = {person.id for person, _, _, _ in self.pending_participations}
        events = {e.id for _, e, _, _ in self.pending_participations if e is not None}
        panels = {p.id for _, _, p, _ in self.pending_participations if p is not None}
        rows = self.session.connection().execute(
            _STORED_PARTICIPATIONS,
            {"people": sorted(people), "events": sorted(events), "panels": sorted(panels)},
        )
        stored = set()
        for person_id, event_id, panel_id, role in rows:
            if event_id is not None:
                stored.add(self._link_key(person_id, event_id, None, role))
            if panel_id is not None:
                stored.add(self._link_key(person_id, None, panel_id, role))
        return stored

    def write_links(self) -> None:
        """Insert the mentions and participations in two statements once every item has an
        id: far cheaper than one ORM object each."""
        self.session.flush()
        stored = self._stored_participations() if self.pending_participations else set()
        column = {Event: "event_id", Panel: "panel_id", Person: "person_id"}
        mentions = [
            {
                "document_id": self.document.id,
                "event_id": None,
                "panel_id": None,
                "person_id": None,
                column[type(item)]: item.id,
                "start": a,
                "end": b,
            }
            for item, a, b in self.pending_mentions
        ]
        participations = []
        for person, event, panel, role in self.pending_participations:
            row = {
                "person_id": person.id,
                "event_id": event.id if event is not None else None,
                "panel_id": panel.id if panel is not None else None,
                "role": role,
            }
            if self._link_key(**row) not in stored:
                participations.append(row)
        connection = self.session.connection()
        for model, rows in ((Mention, mentions), (Participation, participations)):
            if rows:
                connection.execute(insert(model.__table__), rows)
        source_uids.bind_all(self.session, self.uids.values())

    # events and panels

    def event(self, record: EventRecord) -> Event:
        event = self._resolve_event(record)
        self._note_new(event)
        self.events[id(event)] = event
        self._mention(event, record.spans)
        for participant in record.people:
            person = self._participant(participant.name)
            self._mention(person, participant.spans)
            self._take_part(person, participant.role.lower(), event=event)
        for panel_record in record.panels:
            self.panel(event, panel_record, record.sequence)
        return event

    @staticmethod
    def _event_values(record: EventRecord) -> dict[str, object]:
        start, end = record.start, record.end or record.start
        return {
            "title": record.title,
            "kind": record.kind,
            "start_date": start.first_day() if start else None,
            "start_precision": _precision(start),
            "end_date": end.last_day() if end else None,
            "end_precision": _precision(end),
            "start_time": record.start_time,
            "end_time": record.end_time,
            "timezone": record.timezone,
            "location": record.location,
            "description": record.description,
        }

    def _resolve_event(self, record: EventRecord) -> Event:
        session = self.session
        values = self._event_values(record)
        self._sync(Event)
        if record.uid:
            same = self._by_uid(Event, record.uid)
            if same is not None:
                if record.sequence is not None and record.sequence > same.revision:
                    for name, value in values.items():
                        setattr(same, name, value)
                    same.revision = record.sequence
                self._touch(same)
                self._bind(same, record.uid)
                return same
        # Distinct UIDs are distinct events: a record with a UID merges only into an event
        # that no UID names (one read from a document).
        event = dedup.find_event(
            session,
            record.title,
            values["start_date"],
            values["end_date"],
            unbound_only=bool(record.uid),
            skip=self._bound_ids(Event) if record.uid else (),
        )
        if event is None:
            event = Event(status=self.status, revision=record.sequence or 0, **values)
            for name, value in _uuid_for(record.uid).items():
                setattr(event, name, value)
            session.add(event)
            self._bind(event, record.uid)
            return event
        self._bind(event, record.uid)
        changed = False
        incoming = dedup.PRECISION_RANK.get(values["start_precision"], 3)
        if incoming < dedup.PRECISION_RANK.get(event.start_precision, 3):
            for name in ("start_date", "start_precision", "end_date", "end_precision"):
                setattr(event, name, values[name])
            changed = True
        fill = {k: v for k, v in values.items() if k not in ("title",) and "date" not in k}
        fill = {k: v for k, v in fill.items() if "precision" not in k}
        changed = _fill(event, fill) or changed
        if changed:
            event.revision += 1
        self._touch(event)
        return event

    def panel(self, event: Event, record: PanelRecord, sequence: int | None) -> Panel:
        sequence = record.sequence if record.sequence is not None else sequence
        values = {
            "title": record.title,
            "kind": record.kind,
            "date": record.date.first_day() if record.date else None,
            "date_precision": _precision(record.date),
            "start_time": record.start_time,
            "end_time": record.end_time,
            "location": record.location,
        }
        panel = None
        if record.uid:
            self._sync(Panel)
            panel = self._by_uid(Panel, record.uid)
            if panel is not None and sequence is not None and sequence > panel.revision:
                for name, value in values.items():
                    setattr(panel, name, value)
                panel.revision = sequence
        if panel is None:
            skip = self._bound_panels(event) if record.uid else set()
            panel = dedup.find_panel(event, record.title, record.kind, values["date"], skip)
            if panel is not None and _fill(panel, values):
                panel.revision += 1
        if panel is None:
            panel = Panel(status=self.status, revision=sequence or 0, **values)
            for name, value in _uuid_for(record.uid).items():
                setattr(panel, name, value)
            event.panels.append(panel)
        self._bind(panel, record.uid)
        self._touch(panel)
        self._note_new(panel)
        self.panels[id(panel)] = panel
        self._mention(panel, record.spans)
        for participant in record.people:
            person = self._participant(participant.name)
            self._mention(person, participant.spans)
            self._take_part(person, participant.role.lower(), panel=panel)
        return panel
