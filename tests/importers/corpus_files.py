"""Reading the corpora beside the extractor's stages (importers/extract/corpus/*.txt): one
example per line, "source => expected", "#" comments, ";;" between several expected items."""

from __future__ import annotations

from importlib import resources


def corpus_text(name: str) -> str:
    return resources.files("importers.extract").joinpath("corpus", name).read_text("utf-8")


def examples(name: str) -> list[tuple[str, list[str]]]:
    """(source, expected items) of every one-line example of a corpus."""
    out = []
    for line in corpus_text(name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        source, _, expected = line.partition(" =>")
        out.append((source, [item.strip() for item in expected.split(";;") if item.strip()]))
    return out


def fields(item: str) -> list[str | None]:
    """ "Jane Roe | Director | -" -> ["Jane Roe", "Director", None]."""
    return [None if part.strip() == "-" else part.strip() for part in item.split("|")]
