"""``forumdesk list events|panels|people|documents``: stored items as an aligned table or as
JSON. The database modules are imported by :func:`run` only (see ``desktop_app.cli``)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from db.models import Document, Event, Panel, Person

EVENT_COLUMNS = ("id", "status", "start", "end", "title", "kind", "location")
PANEL_COLUMNS = ("id", "status", "event_id", "date", "time", "title", "kind")
PERSON_COLUMNS = ("id", "status", "name", "job_title", "organisation", "email", "phone")
DOCUMENT_COLUMNS = ("id", "imported", "format", "file", "title")
MAX_CELL = 48
#: db.models.ContactKind value -> the JSON key its values are listed under
CONTACT_GROUPS = {
    "phone": "phones",
    "mobile": "mobiles",
    "fax": "faxes",
    "email": "emails",
    "url": "urls",
}
#: db.models.Status values (spelled out: importing the models costs more than --help)
STATUSES = ("suggested", "accepted", "rejected")


def _date_arg(last: bool):  # noqa: ANN202 - an argparse type
    def parse(text: str) -> dt.date:
        from importers.records import PartialDate

        try:
            value = PartialDate.parse(text)
            return value.last_day() if last else value.first_day()
        except (TypeError, ValueError) as exc:
            raise argparse.ArgumentTypeError(
                f"not a date (YYYY-MM-DD, YYYY-MM or YYYY): {text}"
            ) from exc

    return parse


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("what", choices=("events", "panels", "people", "documents"))
    parser.add_argument(
        "--from",
        dest="date_from",
        type=_date_arg(False),
        metavar="DATE",
        help="events ending on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)",
    )
    parser.add_argument(
        "--to",
        dest="date_to",
        type=_date_arg(True),
        metavar="DATE",
        help="events starting on or before DATE",
    )
    parser.add_argument("--search", default="", metavar="TEXT", help="words to look for")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument(
        "--status",
        choices=STATUSES,
        help="only items with this status (default: all but rejected)",
    )


def _time(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def event_json(event: Event) -> dict[str, Any]:
    """An event as a plain dict; dates in ISO 8601 at their precision."""
    from db import queries

    return {
        "id": event.id,
        "uuid": event.uuid,
        "status": event.status,
        "title": event.title,
        "kind": event.kind,
        "start": queries.date_iso(event.start_date, event.start_precision),
        "end": queries.date_iso(event.end_date, event.end_precision),
        "precision": event.start_precision,
        "start_time": _time(event.start_time),
        "end_time": _time(event.end_time),
        "timezone": event.timezone,
        "location": event.location,
        "organisation": event.organisation.name if event.organisation else None,
        "revision": event.revision,
    }


def panel_json(panel: Panel) -> dict[str, Any]:
    """A panel or session as a plain dict, with the id and title of its event."""
    from db import queries

    return {
        "id": panel.id,
        "uuid": panel.uuid,
        "status": panel.status,
        "event_id": panel.event_id,
        "event": panel.event.title,
        "title": panel.title,
        "kind": panel.kind,
        "date": queries.date_iso(panel.date, panel.date_precision),
        "start_time": _time(panel.start_time),
        "end_time": _time(panel.end_time),
        "time": "–".join(t for t in (_time(panel.start_time), _time(panel.end_time)) if t),
        "location": panel.location,
    }


def document_json(document: Document) -> dict[str, Any]:
    """An imported document as a plain dict (without its text)."""
    from desktop_app.document_titles import document_title

    return {
        "id": document.id,
        "path": document.path,
        "file": Path(document.path).name,
        "format": document.format,
        "title": document_title(document.title, document.text),
        "imported": document.imported_at.strftime("%Y-%m-%d %H:%M"),
        "sha256": document.sha256,
    }


def person_json(person: Person) -> dict[str, Any]:
    """A person as a plain dict with contacts grouped by kind."""
    contacts: dict[str, list[str]] = {group: [] for group in CONTACT_GROUPS.values()}
    for contact in person.contacts:
        contacts.setdefault(CONTACT_GROUPS.get(contact.kind, contact.kind), []).append(
            contact.value
        )
    org = person.organisation
    return {
        "id": person.id,
        "uuid": person.uuid,
        "status": person.status,
        "name": person.full_name,
        "honorific": person.honorific,
        "given_name": person.given_name,
        "family_name": person.family_name,
        "job_title": person.job_title,
        "organisation": org.name if org else None,
        "organisation_acronym": org.acronym if org else None,
        **contacts,
        "revision": person.revision,
    }


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def format_table(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Columns padded to their widest cell, a header line first."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.upper().ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in cells]
    return "\n".join(line.rstrip() for line in lines)


def run(args: argparse.Namespace) -> int:
    from db import queries
    from db.engine import open_database, resolve_url

    sessions = open_database(resolve_url(args.db))
    statuses = [args.status] if args.status else None
    with sessions() as session:
        if args.what == "events":
            items = queries.search_events(
                session,
                args.search,
                date_from=args.date_from,
                date_to=args.date_to,
                statuses=statuses,
            )
            records = [event_json(e) for e in items]
            columns = EVENT_COLUMNS
        elif args.what == "panels":
            records = [
                panel_json(p)
                for p in queries.search_panels(
                    session,
                    args.search,
                    date_from=args.date_from,
                    date_to=args.date_to,
                    statuses=statuses,
                )
            ]
            columns = PANEL_COLUMNS
        elif args.what == "documents":
            records = [document_json(d) for d in queries.documents(session)]
            columns = DOCUMENT_COLUMNS
        else:
            items = queries.search_people(session, args.search, statuses=statuses)
            records = [person_json(p) for p in items]
            columns = PERSON_COLUMNS
    if args.format == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    rows = []
    for r in records:
        if args.what == "people":
            r = {
                **r,
                "email": ", ".join(r["emails"]),
                "phone": ", ".join(r["phones"] + r["mobiles"]),
            }
        rows.append([r.get(c) for c in columns])
    print(format_table(columns, rows))
    return 0
