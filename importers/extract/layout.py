"""The layout of a document: its lines and what each one is, read before any entity rule.

A line is a span of the working text. Most are the text's own lines; a very long line that
holds a flattened programme or advisory ("PRESS CONFERENCE: June 14 ... Speakers: -- A -- B",
"09:00 – 09:10 Welcome ... 09:10 – 09:30 Keynote ...") is cut into the lines it once was, at
its labels, list dashes and time slots. Cutting never moves a character: every span stays an
offset into the text.

Each line gets a kind:

- ``blank``; ``rule`` (an underline of ``===`` or ``---``);
- ``slot``: it starts with a time or a time range ("9:30 - 10:00", "8.30-9.30", "8am", "11.15
  am | to | 11.40 am"); ``times`` holds them and ``body`` where the rest starts;
- ``label``: it starts with a short label and a colon ("Chair:", "WHEN:", "When?", "Venue:"),
  or its first table cell is a known label ("Chair: | X", "Topic / Theme | Y");
- ``item``: a bullet or a number starts it ("•", "-", "--", "1.", "a)");
- ``row``: table cells kept apart by ``|`` or tabs;
- ``text``: anything else.

and a heading strength (0 = none): underlined or ``#`` headings are strongest, then lines in
capitals, then short title-like lines standing apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import time
from functools import cached_property

from importers.extract.lexicon import fold
from importers.extract.vocabulary import label_meaning
from importers.records import Span

BLANK, RULE, SLOT, LABEL, ITEM, ROW, TEXT = "blank", "rule", "slot", "label", "item", "row", "text"
META = "meta"  # front matter ("---" ... "---"): the document's own data, read by its reader

# A line longer than this that holds structure markers is a flattened block.
_LONG_LINE = 240

_H = r"[^\S\n]"
# One side of a time slot: "9:30", "09.30", "9am", "8:45 a.m.", "12 noon", "15.00hrs", "14h30".
_CLOCK = (
    rf"(?:(?P<h{{n}}>[0-2]?[0-9])(?:(?P<sep{{n}}>[:.h])(?P<mi{{n}}>[0-5][0-9]))?"
    rf"(?:{_H}*(?P<ap{{n}}>[ap])\.?{_H}?m\b\.?|{_H}*(?P<hrs{{n}}>hrs?|hours|h|noon)\b)?"
    rf"|(?P<word{{n}}>noon|midday|midnight))"
)
_SLOT = re.compile(
    rf"(?P<t1>{_CLOCK.format(n=1)})"
    rf"(?:{_H}*\|?{_H}*(?:[-–—‑]+|to|until|till){_H}*\|?{_H}*(?P<t2>{_CLOCK.format(n=2)}))?"
    rf"(?![0-9/])(?:{_H}*\(?(?P<zone>(?-i:[A-Z]{{2,4}})(?:[+-][0-9]{{1,2}})?)\)?(?![\w-]))?",
    re.IGNORECASE,
)
_BULLET = re.compile(
    r"(?P<marker>[•·▪▸►◦○●■□✓✔➢➤❖*+>]|-{1,2}(?=\s)|[–—](?=\s)|"
    r"\(?(?:[0-9]{1,2}|[a-zA-Z]|[ivxIVX]{1,4})[.)](?=\s)|[0-9]{1,2}\.[0-9]{1,2}(?=\s+[A-Z]))\s+"
)
_LABEL = re.compile(r"(?P<label>[A-Za-zÀ-ÿ][\w&/'’ .()-]{0,40}?)\s*(?P<mark>:|\?(?=\s))(?!//)\s*")
_QUESTION_LABELS = {"what", "when", "where", "who", "why", "how", "qué", "cuándo", "dónde"}
_UNDERLINE = re.compile(r"([=\-~^*#_+])\1{2,}")
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+")
_SENTENCE_END = re.compile(r"[.;,]['\"”’)]*$")

# Where a flattened line is cut: before a known label written in capitals or title case, a
# run of capitals ending in a colon, a list dash, a bullet. Each cut but the last starts with
# the space before it, written first ("\s(?<=X\s)\s*" for "(?<=X)\s+") so that the engine skips
# from space to space instead of trying every cut at every character.
_CUT = re.compile(
    r"\s(?:(?<=\S\s)\s*(?=(?:--|[•·▪])\s+\S|[–—]\s+[A-Z])"
    r"|(?<=[a-z0-9.)!?,”\"]\s)\s*(?=[A-Z][A-Z&/' -]{3,40}:)"
    r"|(?<=[a-z.)]\s)\s*(?=(?:[A-Z]{2,}\s+){2,}[A-Z]{2,}\b)"
    r"|(?<=[\w.)!?,”\"]\s)\s*(?P<label>[A-Z][a-z]+(?:\s+(?:[a-z]+|[0-9]{1,2}))?)(?=\s*:\s))"
)
# A label glued to the word before it: "...the hallTel: +1 ..."
_CUT_GLUED = re.compile(
    r"(?<=[a-z])(?=(?:RSVP|Tel|Fax|Email|E-mail|Phone|Venue|Time|Date|Contact|Enquiries)\s*:)"
)


_TWO_CAPITALS = re.compile("[A-Z]{2}")


def _may_cut(chunk: str) -> bool:
    """What every cut above needs somewhere in the line (most long lines are paragraphs): a
    dash, a bullet, a colon, or three words in capitals in a row."""
    if any(mark in chunk for mark in ("--", "•", "·", "▪", "–", "—", ":")):
        return True
    if chunk.isascii() and not _TWO_CAPITALS.search(chunk):
        return False  # no word in capitals at all
    run = 0
    for word in chunk.split():
        bare = word.rstrip(".,;:!?)")
        run = run + 1 if len(bare) >= 2 and bare.isupper() and bare.isalpha() else 0
        if run >= 3:
            return True
    return False


# Where a range of hours may start: an hour, its minutes, "am"/"hrs", then a dash or "to"
_RANGE_HINT = re.compile(
    r"\d(?:[:.h]\d\d)?\s*(?:[ap]\.?\s?m\.?|hrs?|hours|h)?\s*\|?\s*(?:[-–—‑]|to\b|until\b|till\b)",
    re.IGNORECASE,
)
_STOPWORDS = frozenset(
    "a an the of on for and or in to at by with from as is are was were be de la le el "
    "y et des du del los las en &".split()
)


@dataclass(frozen=True)
class Times:
    """The times a slot line starts with."""

    span: Span
    start: time | None
    end: time | None
    zone: str | None = None


@dataclass
class Line:
    """One line of the layout. ``start``/``end`` cover its content without surrounding
    spaces; ``body`` is where the content starts after a bullet, a time or a label."""

    index: int
    start: int
    end: int
    text: str
    kind: str = TEXT
    indent: int = 0
    heading: int = 0
    body: int = 0
    marker: str | None = None
    times: Times | None = None
    label: str | None = None  # folded label words, for label lines
    meaning: str | None = None  # what the label means ("role:chair", "field:when", ...)
    cells: list[Span] = field(default_factory=list)
    virtual: bool = False  # cut out of a longer line

    @property
    def span(self) -> Span:
        return (self.start, self.end)

    @property
    def rest(self) -> str:
        """The content after the bullet, time or label."""
        return self.text[self.body - self.start :].strip()

    @property
    def rest_start(self) -> int:
        offset = self.body - self.start
        text = self.text
        while offset < len(text) and text[offset] in " \t|:":
            offset += 1
        return self.start + offset

    @property
    def words(self) -> list[str]:
        return self.text.split()


class Layout:
    """The lines of a text with their kinds, and blocks between blank lines."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: list[Line] = _read_lines(text)
        _classify(self.lines)
        _mark_front_matter(self.lines)
        _mark_headings(self.lines)

    @cached_property
    def content(self) -> list[Line]:
        return [line for line in self.lines if line.kind not in (BLANK, RULE, META)]

    def line_at(self, offset: int) -> Line | None:
        """The line holding ``offset``."""
        lo, hi = 0, len(self.lines)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.lines[mid].end < offset:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self.lines) and self.lines[lo].start <= offset <= self.lines[lo].end:
            return self.lines[lo]
        return None

    def next_content(self, line: Line) -> Line | None:
        for other in self.lines[line.index + 1 :]:
            if other.kind not in (BLANK, RULE, META):
                return other
        return None

    def previous_content(self, line: Line) -> Line | None:
        for other in reversed(self.lines[: line.index]):
            if other.kind not in (BLANK, RULE, META):
                return other
        return None

    def blank_before(self, line: Line) -> bool:
        return line.index == 0 or self.lines[line.index - 1].kind in (BLANK, RULE)

    def blank_after(self, line: Line) -> bool:
        return line.index + 1 >= len(self.lines) or self.lines[line.index + 1].kind in (
            BLANK,
            RULE,
        )


