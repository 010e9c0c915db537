"""Phrases that name or describe a gathering, found around a gathering noun.

A phrase is built outwards from its head noun ("conference", "meeting", "Round Table"):

- to the left over capitalised words, ordinals and years, with "of", "and" or "&" between
  capitalised words ("30th Regional Conference", "NORDA Council of Ministers' meeting", "Forum
  Trade Ministers meeting"), or, for a lower-case head, over a few adjectives ("an expert
  group meeting");
- to the right over a capitalised complement ("Conference for Eastport and the Islands (EPIC)"),
  a quoted title ('meeting on "Water for Cities"', "Round Table on the theme “X”", 'show,
  called "Blossomtide"'), a name set off by commas ("the conference, Open Waters, opens"), or,
  for a lower-case head, a short complement ("conference in Tartu on refugees", "meeting to
  discuss the situation"). Spanish and French heads take their name after them ("Foro
  Internacional", "Cumbre de las Américas").

A phrase never runs across a line break. A head that only modifies more capitalised words
("Coral Islands Forum Trade Ministers") or a later gathering noun ("Council of Ministers
Meeting") makes no phrase of its own; neither does a bare noun ("the Conference"). A phrase
is *named* when a capitalised word in it is not merely the first word of its sentence or line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache

from importers.extract import budget
from importers.extract.lexicon import BODY_NOUNS, EVENT_NOUNS, MONTHS, WEEKDAYS, data_entries, fold
from importers.extract.vocabulary import words
from importers.records import Span

_TOKEN = re.compile(r"[“”\"«»()‘]|[^\s“”\"«»(),;:!?‘]+|[,;:!?]")
_CONNECT = frozenset("of for on and & in to de del la le des du et y at".split())
_LEFT_CONNECT = frozenset("of and & de del la le des du et y".split())
_RIGHT_CONNECT = frozenset("of for on to de del des du".split())
_INNER_CONNECT = frozenset("of for on and & the to de del la des du et y".split())
_AND = frozenset(("and", "&", "et", "y"))
_DETERMINERS = frozenset(
    "a an the this that these its their our his her your each every "
    "el la los las un una le les une l del al du des au".split()
)
_DEICTIC = frozenset(
    "last next this that these those every each past coming previous our its".split()
)
_QUOTES_OPEN = frozenset("“\"«‘'")
_QUOTES_CLOSE = frozenset("”\"»’'")
_COMPLEMENT_STOP = frozenset(
    "which that who will would shall is are was were has have had being been be where when "
    "while at from by during this next last today tomorrow yesterday as with after before "
    "since but or "
    # the same words, and the verbs that follow a gathering's name, in Spanish and French
    "que qui se es son sera seront aura auront est sont fue será serán tendrá tendrán à en "
    "au aux el "
    # verbs that follow what a described gathering is about ("a workshop on X began ...")
    "took takes begins began starts opens closes ends runs ran brought brings drew draws saw "
    "sees met meets gets got returns continues".split()
)
_ROMANCE_PREPOSITIONS = frozenset("de del du des sur sobre para pour".split())
_ADDRESS_AFTER = re.compile(
    r",\s*\d{1,5}[A-Za-z]?\s+[A-Z][a-z]+\s+(?:Street|St|Road|Rd|Avenue|Ave|Lane|Square|Place|Way|Drive|Boulevard|Quay)\b"
)
# Words that head a notice of a gathering, not its name: "Notice of Hearing", "Agenda of ..."
_NOTICE_WORDS = frozenset(
    "notice notices agenda agendas programme program schedule minutes announcement invitation "
    "report call".split()
)
_PAST_VERB = re.compile(r"[a-z]{3,}ed")
_AFTER_VERB = frozenset(
    "without with in on at by after before the a an to from for early late today yesterday "
    "last this its their his her".split()
)
_NAMING = frozenset("called entitled titled named themed dubbed".split())
_DESCRIBERS = frozenset(
    "high-level expert group regional international national annual joint informal special "
    "extraordinary open public virtual online hybrid plenary technical ministerial "
    "consultative inaugural first second third press media interaction "
    # the order, season or kind of a body's own sitting: "its twelfth general assembly"
    "fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth spring summer autumn fall "
    "winter general ordinary regular biennial triennial quarterly monthly preparatory "
    "final".split()
)
_SENTENCE_WORDS = frozenset("i we he she they it you".split())
_ORDINAL_WORDS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
)
_VENUE_NOUNS = frozenset(
    "room rooms hall centre center building venue facility facilities site".split()
)
_ROMANCE_LINKS = frozenset("de del la las los el y e et des du le da do".split())
_DURATION = re.compile(
    r"(?:one|two|three|four|five|six|seven|half|full|multi|\d+)[- ](?:day|week|hour|month)"
)
_PAGE_WORDS = frozenset("program programme agenda schedule programa programme".split())
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)|(?:19|20)\d\d")


@dataclass(frozen=True)
class Gathering:
    span: Span
    title: str
    head: str  # the gathering noun, folded ("conference", "round table")
    named: bool  # a name rather than a description
    quoted: bool = False  # the title is a quoted name or one set off by commas
    called: bool = False  # a naming word gives it: "the show, called “X”"
    held: bool = False  # a body holds it ("X will convene its assembly"): a sitting, not a body


class _Tok:
    """One word or mark, with what the rules ask of it worked out once."""

    __slots__ = ("start", "end", "text", "brk", "folded", "cap")

    def __init__(self, start: int, end: int, text: str, brk: bool) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.brk = brk  # a line break comes before it
        bare = text.rstrip(".") if text[-1] == "." else text
        self.folded = bare.lower() if bare.isascii() else fold(bare)
        first = text[0]
        self.cap = first.isupper() or first.isdigit()


@cache
def gathering_nouns() -> frozenset[str]:
    return EVENT_NOUNS | words("gathering_nouns.txt")


@cache
def _romance_heads() -> frozenset[str]:
    # accents kept: "Conférence" is French, "Conference" the English word
    return frozenset(entry.lower() for entry in data_entries("romance_heads.txt"))


# Romance heads that are English words too: written in capitals, they may be either
_ENGLISH_TOO = frozenset({"conference", "reunion"})
# Heads spelled alike in English and the Romance languages: read the Romance way only when a
# Romance preposition follows them
_SHARED_HEADS = frozenset({"forum", "fórum"})


def _romance_head(word: str) -> bool:
    lower = word.lower()
    return lower in _romance_heads() and not (word[1:].isupper() and fold(lower) in _ENGLISH_TOO)


@cache
def _verbs() -> frozenset[str]:
    return words("headline_verbs.txt")


def _opening_imperative(tokens: list[_Tok], i: int) -> bool:
    """A verb's base form opening a line with no subject before it is part of the name
    ("Open Data Forum"); after a subject, or conjugated, it is the headline's verb."""
    token = tokens[i]
    return token.cap and not token.folded.endswith("s") and (i == 0 or token.brk)


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    out: list[_Tok] = []
    append = out.append
    find = text.find
    previous = start
    breaks = find("\n", start, end) != -1  # a line alone has none to look for
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        a, b = m.span()
        brk = breaks and a > previous and find("\n", previous, a) != -1
        previous = b
        if len(word) > 1 and word[0] in "'’‘" or word[-1] in "'’":
            # quotes glued to words: "'Local" -> "'" "Local"; "Content'" -> "Content" "'", but
            # the apostrophe of a plural possessive ("Ministers'") stays with its word
            if len(word) > 1 and word[0] in "'’" and word[1].isalpha():
                append(_Tok(a, a + 1, word[0], brk))
                a, word, brk = a + 1, word[1:], False
            if len(word) > 1 and word[-1] in "'’" and word[-2:-1] not in ("s", "S"):
                append(_Tok(a, b - 1, word[:-1], brk))
                append(_Tok(b - 1, b, word[-1], False))
                continue
        append(_Tok(a, b, word, brk))
    return out


