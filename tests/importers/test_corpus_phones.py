"""The phones corpus (importers/extract/corpus/phones.txt) through find_phone_candidates and
parse_phone."""

from __future__ import annotations

import pytest
from corpus_files import examples

from importers.extract.phones import find_phone_candidates, parse_phone


def _cases() -> list[tuple[str | None, str, list[str]]]:
    cases = []
    for source, items in examples("phones.txt"):
        region, _, raw = source.partition(" | ")
        numbers = [n for n in items if n != "-"]
        cases.append((None if region == "-" else region, raw, numbers))
    return cases


@pytest.mark.parametrize(("region", "raw", "numbers"), _cases())
def test_phones_corpus(region: str | None, raw: str, numbers: list[str]) -> None:
    parsed = [parse_phone(found, region) for found, _, _ in find_phone_candidates(raw)]
    assert [number for number in parsed if number is not None] == numbers