def _read_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    position = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            lines.append(Line(len(lines), position, position, "", BLANK))
        else:
            lead = len(raw) - len(raw.lstrip())
            start = position + lead
            end = start + len(stripped)
            pieces = _cut(text, start, end) if end - start > _LONG_LINE else [(start, end)]
            for a, b in pieces:
                line = Line(len(lines), a, b, text[a:b], indent=lead, virtual=len(pieces) > 1)
                lines.append(line)
        position += len(raw) + 1
    return lines


def _cut(text: str, start: int, end: int) -> list[Span]:
    """A flattened block cut where its lines once began: before labels, dashes and times."""
    chunk = text[start:end]
    cuts = set()
    if _may_cut(chunk):
        for m in _CUT.finditer(chunk):
            label = m.group("label")
            if label is None:
                cuts.add(m.end())
            elif label_meaning(label) is not None or re.search(r"[0-9]$", label):
                cuts.add(m.start("label"))
        cuts.update(m.end() for m in _CUT_GLUED.finditer(chunk))
    slots = []
    if _RANGE_HINT.search(chunk):
        slots = [m for m in _SLOT.finditer(chunk) if _real_slot(m) and _is_range(m)]
    if len(slots) >= 2:
        for m in slots:
            if m.start() and chunk[m.start() - 1] in " \t":
                cuts.add(m.start())
    pieces: list[Span] = []
    previous = 0
    for cut in sorted(cuts):
        piece = chunk[previous:cut].strip()
        if piece and cut - previous >= 3:
            a = start + previous + (len(chunk[previous:cut]) - len(chunk[previous:cut].lstrip()))
            pieces.append((a, a + len(piece)))
            previous = cut
    piece = chunk[previous:].strip()
    if piece:
        a = start + previous + (len(chunk[previous:]) - len(chunk[previous:].lstrip()))
        pieces.append((a, a + len(piece)))
    return pieces or [(start, end)]


