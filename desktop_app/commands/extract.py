"""``forumdesk extract PATH... [--format json|text]``: files, or folders walked for documents."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importers.records import Extraction


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="PATH", help="files or folders")
    parser.add_argument("--format", choices=("json", "text"), default="text")


def _text_summary(extraction: Extraction) -> str:
    from desktop_app.terminal_text import terminal_text

    lines = [f"== {terminal_text(extraction.document.path)}"]
    for event in extraction.events:
        when = event.start.iso() if event.start else "undated"
        if event.end and event.end != event.start:
            when += f" – {event.end.iso()}"
        where = f" @ {event.location}" if event.location else ""
        lines.append(f"event  {event.title} [{when}]{where}")
        for panel in event.panels:
            date = panel.date.iso() if panel.date else "?"
            lines.append(f"  panel  {panel.kind}: {panel.title or '(untitled)'} [{date}]")
            lines.extend(f"    {p.role:<10} {p.name}" for p in panel.people)
    for person in extraction.people:
        bits = [b for b in (person.title, person.organisation) if b]
        lines.append(f"person {person.name}" + (f" — {', '.join(bits)}" if bits else ""))
        contacts = [*person.phones, *person.mobiles, *(f"fax {f}" for f in person.faxes)]
        contacts += person.emails
        if contacts:
            lines.append("       " + " · ".join(contacts))
    return "\n".join(terminal_text(line) for line in lines)


def run(args: argparse.Namespace) -> int:
    from desktop_app.terminal_text import terminal_text
    from importers.errors import DocumentError
    from importers.files import find_documents
    from importers.pipeline import load
    from importers.serialize import extraction_json

    results: list[Extraction] = []
    files, problems = find_documents(args.files)
    failed = bool(problems)
    for where, reason in problems:
        print(terminal_text(f"forumdesk: {where}: {reason}"), file=sys.stderr)
    for path in files:
        try:
            result = load(path)
        except DocumentError as exc:
            print(f"forumdesk: {terminal_text(str(exc))}", file=sys.stderr)
            failed = True
            continue
        results.append(result)
        for warning in result.warnings:
            print(terminal_text(f"forumdesk: {path}: {warning}"), file=sys.stderr)
    if args.format == "json":
        json.dump([extraction_json(r) for r in results], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print("\n\n".join(_text_summary(r) for r in results))
    return 1 if failed else 0
