"""The phones corpus (importers/extract/corpus/phones.txt) through find_phone_candidates and
parse_phone."""

from __future__ import annotations

from importlib import resources

import pytest

from importers.extract.phones import find_phone_candidates, parse_phone


def _cases() -> list[tuple[str | None, str, list[str]]]:
    text = resources.files("importers.extract").joinpath("corpus", "phones.txt").read_text("utf-8")
    cases = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        source, _, expected = line.partition(" => ")
        region, _, raw = source.partition(" | ")
        numbers = [n.strip() for n in expected.split(";;") if n.strip() not in ("", "-")]
        cases.append((None if region == "-" else region, raw, numbers))
    return cases


@pytest.mark.parametrize(("region", "raw", "numbers"), _cases())
def test_phones_corpus(region: str | None, raw: str, numbers: list[str]) -> None:
    parsed = [parse_phone(found, region) for found, _, _ in find_phone_candidates(raw)]
    assert [number for number in parsed if number is not None] == numbers
