"""The people corpus (importers/extract/corpus/people.txt) through extract."""

from __future__ import annotations

import pytest
from corpus_files import examples, fields

from importers.extract import extract
from importers.records import DocumentText


def _cases() -> list[tuple[str, list[tuple[str | None, ...]]]]:
    return [(source, [tuple(fields(i)) for i in items]) for source, items in examples("people.txt")]


@pytest.mark.parametrize(("source", "people"), _cases())
def test_people_corpus(source: str, people: list[tuple[str, str | None, str | None]]) -> None:
    found = extract(DocumentText(path="x.txt", format="txt", text=source)).people
    assert sorted((p.name, p.title, p.organisation) for p in found) == sorted(people)