def _is_range(m: re.Match[str]) -> bool:
    return m.group("t2") is not None


def _real_slot(m: re.Match[str]) -> bool:
    """Whether a time match is a time of day rather than a count, a date or a number."""
    for n in ("1", "2"):
        if m.group(f"t{n}") is None:
            continue
        if m.group(f"word{n}"):
            continue
        hour = int(m.group(f"h{n}"))
        has_minutes = m.group(f"mi{n}") is not None
        meridiem = m.group(f"ap{n}") is not None
        if meridiem and hour == 0:
            return False
        if hour > 23:
            return False
        if n == "1" and not (has_minutes or meridiem or m.group(f"hrs{n}")):
            # a bare hour only opens a range whose other side is a clear time: "9-10am"
            second = m.group("t2")
            if second is None or not (m.group("mi2") or m.group("ap2") or m.group("word2")):
                return False
    if (
        m.group("sep1") == "."
        and m.group("t2") is None
        and not m.group("ap1")
        and not m.group("hrs1")
    ):
        return False  # "10.30" alone is more often a number
    return True


def slot_times(text: str, at: int = 0) -> re.Match[str] | None:
    """The time slot that starts ``text`` at ``at`` (see :data:`_SLOT`), if it is one."""
    m = _SLOT.match(text, at)
    if m is None or not _real_slot(m):
        return None
    after = text[m.end() : m.end() + 1]
    if after[:1].isalnum() and not m.group("zone") and not m.group("hrs1") and not m.group("ap1"):
        return None
    if m.group("t2") is None and re.match(r"[./-][0-9]", text[m.end() : m.end() + 2]):
        return None
    # "2 July", "10 June 2031": a day of a date, not a time
    tail = text[m.end() : m.end() + 12].lower()
    if m.group("mi1") is None and not m.group("ap1") and re.match(r"\s*[a-z]{3}", tail):
        month = tail.split()[0][:3] if tail.split() else ""
        if month in _MONTH_STARTS:
            return None
    return m


