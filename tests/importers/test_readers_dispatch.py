"""read_document: choice of reader by extension and the checks shared by every format."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from importers.errors import ReadError, UnsupportedFormat
from importers.readers import MAX_BYTES, READERS, read_document, reader_for

FIFTY_MIB = 50 * 1024 * 1024


@pytest.mark.parametrize(
    ("name", "expected_format"),
    [
        ("a.txt", "txt"),
        ("a.TEXT", "txt"),
        ("a.md", "txt"),
        ("a.HTML", "html"),
        ("a.htm", "html"),
        ("a.xhtml", "html"),
    ],
)
def test_extension_chooses_the_reader(tmp_path: Path, name: str, expected_format: str) -> None:
    path = tmp_path / name
    path.write_text("<p>Forum notes</p>", encoding="utf-8")
    document = read_document(path)
    assert document.format == expected_format
    assert document.path == str(path)


@pytest.mark.parametrize("name", ["slides.pptx", "sheet.xlsx", "old.doc", "README", "x.txt.bak"])
def test_unsupported_extension_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("content", encoding="utf-8")
    with pytest.raises(UnsupportedFormat) as caught:
        read_document(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: unsupported file type ")
    assert "\n" not in message


def test_unsupported_format_is_a_read_error() -> None:
    assert issubclass(UnsupportedFormat, ReadError)


@pytest.mark.parametrize("suffix", sorted(READERS))
def test_missing_file_is_refused(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"absent{suffix}"
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: no such file"


@pytest.mark.parametrize("suffix", sorted(READERS))
def test_directory_is_refused(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"folder{suffix}"
    path.mkdir()
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: is a folder, not a file"


@pytest.mark.parametrize("suffix", sorted(READERS))
def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"huge{suffix}"
    with path.open("wb") as handle:
        handle.truncate(FIFTY_MIB)  # sparse: no 50 MB written to disk
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: file too large (52.4 MB; limit 20 MB)"


def test_file_at_the_size_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "limit.txt"
    line = b"forum notes line\n"
    path.write_bytes(line * (MAX_BYTES // len(line)))
    assert read_document(path).text.startswith("forum notes line\nforum")


def test_readers_import_no_qt_and_no_database() -> None:
    code = (
        "import sys, importers.readers; "
        "print(any(m.split('.')[0] in ('PySide6', 'sqlalchemy') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX-only")
def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: not a regular file (a named pipe)"


def test_a_reader_and_its_library_are_imported_when_its_format_is_first_read() -> None:
    code = (
        "import sys; from importers.readers import reader_for; import importers.pipeline; "
        "before = {'pypdf', 'docx'} & set(sys.modules); "
        "reader = reader_for('.pdf'); "
        "print(sorted(before), reader.__name__, 'pypdf' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["[]", "read_pdf", "True"]
    assert reader_for(".xlsx") is None
