"""The database schema as typed SQLAlchemy 2 models.

Dates keep their precision: ``start_date``/``end_date`` hold the first and last day of what the
text gave (a month-only event spans that whole month) and ``*_precision`` says whether the
source named a day, a month or only a year, so views and exports never invent a day.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuid_mod
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, func, select
from sqlalchemy.orm import (
    InstrumentedAttribute,
    Mapped,
    column_property,
    mapped_column,
    relationship,
)

from db.base import Base


def _uuid() -> str:
    return str(uuid_mod.uuid4())


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def key_string(length: int) -> String:
    """The type of a folded key column (see :mod:`db.text_keys`): compared by code point, as
    SQLite compares text, whatever collation a PostgreSQL server sorts text by, so that key
    ranges and key orderings mean the same on both."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")


class Status(StrEnum):
    SUGGESTED = "suggested"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class Role(StrEnum):
    SPEAKER = "speaker"
    PANELIST = "panelist"
    MODERATOR = "moderator"
    KEYNOTE = "keynote"
    HOST = "host"
    CHAIR = "chair"
    ORGANISER = "organiser"
    CONTACT = "contact"


class ContactKind(StrEnum):
    PHONE = "phone"
    MOBILE = "mobile"
    FAX = "fax"
    EMAIL = "email"
    URL = "url"


class Tracked:
    """Columns shared by everything a user reviews and exports."""

    status: Mapped[str] = mapped_column(String(16), default=Status.SUGGESTED, index=True)
    uuid: Mapped[str] = mapped_column(String(36), default=_uuid, unique=True)
    revision: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[dt.datetime] = mapped_column(default=_now, server_default=func.now())
    updated_at: Mapped[dt.datetime] = mapped_column(
        default=_now, onupdate=_now, server_default=func.now()
    )


class Document(Base):
    __tablename__ = "document"

    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    format: Mapped[str] = mapped_column(String(8))
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    reference_date: Mapped[dt.date | None]
    imported_at: Mapped[dt.datetime] = mapped_column(default=_now)

    mentions: Mapped[list[Mention]] = relationship(
        back_populates="document", cascade="all, delete-orphan"
    )


class Organisation(Base):
    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    acronym: Mapped[str | None] = mapped_column(String(40), index=True)
    aliases: Mapped[list[str]] = mapped_column(default=list)

    people: Mapped[list[Person]] = relationship(back_populates="organisation")
    alias_keys: Mapped[list[OrganisationKey]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan"
    )


