"""PDF documents, read with pypdf: the text layer of every page, title and creation date."""

from __future__ import annotations

import logging
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError

from importers.errors import ReadError
from importers.readers.dates import parse_date_value
from importers.readers.file_bytes import read_file_bytes
from importers.readers.layout import tidy_blank_lines
from importers.records import DocumentText

# Typographic ligatures that PDF fonts often map text to (Unicode block FB00–FB06).
_LIGATURES = {
    0xFB00: "ff",
    0xFB01: "fi",
    0xFB02: "fl",
    0xFB03: "ffi",
    0xFB04: "ffl",
    0xFB05: "st",
    0xFB06: "st",
    0x00AD: None,  # soft hyphen
}
_WORD_EXPORT_PREFIX = "Microsoft Word - "

# pypdf logs what it repairs in a broken file ("EOF marker not found"); with no handler
# configured Python would print that to stderr beside our own one-line reason.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


def _open(data: bytes, path: str) -> PdfReader:
    # pypdf raises many exception types on broken files (PdfReadError, ValueError, KeyError,
    # RecursionError, ...); every one of them means "corrupt" to the user.
    try:
        reader = PdfReader(BytesIO(data), strict=False)
    except Exception:
        raise ReadError(path, "not a PDF file (corrupt or truncated)") from None
    if reader.is_encrypted:
        try:
            # Many PDFs are encrypted only to restrict printing: the empty user password opens them.
            opened = reader.decrypt("")
        except DependencyError:
            reason = "the PDF is encrypted with a cipher this installation cannot open"
            raise ReadError(path, reason) from None
        except Exception:
            opened = 0
        if not opened:
            raise ReadError(path, "the PDF is password-protected")
    return reader


def _metadata(reader: PdfReader) -> tuple[str | None, str | None]:
    try:
        info = reader.metadata
        if info is None:
            return None, None
        title = info.get("/Title")
        created = info.get("/CreationDate")
    except Exception:
        return None, None
    title_text = str(title).replace("\x00", "").strip() if title else None
    if title_text and title_text.startswith(_WORD_EXPORT_PREFIX):
        title_text = title_text[len(_WORD_EXPORT_PREFIX) :].strip()
    return title_text or None, str(created) if created else None


def read_pdf(path: str | Path) -> DocumentText:
    """Read the text layer of a PDF, page after page.

    The title is the ``/Title`` of the document information dictionary and the reference date
    its ``/CreationDate`` (ISO 32000-1 §14.3.3). An encrypted PDF is opened when its user
    password is empty. Raises :class:`ReadError` for broken, password-protected and
    image-only PDFs.
    """
    path = Path(path)
    data = read_file_bytes(path)
    if b"%PDF-" not in data[:1024]:
        raise ReadError(str(path), "not a PDF file (corrupt or truncated)")
    reader = _open(data, str(path))
    try:
        pages = list(reader.pages)
    except Exception:
        raise ReadError(str(path), "not a PDF file (corrupt or truncated)") from None
    if not pages:
        raise ReadError(str(path), "the PDF has no pages")
    texts: list[str] = []
    failures = 0
    for page in pages:
        try:
            texts.append(page.extract_text() or "")
        except Exception:
            failures += 1
    if failures == len(pages):
        raise ReadError(str(path), "not a PDF file (corrupt or truncated)")
    text = tidy_blank_lines("\n".join(texts).translate(_LIGATURES).replace("\r\n", "\n"))
    if not text.strip():
        raise ReadError(str(path), "the PDF has no text layer (scanned pages need OCR first)")
    title, created = _metadata(reader)
    return DocumentText(
        path=str(path),
        format="pdf",
        text=text,
        title=title,
        reference_date=parse_date_value(created),
    )
