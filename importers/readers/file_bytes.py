"""Taking a file's bytes in, after the checks every reader shares (exists, is a file, size)."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from importers.errors import ReadError

MAX_BYTES = 20_000_000
"""Largest file a reader accepts; anything bigger is refused before a byte is read."""


def format_megabytes(size: int) -> str:
    """``52428800`` → ``"52.4 MB"`` (decimal megabytes, one decimal unless whole)."""
    mb = size / 1_000_000
    return f"{mb:.0f} MB" if mb == int(mb) else f"{mb:.1f} MB"


_OTHER_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)
# Opening a named pipe for reading waits for a writer unless it is opened non-blocking.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


def _kind(mode: int) -> str:
    return next((name for test, name in _OTHER_KINDS if test(mode)), "not a file")


def open_regular_file(path: Path) -> BinaryIO:
    """Open ``path`` (symbolic links followed) for reading, if it is a regular file.

    A named pipe, device or socket is refused without reading a byte and without waiting (a
    pipe named ``x.txt`` or a link to ``/dev/zero`` would otherwise block or never end). The
    type is checked on the opened file, so it cannot change between the check and the read.
    """
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise ReadError(str(path), "no such file") from None
    except OSError as exc:
        raise ReadError(str(path), f"cannot open the file ({exc.strerror or exc})") from None
    except ValueError:
        raise ReadError(str(path), "invalid file name") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise ReadError(str(path), "is a folder, not a file")
        raise ReadError(str(path), f"not a regular file ({_kind(mode)})")
    if _OPEN_FLAGS & getattr(os, "O_NONBLOCK", 0):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def read_file_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """Return the bytes of ``path`` or raise :class:`ReadError` with a one-line reason.

    Only regular files are read (see :func:`open_regular_file`). The size is checked before
    reading so that an oversized file is refused at once. A file holding nothing but
    whitespace counts as empty.
    """
    with open_regular_file(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limit:
            reason = f"file too large ({format_megabytes(size)}; limit {format_megabytes(limit)})"
            raise ReadError(str(path), reason)
        try:
            # Never more than the limit, even if the file grew since it was opened.
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