def find_gatherings(text: str, start: int = 0, end: int | None = None) -> list[Gathering]:
    """Gathering phrases in ``text[start:end]``, in text order, overlaps settled left first.

    A phrase never crosses a line break, so each line is read on its own (once per text: a
    part of a line takes the phrases of its line that lie within it), and only a line holding
    a gathering noun is cut into words.
    """
    end = len(text) if end is None else end
    found: list[Gathering] = []
    line_start = text.rfind("\n", 0, start) + 1
    while line_start < end:
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end == -1 else line_end
        found += [
            g
            for g in _line_gatherings(text, line_start, line_end)
            if start <= g.span[0] and g.span[1] <= end
        ]
        line_start = line_end + 1
    return found


# The phrases of each line read so far in the document being analysed (see one_document)
_read: ContextVar[dict[tuple[str, int, int], tuple[Gathering, ...]] | None] = ContextVar(
    "gatherings_read", default=None
)


@contextmanager
def one_document() -> Iterator[None]:
    """Within it, each line of the one text being analysed is read once."""
    token = _read.set({})
    try:
        yield
    finally:
        _read.reset(token)


def _line_gatherings(text: str, start: int, end: int) -> tuple[Gathering, ...]:
    read = _read.get()
    if read is None:
        return _read_line(text, start, end)
    key = (text, start, end)  # a text's hash is worked out once and kept by the string
    found = read.get(key)
    if found is None:
        found = read[key] = _read_line(text, start, end)
    return found


