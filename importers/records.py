"""Typed values that readers and the extractor return.

Everything here is a frozen dataclass of plain Python values, so that the database layer and the
exports can consume it without knowing how it was found. Spans are ``(start, end)`` character
offsets into ``DocumentText.text`` (end exclusive).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum

Span = tuple[int, int]


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to a day, a month or only a year."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def iso(self) -> str:
        """ISO 8601 at the date's own precision: ``2031-06-15``, ``2031-06`` or ``2031``."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        if self.day is not None:
            return date(self.year, self.month or 1, self.day)
        if self.month is not None:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return date(self.year, 12, 31)

    @classmethod
    def from_date(cls, d: date) -> PartialDate:
        return cls(d.year, d.month, d.day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Inverse of :meth:`iso`."""
        parts = [int(p) for p in text.split("-")]
        return cls(*parts)


@dataclass(frozen=True)
class DocumentText:
    """What every reader returns: plain text with block structure kept as line breaks."""

    path: str
    format: str  # txt, html, pdf, docx, eml, ics, vcf
    text: str
    title: str | None = None
    reference_date: date | None = None


@dataclass(frozen=True)
class Participant:
    """A person's part in a panel or event, by the name used in the document."""

    name: str
    role: str  # speaker, panelist, moderator, keynote, host, chair, organiser, contact
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class PanelRecord:
    title: str | None
    kind: str  # high-level panel, debate lab, keynote, opening session, ...
    date: PartialDate | None = None
    start_time: time | None = None
    end_time: time | None = None
    location: str | None = None
    people: tuple[Participant, ...] = ()
    spans: tuple[Span, ...] = ()
    uid: str | None = None  # set when read from an .ics export
    sequence: int | None = None  # the panel's own SEQUENCE in an .ics export


@dataclass(frozen=True)
class EventRecord:
    title: str
    kind: str  # forum, conference, summit, ...
    start: PartialDate | None = None
    end: PartialDate | None = None  # inclusive last day; equal to start for one day
    start_time: time | None = None
    end_time: time | None = None
    timezone: str | None = None  # IANA name, e.g. Europe/Lisbon
    location: str | None = None
    description: str | None = None
    panels: tuple[PanelRecord, ...] = ()
    people: tuple[Participant, ...] = ()  # hosts, organisers, chairs of the whole event
    spans: tuple[Span, ...] = ()
    uid: str | None = None  # set when read from an .ics export
    sequence: int | None = None


@dataclass(frozen=True)
class PersonRecord:
    name: str  # as for an address book: no honorific, no job title
    honorific: str | None = None
    title: str | None = None  # job title
    organisation: str | None = None
    phones: tuple[str, ...] = ()  # E.164
    mobiles: tuple[str, ...] = ()  # E.164
    faxes: tuple[str, ...] = ()  # E.164
    emails: tuple[str, ...] = ()  # lower-case
    urls: tuple[str, ...] = ()
    notes: str | None = None
    spans: tuple[Span, ...] = ()
    uid: str | None = None  # set when read from a .vcf export


@dataclass(frozen=True)
class Extraction:
    """Everything found in one document."""

    document: DocumentText
    events: tuple[EventRecord, ...] = ()
    people: tuple[PersonRecord, ...] = ()
    warnings: tuple[str, ...] = field(default=())
