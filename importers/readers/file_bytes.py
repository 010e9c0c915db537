"""Taking a file's bytes in, after the checks every reader shares (exists, is a file, size)."""

from __future__ import annotations

import stat
from pathlib import Path

from importers.errors import ReadError

MAX_BYTES = 20_000_000
"""Largest file a reader accepts; anything bigger is refused before a byte is read."""


def format_megabytes(size: int) -> str:
    """``52428800`` → ``"52.4 MB"`` (decimal megabytes, one decimal unless whole)."""
    mb = size / 1_000_000
    return f"{mb:.0f} MB" if mb == int(mb) else f"{mb:.1f} MB"


def read_file_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """Return the bytes of ``path`` or raise :class:`ReadError` with a one-line reason.

    The size is checked with ``stat()`` first so that an oversized file is refused at once.
    A file holding nothing but whitespace counts as empty.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ReadError(str(path), "no such file") from None
    except OSError as exc:
        raise ReadError(str(path), f"cannot open the file ({exc.strerror or exc})") from None
    except ValueError:
        raise ReadError(str(path), "invalid file name") from None
    if stat.S_ISDIR(info.st_mode):
        raise ReadError(str(path), "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(str(path), "not a regular file")
    if info.st_size > limit:
        reason = (
            f"file too large ({format_megabytes(info.st_size)}; limit {format_megabytes(limit)})"
        )
        raise ReadError(str(path), reason)
    try:
        with path.open("rb") as handle:
            # Never more than the limit, even if the file grew since stat().
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ReadError(str(path), f"cannot read the file ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise ReadError(str(path), f"file too large (limit {format_megabytes(limit)})")
    if not data:
        raise ReadError(str(path), "the file is empty")
    return data


def sniff_format(data: bytes) -> str | None:
    """Name the format the first bytes betray (``pdf``, ``zip``, ``ole``), or ``None``."""
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"  # legacy Office (.doc, .xls) and .msg
    return None


FORMAT_NAMES = {"pdf": "a PDF file", "zip": "a ZIP archive", "ole": "a legacy Office file"}
