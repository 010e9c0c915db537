"""``forumdesk delete documents|events|panels|people ID... [--dry-run]``.

A document goes with every event, panel and person that only it contributed (see
``db.deletion``); documents can also be named by the path they were imported from.
"""

from __future__ import annotations

import argparse
import sys

#: what the command deletes -> one of them (the kinds are db.deletion.DeletionPlan's fields)
KINDS = {"documents": "document", "events": "event", "panels": "panel", "people": "person"}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("what", choices=list(KINDS))
    parser.add_argument(
        "items",
        nargs="+",
        metavar="ID",
        help="ids as `forumdesk list` shows them (documents: also the path imported)",
    )
    parser.add_argument(
        "--dry-run", "-n", action="store_true", help="say what would be deleted, delete nothing"
    )


def run(args: argparse.Namespace) -> int:
    from sqlalchemy.orm import Session

    from db import deletion
    from db.engine import open_database, resolve_url
    from db.write_lock import write_with_retries

    def delete(s: Session) -> tuple[deletion.DeletionPlan, list[str]]:
        if args.what == "documents":
            found = deletion.document_ids_for(s, args.items)
            unknown = [name for name, ids in found.items() if not ids]
            ids = {i for matches in found.values() for i in matches}
        else:
            ids = {int(item) for item in args.items if item.isdigit()}
            unknown = [item for item in args.items if not item.isdigit()]
        plan = deletion.plan_deletion(s, **{args.what: ids})
        unknown += [str(i) for i in sorted(ids - getattr(plan, args.what))]
        if not args.dry_run and not plan.is_empty():
            deletion.delete_planned(s, plan)
        return plan, unknown

    # Planned and carried out holding the write lock, as imports write, so that no import
    # in between changes what only the deleted documents contributed.
    plan, unknown = write_with_retries(open_database(resolve_url(args.db)), delete)
    what = deletion.describe(plan.counts())
    if args.dry_run:
        print(f"would delete {what}")
    elif not plan.is_empty():
        print(f"deleted {what}")
    for item in unknown:
        print(f"forumdesk: no {KINDS[args.what]} {item}", file=sys.stderr)
    return 1 if unknown or plan.is_empty() else 0
