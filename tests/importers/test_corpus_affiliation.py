"""The affiliation corpus (importers/extract/corpus/affiliation.txt) through split_affiliation."""

from __future__ import annotations

import pytest
from corpus_files import examples, fields

from importers.extract.affiliation import split_affiliation


def _cases() -> list[tuple[str, str | None, str | None]]:
    cases = []
    for source, items in examples("affiliation.txt"):
        title, org = fields(items[0]) if items else (None, None)
        cases.append((source, title, org))
    return cases


@pytest.mark.parametrize(("source", "title", "organisation"), _cases())
def test_affiliation_corpus(source: str, title: str | None, organisation: str | None) -> None:
    found = split_affiliation(source)
    assert (found.title, found.organisation) == (title, organisation)
