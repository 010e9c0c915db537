"""From a path to an :class:`~importers.records.Extraction`, whatever the format."""

from __future__ import annotations

from pathlib import Path

from importers.contentlines import MAX_BYTES as CONTENT_LINE_MAX_BYTES
from importers.extract import extract
from importers.readers import MAX_BYTES, read_document
from importers.records import Extraction

CALENDAR_SUFFIXES = {".ics", ".ical", ".ifb"}
CARD_SUFFIXES = {".vcf", ".vcard"}


def size_limit(path: str | Path) -> int:
    """The largest file (in bytes) that :func:`load` reads for ``path``'s format."""
    suffix = Path(path).suffix.lower()
    if suffix in CALENDAR_SUFFIXES or suffix in CARD_SUFFIXES:
        return CONTENT_LINE_MAX_BYTES
    return MAX_BYTES


def load(path: str | Path) -> Extraction:
    """Read and extract one file. Raises :class:`importers.errors.DocumentError` subclasses."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in CALENDAR_SUFFIXES:
        from importers.ics import read_ics

        return read_ics(path)
    if suffix in CARD_SUFFIXES:
        from importers.vcf import read_vcf

        return read_vcf(path)
    return extract(read_document(path))
