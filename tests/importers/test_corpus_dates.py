"""The dates corpus (importers/extract/corpus/dates.txt) through find_dates."""

from __future__ import annotations

from datetime import date
from importlib import resources

import pytest

from importers.extract.dates import find_dates

Found = list[tuple[str, str, str]]


def _cases() -> list[tuple[str, date | None, Found]]:
    text = resources.files("importers.extract").joinpath("corpus", "dates.txt").read_text("utf-8")
    cases = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        source, _, expected = line.partition(" =>")
        reference = None
        if source.startswith("@"):
            stamp, _, source = source.partition(" ")
            reference = date.fromisoformat(stamp[1:])
        dates = []
        for item in expected.split(";;"):
            if not item.strip():
                continue
            written, _, value = item.strip().rpartition(" = ")
            first, _, last = value.partition("..")
            dates.append((written, first, last or first))
        cases.append((source, reference, dates))
    return cases


@pytest.mark.parametrize(("source", "reference", "dates"), _cases())
def test_dates_corpus(source: str, reference: date | None, dates: Found) -> None:
    found = find_dates(source, reference)
    assert [(source[m.span[0] : m.span[1]], m.start.iso(), m.end.iso()) for m in found] == dates
