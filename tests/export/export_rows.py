"""Rows for the export tests, created through the models, and helpers to run client programs."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import sys
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, selectinload, sessionmaker

from db.models import (
    ContactPoint,
    Document,
    Event,
    Mention,
    Organisation,
    Panel,
    Participation,
    Person,
)
from db.store import store_extraction
from importers.records import DocumentText, EventRecord, Extraction, PartialDate


def add_person(
    s: Session,
    full_name: str,
    *,
    honorific: str | None = None,
    given: str | None = None,
    family: str | None = None,
    title: str | None = None,
    org: Organisation | None = None,
    phones: tuple[str, ...] = (),
    mobiles: tuple[str, ...] = (),
    faxes: tuple[str, ...] = (),
    emails: tuple[str, ...] = (),
    status: str = "accepted",
    notes: str | None = None,
) -> Person:
    person = Person(
        full_name=full_name,
        honorific=honorific,
        given_name=given,
        family_name=family,
        job_title=title,
        organisation=org,
        status=status,
        notes=notes,
        name_key=full_name.lower(),
    )
    for kind, values in (("phone", phones), ("mobile", mobiles), ("fax", faxes)):
        person.contacts += [ContactPoint(kind=kind, value=v) for v in values]
    person.contacts += [ContactPoint(kind="email", value=v) for v in emails]
    s.add(person)
    return person


def build_sample(s: Session) -> dict[str, object]:
    """A small but varied data set: all-day, timed, multi-day, approximate, undated, rejected."""
    doc = Document(
        path="inbox/programme.txt", sha256="0" * 64, format="txt", title="Programme", text="…"
    )
    org = Organisation(name="Ústav pro zkoušky, a.s.")
    alice = add_person(
        s,
        "Zdeněk Čížek",
        given="Zdeněk",
        family="Čížek",
        title="Head of Unit",
        org=org,
        phones=("+420234567890",),
        faxes=("+420234567891",),
        mobiles=("+420601234567",),
        emails=("zdenek.cizek@example.org",),
    )
    bob = add_person(
        s, "Maria de la Cruz", honorific="Dr.", title="Rapporteur", emails=("mdlc@example.net",)
    )
    carol = add_person(s, "Ola Nordmann")
    rejected_person = add_person(s, "Wrong Person", status="rejected")

    summit = Event(
        title="Water Summit",
        kind="summit",
        start_date=dt.date(1988, 6, 15),
        start_precision="day",
        end_date=dt.date(1988, 6, 16),
        end_precision="day",
        location="Congress Hall, Brno",
        description="Two days on rivers.",
        status="accepted",
        revision=3,
    )
    opening = Panel(
        title="Opening session",
        kind="opening session",
        date=dt.date(1988, 6, 15),
        date_precision="day",
        start_time=dt.time(9, 0),
        end_time=dt.time(10, 30),
        status="accepted",
    )
    debate = Panel(title=None, kind="debate lab", status="suggested")
    summit.panels += [opening, debate]
    s.add(summit)
    s.flush()
    s.add_all(
        [
            Participation(person=alice, panel=opening, event=summit, role="moderator"),
            Participation(person=bob, panel=opening, event=summit, role="panelist"),
            Participation(person=rejected_person, panel=opening, event=summit, role="speaker"),
            Participation(person=carol, panel=debate, event=summit, role="speaker"),
            Participation(person=carol, event=summit, role="host"),
            Mention(document=doc, event=summit, start=0, end=5),
            Mention(document=doc, person=alice, start=0, end=5),
        ]
    )
    talk = Event(
        title="Evening Talk",
        kind="conference",
        start_date=dt.date(1988, 6, 20),
        start_precision="day",
        end_date=dt.date(1988, 6, 20),
        end_precision="day",
        start_time=dt.time(18, 30),
        end_time=dt.time(20, 0),
        timezone="Europe/Prague",
        status="suggested",
    )
    utc_call = Event(
        title="Call",
        kind="meeting",
        start_date=dt.date(1988, 12, 31),
        start_precision="day",
        start_time=dt.time(23, 0),
        end_date=dt.date(1989, 1, 1),
        end_time=dt.time(1, 0),
        timezone="UTC",
        status="accepted",
    )
    autumn = Event(
        title="Autumn Forum",
        kind="forum",
        start_date=dt.date(1988, 10, 1),
        start_precision="month",
        end_date=dt.date(1988, 10, 31),
        end_precision="month",
        status="accepted",
    )
    someday = Event(title="Someday Forum", kind="forum", status="accepted")
    dropped = Event(
        title="Dropped Forum",
        kind="forum",
        start_date=dt.date(1988, 7, 1),
        start_precision="day",
        status="rejected",
    )
    s.add_all([talk, utc_call, autumn, someday, dropped])
    s.flush()
    return {
        "summit": summit,
        "talk": talk,
        "call": utc_call,
        "autumn": autumn,
        "someday": someday,
        "dropped": dropped,
        "alice": alice,
        "bob": bob,
        "carol": carol,
        "rejected_person": rejected_person,
    }


EVENT_LOADS = (
    selectinload(Event.panels)
    .selectinload(Panel.participations)
    .selectinload(Participation.person),
    selectinload(Event.panels).selectinload(Panel.mentions).selectinload(Mention.document),
    selectinload(Event.participations).selectinload(Participation.person),
    selectinload(Event.mentions).selectinload(Mention.document),
)


def load_events(s: Session) -> list[Event]:
    """All events, ordered by start, with what the exporter reads."""
    from sqlalchemy import select

    stmt = select(Event).options(*EVENT_LOADS).order_by(Event.start_date, Event.id)
    return list(s.scalars(stmt))


def load_people(s: Session) -> list[Person]:
    from sqlalchemy import select

    stmt = select(Person).order_by(Person.id)
    return list(s.scalars(stmt))


def tool(name: str) -> str:
    """A console script installed beside the running interpreter (or on PATH)."""
    local = Path(sys.executable).parent / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def tool_env(home: Path) -> dict[str, str]:
    """A machine-independent environment for client programs."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "XDG_"))}
    env.update(
        HOME=str(home),
        TZ="Europe/Prague",
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
    )
    return env


def store_text_event(sessions: sessionmaker[Session]) -> None:
    """A text document holding one event, the Harbour Forum of 12-13 June 2025, stored as an
    import would store it."""
    record = EventRecord(
        "Harbour Forum", "forum", PartialDate(2025, 6, 12), PartialDate(2025, 6, 13)
    )
    document = DocumentText(path="/docs/release.txt", format="txt", text="Harbour Forum ...")
    with sessions.begin() as s:
        sha = hashlib.sha256(document.text.encode()).hexdigest()
        store_extraction(s, Extraction(document=document, events=(record,)), sha)
