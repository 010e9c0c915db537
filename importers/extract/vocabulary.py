"""Word lists and cue phrases the extractor reads from data files under ``data/``.

Each file is plain text: ``#`` starts a comment, one entry per line, and in ``.tsv`` files a
tab separates an entry from what it means. Nothing in them names a particular person, place or
organisation.
"""

from __future__ import annotations

import re
from functools import cache

from importers.extract.lexicon import data_entries, fold


@cache
def table(name: str) -> dict[str, str]:
    """A ``.tsv`` file as a mapping of folded entries to meanings."""
    out: dict[str, str] = {}
    for line in data_entries(name):
        key, _, value = line.partition("\t")
        out[fold(key.strip())] = value.strip()
    return out


@cache
def words(name: str) -> frozenset[str]:
    """A word-list file as a set of folded entries (several words each at most)."""
    out: set[str] = set()
    for line in data_entries(name):
        out.update(fold(w.strip()) for w in line.split(",") if w.strip())
    return frozenset(out)


_PLURAL_PARENS = re.compile(r"\(s\)|\(es\)")


def label_meaning(label: str) -> str | None:
    """What a label before a colon means ("role:chair", "field:when", "contact", "skip"), or
    None when it is not a known label. "Speaker(s)", "CHAIRS" and "Keynote speakers" are
    folded to the entries of ``labels.tsv``."""
    key = fold(_PLURAL_PARENS.sub("", label)).strip(" :?.*-–—|")
    key = " ".join(key.split())
    if not key or len(key) > 40:
        return None
    labels = table("labels.tsv")
    for candidate in (key, key.split(" ", 1)[-1]):
        # "Workshop Co-Chairs", "Invited Speakers": a role named after what it belongs to
        if candidate in labels:
            meaning = labels[candidate]
        elif candidate.endswith("s") and candidate[:-1] in labels:
            meaning = labels[candidate[:-1]]
        else:
            continue
        if candidate == key or meaning.startswith("role:"):
            return meaning
    return None
