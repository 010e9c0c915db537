"""DOCX reader on documents built with python-docx, and on broken and mislabelled files."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import docx
import pytest

from importers.errors import ReadError
from importers.readers import read_document


def build_programme(path: Path) -> Path:
    document = docx.Document()
    document.core_properties.title = "Harbour Cities  Forum programme"
    document.core_properties.created = datetime(2031, 3, 1, 9, 30)
    document.add_heading("Harbour Cities Forum", level=1)
    paragraph = document.add_paragraph("Opening by ")
    paragraph.add_run("the mayor").bold = True
    paragraph.add_run(" at 09:00.")
    run = document.add_paragraph("Venue: Town Hall").add_run()
    run.add_break()
    run.add_text("Room 2")
    table = document.add_table(rows=3, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Time", "Session", "Speaker"], strict=True):
        cell.text = text
    for cell, text in zip(
        table.rows[1].cells, ["10:00", "Ports panel", "Jonas Vermeer"], strict=True
    ):
        cell.text = text
    merged = table.cell(2, 1).merge(table.cell(2, 2))
    table.cell(2, 0).text = "12:00"
    merged.text = "Lunch"
    document.add_paragraph("Bring your badge", style="List Bullet")
    document.add_paragraph("")
    document.add_paragraph("Contact: Lena Fischbach")
    document.save(str(path))
    return path


def test_paragraphs_and_table_rows_in_document_order(tmp_path: Path) -> None:
    document = read_document(build_programme(tmp_path / "programme.docx"))
    assert document.format == "docx"
    assert document.text.split("\n") == [
        "Harbour Cities Forum",
        "Opening by the mayor at 09:00.",
        "Venue: Town Hall",
        "Room 2",
        "Time | Session | Speaker",
        "10:00 | Ports panel | Jonas Vermeer",
        "12:00 | Lunch",
        "Bring your badge",
        "",
        "Contact: Lena Fischbach",
    ]


def test_core_properties_give_title_and_reference_date(tmp_path: Path) -> None:
    document = read_document(build_programme(tmp_path / "programme.docx"))
    assert document.title == "Harbour Cities Forum programme"
    assert document.reference_date == date(2031, 3, 1)


def test_document_with_only_empty_paragraphs_is_refused(tmp_path: Path) -> None:
    blank = docx.Document()
    blank.add_paragraph("   ")
    path = tmp_path / "blank.docx"
    blank.save(str(path))
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: the document has no text"


def test_truncated_docx_is_refused(tmp_path: Path) -> None:
    data = build_programme(tmp_path / "good.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: not a DOCX file (corrupt or truncated)"


def test_docx_with_broken_xml_is_refused(tmp_path: Path) -> None:
    good = build_programme(tmp_path / "good.docx")
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[:200]
            target.writestr(item, data)
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: not a DOCX file (corrupt or truncated)"


def test_zip_that_is_not_a_word_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: a ZIP archive but not a Word document"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "the file is empty"),
        (b"Plain words in a file named .docx", "not a DOCX file (corrupt or truncated)"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
            "a legacy Word/Office file (.doc), not DOCX; save it as .docx",
        ),
    ],
)
def test_bad_docx_files_give_one_line_read_errors(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(data)
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: {reason}"


def _with_padding(path: Path, megabytes: int) -> Path:
    """A real programme with a part of zeros added: a few hundred kilobytes on disk that
    expand to ``megabytes`` (a ZIP bomb)."""
    build_programme(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("word/media/padding.bin", "w", force_zip64=True) as part:
            chunk = bytes(1 << 20)
            for _ in range(megabytes):
                part.write(chunk)
    return path


def test_docx_bomb_is_refused_from_its_declared_size_without_being_unpacked(
    tmp_path: Path,
) -> None:
    path = _with_padding(tmp_path / "bomb.docx", 256)
    assert path.stat().st_size < 2_000_000
    with pytest.raises(ReadError) as caught:
        read_document(path)
    # 256 MiB of zeros and the programme itself
    assert caught.value.reason == "expands to 269.3 MB (limit 100 MB); not read"


def test_docx_with_pictures_under_the_limit_is_read(tmp_path: Path) -> None:
    path = _with_padding(tmp_path / "pictures.docx", 20)
    assert "Harbour Cities Forum" in read_document(path).text
