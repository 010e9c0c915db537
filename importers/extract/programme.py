"""The programme of a document read from its layout: days, sessions, and the people in them
with their roles.

The walk keeps three levels open: a heading ("Session 1", "SESSION 2", "1. Media briefings"),
a time slot under it ("9:30 - 10:00 ..."), and an item inside a slot ("Session 2: Tides and
Trade", "Talk title, by Jane Roe"). A day line ("Monday 18 March", "DAY 2 – 26 May
2031") closes everything and dates what follows. Role labels ("Chair:", "Moderator:",
"Speakers:" with the people on the same line or on the lines below) give the people under
them their roles; lines that start with a person add that person to the innermost open entry.

After the walk, entries are settled: an untitled slot holding items is only their time; a
titled entry takes in the people of the talks under it; an entry becomes a session
(``Entry.is_session``) when people are in it or its name says it is one ("Opening remarks",
"Workshop Dinner") rather than a pause ("Lunch", "Tea/coffee Break").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from datetime import time
from functools import cached_property, lru_cache

from importers.extract import budget
from importers.extract.affiliation import is_org
from importers.extract.dates import DateMention
from importers.extract.gatherings import gathering_nouns
from importers.extract.layout import (
    BLANK,
    ITEM,
    LABEL,
    META,
    ROW,
    RULE,
    SLOT,
    TEXT,
    Layout,
    Line,
    is_day_line,
    slot_times,
    times_of,
)
from importers.extract.lexicon import PANEL_KINDS, data_entries, fold
from importers.extract.listed import Listed, opens_with_name, read_people
from importers.extract.names import NameMention, find_names
from importers.extract.panels import role_in_sentence
from importers.extract.places import is_place
from importers.extract.vocabulary import label_meaning, words
from importers.records import PartialDate, Span

HEADING, SLOT_LEVEL, ITEM_LEVEL = 3, 2, 1
_TALK = re.compile(r"(?P<title>\S.{2,300}?),?\s+(?:by|with|par|por)\s+(?P<who>\S.{2,200})$")
_KINDS = sorted({*PANEL_KINDS, *data_entries("programme_kinds.txt")}, key=len, reverse=True)
_KIND_RE = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(k).replace(r"\ ", r"[\s-]+") for k in _KINDS)
    + r")s?(?![\w-])",
    re.IGNORECASE,
)
_NUMBERED_SESSION = re.compile(
    r"(?:session|panel|plenary|theme|sub-theme|track|part|workshop|roundtable|round table|"
    r"module|segment|sesión|mesa|séance|atelier|table ronde)\s*(?:[0-9]+|[IVX]+\b|[A-Z]\b|"
    r"one|two|three|four|five|six|seven|eight|nine|ten)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@dataclass
class Entry:
    """One heading, slot or item of a programme."""

    title: str | None
    span: Span
    level: int
    date: PartialDate | None = None
    start_time: time | None = None
    end_time: time | None = None
    role: str | None = None  # the role its own label gives its people ("Keynote Address:")
    people: list[tuple[Listed, str | None]] = field(default_factory=list)
    children: list[Entry] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    talk: bool = False  # a "Title, by Name" line
    strength: int = 0  # for headings: how strongly the layout marks it (see Line.heading)
    end: int = 0  # where its last line ends
    lines: int = 0  # how many lines under its own it holds
    prose: bool = False  # a slot described by a sentence ("10 a.m. -- X opens the forum.")

    described_kind: str | None = None  # the kind a sentence gives a prose slot

    @property
    def kind(self) -> str | None:
        if self.described_kind:
            return self.described_kind
        return session_kind(self.title) if self.title else None

    def is_session_named(self) -> bool:
        return (
            bool(self.title)
            and session_kind(self.title) is not None
            and not is_pause(self.title)
            and not is_call_to_action(self.title)
        )

    def is_numbered(self) -> bool:
        return bool(self.title) and bool(_NUMBERED_SESSION.match(self.title))

    @property
    def is_session(self) -> bool:
        if self.people and (self.level < HEADING or self.start_time or self.is_session_named()):
            return True
        if self.prose:
            return self.described_kind is not None or bool(self.title)
        return self.is_session_named()


@dataclass
class Programme:
    entries: list[Entry]
    people: list[tuple[Listed, str | None, Entry | None]]  # everyone read from lines
    days: list[PartialDate]
    fields: dict[str, tuple[str, Span]]  # labelled fields outside any entry (what/when/where)

    @cached_property
    def timed(self) -> bool:
        """Whether the text reads as a programme: time slots or session headings."""
        slots = sum(1 for e in self.walk() if e.level == SLOT_LEVEL)
        sessions = sum(1 for e in self.walk() if e.is_session_named() or e.talk)
        return slots >= 2 or sessions >= 2

    def walk(self) -> list[Entry]:
        out: list[Entry] = []

        def visit(entry: Entry) -> None:
            out.append(entry)
            for child in entry.children:
                visit(child)

        for entry in self.entries:
            visit(entry)
        return out


@lru_cache(maxsize=8192)
def session_kind(title: str) -> str | None:
    """The kind of session a title names ("Keynote talk: X" -> "keynote talk"), if any."""
    head = title.split(":")[0] if ":" in title[:60] else title
    found = list(_KIND_RE.finditer(head)) or list(_KIND_RE.finditer(title))
    if found:
        # the head of a noun phrase comes last: "Workshop Dinner" is a dinner
        return " ".join(found[-1].group(1).lower().split())
    if _NUMBERED_SESSION.match(title.strip()):
        return "session"
    return None


def prose_kind(text: str, also: re.Pattern[str] | None = None) -> str | None:
    """The first kind of session running text names in lower case ("a panel discussion
    with"), or what ``also`` finds first; capitalised, the words are a place's name ("the
    Town Hall")."""
    kinds = [m for m in _KIND_RE.finditer(text) if m.group(1)[:1].islower()]
    found = kinds[:1]
    if also is not None:
        found += [m for m in also.finditer(text) if m.group(1)[:1].islower()][:1]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    words_ = first.group(1).lower().split()
    # "a roundtable dinner discussion": kinds written one after the other name one sitting
    for later in kinds:
        if later.start() > first.start() and not text[first.end() : later.start()].strip():
            words_ += later.group(1).lower().split()
            first = later
    return " ".join(words_)


def is_call_to_action(title: str) -> bool:
    """ "Join the Conversation", "Register now": a short line asking the reader to act."""
    words_ = title.split()
    return 0 < len(words_) <= 5 and fold(words_[0]) in words("calls_to_action.txt")


@lru_cache(maxsize=8192)
def is_pause(title: str) -> bool:
    """A programme item that is a pause: only words such as "Lunch", "Tea/coffee Break",
    "Registration over Breakfast", "Space opens; mingling"."""
    fillers = words("fillers.txt")
    title = re.sub(r"\([^)]*\)", " ", title)
    if fold(title).startswith("optional"):
        return True
    content = [fold(w) for w in _WORD.findall(title)]
    content = [w for w in content if w not in _SMALL]
    return bool(content) and all(w in fillers for w in content)


_SMALL = frozenset(
    "a an the of on for and or in to at by with from over your our de la el y".split()
)


class _Walk:
    def __init__(self, text: str, layout: Layout, dates: list[DateMention]) -> None:
        self.text = text
        self.names: list[NameMention] | None = None  # found when first asked for
        self.name_starts: list[int] = []
        self.layout = layout
        self.dates = sorted(dates, key=lambda d: d.span[0])
        self.date_starts = [d.span[0] for d in self.dates]
        self.entries: list[Entry] = []
        self.people: list[tuple[Listed, str | None, Entry | None]] = []
        self.days: list[PartialDate] = []
        self.fields: dict[str, tuple[str, Span]] = {}
        self.day: PartialDate | None = None
        self.heading: Entry | None = None
        self.slot: Entry | None = None
        self.item: Entry | None = None
        self.pending_role: str | None = None
        self.last: tuple[Listed, str | None, Entry | None] | None = None
        self.last_start: time | None = None
        self.consumed: set[int] = set()  # lines read as the value of the label above them
        self.all_entries: list[Entry] = []

    # -- the open entries ---------------------------------------------------------------------

    def current(self) -> Entry | None:
        return self.item or self.slot or self.heading

    def close(self, level: int) -> None:
        if level >= ITEM_LEVEL:
            self.item = None
        if level >= SLOT_LEVEL:
            self.slot = None
        if level >= HEADING:
            self.heading = None
        self.pending_role = None

    @property
    def started(self) -> bool:
        """Whether the programme has begun: a slot or a named session was seen."""
        return any(e.level == SLOT_LEVEL or e.is_session_named() for e in self.all_entries)

    def open(self, entry: Entry) -> None:
        self.all_entries.append(entry)
        entry.date = entry.date or self.day
        parent = None
        if entry.level == ITEM_LEVEL:
            parent = self.slot or self.heading
        elif entry.level == SLOT_LEVEL:
            parent = self.heading
        if parent is not None:
            parent.children.append(entry)
        else:
            self.entries.append(entry)
        if entry.level == HEADING:
            self.heading = entry
        elif entry.level == SLOT_LEVEL:
            self.slot = entry
        else:
            self.item = entry

    def add_person(self, person: Listed, role: str | None, entry: Entry | None = None) -> None:
        entry = entry if entry is not None else self.current()
        heading = self.heading
        if (
            person.organisation is None
            and heading is not None
            and heading.title
            and heading.lines == len(heading.people)  # nothing but people under it so far
            and _org_name(heading.title)
            and not heading.is_session_named()
        ):
            # "COMMITTEE ON FISHERIES" above "Jane Roe, Chair": the people of that body
            person = replace(person, organisation=heading.title)
        if entry is not None:
            entry.people.append((person, role))
        record = (person, role, entry)
        self.people.append(record)
        self.last = record

    # -- lines -----------------------------------------------------------------------------------

    def run(self) -> None:
        for line in self.layout.lines:
            budget.check()
            if line.kind == BLANK:
                self.last = None
                continue
            if line.kind in (RULE, META) or line.index in self.consumed:
                continue
            self.line(line)
            for entry in (self.heading, self.slot, self.item):
                if entry is not None:
                    entry.end = max(entry.end, line.end)
                    if line.span != entry.span:
                        entry.lines += 1

    def line_dates(self, line: Line) -> list[DateMention]:
        lo = bisect.bisect_left(self.date_starts, line.start)
        hi = bisect.bisect_left(self.date_starts, line.end)
        return self.dates[lo:hi]

    def line(self, line: Line) -> None:
        dates = self.line_dates(line)
        if dates and line.kind not in (SLOT, LABEL) and self.dated_session(line, dates):
            return
        if dates and line.kind == TEXT and self.capital_session(line, dates):
            return
        if dates and line.kind != SLOT and self.day_line(line, dates):
            if line.kind != LABEL or _day_label(line.label):
                return
        if line.kind == SLOT:
            self.slot_line(line)
            return
        if line.kind == LABEL or (line.kind == ITEM and line.label):
            if self.label_line(line):
                return
        if line.heading and not self.listed_person(line) and self.heading_line(line):
            return
        if line.kind == ITEM and self.numbered_heading(line):
            return
        self.content_line(line)

    def day_line(self, line: Line, dates: list[DateMention]) -> bool:
        spans = [d.span for d in dates]
        if not is_day_line(line, spans):
            return False
        if line.kind == LABEL and not _day_label(line.label):
            return False  # "Workshop: Sep 4, 2031", "Deadline: 2 May": a labelled date
        first = dates[0]
        if first.start.precision != "day" or first.start != first.end:
            return False
        if first.start_time is not None:
            return False  # "Monday, 17 May 2032 12:00 pm": a session's time, not a day heading
        self.close(HEADING)
        self.last_start = None
        self.day = first.start
        if first.start not in self.days:
            self.days.append(first.start)
        return True

    def clock(self, start: time | None, end: time | None) -> tuple[time | None, time | None]:
        """Times read forward through a day's programme: after "12:15-1:15", "1:15-2:30" is
        in the afternoon."""
        last = self.last_start
        if start is not None and last is not None and start < last and start.hour < 12:
            if start.hour + 12 >= last.hour:
                start = start.replace(hour=start.hour + 12)
                if end is not None and end.hour < 12:
                    end = end.replace(hour=end.hour + 12)
        if start is not None:
            self.last_start = start
        return start, end

    def forget(self, entry: Entry) -> None:
        """Take back an entry opened by a line that turned out to be part of another."""
        for siblings in [self.entries] + [e.children for e in self.all_entries]:
            if entry in siblings:
                siblings.remove(entry)
        self.all_entries.remove(entry)

    def dated_session(self, line: Line, dates: list[DateMention]) -> bool:
        """ "Live Webinar" / "Monday, May 17, 2032 12:00 pm ET, 60 minutes" / "Title of it": a
        line that is a day and an hour opens a session titled by the short line under it, of
        the kind the short line above it names."""
        first = dates[0]
        if first.start_time is None or first.start != first.end or first.start.precision != "day":
            return False
        if not is_day_line(line, [d.span for d in dates]) and len(line.text.split()) > 12:
            return False
        entry = Entry(None, line.span, SLOT_LEVEL, date=first.start)
        entry.start_time, entry.end_time = first.start_time, first.end_time
        nxt = self.layout.next_content(line)
        if nxt is None or nxt.kind not in (TEXT, LABEL) or self.line_dates(nxt):
            return False
        if len(nxt.text.split()) > 25 or _prose(nxt.text):
            return False
        before = self.layout.previous_content(line)
        kind = None
        if before is not None and len(before.text.split()) <= 4:
            kind = session_kind(before.text)
        if kind is None and first.end_time is None:
            return False  # a day and one hour with no kind of session named: a dateline
        entry.title = _tidy_title(nxt.text)
        entry.described_kind = kind
        self.consumed.add(nxt.index)
        if (
            kind
            and self.heading is not None
            and before is not None
            and self.heading.span == before.span
        ):
            self.forget(self.heading)  # "Live Webinar" above the day: the kind, not a session
        self.close(HEADING)
        self.day = first.start
        self.open(entry)
        return True

    def talk_in(self, text: str, start: int, end: int) -> tuple[str, list[Listed]] | None:
        """ "Making music with drives! A story, by Jane Roe": a talk's title and its speakers,
        split at the "by"/"with" after which people are named (the last such word first)."""
        stripped = text.strip(" |:\t")
        if len(stripped) > 520 or not _TALK_WORD.search(stripped):
            return None
        offset = start + (len(text) - len(text.lstrip(" |:\t")))
        for split in reversed(list(_TALK_WORD.finditer(stripped))[-2:]):
            if len(stripped) - split.end() > 160:
                break  # the speakers of a talk close its line: a name and where they work
            title = stripped[: split.start()].rstrip(" ,")
            if len(title) < 3 or _AUXILIARY.search(title):
                continue  # "A welcome address will be delivered by X": a sentence
            who = [
                p
                for p in read_people(self.text, offset + split.end(), end, listed=True)
                if _person_like(p)
            ]
            if who and not who[0].prefix:
                return title, who
        return None

    def named_in(self, start: int, end: int) -> list[Listed]:
        """The people named in ``text[start:end]`` (names never run across lines, so the
        text's names are found once and looked up by place)."""
        if self.names is None:
            self.names = find_names(self.text)
            self.name_starts = [m.span[0] for m in self.names]
        lo = bisect.bisect_left(self.name_starts, start)
        hi = bisect.bisect_left(self.name_starts, end)
        return _named_in([m for m in self.names[lo:hi] if m.span[1] <= end])

    def capital_session(self, line: Line, dates: list[DateMention]) -> bool:
        """ "SPECIAL APPRENTICE BRIEFING June 14, 12:15 p.m. Room 4. Jane Roe will lead ...": a
        name in capitals ending in a kind of session, then its day and hour, opens that
        session; what the line goes on to say is its content."""
        first = dates[0]
        if first.start_time is None or first.start.precision != "day":
            return False
        head = self.text[line.body : first.span[0]].strip(" ,:-–—|")
        words_ = head.split()
        if len(words_) < 2 or not all(w.isupper() or not w[:1].isalpha() for w in words_):
            return False
        kind = session_kind(head)
        if kind is None or not fold(head).endswith(kind.split()[-1]):
            return False
        self.close(HEADING)
        entry = Entry(_tidy_title(head), line.span, HEADING, strength=2, date=first.start)
        entry.start_time, entry.end_time = first.start_time, first.end_time
        self.open(entry)
        rest = replace(line, start=first.span[1], body=first.span[1], kind=TEXT)
        self.content_line(rest)
        return True

    def slot_line(self, line: Line) -> None:
        assert line.times is not None
        self.close(SLOT_LEVEL)
        entry = Entry(None, line.span, SLOT_LEVEL)
        entry.start_time, entry.end_time = self.clock(line.times.start, line.times.end)
        rest_start = line.rest_start
        rest = self.text[rest_start : line.end].strip(" |:\t").lstrip("-–— ")
        meaning = label_meaning(rest) if rest else None
        if rest and meaning and meaning.startswith("role:"):
            entry.title = rest.strip(" :")
            entry.role = meaning[5:]
            self.open(entry)
            self.pending_role = entry.role
            return
        self.open(entry)
        if not rest:
            return
        cells = [c for c in line.cells if c[0] >= rest_start and self.text[c[0] : c[1]].strip(" |")]
        cells = [c for c in cells if fold(self.text[c[0] : c[1]]) not in ("to", "-", "–")]
        if len(cells) >= 2 and self.table_slot(entry, cells):
            return
        talk = _TALK.match(rest)
        talk_like = bool(talk) and not _AUXILIARY.search(talk.group("title"))
        if _sentence(rest) and not talk_like:
            # "12:15 p.m. -- Jane Roe headlines the afternoon plenary.": a described session
            entry.prose = True
            quoted = _QUOTED.search(rest)
            entry.title = quoted.group(1).strip(" .,") if quoted else None
            entry.described_kind = _described_kind(rest)
            kind = entry.described_kind
            if entry.title is None and kind and fold(rest).startswith(kind.split()[0]):
                if not re.search(r"\b(?:with|by|from)\b", rest):
                    entry.title = rest.rstrip(" .")  # "Press briefing on the new report."
            return
        label = re.match(r"([^:|]{2,40}):\s*(?=\S)", rest)
        if (
            label
            and label_meaning(label.group(1))
            and label_meaning(label.group(1)).startswith("role:")
        ):
            role = label_meaning(label.group(1))[5:]
            entry.title = label.group(1).strip()
            entry.role = role
            value_start = (
                rest_start
                + (
                    len(self.text[rest_start : line.end])
                    - len(self.text[rest_start : line.end].lstrip(" |:\t"))
                )
                + label.end()
            )
            people = read_people(self.text, value_start, line.end, listed=True)
            if not [p for p in people if _person_like(p)]:
                entry.title = _tidy_title(rest)  # "Keynote: Rising Seas": a titled keynote
            for person in people:
                self.add_person(person, role, entry)
            return
        people = read_people(self.text, rest_start, line.end, listed=True)
        people = [p for p in people if _person_like(p)]
        if people and self.open_description(line, people[-1]):
            # "10:00 | Prof. Jane Roe, Director," / "Harbour Institute of Technology"
            end = self.continuation_end(line)
            if end > line.end:
                people = [
                    p
                    for p in read_people(self.text, rest_start, end, listed=True)
                    if _person_like(p)
                ]
        if people and not (people[0].prefix and not _prefix_is_title(people[0].prefix)):
            prefix = people[0].prefix
            if prefix:
                prefix = prefix.strip(" :|-–—")
                # "Opening plenary with legendary journalist Jane Roe": the session, then words
                # about its speaker
                prefix = re.split(r"\s+(?:from|by|with|de|par|por)(?:\s+|$)", prefix)[0]
                entry.title = prefix
                meaning = label_meaning(entry.title)
                if meaning and meaning.startswith("role:"):
                    entry.role = meaning[5:]
            for person in people:
                self.add_person(person, entry.role, entry)
            return
        entry.title = _tidy_title(rest)
        role = label_meaning(entry.title or "")
        if role and role.startswith("role:"):
            entry.role = role[5:]

    def table_slot(self, entry: Entry, cells: list[Span]) -> bool:
        """ "09:00 | Opening ceremony | Dr Jane Roe, Minister": the first cell names the
        session, the others hold its people, each with its own role label if it has one."""
        first = self.text[cells[0][0] : cells[0][1]].strip(" |:")
        if read_people(self.text, cells[0][0], cells[0][1], listed=False):
            return False  # the first cell is already a person: no title cell
        entry.title = _tidy_title(first)
        kind = session_kind(first) or ""
        entry.role = "keynote" if kind.startswith("keynote") else None
        for a, b in cells[1:]:
            cell = self.text[a:b]
            role = entry.role
            label = re.match(r"\s*([^:]{2,40}):\s*", cell)
            if label and (label_meaning(label.group(1)) or "").startswith("role:"):
                role = label_meaning(label.group(1))[5:]
                a += label.end()
            for person in read_people(self.text, a, b, listed=True):
                if _person_like(person):
                    self.add_person(person, role, entry)
        return True

    def label_line(self, line: Line) -> bool:
        meaning = line.meaning
        value_start = line.rest_start
        value = self.text[value_start : line.end].strip(" |\t")
        if meaning and meaning.startswith("role:"):
            role = meaning[5:]
            people = read_people(self.text, value_start, line.end, listed=True) if value else []
            people = [p for p in people if _person_like(p)]
            label_text = self.text[line.start : line.body].rstrip(" :?")
            if (
                people
                and self.slot is not None
                and self.slot.title is None
                and session_kind(label_text)
                and (self.item is None or people[0].rest is not None)
            ):
                # "Keynote talk: Jane Roe, Title of the Talk" in an untitled slot: its own item
                self.item = None
                title = people[0].rest or _tidy_title(label_text)
                self.open(Entry(title, line.span, ITEM_LEVEL, role=role))
            for person in people:
                self.add_person(person, role)
            self.pending_role = role if not people else None
            if not people and self.current() is None and not value:
                self.pending_role = role
            return True
        if meaning and meaning.startswith("field:"):
            name = meaning[6:]
            if not value:
                # "WHAT:" with its value on the line below
                nxt = self.layout.next_content(line)
                if nxt is not None and nxt.kind not in (LABEL, SLOT) and name != "who":
                    value_start = nxt.start
                    value = self.text[nxt.start : nxt.end].strip(" |\t")
                    line = nxt
                    self.consumed.add(nxt.index)
            if name == "who":
                self.pending_role = "speaker"
            entry = self.current()
            if entry is not None:
                entry.fields.setdefault(name, value)
            if (
                value
                and not self.started
                and entry is None
                or entry
                and not (entry.is_session_named() or entry.people or self.started)
            ):
                self.fields.setdefault(name, (value, (value_start, line.end)))
            if (
                entry is not None
                and name == "what"
                and entry.title
                and len(entry.title.split()) <= 3
            ):
                entry.title = f"{entry.title}: {value}"  # "SESSION 1" + "Topic: Medical Law"
            if name in ("date", "when"):
                dates = self.line_dates(line)
                if dates and entry is not None and dates[0].start.precision == "day":
                    entry.date = dates[0].start
            if name in ("time", "when") and entry is not None and entry.start_time is None:
                # "Time | 10.00 am | to | 11.00 am": the hours of the session it stands in
                bare = value.replace("|", " ")
                found = slot_times(" ".join(bare.split()))
                if found is not None:
                    times = times_of(found)
                    entry.start_time, entry.end_time = times.start, times.end
            return True
        if meaning in ("contact", "skip"):
            self.pending_role = None
            return True
        # an unknown label: "Session 2: Title", "Sub-Theme 1: Dr Jane Roe", "Keynote talk: X"
        label_text = self.text[line.start : line.body].rstrip(" :?")
        label_dates = self.line_dates(line)
        if fold(label_text) in gathering_nouns() and label_dates:
            first = label_dates[0]
            if first.start_time is not None and session_kind(label_text):
                # "PRESS CONFERENCE: June 12, 9:30 a.m. Room 208": a sitting at its hour
                self.close(HEADING)
                entry = Entry(_tidy_title(label_text), line.span, HEADING, strength=2)
                if first.start.precision == "day":
                    entry.date = first.start
                entry.start_time, entry.end_time = first.start_time, first.end_time
                where = self.text[first.span[1] : line.end].strip(" ,.;|")
                if where:
                    entry.fields["where"] = where
                self.open(entry)
                return True
            # "Workshop: Sep 4, 2031" among the important dates: the event's own day
            self.fields.setdefault("date", (value, (value_start, line.end)))
            return True
        listed = self.pending_role is not None
        people = read_people(self.text, value_start, line.end, listed=listed) if value else []
        people = [p for p in people if _person_like(p) and not p.prefix]
        if people:
            role = self.pending_role
            kind = session_kind(label_text)
            if kind and self.current() is not None and self.current().level >= SLOT_LEVEL:
                label_role = label_meaning(label_text)
                role = label_role[5:] if label_role and label_role.startswith("role:") else role
            for person in people:
                self.add_person(person, role)
            return True
        if session_kind(label_text) and (self.slot or self.heading):
            self.item = None
            entry = Entry(_tidy_title(self.text[line.start : line.end]), line.span, ITEM_LEVEL)
            self.open(entry)
            return True
        return False

    def listed_person(self, line: Line) -> bool:
        """Whether a line under a role label ("WHO:", "Speakers:") names a person, even one
        written after a title ("Tallinn Mayor Jane Roe")."""
        if self.pending_role is None:
            return False
        people = read_people(self.text, line.body, line.end, listed=True)
        return (
            bool(people)
            and _person_like(people[0])
            and (not people[0].prefix or bool(people[0].title))
        )

    def heading_line(self, line: Line) -> bool:
        text = self.text[line.body : line.end].strip()
        if _starts_with_person(self.text, line):
            return False
        if self.slot is not None and line.heading < 3:
            if not session_kind(text) or line.heading < 2:
                return False  # a title-like line inside a slot is its content
        if self.heading is not None and line.heading < self.heading.strength:
            return False
        meaning = label_meaning(text)
        if meaning and meaning.startswith("role:"):
            # "Keynote Speakers", "Workshop Co-Chairs": a list of the event's own people
            self.close(SLOT_LEVEL)
            self.pending_role = meaning[5:]
            return True
        self.close(HEADING)
        self.open(Entry(_tidy_title(text), line.span, HEADING, strength=line.heading))
        return True

    def numbered_heading(self, line: Line) -> bool:
        """ "1. Media briefings" followed by "Date:" / "Time:" / "Venue:" lines."""
        if not line.marker or not line.marker[:1].isdigit():
            return False
        nxt = self.layout.next_content(line)
        if nxt is None or nxt.kind != LABEL or not (nxt.meaning or "").startswith("field:"):
            return False
        text = self.text[line.body : line.end].strip()
        if len(text.split()) > 12 or text.endswith("."):
            return False
        if "." in line.marker.strip("."):
            text = self.text[line.start : line.end].strip()  # "5.1 Parallel": a section number
        self.close(HEADING)
        self.open(Entry(_tidy_title(text), line.span, HEADING, strength=2))
        return True

    def person_item(self, line: Line, start: int) -> bool:
        """A list item that opens with a person and goes on with their description."""
        if not opens_with_name(self.text, start, line.end, listed=True):
            return False
        people = read_people(self.text, start, line.end, listed=True)
        people = [p for p in people if _person_like(p)]
        if not people or people[0].prefix or not (people[0].title or people[0].organisation):
            return False
        for person in people:
            self.add_person(person, self.pending_role)
        return True

    def open_description(self, line: Line, person: Listed) -> bool:
        """Whether a person's line leaves their description for the next line: nothing after
        the name, or a trailing comma or joining word."""
        after = self.text[person.span[1] : line.end].strip(" |\t")
        if not after or person.title is None and person.organisation is None:
            return not after or after.endswith(",")
        if after.endswith((",", "&")) or after.split()[-1] in ("of", "and", "for", "the", "de"):
            return True
        # "President, Alder" / "Quill Centre ...": a name cut by the line's end
        last = after.rsplit(",", 1)[-1].strip()
        nxt = self.layout.next_content(line)
        return (
            " " not in last
            and last[:1].isupper()
            and not last.isupper()
            and not is_org(last)
            and not is_place(last)
            and nxt is not None
            and nxt.kind == TEXT
            and nxt.text[:1].isupper()
            and len(nxt.text.split()) <= 8
        )

    def _card(self, line: Line, person: Listed) -> bool:
        """A name alone on its line (not listed), above a short line that is no sentence."""
        if self.text[line.start : person.span[0]].strip() or (
            self.text[person.span[1] : line.end].strip(" ,")
        ):
            return False
        nxt = self.layout.next_content(line)
        return (
            nxt is not None
            and nxt.index == line.index + 1
            and nxt.kind == TEXT
            and len(nxt.text.split()) <= 10
            and not _sentence(nxt.text.strip())
        )

    def continuation_end(self, line: Line, name_only: bool = False) -> int:
        """Where the description of a person goes on over the short lines under theirs: up to
        three lines under a name alone, else while a line leaves its phrase open."""
        end = line.end
        index = line.index
        for _ in range(3):
            index += 1
            if index >= len(self.layout.lines):
                break
            nxt = self.layout.lines[index]
            content = nxt.text
            if nxt.kind not in (TEXT,) or nxt.heading or len(content.split()) > 12:
                break
            if _TALK.match(content) or self.line_dates(nxt):
                break
            found = read_people(self.text, nxt.start, nxt.end, listed=False)
            if found and not found[0].prefix:
                break
            end = nxt.end
            self.consumed.add(index)
            if name_only:
                continue
            if content.rstrip().endswith((".", ")")) or not content.rstrip().endswith((",", "&")):
                if not re.search(r"\b(?:of|and|for|the|de)$", content.rstrip()):
                    if not _cut_name(content, self.layout.next_content(nxt)):
                        break
        return end

    def content_line(self, line: Line) -> None:
        if line.kind == ITEM:
            start = line.rest_start
        elif line.kind == LABEL:
            start = line.start  # an unknown label is part of the line's text
        else:
            start = line.body
        text = self.text[start : line.end]
        if not text.strip(" |:\t"):
            return
        in_entry = self.current() is not None
        if _contact_line(text):
            return  # "Jane Roe, Acme, Tel: +1 555 0100": read by the contact reader
        talk = self.talk_in(text, start, line.end) if in_entry else None
        if talk is not None:
            title, people = talk
            if people:
                entry = Entry(_tidy_title(title), line.span, ITEM_LEVEL, talk=True)
                self.item = None
                self.open(entry)
                for person in people:
                    self.add_person(person, self.pending_role or "speaker", entry)
                self.item = None
                return
        if line.kind == ITEM and self.person_item(line, start):
            return  # "• Jane Roe, Director of X, former head of Y": a person, not a sentence
        if _prose(text) or _sentence(text.strip()):
            if not in_entry:
                self.pending_role = None
            elif (
                len(text.split()) >= 30
                and (self.current().people or self.current().children)
                and not read_people(self.text, start, line.end, listed=False)
            ):
                # a paragraph that names nobody, after what a session holds, ends it
                self.close(SLOT_LEVEL if self.heading and self.heading.strength >= 2 else HEADING)
            elif self.current() is not None and not self.current().prose:
                for person in self.named_in(start, line.end):
                    stop = _sentence_end(self.text, person.span[1], line.end)
                    role = self.pending_role or role_in_sentence(self.text, person.span[1], stop)
                    self.add_person(person, role)
            return  # a sentence: its titles are read as prose, with their cues
        listed = in_entry or self.pending_role is not None or line.kind == ITEM
        people = read_people(self.text, start, line.end, listed=listed)
        people = [p for p in people if _person_like(p)]
        if people and listed and self.open_description(line, people[-1]):
            bare = not self.text[people[-1].span[1] : line.end].strip(" |\t,")
            end = self.continuation_end(line, bare)
            if end > line.end:
                people = [
                    p for p in read_people(self.text, start, end, listed=listed) if _person_like(p)
                ]
        elif len(people) == 1 and people[0].confident and self._card(line, people[0]):
            # "Jane Roe" / "Events Secretary, Harbour Trust": a name alone on its line with
            # who they are on the short lines under it, as at the foot of a letter
            end = self.continuation_end(line, True)
            card = [p for p in read_people(self.text, start, end, listed=True) if _person_like(p)]
            if len(card) == 1 and (card[0].title or card[0].organisation):
                people, listed = card, True
        titled = bool(people) and bool(people[0].prefix) and people[0].title is not None
        if (
            people
            and (not people[0].prefix or titled and self.pending_role)
            and _person_line(self.text, line, people, listed)
        ):
            for person in people:
                self.add_person(person, self.pending_role)
            return
        if (
            self.last is not None
            and self.last[0].organisation is None
            and _continues(self.text, line)
        ):
            return  # "University of Westhaven, Estonia" under a name: read with the name below
        if in_entry and self.slot is not None and self.slot.title is None and not people:
            words_ = text.split()
            if session_kind(text) and len(words_) <= 12 and not text.rstrip().endswith("."):
                # "Opening remarks" under an untitled slot: an item of it, open for the lines
                # that describe it
                self.item = None
                self.open(Entry(_tidy_title(text), line.span, ITEM_LEVEL))
                return
        if line.kind not in (ITEM, ROW):
            self.pending_role = None if not self.layout.blank_after(line) else self.pending_role


_CONTACT_LABEL = re.compile(r"\b(?:tel|phone|fax|mobile|e-?mail)\b\.?\s*:", re.IGNORECASE)
_SEVEN_DIGITS = re.compile(r"\d(?:[^\d\n]{0,3}\d){6}")  # what a run of a number needs first
_CONTACT_NUMBER = re.compile(r"\+?\d[\d ()./-]{8,}\d")
_EMAIL_DOMAIN = re.compile(r"@[\w-]+\.")


def _cut_name(content: str, nxt: Line | None) -> bool:
    """A line ending in a capitalised word with a short capitalised line under it: a name of an
    organisation wrapped over two lines ("Quill Centre for Advanced Scientific" / "Research")."""
    words = content.split()
    return (
        bool(words)
        and words[-1][:1].isupper()
        and words[-1][-1:].isalpha()
        and nxt is not None
        and nxt.kind == TEXT
        and nxt.text[:1].isupper()
        and len(nxt.text.split()) <= 6
    )


def _contact_line(text: str) -> bool:
    """A line with an e-mail address, a labelled number or a long run of digits (each looked
    for only when its sign is there)."""
    return bool(
        "@" in text
        and _EMAIL_DOMAIN.search(text)
        or ":" in text
        and _CONTACT_LABEL.search(text)
        or _SEVEN_DIGITS.search(text)
        and _CONTACT_NUMBER.search(text)
    )


_TALK_WORD = re.compile(r"\s(?:by|with|par|por)\s")
# A sentence rather than a talk's title before "by": an auxiliary, a cue's participle right
# before it ("..., moderated by", "présidée par"), a full stop inside
_AUXILIARY = re.compile(
    r"\b(?:will|is|are|was|were|be|been|has|have|had|shall|sera|seront|est|sont|était|será"
    r"|serán|fue|fueron)\b"
    r"|\b(?:moderated|chaired|hosted|presented|introduced|led|facilitated|organi[sz]ed|opened"
    r"|closed|given|delivered|followed|mod[ée]r[ée]e?s?|pr[ée]sid[ée]e?s?|anim[ée]e?s?"
    r"|moderad[oa]s?|presidid[oa]s?|dirigid[oa]s?|coordinad[oa]s?)$"
    r"|[a-z]{3}\.\s+[A-Z]"
)
_QUOTED = re.compile(r"[“\"]([^”\"]{4,200})[”\"]")
_KIND_ADJECTIVES = frozenset(
    "opening closing afternoon morning evening final special press plenary keynote".split()
)


_LOWER_WORDS = re.compile(r"(?<![\w’'-])[a-z][a-z]+")


def _sentence(text: str) -> bool:
    """A slot described by a sentence rather than named: a run of lower-case words."""
    if len(text.split()) < 5:
        return False
    lowered = _LOWER_WORDS.findall(text)
    return len(lowered) >= 5 or (len(lowered) >= 3 and text.rstrip().endswith((".", "!")))


def _described_kind(text: str) -> str | None:
    kind = session_kind(text)
    if kind is None:
        return None
    m = re.search(rf"(\w+)\s+{re.escape(kind.split()[0])}", text, re.IGNORECASE)
    if m and m.group(1).lower() in _KIND_ADJECTIVES and m.group(1).lower() not in kind:
        return f"{m.group(1).lower()} {kind}"
    return kind


def _prose(text: str) -> bool:
    """A sentence or a paragraph: a dozen words or more ending in a full stop or the like."""
    stripped = text.rstrip()
    return stripped[-1:] in (".", "!", "?", ")", "”", '"') and len(text.split()) >= 12


def _day_label(label: str | None) -> bool:
    """ "Day 1:", "Monday:", "Día 2:": a label that heads a day."""
    if not label:
        return False
    first = label.split()[0]
    return first in ("day", "dia", "día", "jour") or first in _WEEKDAY_NAMES


_WEEKDAY_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday lunes martes miercoles jueves "
    "viernes sabado domingo lundi mardi mercredi jeudi vendredi samedi dimanche".split()
)


