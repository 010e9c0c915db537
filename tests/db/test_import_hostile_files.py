"""Files an import meets that are not ordinary documents: pipes, devices, huge sparse files,
unreadable folders, names that are not UTF-8 or hold terminal commands. Each is named with its
reason and the batch goes on; nothing blocks.

The imports run as real ``forumdesk`` processes with a time limit, so that a regression that
blocks fails the test instead of hanging the suite.
"""

from __future__ import annotations

import os
import resource
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db.models import Document
from db.store import import_documents
from importers import pipeline
from importers.errors import DocumentTooComplex

REPO = Path(__file__).resolve().parents[2]
NOTE = "The Harbour Forum will take place on 3 May 2031 in Tallinn.\n"
GIB = 1 << 30


def _forumdesk(
    db: Path, *args: str, cwd: Path = REPO, prefix: tuple[str, ...] = (), memory: int = 0
) -> subprocess.CompletedProcess[bytes]:
    def limit_memory() -> None:
        if memory:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run(
        [*prefix, sys.executable, "-m", "desktop_app.cli", "--db", f"sqlite:///{db}", *args],
        capture_output=True,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=300,  # a guard against a hang, not a measure of speed
        preexec_fn=limit_memory,
    )


def _documents(db: Path) -> list[str]:
    connection = sqlite3.connect(db)
    try:
        return [row[0] for row in connection.execute("SELECT path FROM document ORDER BY id")]
    finally:
        connection.close()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX-only")
def test_pipe_and_link_to_dev_zero_are_skipped_without_blocking(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(NOTE, encoding="utf-8")
    os.mkfifo(docs / "x.txt")
    (docs / "zero.txt").symlink_to("/dev/zero")
    result = _forumdesk(tmp_path / "db.sqlite", "import", str(docs))
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert f"forumdesk: {docs / 'x.txt'}: not a regular file (a named pipe)\n" in err
    assert f"forumdesk: {docs / 'zero.txt'}: not a regular file (a device)\n" in err
    assert "Imported 1 new document, 2 failed" in result.stdout.decode()


@pytest.mark.parametrize("name", ["huge.vcf", "huge.ics", "huge.txt"])
def test_huge_sparse_file_is_refused_before_it_is_read(tmp_path: Path, name: str) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(NOTE, encoding="utf-8")
    with (docs / name).open("wb") as handle:
        handle.truncate(3 * GIB)  # sparse: takes no disk space, reads as 3 GB of NUL bytes
    # Reading the file whole, as .ics and .vcf were, would not fit in this limit.
    result = _forumdesk(tmp_path / "db.sqlite", "import", str(docs), memory=GIB)
    err = result.stderr.decode()
    limit = "52.4 MB" if name != "huge.txt" else "20 MB"
    assert f"forumdesk: {docs / name}: file too large (3221.2 MB; limit {limit})\n" in err
    assert "Imported 1 new document, 1 failed" in result.stdout.decode()


def test_file_name_that_is_not_utf8_is_imported(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    name = os.fsdecode(b"caf\xe9 programme.txt")
    (docs / name).write_text(NOTE, encoding="utf-8")
    result = _forumdesk(tmp_path / "db.sqlite", "import", str(docs))
    err = result.stderr.decode()
    assert result.returncode == 0, err
    assert f"{docs}/caf\\xe9 programme.txt … new" in err
    assert _documents(tmp_path / "db.sqlite") == [f"{docs}/caf\\xe9 programme.txt"]


def test_file_names_with_terminal_commands_are_printed_escaped(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "red\x1b[31m\nfake line.txt").write_text(NOTE, encoding="utf-8")
    (docs / "empty\x1b]0;title\x07.txt").write_bytes(b"")
    result = _forumdesk(tmp_path / "db.sqlite", "import", str(docs))
    err = result.stderr.decode()
    assert "\x1b" not in err and "\x07" not in err
    assert "red\\x1b[31m\\nfake line.txt … new" in err
    assert f"forumdesk: {docs}/empty\\x1b]0;title\\x07.txt: the file is empty\n" in err
    assert len(err.splitlines()) == 3  # two progress lines and one failure, nothing forged


def test_document_path_is_stored_absolute(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(NOTE, encoding="utf-8")
    result = _forumdesk(tmp_path / "db.sqlite", "import", "docs/a.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert _documents(tmp_path / "db.sqlite") == [str(tmp_path / "docs" / "a.txt")]


def test_broken_pdf_gives_one_line_and_nothing_from_the_pdf_library(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "cut.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n")
    result = _forumdesk(tmp_path / "db.sqlite", "import", str(docs))
    assert result.stderr.decode().splitlines() == [
        f"[1/1] {docs / 'cut.pdf'} … failed: not a PDF file (corrupt or truncated)",
        f"forumdesk: {docs / 'cut.pdf'}: not a PDF file (corrupt or truncated)",
    ]


def _without_root() -> tuple[str, ...]:
    """A command prefix that runs a process without root's right to read any folder."""
    if os.geteuid() != 0:
        return ()
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: every folder is readable")
    dropped = "-dac_override,-dac_read_search"
    return ("setpriv", "--bounding-set", dropped, "--inh-caps", "-all")


def test_unreadable_subfolder_is_reported(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "locked").mkdir(parents=True)
    (docs / "a.txt").write_text(NOTE, encoding="utf-8")
    (docs / "locked" / "b.txt").write_text(NOTE, encoding="utf-8")
    (docs / "locked").chmod(0)
    try:
        result = _forumdesk(tmp_path / "db.sqlite", "import", str(docs), prefix=_without_root())
    finally:
        (docs / "locked").chmod(0o755)
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert f"forumdesk: {docs / 'locked'}: cannot read the folder (Permission denied)\n" in err
    assert "Imported 1 new document, 1 failed" in result.stdout.decode()


def test_document_too_complex_fails_alone_and_the_batch_goes_on(
    sessions: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(NOTE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("A long line " * 1000 + "\n", encoding="utf-8")
    real_extract = pipeline.extract

    def extract_with_budget(document):  # noqa: ANN001, ANN202 - the extractor's signature
        if document.path.endswith("b.txt"):
            raise DocumentTooComplex(document.path, 30)
        return real_extract(document)

    monkeypatch.setattr(pipeline, "extract", extract_with_budget)
    summary = import_documents(sessions, [tmp_path])
    assert [(Path(r.path).name, r.status, r.reason) for r in summary.results] == [
        ("a.txt", "new", None),
        ("b.txt", "failed", "too complex to analyse within 30 s"),
    ]
    with sessions() as s:
        assert [Path(p).name for p in s.scalars(select(Document.path))] == ["a.txt"]
