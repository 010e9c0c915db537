"""Files made of content lines, iCalendar (RFC 5545 §3.1) and vCard (RFC 6350 §3.2): their
bytes as text, and a vCard file cut into its cards.

Address books are often stitched together from several programs, so the encoding is decided
line by line: one stray byte spoils its own line, not every name in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from importers.errors import ReadError
from importers.readers.encoding import (
    bom_encoding,
    bomless_utf16,
    control_ratio,
    decode_cp1252,
)
from importers.readers.file_bytes import FORMAT_NAMES, read_file_bytes, sniff_format

MAX_BYTES = 50 * 1024 * 1024
"""Largest .ics or .vcf file read; a bigger one is refused before a byte is read."""
_SAMPLE = 65536  # characters looked at to tell text from binary data
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def decode_lines(data: bytes) -> str:
    """Text of a content-line file: a byte-order mark or UTF-16 without one decides for the
    whole file; otherwise each line is UTF-8, or Windows-1252 when it is not valid UTF-8."""
    bom = bom_encoding(data)
    if bom is not None:
        name, size = bom
        return data[size:].decode(name, errors="replace")
    utf16 = bomless_utf16(data) if b"\x00" in data[:_SAMPLE] else None
    if utf16 is not None:
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    out = []
    for line in lines:
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(decode_cp1252(line))
    return "\n".join(out)


def read_content_text(path: Path, kind: str, limit: int) -> str:
    """The text of an iCalendar or vCard file (``kind`` names it in reasons).

    Only regular files are read, and the size is checked before reading. Raises
    :class:`ReadError` for empty, oversized and binary files.
    """
    data = read_file_bytes(path, limit)
    if not data.strip():
        raise ReadError(str(path), "the file is empty")
    sniffed = sniff_format(data)
    if sniffed is not None:
        raise ReadError(str(path), f"binary file ({FORMAT_NAMES[sniffed]}), not {kind}")
    text = decode_lines(data)
    sample = text[:_SAMPLE]
    if "\x00" in sample or control_ratio(sample) > 0.01:
        raise ReadError(str(path), f"binary file, not {kind}")
    return text.removeprefix("\ufeff")


@dataclass(frozen=True)
class CardText:
    """One ``BEGIN:VCARD`` … ``END:VCARD`` block: its first line's number and its text."""

    line: int
    text: str


def split_cards(text: str) -> tuple[list[CardText], int | None]:
    """The vCards of a file, each with the number of its ``BEGIN:VCARD`` line, and the line of
    a last card that never ends (else None). Cards nested in a card (vCard 2.1 AGENT) stay in
    their card; text between cards is ignored."""
    cards: list[CardText] = []
    depth = 0
    start = 0
    lines: list[str] = []
    for number, line in enumerate(_LINE_BREAK.split(text), 1):
        word = line.strip().upper()
        if word == "BEGIN:VCARD":
            if depth == 0:
                start, lines = number, []
            depth += 1
        if depth:
            lines.append(line)
        if word == "END:VCARD" and depth:
            depth -= 1
            if depth == 0:
                cards.append(CardText(start, "\r\n".join(lines) + "\r\n"))
    return cards, (start if depth else None)
