"""The main event of a document: the one an announcement, an advisory or a programme is about.

Candidates come from, strongest first: a "WHAT:" or "Event:" label; the document's own title
(an HTML title, a front-matter title) and its headline lines; the lead sentences. In each, a
gathering phrase (see :mod:`importers.extract.gatherings`) is the candidate; a programme page
whose title holds no gathering noun ("TIDEX 2031", "Conference Program - ??Fest") is named by the
part of its title that is not a generic page word. An event is never dropped for lack of a date.

Its dates come from a "WHEN:" or "Date:" label, a date line under its title, the sentence that
names it, or the days of its programme.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice

from importers.extract.dates import DateMention
from importers.extract.gatherings import Gathering, find_gatherings, gathering_nouns
from importers.extract.layout import Layout, Line
from importers.extract.lexicon import BODY_NOUNS, fold
from importers.extract.programme import Programme
from importers.extract.text import Text
from importers.extract.vocabulary import words
from importers.records import PartialDate, Span

_TITLE_SPLIT = re.compile(r"\s+[|–—]\s+|\s+-\s+|\s*\\?:\s+")
_HOSTING = re.compile(
    r"\b(?:host(?:s|ed|ing)?|hold(?:s|ing)?|held|organi[sz](?:es|ed|ing)|conven(?:es|ed|ing)|"
    r"begun|began|begins|open(?:s|ed)?|attend(?:s|ed)?|take\s+place|takes\s+place|took\s+place|"
    r"will\s+be|invit(?:es|ed)|announces?|called\s+for|participat\w+|join(?:s|ed)?)\b",
    re.IGNORECASE,
)


@dataclass
class Candidate:
    title: str
    span: Span
    head: str
    score: int
    source: str  # "label", "title", "headline", "lead", "page", "cluster"
    line: Line | None = None
    hosted: bool = False  # a verb of holding or meeting goes with it
    called: bool = False  # named outright: "the show, called “X”"


@dataclass
class MainEvent:
    title: str
    span: Span
    head: str
    source: str
    start: PartialDate | None = None
    end: PartialDate | None = None
    dates: list[DateMention] = field(default_factory=list)
    location: str | None = None


def _page_words() -> frozenset[str]:
    return words("page_words.txt")


def _generic_page_title(part: str) -> bool:
    content = [fold(w) for w in re.findall(r"[^\W_]+", part)]
    return not content or all(w in _page_words() for w in content)


def candidates(
    doc: Text,
    layout: Layout,
    programme: Programme,
    doc_title: str | None,
    dates: list[DateMention],
) -> list[Candidate]:
    text = doc.text
    found: list[Candidate] = []
    what = programme.fields.get("what")
    if what:
        value, span = what
        value = _bare_subject(value, dates, span[0])
        found.append(Candidate(value.strip(" .;"), span, _head_of(value), 120, "label"))
    if doc_title:
        found += _title_candidates(doc_title, programme)
    labels = sorted(
        {span[0] for key, (_, span) in programme.fields.items() if key in ("when", "date", "where")}
        | {
            line.start
            for line in layout.lines
            if line.meaning in ("field:when", "field:date", "field:where")
        }
    )
    found += _headline_candidates(text, layout, dates, labels)
    found += _lead_candidates(doc, layout)
    return found


# "Re: Fwd: Invitation: X": what a mail's subject says before the name of the event
_SUBJECT_LEAD = re.compile(
    r"^(?:\s*(?:re|fwd?|tr|aw|wg|rv|invitation|invite|save\s+the\s+date|reminder|rappel"
    r"|invitación|einladung|convocatoria|announcement|new\s+date|update)\s*[:\-–—]\s*)+",
    re.IGNORECASE,
)


def _bare_subject(value: str, dates: list[DateMention], at: int) -> str:
    """A labelled name without the mail's words before it and its date after it
    ("Invitation: Harbour Dinner, 20 November 2031" -> "Harbour Dinner")."""
    bare = _SUBJECT_LEAD.sub("", value)
    offset = at + len(value) - len(bare)
    end = offset + len(bare.rstrip())
    for date in dates:
        if date.span[1] == end and date.span[0] > offset:
            head = bare[: date.span[0] - offset].rstrip()
            if head.endswith((",", "–", "—", "-", "|", ":")) and len(head) > 3:
                bare = head.rstrip(" ,–—-|:")
    return bare or value


def _head_of(value: str) -> str:
    gatherings = find_gatherings(value)
    return gatherings[0].head if gatherings else "event"


def _title_candidates(title: str, programme: Programme) -> list[Candidate]:
    title = title.replace("\\", "").strip()
    out: list[Candidate] = []
    for g in find_gatherings(title):
        if _generic_page_title(g.title):
            continue  # "Conference Program"
        score = (80 if g.named else 45) - _partial(g.title, title)
        out.append(Candidate(g.title, (-1, -1), g.head, score, "title"))
    if out:
        return out
    for part in _TITLE_SPLIT.split(title):
        part = part.strip(" .")
        if not part or _generic_page_title(part):
            continue
        if programme.timed or _EDITION.match(part):
            return [Candidate(part, (-1, -1), "event", 62, "page")]
    return out


# "TIDEX 2031", "QuayCon 2030", "Festival'24": a short name with its edition's year
_EDITION = re.compile(
    r"^[^\W_][\w!&'’.-]{1,30}(?:\s+[^\W_][\w!&'’.-]{0,30})?\s*(?:(?:19|20)\d\d|['’]\d\d)$"
)


def _headline_lines(layout: Layout) -> list[Line]:
    """The lines that head the text: titles and headings before its first paragraph of prose."""
    out: list[Line] = []
    for line in layout.content[:40]:
        words = line.text.split()
        if len(words) > 24 and out:
            break
        sentence = line.text.rstrip().endswith(".") and len(words) > 6 and not line.heading
        if len(words) <= 24 and not sentence:
            out.append(line)
    return out


def _headline_candidates(
    text: str, layout: Layout, dates: list[DateMention], labels: list[int]
) -> list[Candidate]:
    out: list[Candidate] = []
    lines = _headline_lines(layout)
    for rank, line in enumerate(lines):
        kind_titled = _KIND_TITLE.match(text, line.start, line.end) if rank < 4 else None
        if kind_titled and fold(kind_titled.group("noun")) in gathering_nouns():
            title = kind_titled.group("title").strip(' “”"')
            if len(title.split()) >= 2:
                span = (kind_titled.start("title"), kind_titled.end("title"))
                out.append(
                    Candidate(
                        title, span, fold(kind_titled.group("noun")), 78 - rank, "headline", line
                    )
                )
                continue
        notice = _NOTICE_OF.fullmatch(text, line.body, line.end)
        if notice and fold(notice.group("noun")) in gathering_nouns():
            # "NOTICE OF HEARING": the notice of a gathering it names only by its kind
            noun = notice.group("noun").lower()
            span = (notice.start("noun"), notice.end("noun"))
            score = 77 - rank + _above_labels(line, lines, labels)
            out.append(Candidate(noun, span, fold(noun), score, "headline", line))
            continue
        kind_only = _kind_line(text, line)
        if kind_only is not None and rank + 1 < len(lines):
            # "Free webinar" / "Soil Carbon for Smallholders": the line under the kind names it
            below = lines[rank + 1]
            title = text[below.body : below.end].strip(" :|")
            if 2 <= len(title.split()) <= 14 and not find_gatherings(text, below.body, below.end):
                span = (below.body, below.body + len(title))
                out.append(Candidate(title, span, kind_only, 79 - rank, "headline", below))
                continue
        for g in find_gatherings(text, line.body, line.end):
            if _body_penalty(text, g):
                continue
            score = (75 if g.named else 42) - rank // 2 + _modifier_bonus(g)
            score -= _partial(g.title, text[line.body : line.end])
            if _dates_under(layout, line, dates, reach=2):
                score += 15  # a title with its dates under it
            score += _above_labels(line, lines, labels)
            out.append(Candidate(g.title, g.span, g.head, score, "headline", line))
    return out


def _above_labels(line: Line, lines: list[Line], labels: list[int]) -> int:
    """The title right above its "Date:" and "Venue:" lines weighs more."""
    if (
        labels
        and line.start < labels[0]
        and not any(line.end < other.start < labels[0] for other in lines if other is not line)
    ):
        return 25
    return 0


_NOTICE_OF = re.compile(
    r"(?:notice|agenda|announcement)\s+of\s+(?:the\s+)?(?:public\s+|joint\s+|special\s+)?"
    r"(?P<noun>[A-Za-z]+)[\s.:]*",
    re.IGNORECASE,
)


def _kind_line(text: str, line: Line) -> str | None:
    """The kind of gathering a line names and nothing else ("Free webinar", "Live Webinar")."""
    words = text[line.body : line.end].strip(" :|").split()
    if not 1 <= len(words) <= 3:
        return None
    found = find_gatherings(text, line.body, line.end)
    if len(found) != 1 or found[0].title.lower() != " ".join(words).lower():
        return None
    others = [fold(w) for w in words[:-1]]
    if all(w in _KIND_ADJECTIVES for w in others):
        return found[0].head
    return None


_KIND_ADJECTIVES = frozenset(
    "free live online virtual hybrid public open special annual monthly weekly upcoming "
    "new next".split()
)


# A line titled by its kind of gathering: "Webinar: Water Data for Towns", "Public lecture – X"
_KIND_TITLE = re.compile(
    r"(?:[A-Z][\w-]*[ \t]+)?(?P<noun>[A-Za-z]+)[ \t]*[:–—|][ \t]*"
    r"(?P<title>[A-Z0-9“\"][^\n]{3,150}?)[ \t]*$",
    re.MULTILINE,
)
_ANNUAL = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)|annual|inaugural|first|second|third|(?:19|20)\d\d)\b|\b(?:19|20)\d\d$",
    re.I,
)


def _partial(phrase: str, line: str) -> int:
    """A name that is only a small part of a headline sentence ("X conference tackles forced
    migration") is a weaker title than a line that is the name ("X Conference 2024")."""
    part = _TITLE_SPLIT.split(line.replace("\\", ""))[0]
    if phrase in part or part in phrase:
        return 0 if len(phrase.split()) >= 0.5 * len(part.split()) else 20
    return 0 if len(phrase.split()) >= 0.5 * len(line.split()) else 20


def _modifier_bonus(g: Gathering) -> int:
    """ "24th Annual X Conference", "X Summit 2021": an edition marks a recurring gathering."""
    return 5 if _ANNUAL.search(g.title) else 0


def _body_penalty(text: str, g: Gathering) -> int:
    """A standing body ("the X School", "the Y Council") is an event only when it meets."""
    if g.head not in BODY_NOUNS or g.quoted:
        return 0
    after = text[g.span[1] : g.span[1] + 60].lower()
    before = text[max(0, g.span[0] - 30) : g.span[0]].lower()
    meets = re.search(
        r"\b(?:meet|meets|will meet|met|session|gets underway|opens|convenes|takes? place|took "
        r"place|(?:will be|is|was) held|begins|starts|runs)\b",
        after,
    )
    return 0 if meets or re.search(r"session of|meeting of", before) else 20


def _prose(sentence: str) -> bool:
    """Running text, not a letterhead or a headline: eight words or more, a third of them in
    lower case."""
    words = sentence.split()
    lower = sum(1 for w in words if w[:1].islower())
    return len(words) >= 8 and lower >= 3 and 3 * lower >= len(words)


def _lead_candidates(doc: Text, layout: Layout) -> list[Candidate]:
    text = doc.text
    out: list[Candidate] = []
    meta_end = max((line.end for line in layout.lines if line.kind == "meta"), default=-1)
    prose = list(
        islice(
            (s for s in doc.sentences if s.start > meta_end and _prose(text[s.start : s.end])), 4
        )
    )
    for rank, sentence in enumerate(prose):
        for g in find_gatherings(text, sentence.start, sentence.end):
            before = text[max(sentence.start, g.span[0] - 60) : g.span[0]]
            after = text[g.span[1] : min(sentence.end, g.span[1] + 40)]
            if _body_penalty(text, g):
                continue  # a standing body that does not meet here
            hosted = bool(_HOSTING.search(before) or _HOSTING.search(after))
            score = (55 if g.named else 38) + (8 if hosted else 0) - 4 * rank
            score += _modifier_bonus(g) - _body_penalty(text, g)
            if g.quoted:
                score += 6
            if g.called:
                score += 20  # the writer gives the gathering's name outright
            out.append(
                Candidate(g.title, g.span, g.head, score, "lead", hosted=hosted, called=g.called)
            )
    return out


def choose(found: list[Candidate]) -> Candidate | None:
    if not found:
        return None
    return max(found, key=lambda c: (c.score, -c.span[0]))


def main_dates(
    text: str,
    layout: Layout,
    candidate: Candidate,
    programme: Programme,
    dates: list[DateMention],
) -> tuple[list[DateMention], str]:
    """The dates of the main event, in order of trust (see the module doc), and where they
    were found: "label", "title" (under the title), "sentence" or "" for none."""
    when = programme.fields.get("when") or programme.fields.get("date")
    if when:
        _, (a, b) = when
        line = layout.line_at(a)
        stop = line.end if line else b
        inside = [d for d in dates if a <= d.span[0] <= stop]
        if not inside and line is not None:
            nxt = layout.next_content(line)
            if nxt is not None:
                inside = [d for d in dates if nxt.start <= d.span[0] < nxt.end]
        if inside:
            return inside[:1], "label"
    days = programme_range(programme)
    under = _dates_under(layout, candidate.line, dates) if candidate.line is not None else []
    if days and days[0] != days[1]:
        # a programme of several days: the days are the event's, unless the line under the
        # title gives a span that holds them all (the programme may show only some days)
        if under and _holds(under[0], days):
            return under[:1], "label"
        return [], ""
    if under:
        return under, "title"
    if candidate.span[0] >= 0:
        near = _dates_near(text, candidate.span, dates)
        if near:
            return near, "sentence"
    return [], ""


def _holds(date: DateMention, days: tuple[PartialDate, PartialDate]) -> bool:
    return (
        date.start.first_day() <= days[0].first_day()
        and date.end.last_day() >= days[1].last_day()
        and date.start != date.end
    )


def _dates_under(
    layout: Layout, line: Line, dates: list[DateMention], reach: int = 3
) -> list[DateMention]:
    """A date on the title's own line or on one of the lines under it."""
    lines = [line]
    nxt = line
    for _ in range(reach):
        nxt = layout.next_content(nxt)
        if nxt is None:
            break
        lines.append(nxt)
    for candidate_line in lines:
        inside = [d for d in dates if candidate_line.start <= d.span[0] < candidate_line.end]
        inside = [d for d in inside if d.kind not in ("year",)]
        if inside:
            ranged = [d for d in inside if d.start != d.end]
            return (ranged or inside)[:1]
    return []


def _dates_near(text: str, span: Span, dates: list[DateMention]) -> list[DateMention]:
    """The date nearest the phrase in its sentence."""
    start = max(text.rfind(". ", 0, span[0]), text.rfind("\n", 0, span[0])) + 1
    end_candidates = [p for p in (text.find(". ", span[1]), text.find("\n", span[1])) if p != -1]
    end = min(end_candidates) if end_candidates else len(text)
    inside = [d for d in dates if start <= d.span[0] < end and d.kind != "year"]
    if not inside:
        return []
    return [min(inside, key=lambda d: abs(d.span[0] - span[1]))]


def programme_range(programme: Programme) -> tuple[PartialDate, PartialDate] | None:
    days = [d for d in programme.days if d.precision == "day"]
    if not days:
        return None
    return min(days), max(days)


def gathering_in(text: str, span: Span) -> Gathering | None:
    found = find_gatherings(text, span[0], span[1])
    return found[0] if found else None