_OWNER_BETWEEN = re.compile(r"(?:\s*\([A-Z][\w&.-]{1,12}\))?['’]s\s+")


def _owned(text: str, found: list[Gathering]) -> list[Gathering]:
    """ "the Conference of Harbour Masters (CHM)'s 40th Annual Spring Meeting": a body named like a
    gathering that owns the next one is part of its name, not a gathering of its own."""
    out: list[Gathering] = []
    for g in found:
        previous = out[-1] if out else None
        if previous is not None and _OWNER_BETWEEN.fullmatch(text, previous.span[1], g.span[0]):
            owner = re.sub(r"\s*\([A-Z][\w&.-]{1,12}\)$", "", previous.title)
            span = (previous.span[0], g.span[1])
            out[-1] = Gathering(span, f"{owner} {g.title}", g.head, True, g.quoted, g.called)
            continue
        # "the Coastal League of Towns (CLT)'s 12th Annual Meeting": a body with its initials
        possessive = text[max(0, g.span[0] - 4) : g.span[0]]
        owner = None
        if ("'s" in possessive or "’s" in possessive) and not g.quoted:
            owner = _OWNER_BEFORE.search(text, max(0, g.span[0] - 120), g.span[0])
        if owner:
            name = " ".join(owner.group("owner").split())
            span = (owner.start("owner"), g.span[1])
            g = Gathering(span, f"{name} {g.title}", g.head, True, g.quoted, g.called)
        out.append(g)
    return out


_OWNER_BEFORE = re.compile(
    r"(?P<owner>[A-Z][\w.&-]*(?:\s+(?:(?:of|for|and|the|on)\s+)*[A-Z][\w.&-]*){0,6})"
    r"\s*\([A-Z][\w&.-]{1,12}\)['’]s\s+\Z"
)


def _read_line(text: str, start: int, end: int) -> tuple[Gathering, ...]:
    line = text[start:end]
    if not _head_hint().search(line.lower() if line.isascii() else fold(line)):
        return ()  # no word a gathering noun ends with
    return tuple(_owned(text, _gatherings_in(text, start, end)))


@cache
def _head_hint() -> re.Pattern[str]:
    """Any word a gathering noun ends with, plural or not, as a whole word (one pass of the
    regular expression engine over a factored alternation)."""
    tree: dict[str, dict] = {}
    for word in _last_words():
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        options = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not options:
            return ""
        body = options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"
        return f"(?:{body})?" if "" in node else body

    return re.compile(rf"(?<![a-z]){emit(tree)}s?(?![a-z])")


_LOWER_WORD = re.compile(r"[a-z]+")


def _gatherings_in(text: str, start: int, end: int) -> list[Gathering]:
    tokens = _tokens(text, start, end)
    found: list[Gathering] = []
    taken = -1
    heads = _head_forms()
    for i, token in enumerate(tokens):
        if not i % 1024:
            budget.check()
        word = token.folded
        if word not in heads and not word.endswith(("'", "’", "'s", "’s")):
            continue  # what _head_at finds first, without a call for every word
        head = _head_at(tokens, i)
        if head is None:
            continue
        first, noun = head
        if tokens[first].start < taken:
            continue
        phrase = _Builder(text, tokens, first, i, noun, start).build()
        if phrase is not None:
            found.append(phrase)
            taken = phrase.span[1]
    return found


@cache
def _last_words() -> frozenset[str]:
    return frozenset(noun.split()[-1] for noun in gathering_nouns())


@cache
def _head_forms() -> frozenset[str]:
    """The words a gathering noun ends with, and their plurals."""
    return _last_words() | {word + "s" for word in _last_words()}