def _sentence_end(text: str, start: int, end: int) -> int:
    stop = re.compile(r"[.!?](?=\s+[A-Z]|\s*$)").search(text, start, end)
    return stop.end() if stop else end


def _named_in(mentions: list[NameMention]) -> list[Listed]:
    """The people a sentence names with an honorific or a known given name."""
    found: list[Listed] = []
    for mention in mentions:
        if not mention.confident or mention.tokens < 2:
            continue
        found.append(
            Listed(
                mention.name,
                mention.span,
                mention.honorific,
                None,
                None,
                None,
                None,
                True,
            )
        )
    return found


def _org_name(text: str) -> bool:
    """A heading that is the name of a body: capitalised words holding an organisation word
    ("COMMITTEE ON FISHERIES", "Board of Trustees"), not a headline with a verb."""
    words_ = [w for w in re.findall(r"[\w&'’.-]+", text) if fold(w) not in _SMALL]
    capitalised = all(w[:1].isupper() or w[:1].isdigit() or w == "&" for w in words_)
    return capitalised and len(words_) <= 8 and is_org(text)


def _tidy_title(text: str) -> str | None:
    title = " ".join(text.replace("|", " ").split()).strip(" :;,-–—")
    # "Welcoming Prof" / "Prof Jane Roe" cut by the layout: the honorific is the person's
    title = _TRAILING_HONORIFIC.sub("", title).strip(" :;,-–—")
    return title or None


