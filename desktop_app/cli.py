"""``forumdesk`` command line. Imports Qt only when the window is opened.

Building the parser imports nothing heavy: each subcommand module keeps its database,
extraction and export imports inside ``run()``, so that ``--help`` and ``--version`` answer at
once.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

DATABASE_UNAVAILABLE = 2  # exit status, as for a usage error: nothing was done

# subcommand -> (module in desktop_app.commands, one-line help)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("extract", "print the events, panels and people found in documents"),
    "import": ("importing", "import documents, folders, .ics and .vcf files into the database"),
    "list": ("listing", "list stored events, panels, people or documents"),
    "delete": ("deleting", "delete documents (with what only they contributed), events, panels "
               "or people"),
    "export": ("export", "export events to iCalendar (.ics) or people to vCard (.vcf)"),
}  # fmt: skip


class _VersionAction(argparse.Action):
    """``--version``, reading the package metadata only when asked."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:  # noqa: ANN001
        from desktop_app import package_version

        print(f"forumdesk {package_version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="forumdesk",
        description="Forum Desk: forums, panels and people from your documents, offline.",
    )
    parser.add_argument("--version", action=_VersionAction, help="print the version and exit")
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
        from desktop_app.platform_check import window_problem

        problem = window_problem(offscreen_ok=bool(args.screenshot))
        if problem is not None:
            print(f"forumdesk: {problem}", file=sys.stderr)
            return 1
        from desktop_app.app import run_gui  # Qt is imported only here

        return run_gui(db_url=args.db, demo=args.demo, screenshot=args.screenshot)
    except Exception as exc:
        if not _database_unavailable(exc):
            raise
        from desktop_app.terminal_text import terminal_text

        print(f"forumdesk: {terminal_text(str(exc))}", file=sys.stderr)
        return DATABASE_UNAVAILABLE


def _database_unavailable(exc: Exception) -> bool:
    # db.errors is looked up, not imported: a command that never opened the database cannot
    # have failed to open it, and importing it would load SQLAlchemy for every command
    errors = sys.modules.get("db.errors")
    return errors is not None and isinstance(exc, errors.DatabaseUnavailable)


if __name__ == "__main__":
    sys.exit(main())