def _head_at(tokens: list[_Tok], i: int) -> tuple[int, str] | None:
    """The gathering noun ending at token ``i`` (one or two words), as (first index, noun)."""
    nouns = gathering_nouns()
    word = tokens[i].folded
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    word = word.rstrip("'’")
    last = _last_words()
    if word not in last and not (word.endswith("s") and word[:-1] in last):
        return None  # most words end no gathering noun
    if i > 0 and not tokens[i].brk:
        two = f"{tokens[i - 1].folded} {word}"
        if two in nouns:
            return i - 1, two
        if two.endswith("s") and two[:-1] in nouns:
            return i - 1, two[:-1]
    if word in nouns:
        return i, word
    if word.endswith("s") and word[:-1] in nouns and len(word) > 4:
        return i, word[:-1]
    return None


class _Builder:
    def __init__(
        self, text: str, tokens: list[_Tok], first: int, last: int, noun: str, start: int
    ) -> None:
        self.text = text
        self.tokens = tokens
        self.first = first
        self.last = last
        self.noun = noun
        self.start = start

    def initial(self, k: int) -> bool:
        """Whether token ``k`` opens its sentence, line or title (any word is capitalised
        there)."""
        token = self.tokens[k]
        if k == 0 or token.brk or token.start <= self.start:
            return True
        previous = self.tokens[k - 1].text
        return previous[-1:] in ".!?:" or previous in _QUOTES_OPEN or previous == "("

    def build(self) -> Gathering | None:
        tokens, first, last = self.tokens, self.first, self.last
        head_cap = tokens[first].cap
        left = self.left(head_cap)
        right, k = last, last + 1
        k, right = self.bracketed(k, right)
        if head_cap and left == first and _romance_head(tokens[last].text):
            k, right = self.romance(k, right)
            if right == last:
                # "la Conférence régionale sur la pêche": lower-case adjectives, then what of
                right = self.romance_described(k, right)
                k = right + 1
        elif head_cap and left == first and tokens[last].folded in _SHARED_HEADS:
            # "le Forum de la Jeunesse", "le Forum régional sur l'eau" (but "Forum Leaders
            # Meeting" is English)
            linked = k < len(tokens) and tokens[k].folded in _ROMANCE_LINKS
            k, right = self.romance(k, right) if linked else (k, right)
            if right == last:
                right = self.romance_described(k, right)
                k = right + 1
        named = any(tokens[j].cap and not self.initial(j) for j in range(left, right + 1))
        if k < len(tokens) and not tokens[k].brk:
            if tokens[k].folded in _VENUE_NOUNS:
                return None  # "conference room": a place
            nxt = tokens[k]
            if nxt.folded in _PAGE_WORDS:
                k = len(tokens)  # "X Workshop Program": the page's word, not the name's
            elif named and _head_at(tokens, k) is not None:
                return None  # "Council of Ministers' meeting": the later noun is the head
            modifier = (
                nxt.cap
                and nxt.folded not in _CONNECT
                and nxt.text[:1].isalpha()
                and nxt.folded not in _verbs()  # "Harbour Forum Opens in Oslo": the verb
            )
            if k < len(tokens) and named and modifier and nxt.text not in _QUOTES_OPEN:
                return None  # "Coral Islands Forum Trade Ministers": the noun modifies
        quote = self.quoted_after(k)
        if quote is not None:
            q_start, q_end = quote
            inner = self.text[tokens[q_start].end : tokens[q_end].start].strip(" ,.")
            if named and (left < first or right > last):
                # "the Harbour Forum “Tides”", "Foro Internacional “Tides”": the name with it
                span = (tokens[left].start, tokens[q_end].end)
                title = _tidy(re.sub(r"[“”\"«»]", "", self.text[span[0] : span[1]]))
                return Gathering(span, title, self.noun, True)
            definite = first > 0 and tokens[first - 1].folded in ("the", "this", "that")
            # "the fair, called “X”": a naming word names even a bare noun's gathering
            naming = any(tokens[j].folded in _NAMING for j in range(k, q_start))
            if len(inner.split()) >= 2 and not (definite and left == first and not naming):
                at = self.text.index(inner, tokens[q_start].end)
                span = (at, at + len(inner))
                return Gathering(span, inner, self.noun, True, quoted=True, called=naming)
        elif not named:
            apposed = self.apposed(k)
            if apposed is not None:
                a, b = apposed
                name = _tidy(self.text[tokens[a].start : tokens[b].end])
                at = tokens[a].start
                return Gathering((at, at + len(name)), name, self.noun, True, quoted=True)
        core = right  # the gathering before what it is about, where, or whose
        if named:
            right = self.capital_complement(right, k)
            later = [_head_at(tokens, j) for j in range(last + 1, min(right + 2, len(tokens)))]
            if any(h is not None and h[1] not in BODY_NOUNS | _PAGE_WORDS for h in later):
                return None  # "Council of Ministers Meeting": the noun further right is the head
        else:
            if self.of_a_name(k):
                return None  # "the first meeting of the X Forum": X Forum is the gathering
            right = self.described_complement(right, k)
        while left < first and _DURATION.fullmatch(tokens[left].folded):
            left += 1  # "a two-day conference" is a conference
        if right == last and left == first and " " not in self.noun:
            return None  # a bare noun ("the Conference") refers to a gathering named elsewhere
        if self.noun in ("program", "programme") and (named or left == first):
            return None  # "the Skills Programme" is a project; "an inaugural program" meets
        if not named and self.noun in ("day", "days", "week", "summer", "course", "training"):
            return None  # "next week", "a training": only a name makes these gatherings
        span = (tokens[left].start, tokens[right].end)
        if _ADDRESS_AFTER.match(self.text, span[1]):
            return None  # "Port Ellis Town Hall, 4 Quay Street": a building with its address
        title = _tidy(self.text[span[0] : span[1]])
        described = not any(tokens[j].text[:1].isupper() for j in range(left, last + 1))
        if described and left > 0 and tokens[left - 1].folded in ("its", "their"):
            holder = _holder(self.text, tokens[left - 1].start)
            if holder is not None:
                at, name = holder
                if right > core and tokens[core + 1].folded in ("in", "at"):
                    span = (tokens[left].start, tokens[core].end)  # the place is said apart
                    title = _tidy(self.text[span[0] : span[1]])
                return Gathering((at, span[1]), f"{name} {title}", self.noun, True, held=True)
        return Gathering(span, title, self.noun, named)

    def left(self, head_cap: bool) -> int:
        tokens = self.tokens
        left = self.first
        while left > 0 and not tokens[left].brk:
            token = tokens[left - 1]
            f = token.folded
            if f in ("of", "for") and left >= 2 and tokens[left - 2].folded in _NOTICE_WORDS:
                break  # "NOTICE OF HEARING", "Agenda for the Forum": the page's words
            if f in _verbs() and _opening_imperative(tokens, left - 1):
                left -= 1
                continue
            if f in _DETERMINERS or f in _DEICTIC or f in _verbs() or token.text in ",;:!?()":
                break
            if token.text in _QUOTES_OPEN or token.text in _QUOTES_CLOSE:
                break
            if f in MONTHS or f in WEEKDAYS:
                break
            if token.text.isdigit() and not _ORDINAL.fullmatch(token.text):
                break  # "Sept. 10 Sessions": a day, not part of a name
            if token.text.endswith(".") and len(token.text) > 4 and not token.text[:-1].isupper():
                break  # "... Agenda 2063. Day 1": a full stop ends what came before
            if token.cap and f not in _SENTENCE_WORDS:
                left -= 1
                continue
            crossing = f in _LEFT_CONNECT and not (f in _AND and not head_cap)
            if crossing and left >= 2 and tokens[left - 2].cap and tokens[left].cap:
                before_of = tokens[left - 2].folded
                if before_of in _NOTICE_WORDS:
                    break  # "Notice of Public Hearing": the page's word, then the gathering
                if before_of not in _verbs() and not tokens[left - 1].brk:
                    left -= 1
                    continue
            if not head_cap and (
                f.endswith(("-day", "-level", "-long", "-week")) or f in _DESCRIBERS
            ):
                left -= 1
                continue
            if head_cap and f in _ORDINAL_WORDS and left < self.first:
                left -= 1  # "the first Regional Ministers' Conference": which sitting
            break
        while left < self.first and tokens[left].folded in _CONNECT:
            left += 1
        return left

    def bracketed(self, k: int, right: int) -> tuple[int, int]:
        """ "(EPIC)" is part of the name; "(15-16 January 2031)" is skipped."""
        tokens = self.tokens
        if k < len(tokens) and tokens[k].text == "(" and not tokens[k].brk:
            close = self.closing(k, ")")
            if (
                close is not None
                and close - k == 2
                and re.fullmatch(r"[A-Z][A-Za-z0-9&.-]{1,12}", tokens[k + 1].text)
            ):
                return close + 1, close
            if close is not None and close - k <= 8:
                k = close + 1
        if k < len(tokens) and not tokens[k].brk and re.fullmatch(r"(?:19|20)\d\d", tokens[k].text):
            return k + 1, k
        return k, right

    def romance(self, k: int, right: int) -> tuple[int, int]:
        """ "Foro Internacional", "Cumbre de las Américas": the name follows a Romance head."""
        tokens = self.tokens
        j = k
        while j < len(tokens) and not tokens[j].brk:
            token = tokens[j]
            if token.cap and token.text not in _QUOTES_OPEN and token.folded not in MONTHS:
                right = j
            elif token.folded not in _ROMANCE_LINKS:
                break
            j += 1
        return right + 1, right

    def romance_described(self, k: int, right: int) -> int:
        tokens = self.tokens
        j = k
        while j < min(len(tokens), k + 2) and tokens[j].text[:1].islower():
            if tokens[j].folded in _ROMANCE_PREPOSITIONS or tokens[j].folded in _COMPLEMENT_STOP:
                break
            if tokens[j].folded in _DETERMINERS:
                return right
            j += 1
        if j < len(tokens) and tokens[j].folded in _COMPLEMENT_STOP and j > k:
            return j - 1  # "le Forum côtier se tiendra": the adjectives, then the verb
        if j >= len(tokens) or tokens[j].folded not in _ROMANCE_PREPOSITIONS:
            return right
        end = self.described_complement(j - 1, j)
        return end if end > j else right

    def closing(self, k: int, close: str) -> int | None:
        for j in range(k + 1, min(len(self.tokens), k + 16)):
            if self.tokens[j].text == close:
                return j
        return None

    def quoted_after(self, k: int) -> tuple[int, int] | None:
        """A quoted title right after a head: 'on "X"', 'on the theme “X”', ', called "X"'."""
        tokens = self.tokens
        j = k
        if j < len(tokens) and tokens[j].text == ",":
            j += 1
        steps = 0
        allowed = {"on", "about", "the", "theme", "topic", "subject", "of"} | _NAMING
        while j < len(tokens) and steps < 4 and tokens[j].text not in _QUOTES_OPEN:
            if tokens[j].folded not in allowed or tokens[j].brk:
                return None
            j += 1
            steps += 1
        if j >= len(tokens) or tokens[j].text not in _QUOTES_OPEN:
            return None
        for end in range(j + 1, min(len(tokens), j + 40)):
            if tokens[end].brk:
                return None
            if tokens[end].text in _QUOTES_CLOSE:
                return j, end
        return None

    def apposed(self, k: int) -> tuple[int, int] | None:
        """ "the one-day conference, Open Waters: Fishing in a Warming Sea, promises ...": a
        capitalised name set off by commas right after a described gathering."""
        tokens = self.tokens
        if k + 1 >= len(tokens) or tokens[k].text != "," or not tokens[k + 1].text[:1].isupper():
            return None
        capitals = 0
        for j in range(k + 1, min(len(tokens), k + 20)):
            token = tokens[j]
            if token.brk:
                return None
            if token.text == ",":
                return (k + 1, j - 1) if capitals >= 2 and j - 1 > k + 1 else None
            if token.text[:1].isupper():
                capitals += 1
            elif token.text not in (":", "–", "-") and token.folded not in _CONNECT | {
                "a",
                "an",
                "the",
            }:
                return None
        return None

    def capital_complement(self, right: int, k: int) -> int:
        """ "Conference for Eastport and the Islands (EPIC)": of/for/on + capitalised words."""
        tokens = self.tokens
        if k >= len(tokens) or tokens[k].brk or tokens[k].folded not in _RIGHT_CONNECT:
            return right
        j = k + 1
        last_cap = None
        while j < len(tokens) and not tokens[j].brk:
            token = tokens[j]
            f = token.folded
            if f in _verbs() and f not in _CONNECT:
                break  # "Symposium on Rural Broadband to Convene in Denver"
            if re.fullmatch(r"(?:19|20)\d\d", token.text) and last_cap == j - 1:
                last_cap = j  # "Conference on Tidal Energy 2032": the edition's year
                break
            if token.cap and f not in MONTHS and f not in WEEKDAYS and not token.text[:1].isdigit():
                last_cap = j
                if token.text.endswith(".") and len(token.text.rstrip(".")) > 3:
                    break  # a full stop ends the name
            elif f in _INNER_CONNECT:
                pass
            elif token.text == "(":
                close = self.closing(j, ")")
                if close is not None and close - j == 2 and last_cap == j - 1:
                    last_cap = close
                    j = close
            else:
                break
            j += 1
        return last_cap if last_cap is not None else right

    def of_a_name(self, k: int) -> bool:
        tokens = self.tokens
        if k + 1 >= len(tokens) or tokens[k].folded != "of":
            return False
        j = k + 1 + (tokens[k + 1].folded == "the")
        return j < len(tokens) and tokens[j].cap and not tokens[j].brk

    def verb_at(self, j: int) -> bool:
        """A word in -ed that follows a noun and is followed by what follows a verb (a
        preposition, an article, the end): "... security ended without"; after "and" or a
        preposition it describes the noun ("on displaced persons")."""
        tokens = self.tokens
        before = tokens[j - 1].folded
        if before in _CONNECT or before in _DETERMINERS or before in ("and", "or", "on", "a", "an"):
            return False
        if j + 1 >= len(tokens) or tokens[j + 1].brk or tokens[j + 1].text in ".,;:!?":
            return True
        return tokens[j + 1].folded in _AFTER_VERB

    def described_complement(self, right: int, k: int) -> int:
        """ "conference in Tartu on refugees", "meeting to discuss the situation in X"."""
        tokens = self.tokens
        if k >= len(tokens) or tokens[k].brk:
            return right
        if tokens[k].folded not in {"on", "in", "of", "for", "about", "to"} | _ROMANCE_PREPOSITIONS:
            return right
        j, count, last = k, 0, right
        while j < len(tokens) and count < 12 and not tokens[j].brk:
            token = tokens[j]
            f = token.folded
            if token.text in ",;:!?()" or token.text in _QUOTES_OPEN or token.text in _QUOTES_CLOSE:
                break
            if f in MONTHS or f in WEEKDAYS or f.isdigit():
                break  # "a meeting in October.": when, not what
            if token.text.endswith(".") and len(token.text) > 1:
                last = j
                break
            if f == "and" and j + 1 < len(tokens) and tokens[j + 1].text[:1].islower():
                nxt = tokens[j + 1].folded
                if nxt not in _COMPLEMENT_STOP and nxt not in _DETERMINERS:
                    j, count = j + 1, count + 1
                    continue
            if f in _COMPLEMENT_STOP or f in MONTHS or f in WEEKDAYS or f.isdigit():
                break
            if j > k + 1 and _PAST_VERB.fullmatch(token.text) and self.verb_at(j):
                break  # "the meeting on port security ended without a deal": the verb
            last = j
            j, count = j + 1, count + 1
        while last > right and tokens[last].folded in _CONNECT | {"to", "about", "sobre"}:
            last -= 1
        return last