_MONTH_STARTS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
}  # fmt: skip


def _to_time(m: re.Match[str], n: str) -> tuple[int, int, str | None] | None:
    word = m.group(f"word{n}")
    if word:
        return (0, 0, None) if word.lower() == "midnight" else (12, 0, None)
    hour_text = m.group(f"h{n}")
    if hour_text is None:
        return None
    ap = m.group(f"ap{n}")
    return int(hour_text), int(m.group(f"mi{n}") or 0), ap.lower() if ap else None


def _clock_time(hour: int, minute: int, ap: str | None) -> time:
    if hour > 12:
        ap = None  # "14.15 pm": the 24-hour clock with a stray meridiem
    if ap == "a" and hour == 12:
        hour = 0
    elif ap == "p" and hour < 12:
        hour += 12
    return time(hour % 24, minute)


def times_of(m: re.Match[str], base: int = 0) -> Times:
    """The times of a slot match, the end borrowing the meridiem of the start and the other
    way round ("9-10am", "10am - 12"), and a range past noon written on the 12-hour clock
    ("12:15-1:15") read forward."""
    first = _to_time(m, "1")
    second = _to_time(m, "2")
    assert first is not None
    h1, m1, ap1 = first
    start: time | None
    end: time | None = None
    if second is None:
        start = _clock_time(h1, m1, ap1)
    else:
        h2, m2, ap2 = second
        if ap1 is None and ap2 is not None:
            ap1 = ap2 if _clock_time(h1, m1, ap2) <= _clock_time(h2, m2, ap2) else "a"
        start = _clock_time(h1, m1, ap1)
        end = _clock_time(h2, m2, ap2 or (ap1 if h2 <= 12 and ap1 else None))
        if end < start and end.hour < 12 and end.hour + 12 >= start.hour and ap2 is None:
            end = time(end.hour + 12, end.minute)
    zone = m.group("zone")
    return Times((base + m.start(), base + m.end()), start, end, zone.upper() if zone else None)


_LEAD = re.compile(r"[|\s]*")


def _classify(lines: list[Line]) -> None:
    for line in lines:
        if line.kind == BLANK:
            continue
        text = line.text
        line.body = line.start
        if _UNDERLINE.fullmatch(text):
            line.kind = RULE
            continue
        if "|" in text or "\t" in text:
            line.cells = _cells(text, line.start)
        offset = 0
        marked = _MARKDOWN_HEADING.match(text)
        if marked:
            offset = marked.end()  # "## 9:00 Opening": a heading that is also a slot or a label
            line.body = line.start + offset
        bullet = _BULLET.match(text, offset) if not marked else None
        if bullet and not _is_time_bullet(text):
            line.marker = bullet.group("marker")
            offset = bullet.end()
        # "| 10:00 – 10:20 am |": a table row may open with an empty cell
        lead = _LEAD.match(text, offset).end() - offset
        slot = slot_times(text, offset + lead)
        if slot is not None:
            line.kind = SLOT
            line.times = times_of(slot, line.start)
            line.body = line.start + slot.end()
            continue
        if line.marker is not None:
            line.kind = ITEM
            line.body = line.start + offset
            _label_at(line, offset)  # "1. Chair: Jane Roe": an item that is also a label
            continue
        if _label_at(line, offset):
            continue
        if len(line.cells) >= 2:
            first = line.text[line.cells[0][0] - line.start : line.cells[0][1] - line.start]
            meaning = label_meaning(first)
            header = len(line.cells) >= 3 and not any(ch.isdigit() for ch in text)
            if meaning is not None and not header:  # "| Time | Session | Speaker |": a header
                line.kind = LABEL
                line.label = fold(first.strip(" :"))
                line.meaning = meaning
                line.body = line.cells[1][0]
                continue
            line.kind = ROW
            continue
        line.kind = TEXT


def _is_time_bullet(text: str) -> bool:
    """ "10. 30" is no bullet, and neither is a time like "9.30-10.00"."""
    return bool(re.match(r"[0-9]{1,2}[.)][0-9]{2}", text))


