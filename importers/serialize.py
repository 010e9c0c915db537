"""Extraction results as the JSON documents described in the gold SCHEMA (plus spans)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from importers.records import EventRecord, Extraction, PanelRecord, PartialDate, PersonRecord


def _iso(d: PartialDate | None) -> str | None:
    return d.iso() if d else None


def _time(t) -> str | None:  # noqa: ANN001
    return t.strftime("%H:%M") if t else None


def panel_json(panel: PanelRecord) -> dict[str, Any]:
    return {
        "title": panel.title,
        "kind": panel.kind,
        "date": _iso(panel.date),
        "start_time": _time(panel.start_time),
        "end_time": _time(panel.end_time),
        "people": [{"name": p.name, "role": p.role} for p in panel.people],
        "spans": [list(s) for s in panel.spans],
    }


def event_json(event: EventRecord) -> dict[str, Any]:
    return {
        "title": event.title,
        "kind": event.kind,
        "start": _iso(event.start),
        "end": _iso(event.end),
        "precision": str(event.start.precision) if event.start else None,
        "start_time": _time(event.start_time),
        "end_time": _time(event.end_time),
        "timezone": event.timezone,
        "location": event.location,
        "panels": [panel_json(p) for p in event.panels],
        "people": [{"name": p.name, "role": p.role} for p in event.people],
        "spans": [list(s) for s in event.spans],
    }


def person_json(person: PersonRecord) -> dict[str, Any]:
    return {
        "name": person.name,
        "honorific": person.honorific,
        "title": person.title,
        "organisation": person.organisation,
        "phones": list(person.phones) + list(person.mobiles),
        "faxes": list(person.faxes),
        "emails": list(person.emails),
        "spans": [list(s) for s in person.spans],
    }


def extraction_json(extraction: Extraction) -> dict[str, Any]:
    doc = extraction.document
    return {
        "source": Path(doc.path).name,
        "title": doc.title,
        "reference_date": doc.reference_date.isoformat() if doc.reference_date else None,
        "events": [event_json(e) for e in extraction.events],
        "people": [person_json(p) for p in extraction.people],
    }
