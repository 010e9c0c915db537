"""The title a document is listed under (no Qt): its own, else its first heading."""

from __future__ import annotations

import re
from functools import lru_cache

MAX_TITLE = 150
MIN_WORDS = 4  # shorter lines at the top of a page are most often its navigation
MAX_WORDS = 25
# What PDF and Office metadata hold when nobody set a title.
_PLACEHOLDERS = re.compile(
    r"^\s*(?:\(?anonymous\)?|untitled(?: document)?|document\d*|new document|title|"
    r"microsoft word - .*|slide \d+|powerpoint presentation|\(?no title\)?|[-–—_.\s]*)\s*$",
    re.IGNORECASE,
)
_LETTER = re.compile(r"[^\W\d_]")
_LABEL = re.compile(r"^[\w .-]{1,20}:\s")  # "Tel: …", "From: …", "Date: …"


def is_placeholder(title: str | None) -> bool:
    """Whether a metadata title says nothing (empty, "(anonymous)", "Untitled", …)."""
    return title is None or bool(_PLACEHOLDERS.match(title))


def _heading_lines(text: str) -> list[str]:
    lines = []
    for raw in text.splitlines():
        line = " ".join(raw.split()).strip("-–—•*#|·>< ")
        if line and _LETTER.search(line) and len(line) <= MAX_TITLE and not _LABEL.match(line):
            lines.append(line)
    return lines


def first_heading(text: str) -> str | None:
    """The first line of ``text`` that reads as a heading: a short line of several words
    that does not end a sentence (navigation words and paragraphs are passed over); else the
    first short line at all."""
    lines = _heading_lines(text)
    for line in lines:
        words = len(line.split())
        if MIN_WORDS <= words <= MAX_WORDS and not line.endswith((".", ",", ";", ":")):
            return line
    return lines[0] if lines else None


@lru_cache(maxsize=4096)  # list cells ask for it at every paint
def document_title(title: str | None, text: str) -> str:
    """The stored title unless it is a placeholder, else the first heading of the text."""
    if not is_placeholder(title):
        return " ".join(title.split())
    return first_heading(text) or ""
