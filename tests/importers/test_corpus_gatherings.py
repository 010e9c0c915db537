"""The gatherings corpus (importers/extract/corpus/gatherings.txt) through find_gatherings."""

from __future__ import annotations

from importlib import resources

import pytest

from importers.extract.gatherings import find_gatherings


def _cases() -> list[tuple[str, list[tuple[str, str, bool]]]]:
    text = (
        resources.files("importers.extract").joinpath("corpus", "gatherings.txt").read_text("utf-8")
    )
    cases = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        source, _, expected = line.partition(" =>")
        phrases = []
        for item in expected.split(";;"):
            if not item.strip():
                continue
            title, head, kind = (p.strip() for p in item.split("|"))
            assert kind in ("named", "described"), line
            phrases.append((title, head, kind == "named"))
        cases.append((source, phrases))
    return cases


@pytest.mark.parametrize(("source", "phrases"), _cases())
def test_gatherings_corpus(source: str, phrases: list[tuple[str, str, bool]]) -> None:
    found = find_gatherings(source)
    assert [(g.title, g.head, g.named) for g in found] == phrases
