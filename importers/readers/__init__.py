"""One reader per format; :func:`read_document` picks one by the file's extension.

Every reader takes a path and returns :class:`importers.records.DocumentText`: the plain text
with block structure kept as line breaks, the title and the reference date when the format
carries them. Every failure is a :class:`importers.errors.ReadError` whose ``str()`` is one
line, ``"path: reason"``.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from importers.errors import UnsupportedFormat
from importers.readers.file_bytes import MAX_BYTES
from importers.records import DocumentText

if TYPE_CHECKING:
    from collections.abc import Callable

# A reader's module (and what it needs: pypdf, python-docx, the e-mail parser) is imported
# when a file of its format is first read, not at start-up.
_READER_OF = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".eml": "eml",
}
READERS = frozenset(_READER_OF)
"""The file suffixes (lower case, with the dot) that a reader handles."""

__all__ = ["MAX_BYTES", "READERS", "read_document", "reader_for"]


def reader_for(suffix: str) -> Callable[[Path], DocumentText] | None:
    """The reader of files ending in ``suffix`` (lower case, with the dot), if there is one."""
    module = _READER_OF.get(suffix)
    if module is None:
        return None
    return getattr(import_module(f"importers.readers.{module}"), f"read_{module}")


def read_document(path: str | Path) -> DocumentText:
    """Read any supported document, choosing the reader by the file's extension.

    Raises :class:`UnsupportedFormat` for an extension no reader handles, and
    :class:`importers.errors.ReadError` when the file cannot be read as its format.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    reader = reader_for(suffix)
    if reader is None:
        shown = f"'{suffix}'" if suffix else "(no extension)"
        supported = ", ".join(sorted(READERS))
        raise UnsupportedFormat(str(path), f"unsupported file type {shown}; reads {supported}")
    return reader(path)
