"""The text as the extractor sees it: cleaned without moving any character, split into
paragraphs and sentences with their spans.

Every cleaning step replaces characters one for one, so an offset in the working text is the
same offset in the document's text and spans need no mapping.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache, cached_property
from typing import NamedTuple

from importers.extract.lexicon import MONTHS, WEEKDAYS
from importers.records import Span

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = (
    frozenset(
        """
        a.m amb approx assoc ave ca capt cf co col corp dept dr e.g etc ext fig gen gov h.e
        hon i.e inc jr lt ltd mr mrs ms mt no nos p p.m pp pres prof rd rep rev sen sgt sr st
        tel u.k u.n u.s univ vol vs
        """.split()
    )
    | MONTHS
    | WEEKDAYS
)

_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)]*(?:(?=\s+[\"'“‘«(]?[A-Z0-9À-ÖØ-Þ])|$)")
_LAST_WORD = re.compile(r"([\w.]+)$")
_MARKDOWN = re.compile(r"\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)")
_LINK = re.compile(r"\[([^\]\n]{1,300})\]\([^)\s]{1,500}\)")


class Sentence(NamedTuple):
    start: int
    end: int
    paragraph: int


def _blank(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def _strip_links(match: re.Match[str]) -> str:
    # "[label](url)" -> "label" padded with spaces, so offsets stay put
    label = match.group(1)
    return " " + label + " " * (match.end() - match.start() - len(label) - 1)


def clean(text: str, *, join: bool = True) -> str:
    """Same-length cleaning: markdown emphasis and link targets blanked, odd spaces unified,
    and (``join``) hard-wrapped lines inside a paragraph joined (newline -> space)."""
    text = text.replace("\u00a0", " ").replace("\r", " ")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    if "](" in text:
        text = _LINK.sub(_strip_links, text)
    if "*" in text or "_" in text:
        text = _MARKDOWN.sub(_blank, text)
    return _join_wrapped_lines(text.replace("\t", " ")) if join else text


def _join_wrapped_lines(text: str) -> str:
    """Join the lines of a hard-wrapped paragraph into one.

    A line continues into the next when it does not end a sentence, is no heading, the next
    line is no label, bullet, time or date, and either both sit at one width (the next no
    longer, the previous or next within a quarter), the line ends on a word that cannot end a
    sentence ("of", "the"), or the next starts in lower case."""
    lines = text.split("\n")
    widths = [len(line.rstrip()) for line in lines]
    joins: list[int] = []  # the line breaks that become spaces
    pos = 0
    in_list = False  # lines under "Speakers:" are one item each
    for k, line in enumerate(lines[:-1]):
        pos += len(line)
        stripped = line.rstrip()
        nxt = lines[k + 1].strip()
        width = widths[k]
        if stripped.endswith(":"):
            in_list = True
        elif not stripped:
            in_list = False
        if (
            not nxt
            or in_list
            or stripped.endswith((".", ":", "!", "?", ";"))
            or _LINE_START.match(nxt)
            or _title_like(stripped)
        ):
            pos += 1
            continue
        near = [widths[m] for m in (k - 1, k + 1) if 0 <= m < len(lines)]
        same_width = (
            40 <= width <= 100
            and widths[k + 1] <= width * 1.2
            and any(n >= 0.6 * width for n in near)
            and not stripped[-1:].isdigit()
        )
        last_word = stripped.rsplit(" ", 1)[-1].lower()
        if same_width or last_word in _CONTINUING or (nxt[:1].islower() and width >= 30):
            joins.append(pos)
        pos += 1
    if not joins:
        return text
    parts: list[str] = []
    previous = 0
    for pos in joins:
        parts += (text[previous:pos], " ")
        previous = pos + 1
    parts.append(text[previous:])
    return "".join(parts)


def _title_like(line: str) -> bool:
    words = line.split()
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return "," not in line and capitalised >= 0.75 * len(words)


_CONTINUING = {
    "of",
    "the",
    "a",
    "an",
    "and",
    "or",
    "for",
    "to",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "as",
    "that",
    "which",
    "who",
    "its",
    "their",
    "his",
    "her",
    "our",
    "is",
    "are",
    "was",
    "were",
    "will",
    "be",
    "has",
    "have",
    "de",
    "du",
    "des",
    "la",
    "le",
    "van",
    "von",
}
_MONTH_START = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
)
_LINE_START = re.compile(
    rf"[-*•–—>\d(]|[A-Z][A-Za-z ]{{0,20}}:\s|{_MONTH_START}|(?:Dr|Mr|Mrs|Ms|Prof|H\.\s?E)\.?\s"
)


class Text:
    """A document's working text with paragraph and sentence boundaries."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.lines = clean(raw, join=False)  # tabs kept: they part table cells
        self.text = _join_wrapped_lines(self.lines.replace("\t", " "))

    @cached_property
    def lower(self) -> str | None:
        """The text lower-cased, for expressions that would otherwise need IGNORECASE (twice
        as slow); None when lower-casing moves offsets (a few letters such as "İ" grow)."""
        low = self.text.lower()
        return low if len(low) == len(self.text) else None

    def caseless(
        self, pattern: re.Pattern[str], lowered: re.Pattern[str] | None = None
    ) -> tuple[re.Pattern[str], str]:
        """What to scan with a case-insensitive pattern of lower-case words: its lower-case
        twin (``lowered``, else the pattern compiled without IGNORECASE) and the lower-cased
        text, or, when lower-casing moves offsets, the pattern and the text. Spans agree."""
        if self.lower is None:
            return pattern, self.text
        return lowered or _without_ignorecase(pattern), self.lower

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Blocks separated by line breaks (each non-empty line of the working text)."""
        spans = []
        for match in re.finditer(r"[^\n]+", self.text):
            if match.group().strip():
                spans.append((match.start(), match.end()))
        return spans

    @cached_property
    def sentences(self) -> list[Sentence]:
        text = self.text
        out: list[Sentence] = []
        for index, (p_start, p_end) in enumerate(self.paragraphs):
            start = p_start
            for match in _SENTENCE_END.finditer(text, p_start, p_end):
                end = match.end()
                mark = match.group()
                if mark[0] == "." and self._is_abbreviation(end - len(mark)):
                    continue
                self._add(out, start, end, index)
                start = end
            self._add(out, start, p_end, index)
        return out

    def _add(self, out: list[Sentence], start: int, end: int, paragraph: int) -> None:
        """The sentence between ``start`` and ``end`` without its surrounding spaces, if any."""
        piece = self.text[start:end]
        core = piece.lstrip()
        if core:
            start += len(piece) - len(core)
            out.append(Sentence(start, start + len(core.rstrip()), paragraph))

    def _is_abbreviation(self, dot: int) -> bool:
        word = _LAST_WORD.search(self.text, max(0, dot - 12), dot)
        if not word:
            return False
        token = word.group(1).lower().rstrip(".")
        # single capital letters are initials ("Ada J. Quill")
        return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence that holds ``offset`` or, between sentences, the one before."""
        return bisect_right(self._sentence_starts, offset) - 1

    def sentence_at(self, offset: int) -> Sentence | None:
        index = self.sentence_index(offset)
        if index < 0:
            return None
        sentence = self.sentences[index]
        return sentence if sentence.start <= offset < sentence.end else None


def find_words(text: str, words: tuple[str, ...]) -> list[Span]:
    """Where the words occur as whole words (as ``\bword\b`` would find them), in text order.
    Each is found with ``str.find``: many times faster than a regular expression that starts
    with ``\b``, which the engine tries at every position."""
    found = []
    for word in words:
        position = text.find(word)
        while position != -1:
            end = position + len(word)
            if not (position and is_word_char(text[position - 1])) and not (
                end < len(text) and is_word_char(text[end])
            ):
                found.append((position, end))
            position = text.find(word, position + 1)
    found.sort()
    return found


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


@cache
def _without_ignorecase(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


class SpanSet:
    """Spans to test positions against, in O(log n) per test."""

    def __init__(self, spans: list[Span]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [m[0] for m in merged]
        self._ends = [m[1] for m in merged]

    def covers(self, position: int) -> bool:
        index = bisect_right(self._starts, position) - 1
        return index >= 0 and position < self._ends[index]

    def overlaps(self, span: Span) -> bool:
        index = bisect_right(self._starts, span[1] - 1) - 1
        return index >= 0 and self._ends[index] > span[0]
