"""Exports replace their file atomically."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from export_rows import load_events
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.export.atomic import atomic_write
from desktop_app.export.ics import iter_ics


class SerialiserFailed(RuntimeError):
    pass


def _failing_after_first_chunks(chunks: Iterator[str], keep: int) -> Iterator[str]:
    for index, chunk in enumerate(chunks):
        if index == keep:
            raise SerialiserFailed("stopped while writing")
        yield chunk


def test_failed_export_leaves_the_old_file_intact(
    sample: sessionmaker[Session], tmp_path: Path
) -> None:
    target = tmp_path / "forums.ics"
    target.write_bytes(b"previous good export")
    with sample() as s:
        chunks = _failing_after_first_chunks(iter_ics(load_events(s)), keep=2)
        with pytest.raises(SerialiserFailed):
            atomic_write(target, chunks)
    assert target.read_bytes() == b"previous good export"
    others = [p.name for p in tmp_path.iterdir() if not p.name.startswith("test.sqlite")]
    assert others == ["forums.ics"]  # no temporary file left behind


def test_successful_export_replaces_the_file_and_keeps_crlf(
    sample: sessionmaker[Session], tmp_path: Path
) -> None:
    target = tmp_path / "forums.ics"
    target.write_bytes(b"old")
    with sample() as s:
        text = "".join(iter_ics(load_events(s)))
    written = atomic_write(target, iter([text]))
    assert target.read_bytes() == text.encode("utf-8")
    assert written == len(text.encode("utf-8"))
    assert b"\r\n" in target.read_bytes() and b"\r\r\n" not in target.read_bytes()
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_new_file_is_readable_by_others_per_umask(tmp_path: Path) -> None:
    target = tmp_path / "new.vcf"
    atomic_write(target, iter(["BEGIN:VCARD\r\n"]))
    assert target.stat().st_mode & 0o044  # not the 0600 of a temporary file
