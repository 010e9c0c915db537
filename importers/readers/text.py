"""Plain-text documents (``.txt``, ``.text``, ``.md``), with optional YAML front matter."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from importers.errors import ReadError
from importers.readers.dates import parse_date_value
from importers.readers.encoding import decode_text
from importers.readers.file_bytes import FORMAT_NAMES, read_file_bytes, sniff_format
from importers.records import DocumentText

_KEY_VALUE = re.compile(r"^([A-Za-z_][\w.-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
_DOUBLE_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_SINGLE_QUOTED = re.compile(r"'((?:[^']|'')*)'")
_ATX_HEADING = re.compile(r"^#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^=+[ \t]*$")
_DATE_KEYS = ("date", "published", "pubdate", "publishdate", "publish_date", "created")
_MAX_FRONT_MATTER_LINES = 200


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _unquote_yaml_scalar(value: str) -> str:
    double = _DOUBLE_QUOTED.match(value)
    if double:
        try:
            return str(json.loads(double.group(0)))
        except ValueError:
            return double.group(1)
    single = _SINGLE_QUOTED.match(value)
    if single:
        return single.group(1).replace("''", "'")
    # A plain scalar ends at " #" (YAML 1.2 §6.6 comments).
    return value.split(" #", 1)[0].rstrip()


def parse_front_matter(text: str) -> dict[str, str]:
    """The top-level ``key: value`` pairs of a leading ``---`` ... ``---`` block (keys lower-case).

    Only flat scalar values are read (what ``title:`` and ``date:`` need); nested mappings and
    lists are skipped. No block, or an unclosed one, gives ``{}``.
    """
    lines = text.split("\n", _MAX_FRONT_MATTER_LINES + 1)
    if not lines or lines[0].rstrip() != "---":
        return {}
    values: dict[str, str] = {}
    for line in lines[1 : _MAX_FRONT_MATTER_LINES + 1]:
        if line.rstrip() in ("---", "..."):
            return values
        match = _KEY_VALUE.match(line)
        if match and match.group(2):
            values.setdefault(match.group(1).lower(), _unquote_yaml_scalar(match.group(2)))
    return {}


def _front_matter_end(text: str) -> int:
    """Line index just after the front-matter block, or 0 when there is none."""
    lines = text.split("\n", _MAX_FRONT_MATTER_LINES + 1)
    if not lines or lines[0].rstrip() != "---":
        return 0
    for index, line in enumerate(lines[1 : _MAX_FRONT_MATTER_LINES + 1], start=1):
        if line.rstrip() in ("---", "..."):
            return index + 1
    return 0


def markdown_title(text: str) -> str | None:
    """The first level-one heading of a Markdown text (``# Title`` or ``Title`` over ``===``)."""
    lines = text.split("\n")[_front_matter_end(text) :]
    for index, line in enumerate(lines[:500]):
        match = _ATX_HEADING.match(line)
        if match:
            return match.group(1).strip() or None
        if line.strip() and index + 1 < len(lines) and _SETEXT_UNDERLINE.match(lines[index + 1]):
            return line.strip()
    return None


def text_metadata(text: str, markdown: bool = False) -> tuple[str | None, date | None]:
    """Title and reference date of a plain text: from front matter, else a Markdown heading."""
    front = parse_front_matter(text)
    title = front.get("title") or None
    reference_date = None
    for key in _DATE_KEYS:
        reference_date = parse_date_value(front.get(key))
        if reference_date is not None:
            break
    if title is None and markdown:
        title = markdown_title(text)
    return title, reference_date


def read_text(path: str | Path) -> DocumentText:
    """Read a plain-text file in any common encoding (see :mod:`importers.readers.encoding`).

    The text is kept as written, with line endings normalised to ``\\n``; a BOM and NUL
    characters are dropped. Raises :class:`ReadError` for empty, blank or binary files.
    """
    path = Path(path)
    data = read_file_bytes(path)
    sniffed = sniff_format(data)
    if sniffed is not None:
        raise ReadError(str(path), f"{FORMAT_NAMES[sniffed]}, not text (wrong file extension?)")
    text = normalise_newlines(decode_text(data, str(path)))
    if not text.strip():
        raise ReadError(str(path), "the file holds only whitespace")
    title, reference_date = text_metadata(text, markdown=path.suffix.lower() == ".md")
    return DocumentText(
        path=str(path), format="txt", text=text, title=title, reference_date=reference_date
    )
