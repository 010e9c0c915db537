"""``forumdesk import PATH... [--accept]``: documents, folders, .ics and .vcf into the database."""

from __future__ import annotations

import argparse
import sys


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


def _say(line: str) -> None:
    from desktop_app.terminal_text import terminal_text

    # File names and reasons come from the files: shown escaped, never obeyed by the terminal.
    print(terminal_text(line), file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from db.engine import open_database, resolve_url
    from db.store import ImportSummary, find_files, import_file
    from desktop_app.import_summary import result_text, summary_lines

    sessions = open_database(resolve_url(args.db))
    files, problems = find_files(args.paths)
    summary = ImportSummary(results=list(problems))
    for index, path in enumerate(files, 1):
        result = import_file(sessions, path, accept=args.accept)
        summary.results.append(result)
        if not args.quiet:
            _say(f"[{index}/{len(files)}] {path} … {result_text(result)}")
            for warning in result.warnings:
                _say(f"forumdesk: {path}: {warning}")
    print("\n".join(summary_lines(summary)))
    for result in summary.failed:
        _say(f"forumdesk: {result.path}: {result.reason}")
    return 1 if summary.failed else 0
