"""Builders of extractions for the database tests."""

from __future__ import annotations

import hashlib
import itertools

from sqlalchemy.orm import Session, sessionmaker

from db.store import ImportResult, store_extraction
from importers.records import DocumentText, EventRecord, Extraction, PersonRecord

_counter = itertools.count()


def extraction(
    text: str = "",
    *,
    events: tuple[EventRecord, ...] = (),
    people: tuple[PersonRecord, ...] = (),
    path: str = "",
) -> Extraction:
    """An extraction of a made-up document; each call is a different document."""
    n = next(_counter)
    text = text or f"document {n}"
    document = DocumentText(path=path or f"doc{n}.txt", format="txt", text=text)
    return Extraction(document=document, events=events, people=people)


def store(
    sessions: sessionmaker[Session], extracted: Extraction, *, accept: bool = False
) -> ImportResult:
    """Store an extraction in its own transaction, as the import pipeline does."""
    document = extracted.document
    sha = hashlib.sha256(f"{document.path}\n{document.text}".encode()).hexdigest()
    with sessions.begin() as session:
        return store_extraction(session, extracted, sha, accept=accept)