_TRAILING_HONORIFIC = re.compile(
    r"\s+(?:Prof|Professor|Dr|Mr|Mrs|Ms|Hon|H\.E|Amb|Ambassador|Assoc\.?\s+Prof)\.?$"
)


def _person_like(person: Listed) -> bool:
    return len(person.name.split()) >= 2 or person.honorific is not None


def _prefix_is_title(prefix: str) -> bool:
    return bool(prefix.strip(" :|-–—"))


def _starts_with_person(text: str, line: Line) -> bool:
    return opens_with_name(text, line.body, line.end)


def _person_line(text: str, line: Line, people: list[Listed], listed: bool) -> bool:
    """Whether a line is about the people it starts with, rather than a sentence that begins
    with a name: what follows the people is a description, not a clause."""
    first = people[0]
    if not listed and not first.confident:
        return False
    ends = re.match(r"\s*(?:$|[,(:;–—/-])", text[first.span[1] : line.end])
    if not listed and not ends and len(people) < 2:
        return False  # "Key Challenges and Ways Forward": a name must end at punctuation
    rest = first.rest or ""
    if len(line.text.split()) > 40:
        return False
    lowered = re.findall(r"(?<![\w’'-])[a-z][a-z]+", rest)
    return len(lowered) <= 6 or listed and len(lowered) <= 12


