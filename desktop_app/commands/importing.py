"""``forumdesk import PATH... [--accept]``: documents, folders, .ics and .vcf into the database."""

from __future__ import annotations

import argparse
import sys

from db.engine import open_database, resolve_url
from db.store import ImportResult, ImportSummary, find_files, import_file
from desktop_app.terminal_text import terminal_text


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    parser.add_argument(
        "--accept",
        action="store_true",
        help="store what is found as accepted instead of suggested for review",
    )
    parser.add_argument(
        "--quiet", "-q", action="store_true", help="no line per document, only the summary"
    )


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _describe(result: ImportResult) -> str:
    if result.status != "new":
        return result.status if not result.reason else f"{result.status}: {result.reason}"
    found = ", ".join(
        (
            _plural(result.events, "event", "events"),
            _plural(result.panels, "panel", "panels"),
            _plural(result.people, "person", "people"),
        )
    )
    return f"new ({found})"


def _say(line: str) -> None:
    # File names and reasons come from the files: shown escaped, never obeyed by the terminal.
    print(terminal_text(line), file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    sessions = open_database(resolve_url(args.db))
    files, problems = find_files(args.paths)
    summary = ImportSummary(results=list(problems))
    for index, path in enumerate(files, 1):
        result = import_file(sessions, path, accept=args.accept)
        summary.results.append(result)
        if not args.quiet:
            _say(f"[{index}/{len(files)}] {path} … {_describe(result)}")
            for warning in result.warnings:
                _say(f"forumdesk: {path}: {warning}")
    print(
        f"documents: {len(summary.new)} new, {len(summary.unchanged)} unchanged, "
        f"{len(summary.failed)} failed; "
        f"{_plural(summary.events, 'event', 'events')}, "
        f"{_plural(summary.panels, 'panel', 'panels')}, "
        f"{_plural(summary.people, 'person', 'people')}"
    )
    for result in summary.failed:
        _say(f"forumdesk: {result.path}: {result.reason}")
    return 1 if summary.failed else 0
