"""The people corpus (importers/extract/corpus/people.txt) through extract."""

from __future__ import annotations

from importlib import resources

import pytest

from importers.extract import extract
from importers.records import DocumentText


def _cases() -> list[tuple[str, list[tuple[str, str | None, str | None]]]]:
    text = resources.files("importers.extract").joinpath("corpus", "people.txt").read_text("utf-8")
    cases = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        source, _, expected = line.partition(" =>")
        people = []
        for item in expected.split(";;"):
            if not item.strip():
                continue
            name, title, org = (p.strip() for p in item.split("|"))
            people.append((name, None if title == "-" else title, None if org == "-" else org))
        cases.append((source, people))
    return cases


@pytest.mark.parametrize(("source", "people"), _cases())
def test_people_corpus(source: str, people: list[tuple[str, str | None, str | None]]) -> None:
    found = extract(DocumentText(path="x.txt", format="txt", text=source)).people
    assert sorted((p.name, p.title, p.organisation) for p in found) == sorted(people)