# "The Coastal League of Towns (CLT) will convene its": a body that holds its own gathering
_HOLDER = re.compile(
    r"(?P<name>[A-Z][\w.&'’-]*(?:[ \t]+(?:(?:of|for|and|on|in)(?:[ \t]+the)?[ \t]+)?"
    r"[A-Z][\w.&'’-]*){0,7})"
    r"(?:[ \t]*\([A-Z][\w&.-]{1,12}\))?\s+"
    r"(?:(?:will|shall|is\s+to|are\s+to|is\s+set\s+to|are\s+set\s+to|plans\s+to|has|have|had)\s+)?"
    r"(?:\w+ly\s+)?"
    r"(?:hold|holds|held|holding|convene[sd]?|convening|host|hosts|hosted|hosting|stage[sd]?"
    r"|staging|organi[sz]e[sd]?|organi[sz]ing|open|opens|opened|celebrate[sd]?)\s+\Z"
)
_NOT_HOLDERS = frozenset("it they we he she this that these each every our".split())


def _holder(text: str, before: int) -> tuple[int, str] | None:
    """Where the body that holds the gathering after ``before`` ("... convene its") is named,
    and its name without a leading "The"."""
    m = _HOLDER.search(text, max(0, before - 160), before)
    if m is None:
        return None
    name = " ".join(m.group("name").split())
    at = m.start("name")
    if name.startswith("The "):
        name, at = name[4:], at + 4
    if not name or name.split()[0].lower() in _NOT_HOLDERS:
        return None
    return at, name


def _tidy(title: str) -> str:
    return " ".join(title.split()).strip(" ,.;:")
