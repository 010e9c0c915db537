"""Invented test data for the window tests, stored through db.store into real SQLite files."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db import store
from db.models import Event
from importers.records import (
    DocumentText,
    EventRecord,
    Extraction,
    PanelRecord,
    PartialDate,
    Participant,
    PersonRecord,
)

_counter = itertools.count()

# A made-up document: every name, place and number below is invented for the tests.
# A fixed "today" after every test event: nothing is upcoming, as with old documents.
LATER = dt.date(1992, 1, 10)

TEXT = (
    "The Northwind Water Forum opens on 15 June 1988 in Lakeside Hall. "
    "A panel on river basins will be moderated by Ada Quill, Director of Hydrology at "
    "Blue Basin Institute. Speakers include Bruno Tallow. "
    "Contact: Ada Quill, tel +32 2 555 01 23, ada.quill@bluebasin.example."
)


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return (start, start + len(words))


def water_forum_extraction(path: str = "water-forum.txt") -> Extraction:
    """A two-day event (15–16 June 1988) with one panel and two people."""
    panel = PanelRecord(
        title="River basins",
        kind="high-level panel",
        date=PartialDate(1988, 6, 15),
        start_time=dt.time(10, 0),
        end_time=dt.time(11, 30),
        people=(
            Participant("Ada Quill", "moderator", (span(TEXT, "Ada Quill"),)),
            Participant("Bruno Tallow", "speaker", (span(TEXT, "Bruno Tallow"),)),
        ),
        spans=(span(TEXT, "A panel on river basins"),),
    )
    event = EventRecord(
        title="Northwind Water Forum",
        kind="forum",
        start=PartialDate(1988, 6, 15),
        end=PartialDate(1988, 6, 16),
        location="Lakeside Hall",
        panels=(panel,),
        spans=(span(TEXT, "Northwind Water Forum"),),
    )
    people = (
        PersonRecord(
            name="Ada Quill",
            title="Director of Hydrology",
            organisation="Blue Basin Institute",
            phones=("+3225550123",),
            emails=("ada.quill@bluebasin.example",),
            spans=(span(TEXT, "Ada Quill"),),
        ),
        PersonRecord(name="Bruno Tallow", spans=(span(TEXT, "Bruno Tallow"),)),
    )
    return Extraction(
        document=DocumentText(path=path, format="txt", text=TEXT, title="Water forum notice"),
        events=(event,),
        people=people,
    )


def add_extraction(
    sessions: sessionmaker[Session], extraction: Extraction, *, accept: bool = False
) -> store.ImportResult:
    with sessions.begin() as s:
        return store.store_extraction(s, extraction, f"{next(_counter):064d}", accept=accept)


def simple_event_extraction(
    title: str, start: PartialDate | None, end: PartialDate | None = None
) -> Extraction:
    text = f"{title} is announced."
    return Extraction(
        document=DocumentText(path=f"{title}.txt", format="txt", text=text),
        events=(
            EventRecord(title=title, kind="forum", start=start, end=end, spans=((0, len(title)),)),
        ),
    )


def write_documents(folder: Path, count: int) -> list[Path]:
    """Small invented documents, each naming a different event."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"notice-{i:02d}.txt"
        path.write_text(
            f"Press release\n\nThe Harbour Dialogue {i + 1} takes place on {10 + i % 15} "
            f"March 1991 in Port Elm. Mira Vell, Head of Outreach at Elm Council, will "
            f"moderate a panel on coastal trade.\nContact: Mira Vell, tel +44 20 7946 0{i:03d}, "
            f"mira.vell@elm.example\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def event_id(sessions: sessionmaker[Session], title: str) -> int:
    with sessions.begin() as s:
        return s.scalar(select(Event.id).where(Event.title == title))
