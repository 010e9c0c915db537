"""The layout corpus (importers/extract/corpus/layout.txt) through Layout."""

from __future__ import annotations

from datetime import time
from importlib import resources

import pytest

from importers.extract.layout import BLANK, Layout, Line


def _cases() -> list[tuple[str, list[str], bool]]:
    """(document, expected lines, whether headings are written) of every example."""
    text = resources.files("importers.extract").joinpath("corpus", "layout.txt").read_text("utf-8")
    cases: list[tuple[str, list[str], bool]] = []
    lines = iter(text.splitlines())
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        if line == "<<<":
            document: list[str] = []
            for inner in lines:
                if inner == "=>":
                    break
                document.append(inner)
            expected: list[str] = []
            for inner in lines:
                if inner == ">>>":
                    break
                expected.append(inner)
            cases.append(("\n".join(document), expected, True))
            continue
        source, _, kind = line.partition(" => ")
        cases.append((source, [kind], False))
    return cases


def _clock(value: time | None) -> str:
    return value.strftime("%H:%M") if value is not None else ""


def _read(line: Line, headings: bool) -> str:
    """One line of the layout as the corpus writes it."""
    parts = [line.kind]
    if line.times is not None:
        times = _clock(line.times.start)
        if line.times.end is not None:
            times += "-" + _clock(line.times.end)
        parts.append(times)
        if line.times.zone:
            parts.append(line.times.zone)
    if line.label is not None:
        parts.append(line.meaning or "-")
    if headings and line.heading:
        parts.append(f"h{line.heading}")
    read = " ".join(parts)
    return f"{read} :: {line.text}" if line.virtual else read


@pytest.mark.parametrize(("document", "expected", "headings"), _cases())
def test_layout_corpus(document: str, expected: list[str], headings: bool) -> None:
    layout = Layout(document)
    assert [_read(line, headings) for line in layout.lines if line.kind != BLANK] == expected
