"""Which files a list of paths names: files as given, folders walked for the documents the
importers read."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


def supported_suffixes() -> frozenset[str]:
    """File suffixes (lower case, with the dot) that the importers read."""
    from importers.pipeline import CALENDAR_SUFFIXES, CARD_SUFFIXES
    from importers.readers import READERS

    return frozenset(READERS) | CALENDAR_SUFFIXES | CARD_SUFFIXES


def find_documents(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files as given (whatever their extension) and, in folders walked recursively, the files
    of a supported extension, hidden entries skipped; sorted, without repeats. A folder that
    cannot be read comes back as (folder, reason), not as silence."""
    found: set[Path] = set()
    problems: list[tuple[str, str]] = []

    def unreadable(exc: OSError) -> None:
        problems.append((str(exc.filename), f"cannot read the folder ({exc.strerror or exc})"))

    suffixes = supported_suffixes()
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            found.add(path)
            continue
        for root, dirs, files in os.walk(path, onerror=unreadable):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                if not name.startswith(".") and Path(name).suffix.lower() in suffixes:
                    found.add(Path(root) / name)
    return sorted(found), problems
