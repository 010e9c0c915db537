"""PDF reader on small PDFs written here byte by byte (ISO 32000-1 §7.5 file structure)."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfWriter

from importers.errors import ReadError
from importers.readers import read_document


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")  # the font below uses WinAnsiEncoding
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def build_pdf(pages: list[list[str] | None], info: dict[str, str] | None = None) -> bytes:
    """A valid PDF with one Helvetica text line per string; ``None`` draws a line, no text."""
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    bodies: dict[int, bytes] = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: font}
    kids = []
    number = 4
    for lines in pages:
        if lines is None:
            stream = b"0 0 m 200 200 l S"
        else:
            shown = b" ".join(_pdf_string(line) + b" Tj T*" for line in lines)
            stream = b"BT /F1 12 Tf 14 TL 72 720 Td " + shown + b" ET"
        bodies[number] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (number + 1)
        )
        bodies[number + 1] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
        kids.append(b"%d 0 R" % number)
        number += 2
    bodies[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    trailer_info = b""
    if info:
        entries = b" ".join(b"/" + key.encode() + b" " + _pdf_string(v) for key, v in info.items())
        bodies[number] = b"<< " + entries + b" >>"
        trailer_info = b" /Info %d 0 R" % number
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for key in sorted(bodies):
        offsets[key] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (key, bodies[key])
    xref = len(out)
    size = max(bodies) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[key] for key in range(1, size))
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\n" % (size, trailer_info)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def encrypted(data: bytes, user_password: str, algorithm: str = "RC4-128") -> bytes:
    writer = PdfWriter(clone_from=BytesIO(data))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


PROGRAMME = build_pdf(
    [["Harbour Cities Forum (2nd edition)", "Café “Nord” – 09:00"], ["Closing remarks"]],
    {"Title": "Microsoft Word - Forum programme", "CreationDate": "D:20310315120000+01'00'"},
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_text_of_every_page_with_title_and_creation_date(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "programme.pdf", PROGRAMME))
    assert document.format == "pdf"
    lines = [line for line in document.text.split("\n") if line]
    assert lines == ["Harbour Cities Forum (2nd edition)", "Café “Nord” – 09:00", "Closing remarks"]
    assert document.title == "Forum programme"
    assert document.reference_date == date(2031, 3, 15)


def test_pdf_without_information_dictionary_has_no_title(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "plain.PDF", build_pdf([["Only text"]])))
    assert document.text == "Only text"
    assert document.title is None
    assert document.reference_date is None


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_pdf_encrypted_with_empty_user_password_opens(tmp_path: Path, algorithm: str) -> None:
    data = encrypted(PROGRAMME, user_password="", algorithm=algorithm)
    assert "Closing remarks" in read_document(write(tmp_path, "locked.pdf", data)).text


def test_password_protected_pdf_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.pdf", encrypted(PROGRAMME, user_password="s3cret"))
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: the PDF is password-protected"


def test_pdf_without_text_layer_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "scan.pdf", build_pdf([None, None]))
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert str(caught.value) == (
        f"{path}: the PDF has no text layer (scanned pages need OCR first)"
    )


@pytest.mark.parametrize("keep", [0.05, 0.3, 0.6, 0.9])
def test_truncated_pdf_is_refused(tmp_path: Path, keep: float) -> None:
    path = write(tmp_path, "cut.pdf", PROGRAMME[: int(len(PROGRAMME) * keep)])
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: not a PDF file (corrupt or truncated)"


@pytest.mark.parametrize(
    "data",
    [
        b"This is a plain note saved with the wrong extension.",
        PROGRAMME.replace(b"/Pages 2 0 R", b"/Pages 9 0 R"),
        b"%PDF-1.4\n" + bytes(range(256)) * 8,
    ],
)
def test_corrupt_or_fake_pdf_is_refused(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "broken.pdf", data)
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith(f"{path}: ")


def test_empty_pdf_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.pdf", b"")
    with pytest.raises(ReadError, match="the file is empty"):
        read_document(path)


def test_pdf_named_docx_is_refused_with_its_real_format(tmp_path: Path) -> None:
    path = write(tmp_path, "programme.docx", PROGRAMME)
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: a PDF file, not DOCX (wrong file extension?)"
