"""Word documents (``.docx``, ECMA-376 WordprocessingML), read with python-docx."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

import docx
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from importers.errors import ReadError
from importers.readers.file_bytes import (
    FORMAT_NAMES,
    format_megabytes,
    read_file_bytes,
    sniff_format,
)
from importers.readers.layout import tidy_blank_lines
from importers.records import DocumentText

CELL_SEPARATOR = " | "
# What the parts of a .docx may expand to, all together: a long report with pictures stays
# well under it; a "ZIP bomb" of a few megabytes that expands to gigabytes does not.
MAX_EXPANDED_BYTES = 100_000_000
MAX_PARTS = 5_000


def _cell_text(cell: _Cell) -> str:
    # A cell's paragraphs (and nested tables) stay on the row's line.
    parts = [" ".join(line.split()) for line in _block_lines(cell)]
    return " ".join(part for part in parts if part)


def _row_lines(table: Table) -> list[str]:
    lines = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            # A merged cell is returned once per grid column it spans.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(_cell_text(cell))
        line = CELL_SEPARATOR.join(cell for cell in cells if cell)
        if line:
            lines.append(line)
    return lines


def _block_lines(container: docx.document.Document | _Cell) -> list[str]:
    lines: list[str] = []
    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            # Manual line breaks (<w:br/>) come back as "\n" and stay line breaks.
            lines.extend(block.text.split("\n"))
        elif isinstance(block, Table):
            lines.extend(_row_lines(block))
    return lines


def _expansion_problem(archive: zipfile.ZipFile) -> str | None:
    """Why the archive must not be unpacked: what its parts declare they expand to (the
    sizes the ZIP's central directory gives, which also bound what reading them can yield)."""
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        return f"not a DOCX file ({len(parts):,} parts; a document has far fewer)"
    expanded = sum(part.file_size for part in parts)
    if expanded > MAX_EXPANDED_BYTES:
        size, limit = format_megabytes(expanded), format_megabytes(MAX_EXPANDED_BYTES)
        return f"expands to {size} (limit {limit}); not read"
    return None


def _wrong_format(data: bytes, path: Path) -> str | None:
    sniffed = sniff_format(data)
    if sniffed == "zip":
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                if "word/document.xml" not in archive.namelist():
                    return "a ZIP archive but not a Word document"
                return _expansion_problem(archive)
        except (zipfile.BadZipFile, OSError, ValueError):
            return "not a DOCX file (corrupt or truncated)"
    if sniffed == "ole":
        return "a legacy Word/Office file (.doc), not DOCX; save it as .docx"
    if sniffed is not None:
        return f"{FORMAT_NAMES[sniffed]}, not DOCX (wrong file extension?)"
    return "not a DOCX file (corrupt or truncated)"


def read_docx(path: str | Path) -> DocumentText:
    """Read a ``.docx``: body paragraphs and tables in document order, one table row per line.

    Cells are joined by ``" | "``. The title and reference date come from the core properties
    ``dc:title`` and ``dcterms:created`` (ECMA-376 Part 2 §11). Headers, footers, comments and
    footnotes are not read. Raises :class:`ReadError` for broken files and other formats.
    """
    path = Path(path)
    data = read_file_bytes(path)
    problem = _wrong_format(data, path)
    if problem is not None:
        raise ReadError(str(path), problem)
    # python-docx and the zip/XML layers under it raise many exception types on broken parts.
    try:
        document = docx.Document(BytesIO(data))
        lines = _block_lines(document)
    except Exception:
        raise ReadError(str(path), "not a DOCX file (corrupt or truncated)") from None
    text = tidy_blank_lines("\n".join(" ".join(line.split()) for line in lines))
    if not text:
        raise ReadError(str(path), "the document has no text")
    title = None
    reference_date = None
    try:
        properties = document.core_properties
        title = " ".join((properties.title or "").split()) or None
        if properties.created is not None:
            reference_date = properties.created.date()
    except Exception:
        pass  # broken core properties do not make the text unreadable
    return DocumentText(
        path=str(path), format="docx", text=text, title=title, reference_date=reference_date
    )
