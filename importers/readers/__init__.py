"""One reader per format; :func:`read_document` picks one by the file's extension.

Every reader takes a path and returns :class:`importers.records.DocumentText`: the plain text
with block structure kept as line breaks, the title and the reference date when the format
carries them. Every failure is a :class:`importers.errors.ReadError` whose ``str()`` is one
line, ``"path: reason"``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from importers.errors import UnsupportedFormat
from importers.readers.docx import read_docx
from importers.readers.eml import read_eml
from importers.readers.file_bytes import MAX_BYTES
from importers.readers.html import read_html
from importers.readers.pdf import read_pdf
from importers.readers.text import read_text
from importers.records import DocumentText

READERS: dict[str, Callable[[Path], DocumentText]] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".pdf": read_pdf,
    ".docx": read_docx,
    ".eml": read_eml,
}
"""File suffix (lower case, with the dot) → reader."""

__all__ = [
    "MAX_BYTES",
    "READERS",
    "read_docx",
    "read_document",
    "read_eml",
    "read_html",
    "read_pdf",
    "read_text",
]


def read_document(path: str | Path) -> DocumentText:
    """Read any supported document, choosing the reader by the file's extension.

    Raises :class:`UnsupportedFormat` for an extension no reader handles, and
    :class:`importers.errors.ReadError` when the file cannot be read as its format.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        shown = f"'{suffix}'" if suffix else "(no extension)"
        supported = ", ".join(sorted(READERS))
        raise UnsupportedFormat(str(path), f"unsupported file type {shown}; reads {supported}")
    return reader(path)
