"""One reader per format; :func:`read_document` picks one by the file's extension."""

from __future__ import annotations

from pathlib import Path

from importers.errors import ReadError, UnsupportedFormat
from importers.records import DocumentText

MAX_BYTES = 20 * 1024 * 1024


def read_document(path: str | Path) -> DocumentText:
    path = Path(path)
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in ("txt", "text", "md"):
        raise UnsupportedFormat(str(path), f"unsupported file type '.{suffix}'")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(str(path), exc.strerror or str(exc)) from exc
    if not data.strip():
        raise ReadError(str(path), "the file is empty")
    return DocumentText(path=str(path), format="txt", text=data.decode("utf-8", "replace"))
