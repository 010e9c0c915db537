"""What an import did, in words shared by the window and ``forumdesk import`` (no Qt).

Counts say what was added, not what was read: an item read again is "merged into existing",
a file imported before is "unchanged", and a document without anything in it is named.
"""

from __future__ import annotations

from pathlib import Path

from db.store import ImportResult, ImportSummary

KINDS = ("events", "panels", "people")
MAX_NAMES = 5


def count(n: int, one: str, many: str) -> str:
    """``1 event``, ``1,360 people``."""
    return f"{n:,} {one if n == 1 else many}"


def _names(results: list[ImportResult]) -> str:
    names = [Path(r.path).name for r in results]
    shown = ", ".join(names[:MAX_NAMES])
    return shown + (f" and {len(names) - MAX_NAMES:,} more" if len(names) > MAX_NAMES else "")


def item_counts(summary: ImportSummary) -> list[str]:
    """``Events: 15 new, 865 merged into existing`` for each kind the import touched."""
    lines = []
    for kind in KINDS:
        added, merged = summary.added(kind), summary.merged(kind)
        if added or merged:
            parts = [f"{added:,} new"]
            if merged:
                parts.append(f"{merged:,} merged into existing")
            lines.append(f"{kind.capitalize()}: {', '.join(parts)}")
    return lines


def summary_lines(summary: ImportSummary) -> list[str]:
    """The summary of an import, most important first (failures are listed by the caller)."""
    documents = [count(len(summary.new), "new document", "new documents")]
    if summary.unchanged:
        documents.append(f"{len(summary.unchanged):,} unchanged (imported before)")
    if summary.failed:
        documents.append(f"{len(summary.failed):,} failed")
    lines = ["Imported " + ", ".join(documents)]
    if summary.cancelled:
        lines[0] += " — cancelled, the files not yet read were left out"
    lines += item_counts(summary)
    empty = [r for r in summary.results if r.found_nothing]
    if empty:
        lines.append(
            f"Nothing found in {count(len(empty), 'document', 'documents')}: {_names(empty)}"
        )
    return lines


def result_text(result: ImportResult) -> str:
    """One file's outcome: ``new — events: 1 new, 2 merged; people: 3 new``."""
    if result.status != "new":
        return result.status if not result.reason else f"{result.status}: {result.reason}"
    if result.found_nothing:
        return "new — nothing found"
    parts = []
    for kind in KINDS:
        total, added = getattr(result, kind), getattr(result, f"new_{kind}")
        if total:
            merged = f", {total - added} merged" if total > added else ""
            parts.append(f"{kind}: {added} new{merged}")
    return "new — " + "; ".join(parts)
