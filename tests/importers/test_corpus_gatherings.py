"""The gatherings corpus (importers/extract/corpus/gatherings.txt) through find_gatherings."""

from __future__ import annotations

import pytest
from corpus_files import examples, fields

from importers.extract.gatherings import find_gatherings


def _cases() -> list[tuple[str, list[tuple[str, str, bool]]]]:
    cases = []
    for source, items in examples("gatherings.txt"):
        phrases = []
        for item in items:
            title, head, kind = fields(item)
            assert kind in ("named", "described"), item
            phrases.append((title, head, kind == "named"))
        cases.append((source, phrases))
    return cases


@pytest.mark.parametrize(("source", "phrases"), _cases())
def test_gatherings_corpus(source: str, phrases: list[tuple[str, str, bool]]) -> None:
    found = find_gatherings(source)
    assert [(g.title, g.head, g.named) for g in found] == phrases
