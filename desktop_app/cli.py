"""``forumdesk`` command line. Imports Qt only when the window is opened."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from db.errors import DatabaseUnavailable
from desktop_app import __version__
from desktop_app.terminal_text import terminal_text

DATABASE_UNAVAILABLE = 2  # exit status, as for a usage error: nothing was done

# subcommand -> (module in desktop_app.commands, one-line help)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("extract", "print the events, panels and people found in documents"),
    "import": ("importing", "import documents, folders, .ics and .vcf files into the database"),
    "list": ("listing", "list stored events or people"),
    "export": ("export", "export events to iCalendar (.ics) or people to vCard (.vcf)"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="forumdesk",
        description="Forum Desk: forums, panels and people from your documents, offline.",
    )
    parser.add_argument("--version", action="version", version=f"forumdesk {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="SQLAlchemy database URL (default: $FORUMDESK_DB, else a SQLite file in the "
        "user data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the window on a fresh temporary database holding the bundled samples",
    )
    parser.add_argument(
        "--screenshot",
        metavar="PATH",
        help="render the window to PATH (a .png file, or a folder for one PNG per view) and exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for name, (module, help_text) in SUBCOMMANDS.items():
        command_parser = sub.add_parser(name, help=help_text, description=help_text)
        _command_module(module).configure(command_parser)
    return parser


def _command_module(module: str):  # noqa: ANN202 - a module object
    return importlib.import_module(f"desktop_app.commands.{module}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command:
            module, _ = SUBCOMMANDS[args.command]
            try:
                return int(_command_module(module).run(args) or 0)
            except KeyboardInterrupt:
                print("forumdesk: interrupted", file=sys.stderr)
                return 130
            except BrokenPipeError:
                return 0
        from desktop_app.app import run_gui  # Qt is imported only here

        return run_gui(db_url=args.db, demo=args.demo, screenshot=args.screenshot)
    except DatabaseUnavailable as exc:
        print(f"forumdesk: {terminal_text(str(exc))}", file=sys.stderr)
        return DATABASE_UNAVAILABLE


if __name__ == "__main__":
    sys.exit(main())
