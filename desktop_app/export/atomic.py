"""Atomic file replacement: an export either fully replaces the file or leaves it alone."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def atomic_write(path: str | Path, chunks: Iterable[str], *, encoding: str = "utf-8") -> int:
    """Write ``chunks`` to a temporary file beside ``path``, fsync it, then ``os.replace`` it.

    If producing or writing any chunk fails, the temporary file is removed and whatever was at
    ``path`` before is untouched. Returns the number of bytes written.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    written = 0
    try:
        # Bytes: the CRLF line ends the formats require reach the file unchanged.
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                data = chunk.encode(encoding)
                handle.write(data)
                written += len(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp_name, path.stat().st_mode & 0o777)
        else:
            # mkstemp creates 0600 files; give a new export the usual permissions.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_folder(folder)
    return written


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (not on Windows)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
