"""Errors raised while reading or extracting a document."""

from __future__ import annotations


class DocumentError(Exception):
    """Base class: a document could not be taken in. ``str()`` is one line."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ReadError(DocumentError):
    """The file could not be read as a document of its format (empty, binary, broken, too big)."""


class UnsupportedFormat(ReadError):
    """The file's extension names no format Forum Desk reads."""


class DocumentTooComplex(DocumentError):
    """The extractor gave up on a document that took longer than its time budget; the import
    reports it and goes on with the next document."""

    def __init__(self, path: str, seconds: float) -> None:
        super().__init__(path, f"too complex to analyse within {seconds:g} s")
        self.seconds = seconds
