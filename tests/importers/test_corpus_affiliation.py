"""The affiliation corpus (importers/extract/corpus/affiliation.txt) through split_affiliation."""

from __future__ import annotations

from importlib import resources

import pytest

from importers.extract.affiliation import split_affiliation


def _cases() -> list[tuple[str, str | None, str | None]]:
    text = (
        resources.files("importers.extract")
        .joinpath("corpus", "affiliation.txt")
        .read_text("utf-8")
    )
    cases = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        source, _, expected = line.partition(" => ")
        title, _, org = (part.strip() for part in expected.partition(" | "))
        cases.append((source, None if title == "-" else title, None if org == "-" else org))
    return cases


@pytest.mark.parametrize(("source", "title", "organisation"), _cases())
def test_affiliation_corpus(source: str, title: str | None, organisation: str | None) -> None:
    found = split_affiliation(source)
    assert (found.title, found.organisation) == (title, organisation)