def _label_at(line: Line, offset: int) -> bool:
    """Mark ``line`` as a label line if a label starts at ``offset``: a short phrase of at most
    five words and a colon ("Chair:", "Master of Ceremonies:", "WHEN:"), or a question word
    and a question mark ("When?")."""
    text = line.text
    m = _LABEL.match(text, offset)
    if m is None:
        return False
    label = m.group("label").strip()
    words = label.split()
    if not words or len(words) > 5 or not (label[0].isupper() or label.isupper()):
        return False
    if m.group("mark") == "?" and fold(label) not in _QUESTION_LABELS:
        return False
    if re.search(r"[0-9]{2}$", label) and not label_meaning(label):
        return False
    meaning = label_meaning(label)
    lowered = sum(1 for w in words if w[:1].islower() and fold(w) not in _STOPWORDS)
    if meaning is None and lowered:
        return False  # "The event will open at: ..." is a sentence, not a label
    line.kind = LABEL if line.kind != ITEM else ITEM
    line.label = fold(label)
    line.meaning = meaning
    line.body = line.start + m.end()
    return True


def _mark_front_matter(lines: list[Line]) -> None:
    """ "---" / "key: value" lines / "---" at the top of a text: metadata, not content."""
    first = next((line for line in lines if line.kind != BLANK), None)
    if first is None or first.text != "---":
        return
    for line in lines[first.index + 1 : first.index + 60]:
        if line.text == "---":
            for meta in lines[first.index : line.index + 1]:
                meta.kind = META
            return


def _cells(text: str, start: int) -> list[Span]:
    """The non-empty cells of a row split at ``|`` or tabs."""
    cells: list[Span] = []
    position = 0
    for part in re.split(r"[|\t]", text):
        stripped = part.strip()
        if stripped:
            a = start + position + (len(part) - len(part.lstrip()))
            cells.append((a, a + len(stripped)))
        position += len(part) + 1
    return cells


def _mark_headings(lines: list[Line]) -> None:
    for k, line in enumerate(lines):
        if line.kind in (BLANK, RULE):
            continue
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        prev = lines[k - 1] if k else None
        if nxt is not None and nxt.kind == RULE and len(nxt.text) >= 0.6 * len(line.text):
            line.heading = 4 if nxt.text[0] == "=" else 3
            continue
        if _MARKDOWN_HEADING.match(line.text):
            line.heading = 4
            line.body = line.start + _MARKDOWN_HEADING.match(line.text).end()
            continue
        if line.kind in (SLOT, LABEL) or line.virtual:
            continue
        words = line.text.split()
        if len(words) > 14 or len(line.text) > 120:
            continue
        letters = [c for c in line.text if c.isalpha()]
        if len(letters) >= 3 and all(c.isupper() for c in letters):
            line.heading = 2
            continue
        if line.kind in (ROW,) or _SENTENCE_END.search(line.text):
            continue
        apart = (prev is None or prev.kind in (BLANK, RULE)) and (
            nxt is None or nxt.kind in (BLANK, RULE)
        )
        if apart and _title_like(words):
            line.heading = 1


def _title_like(words: list[str]) -> bool:
    content = [w for w in words if fold(w.strip("“”\"'‘’()[]:")) not in _STOPWORDS]
    if not content:
        return False
    capitals = sum(1 for w in content if w.lstrip("“\"'‘([")[:1].isupper() or w[:1].isdigit())
    return capitals >= 0.6 * len(content)


def is_day_line(line: Line, date_spans: list[Span]) -> bool:
    """A line that is mostly a date ("Monday 18 March", "DAY 1 – 25 May 2031", "Saturday, May
    17"): it heads the programme of that day."""
    if len(line.text) > 200:
        return False  # a heading is short
    covered = sum(
        min(b, line.end) - max(a, line.start)
        for a, b in date_spans
        if a < line.end and b > line.start
    )
    letters = len(re.sub(r"[\W_]", "", line.text))
    rest = line.text
    for a, b in date_spans:
        if a < line.end and b > line.start:
            rest = rest.replace(line.text[max(a, line.start) - line.start : b - line.start], " ")
    rest_words = [w for w in re.findall(r"[^\W\d_]+", rest) if fold(w) not in _DAY_WORDS]
    return covered > 0 and (len(rest_words) <= 3 or covered >= 0.5 * letters)


_DAY_WORDS = {"day", "días", "dia", "jour", "programme", "program", "agenda", "schedule", "of"}
