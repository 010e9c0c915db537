"""``forumdesk export ics|vcf [-o FILE] [--from DATE] [--to DATE] [--search TEXT] [--event ID]
[--vcard-version 3.0|4.0] [--include-approximate] [--alarm-days N]``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

DEFAULT_NAME = "Forum Desk"  # desktop_app.export.ics.DEFAULT_NAME, without importing it


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a number of days: {text!r}") from exc
    if value < 0:
        raise argparse.ArgumentTypeError("the number of days must be 0 or more")
    return value


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("format", choices=("ics", "vcf"), help="ics: events; vcf: people")
    parser.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    parser.add_argument(
        "--from", dest="date_from", type=_date, metavar="DATE", help="events ending on or after"
    )
    parser.add_argument(
        "--to", dest="date_to", type=_date, metavar="DATE", help="events starting on or before"
    )
    parser.add_argument(
        "--search", default="", metavar="TEXT", help="only items whose text matches"
    )
    parser.add_argument(
        "--event",
        dest="event_ids",
        type=int,
        action="append",
        metavar="ID",
        help="only this event (vcf: only its people); repeat for more",
    )
    parser.add_argument(
        "--person", dest="person_ids", type=int, action="append", metavar="ID", help="vcf only"
    )
    parser.add_argument("--vcard-version", choices=("3.0", "4.0"), default="3.0")
    parser.add_argument(
        "--include-approximate",
        action="store_true",
        help="also export events known only to the month or year, as tentative all-day entries",
    )
    parser.add_argument(
        "--include-rejected", action="store_true", help="also export rejected items"
    )
    parser.add_argument("--alarm-days", type=_days, metavar="N", help="remind N days before")
    parser.add_argument("--name", default=DEFAULT_NAME, help="calendar name (ics)")


def run(args: argparse.Namespace) -> int:
    from db.engine import open_database, resolve_url
    from desktop_app import export
    from desktop_app.export.ics import iter_ics, select_events
    from desktop_app.export.vcf import iter_vcf, select_people

    sessions = open_database(resolve_url(args.db))
    if args.format == "ics":
        scope = {
            "date_from": args.date_from,
            "date_to": args.date_to,
            "search": args.search,
            "event_ids": args.event_ids,
            "include_rejected": args.include_rejected,
        }
        options = {
            "include_approximate": args.include_approximate,
            "include_rejected": args.include_rejected,
            "alarm_days": args.alarm_days,
        }
        if args.output:
            count = export.export_ics(sessions, args.output, name=args.name, **(scope | options))
        else:
            with sessions() as s:
                events = select_events(
                    export.load_events(s, **scope),
                    include_approximate=args.include_approximate,
                    include_rejected=args.include_rejected,
                )
                if events:
                    _to_stdout(iter_ics(events, name=args.name, **options))
                count = len(events)
        what = "event" if count == 1 else "events"
    else:
        scope = {
            "search": args.search,
            "person_ids": args.person_ids,
            "event_ids": args.event_ids,
            "include_rejected": args.include_rejected,
        }
        if args.output:
            count = export.export_vcf(sessions, args.output, version=args.vcard_version, **scope)
        else:
            with sessions() as s:
                people = select_people(
                    export.load_people(s, **scope), include_rejected=args.include_rejected
                )
                if people:
                    _to_stdout(iter_vcf(people, version=args.vcard_version))
                count = len(people)
        what = "person" if count == 1 else "people"
    if count == 0:
        print(f"forumdesk: no {what} to export", file=sys.stderr)
        return 1
    target = args.output or "stdout"
    print(f"forumdesk: exported {count} {what} to {target}", file=sys.stderr)
    return 0


def _to_stdout(chunks) -> None:  # noqa: ANN001 - an iterable of str
    # Bytes, so that the CRLF line ends of the formats reach the pipe unchanged.
    out = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None
    for chunk in chunks:
        if out is not None:
            out.write(chunk.encode("utf-8"))
        else:
            sys.stdout.write(chunk)
    if out is not None:
        out.flush()