def _continues(text: str, line: Line) -> bool:
    """A short line without a name that carries on the description above it."""
    content = text[line.start : line.end]
    return len(content.split()) <= 8 and not content.rstrip().endswith(".")


def read_programme(
    text: str, layout: Layout, dates: list[DateMention], names: list[NameMention] | None = None
) -> Programme:
    """Walk the layout (see the module doc); ``names`` are the names in ``text``, when they
    were found already."""
    walk = _Walk(text, layout, dates)
    if names is not None:
        walk.names, walk.name_starts = names, [m.span[0] for m in names]
    walk.run()
    for entry in walk.entries:
        _settle(entry)
    return Programme(walk.entries, walk.people, walk.days, walk.fields)


def _settle(entry: Entry) -> None:
    """Children first; then an entry with a title of its own takes in the people of the talks
    under it (they are its speakers, not sessions of their own)."""
    for child in entry.children:
        _settle(child)
    if entry.title and entry.children:
        kept: list[Entry] = []
        host = entry.is_session_named() or entry.level == SLOT_LEVEL
        for child in entry.children:
            talk = child.talk or (child.level == SLOT_LEVEL and not child.is_numbered())
            if talk and host:
                for person, role in child.people:
                    entry.people.append((person, role or child.role))
                if entry.start_time is None:
                    entry.start_time = child.start_time
                entry.end_time = child.end_time or entry.end_time
                continue
            kept.append(child)
        entry.children = kept