class OrganisationKey(Base):
    """Folded name, acronym and aliases of an organisation, for case-insensitive look-up."""

    __tablename__ = "organisation_key"
    __table_args__ = (UniqueConstraint("organisation_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(key_string(300), index=True)

    organisation: Mapped[Organisation] = relationship(back_populates="alias_keys")


# After start_precision in the index of event date ranges (see Event).
WINDOW_INDEX_COLUMNS = (
    "start_date",
    "end_date",
    "title_key",
    "status",
    "start_time",
    "end_time",
    "end_precision",
    "kind",
    "title",
    "location",
)


class Event(Tracked, Base):
    __tablename__ = "event"
    __table_args__ = (
        Index("ix_event_dates", "start_date", "end_date"),
        # Range queries: the precision first, then the start; the span bounds how far back a
        # still-running event can start (see db.queries). The other columns make the index
        # cover the de-duplication look-up (title key) and the calendar (db.queries.
        # CALENDAR_COLUMNS), which then read no table row.
        Index("ix_event_precision_window", "start_precision", *WINDOW_INDEX_COLUMNS),
        Index("ix_event_precision_span", "start_precision", "span_days"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str | None] = mapped_column(String(60))
    start_date: Mapped[dt.date | None]
    start_precision: Mapped[str | None] = mapped_column(String(8))
    end_date: Mapped[dt.date | None]
    end_precision: Mapped[str | None] = mapped_column(String(8))
    start_time: Mapped[dt.time | None]
    end_time: Mapped[dt.time | None]
    timezone: Mapped[str | None] = mapped_column(String(64))
    location: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL")
    )
    # Derived columns, kept in step by db.derived on every flush.
    span_days: Mapped[int | None]
    title_key: Mapped[str] = mapped_column(key_string(500), index=True, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")

    organisation: Mapped[Organisation | None] = relationship()
    panels: Mapped[list[Panel]] = relationship(
        back_populates="event",
        cascade="all, delete-orphan",
        order_by="(Panel.date, Panel.start_time, Panel.id)",
    )
    participations: Mapped[list[Participation]] = relationship(
        back_populates="event", cascade="all, delete-orphan"
    )
    mentions: Mapped[list[Mention]] = relationship(back_populates="event")


class Panel(Tracked, Base):
    __tablename__ = "panel"
    # The calendar reads a page's sessions as one range of dates (per status) from this index
    # alone (db.queries.panels_on_days); the status first, so that SQLite prefers it to the
    # index on status alone.
    __table_args__ = (
        Index(
            "ix_panel_day",
            "status",
            "date",
            "date_precision",
            "event_id",
            "start_time",
            "end_time",
            "kind",
            "title",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    title: Mapped[str | None] = mapped_column(String(500))
    kind: Mapped[str | None] = mapped_column(String(60))
    date: Mapped[dt.date | None]
    date_precision: Mapped[str | None] = mapped_column(String(8))
    start_time: Mapped[dt.time | None]
    end_time: Mapped[dt.time | None]
    location: Mapped[str | None] = mapped_column(String(300))

    event: Mapped[Event] = relationship(back_populates="panels")
    participations: Mapped[list[Participation]] = relationship(
        back_populates="panel", cascade="all, delete-orphan"
    )
    mentions: Mapped[list[Mention]] = relationship(back_populates="panel")


class Person(Tracked, Base):
    __tablename__ = "person"
    # De-duplication looks up one family name and a range of first given names, and reads the
    # full names of the candidates from the index.
    __table_args__ = (Index("ix_person_family_name_full", "family_key", "name_key", "full_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(300))
    honorific: Mapped[str | None] = mapped_column(String(60))
    given_name: Mapped[str | None] = mapped_column(String(150))
    family_name: Mapped[str | None] = mapped_column(String(150), index=True)
    job_title: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    # Folded name (no accents, lower case) used by de-duplication and sorting.
    name_key: Mapped[str] = mapped_column(key_string(300), index=True, default="")
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), index=True
    )
    # Derived columns, kept in step by db.derived on every flush.
    family_key: Mapped[str] = mapped_column(key_string(150), index=True, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    sort_key: Mapped[str] = mapped_column(key_string(700), index=True, default="")

    organisation: Mapped[Organisation | None] = relationship(back_populates="people")
    contacts: Mapped[list[ContactPoint]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="ContactPoint.id"
    )
    participations: Mapped[list[Participation]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )
    mentions: Mapped[list[Mention]] = relationship(back_populates="person")


class ContactPoint(Base):
    __tablename__ = "contact_point"
    __table_args__ = (UniqueConstraint("person_id", "kind", "value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # ContactKind
    value: Mapped[str] = mapped_column(String(320), index=True)  # E.164 or lower-case e-mail
    label: Mapped[str | None] = mapped_column(String(60))

    person: Mapped[Person] = relationship(back_populates="contacts")


class Participation(Base):
    __tablename__ = "participation"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("event.id", ondelete="CASCADE"), index=True
    )
    panel_id: Mapped[int | None] = mapped_column(
        ForeignKey("panel.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(16))  # Role

    person: Mapped[Person] = relationship(back_populates="participations")
    event: Mapped[Event | None] = relationship(back_populates="participations")
    panel: Mapped[Panel | None] = relationship(back_populates="participations")


class Mention(Base):
    """Provenance: where in which document an event, panel or person was read."""

    __tablename__ = "mention"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("event.id", ondelete="CASCADE"), index=True
    )
    panel_id: Mapped[int | None] = mapped_column(
        ForeignKey("panel.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True
    )
    start: Mapped[int]
    end: Mapped[int]

    document: Mapped[Document] = relationship(back_populates="mentions")
    event: Mapped[Event | None] = relationship(back_populates="mentions")
    panel: Mapped[Panel | None] = relationship(back_populates="mentions")
    person: Mapped[Person | None] = relationship(back_populates="mentions")


class SourceUid(Base):
    """A UID another program gave an event, panel or person (RFC 5545 §3.8.4.7, RFC 6350
    §6.7.6) and the stored item it names: the same UID read again is that item, and an item
    named by one UID is never merged with a record carrying another."""

    __tablename__ = "source_uid"
    __table_args__ = (UniqueConstraint("kind", "uid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # "event", "panel" or "person"
    # The UID as looked up: our own forms as the bare UUID, any other as written, or
    # "sha256:<hex>" of a longer one (see db.source_uids).
    uid: Mapped[str] = mapped_column(String(255))
    written: Mapped[str | None] = mapped_column(Text)  # the UID as read, for the exports
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("event.id", ondelete="CASCADE"), index=True
    )
    panel_id: Mapped[int | None] = mapped_column(
        ForeignKey("panel.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True
    )


def _foreign_uid(
    model: type[Event | Panel | Person], column: InstrumentedAttribute[int | None]
) -> None:
    """``model.foreign_uid``: the first UID another program gave the item, as written (None
    when it came with none). Loaded only when asked for: the exports write it back."""
    first = (
        select(SourceUid.written)
        .where(column == model.id, SourceUid.written.is_not(None))
        .order_by(SourceUid.id)
        .limit(1)
        .correlate_except(SourceUid)
        .scalar_subquery()
    )
    model.foreign_uid = column_property(first, deferred=True)


_foreign_uid(Event, SourceUid.event_id)
_foreign_uid(Panel, SourceUid.panel_id)
_foreign_uid(Person, SourceUid.person_id)
