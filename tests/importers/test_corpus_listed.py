"""The listed-people corpus (importers/extract/corpus/listed.txt) through read_people."""

from __future__ import annotations

import pytest
from corpus_files import examples, fields

from importers.extract.listed import read_people


def _cases() -> list[tuple[str, list[tuple[str | None, ...]]]]:
    return [(source, [tuple(fields(i)) for i in items]) for source, items in examples("listed.txt")]


@pytest.mark.parametrize(("source", "people"), _cases())
def test_listed_corpus(source: str, people: list[tuple[str, str | None, str | None]]) -> None:
    found = read_people(source, 0, len(source))
    assert [(p.name, p.title, p.organisation) for p in found] == people
