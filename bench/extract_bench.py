"""Extraction yardstick: documents per second for the extractor, the date grammar and dateparser.

Builds 1,000 documents of about 4 KB from the bundled samples (paragraphs shuffled, years and
days shifted so that no two documents are the same), then times on one core, in processor
time (no multiprocessing):

- ``importers.extract.extract`` on every document,
- ``importers.extract.dates.find_dates`` alone on every document,
- ``dateparser.search.search_dates`` (English only) on the same texts; it is much slower, so
  by default it runs on a subset and the rate is extrapolated (the output says so).

- with ``--command``, ``forumdesk extract FOLDER --format json`` on the same documents
  written out as files: one process, start-up included, wall time.

    .venv/bin/python bench/extract_bench.py [--documents 1000] [--dateparser-documents 50]
        [--command]
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from importers.extract import extract, preload
from importers.extract.dates import find_dates
from importers.pipeline import CALENDAR_SUFFIXES, CARD_SUFFIXES
from importers.records import DocumentText
from resources import sample_documents

TARGET_SIZE = 4096
_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")
_DAY_BEFORE_MONTH = re.compile(
    r"(?<![0-9])([1-9]|1[0-9]|2[0-8])(?=(?:st|nd|rd|th)?[ \u00a0]+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))"
)


def _paragraphs() -> list[str]:
    """The text samples cut into paragraphs (blank-line blocks, or lines for single-spaced
    pages)."""
    paragraphs: list[str] = []
    for sample in sample_documents():
        if Path(sample.name).suffix.lower() in CALENDAR_SUFFIXES | CARD_SUFFIXES:
            continue  # read by the calendar and card importers, never by the extractor
        text = sample.read_text(encoding="utf-8")
        blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
        if len(blocks) < 5:
            blocks = [line.strip() for line in text.splitlines() if line.strip()]
        paragraphs.extend(blocks)
    return paragraphs


def _vary(paragraph: str, rng: random.Random, year_shift: int) -> str:
    """Shift every year by the document's offset and every day before a month by a few."""
    day_shift = rng.randint(-3, 3)

    def year(m: re.Match[str]) -> str:
        value = int(m.group()) + year_shift
        return str(value) if 1900 <= value <= 2100 else m.group()

    def day(m: re.Match[str]) -> str:
        return str(min(28, max(1, int(m.group(1)) + day_shift)))

    return _DAY_BEFORE_MONTH.sub(day, _YEAR.sub(year, paragraph))


def build_documents(count: int, seed: int = 7) -> list[DocumentText]:
    """``count`` documents of about 4 KB each, made from shuffled, shifted sample paragraphs."""
    paragraphs = _paragraphs()
    documents: list[DocumentText] = []
    for i in range(count):
        rng = random.Random(seed * 100_003 + i)
        year_shift = rng.randint(-8, 8)
        order = paragraphs[:]
        rng.shuffle(order)
        parts: list[str] = []
        size = 0
        for paragraph in order:
            if size >= TARGET_SIZE:
                break
            varied = _vary(paragraph, rng, year_shift)
            parts.append(varied)
            size += len(varied) + 2
        text = "\n\n".join(parts)[: TARGET_SIZE + 512]
        documents.append(DocumentText(path=f"bench-{i:04d}.txt", format="txt", text=text))
    return documents


def _rate(items: list, run: Callable) -> float:
    """Items per second of processor time, so that other work on the machine counts less."""
    started = time.process_time()
    for item in items:
        run(item)
    elapsed = time.process_time() - started
    return len(items) / elapsed if elapsed > 0 else float("inf")


def _command_rate(documents: list[DocumentText]) -> float:
    """``forumdesk extract`` on a folder of the documents, in a fresh process."""
    with tempfile.TemporaryDirectory() as folder:
        for document in documents:
            (Path(folder) / document.path).write_text(document.text, encoding="utf-8")
        script = Path(sys.executable).with_name("forumdesk")
        command = [str(script)] if script.exists() else [sys.executable, "-m", "desktop_app.cli"]
        started = time.perf_counter()
        subprocess.run(
            [*command, "extract", folder, "--format", "json"], check=True, stdout=subprocess.DEVNULL
        )
        return len(documents) / (time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument(
        "--dateparser-documents",
        type=int,
        default=50,
        help="how many of the documents dateparser runs on (0 skips it; the rate is "
        "extrapolated to all documents)",
    )
    parser.add_argument(
        "--command",
        action="store_true",
        help="also time `forumdesk extract FOLDER --format json` on the documents written out "
        "as files",
    )
    args = parser.parse_args(argv)

    documents = build_documents(args.documents)
    texts = [d.text for d in documents]
    mean_size = sum(len(t) for t in texts) / max(1, len(texts))
    print(f"documents: {len(documents)} of {mean_size:.0f} characters on average")

    # Warm up once so that compiling regular expressions, imports and loading the gazetteers
    # are not timed (as dateparser's data is loaded before it is timed).
    started = time.process_time()
    preload()
    print(f"gazetteers loaded once in {time.process_time() - started:.2f} s (not timed)")
    extract(documents[0])
    find_dates(texts[0])

    extractor = _rate(documents, extract)
    print(f"extractor: {extractor:.1f} documents/s")
    grammar = _rate(texts, find_dates)
    print(f"find_dates: {grammar:.1f} documents/s")
    print(f"find_dates: {1000 * TARGET_SIZE / mean_size / grammar:.3f} ms per 4 KB")

    if args.command:
        print(
            f"forumdesk extract: {_command_rate(documents):.1f} documents/s (one process, "
            "start-up, reading and JSON output included, wall time)"
        )

    if args.dateparser_documents > 0:
        from dateparser.search import search_dates

        settings = {"RETURN_AS_TIMEZONE_AWARE": False}
        subset = texts[: args.dateparser_documents]
        search_dates(subset[0], languages=["en"], settings=settings)  # loads its data
        baseline = _rate(
            subset, lambda text: search_dates(text, languages=["en"], settings=settings)
        )
        note = (
            f" (measured on {len(subset)} of {len(texts)} documents, extrapolated)"
            if len(subset) < len(texts)
            else ""
        )
        print(f"dateparser.search_dates: {baseline:.1f} documents/s{note}")
        print(f"extractor / dateparser: {extractor / baseline:.1f}x")
        print(f"find_dates / dateparser: {grammar / baseline:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
