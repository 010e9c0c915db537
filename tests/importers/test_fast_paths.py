"""Shortcuts the extractor takes for speed give what the plain way gives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from importers.extract import (
    contacts,
    derived,
    events,
    layout,
    names,
    panels,
    phones,
    places,
    preload,
)
from importers.extract.text import Text, find_words

PIECES = st.sampled_from(
    [
        "opened", "signed", "Opened", "reopened", "_signed", "signed_", "2opened", "é", "İ",
        " ", "\n", ".", "-", "Tel", "tel", "hotel", "@", "+41", "22 33", "2016", "Fax:", "Mr ",
        "Dr. ", "FooMr ", "(Dr ", "H.E. ", "Ms", "Jane", "Roe", "K", "contact", "ſ",
    ]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=40).map("".join)


@given(TEXTS)
def test_find_words_finds_what_word_boundaries_find(text: str) -> None:
    words = ("opened", "signed")
    expected = sorted(m.span() for m in re.finditer(r"\b(?:opened|signed)\b", text))
    assert find_words(text, words) == expected


@given(TEXTS)
def test_lower_case_text_keeps_offsets_or_is_not_used(text: str) -> None:
    low = Text(text).lower
    assert low is None or (len(low) == len(text) and low == Text(text).text.lower())


@given(TEXTS)
def test_contact_lines_found_in_one_pass_are_those_checked_one_by_one(text: str) -> None:
    low = text.lower()
    if len(low) != len(text):
        return
    starts = contacts._signal_starts(text, low)
    offset = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        found = any(offset <= s < offset + len(body) for s in starts)
        assert found == contacts._may_hold_contact(body), body
        offset += len(raw)


@given(TEXTS)
def test_contact_blocks_do_not_depend_on_the_one_pass(text: str) -> None:
    low = text.lower()
    fast = contacts._collect_groups(text, low if len(low) == len(text) else None)
    slow = contacts._collect_groups(text, None)
    assert repr(fast) == repr(slow)


@given(TEXTS)
def test_honorific_shortcut_agrees_with_the_full_search(text: str) -> None:
    for end in range(len(text) + 1):
        window = text[max(0, end - 40) : end]
        window = window[window.rfind("\n") + 1 :]  # an honorific is on its name's line
        words = window.split()
        if not words or not words[-1][:1].isupper():
            continue
        full = names._HONORIFIC_RUN.search(window)
        if full:
            assert names.honorific_before(text, end)[0] is not None


CUE_PIECES = st.sampled_from(
    [
        "High-Level Event", "high level session", "will present the", "Will Present a", "lead ",
        "HOLD discussions on ", "Moderated by", "chaired BY", "Keynote speech by", "İ", "ſ",
        " ", "\n", "the ", "Panelists: ", "including", "hosted by", "x", "-", "This year’s ",
        "next year's ", "forum", "Event", "that ", "xthe ", "_next year's", "xwill present a",
        "_high-level event", "Ahold discussions on ", "will open the ", "To Close the ",
        "xwill open the ", "conference", "Summit", "our ",
    ]
)  # fmt: skip


@given(st.lists(CUE_PIECES, max_size=30).map("".join))
def test_lower_cased_scans_find_what_case_insensitive_ones_find(text: str) -> None:
    from importers.extract import events, panels

    doc = Text(text)
    checks = [
        (panels._HIGH_LEVEL_EVENT, (("high",),)),
        *((pattern, needles) for pattern, _kind, needles in panels._VERB_SESSIONS),
        (panels._ALL_AFTER_CUES, ()),
    ]
    for pattern, needles in checks:
        fast = [m.span() for m in panels._folded_finditer(doc, pattern, needles)]
        assert fast == [m.span() for m in pattern.finditer(doc.text)], pattern.pattern
    generic = [(m.span, m.title) for m in events._generic_mentions(doc, [])]
    assert generic == [(m.span(), m.group()) for m in events._GENERIC.finditer(doc.text)]


@given(st.lists(CUE_PIECES, max_size=30).map("".join))
def test_patterns_led_by_their_word_find_what_word_boundaries_find(text: str) -> None:
    from importers.extract import panels

    plain = [
        r"\bhigh[\s-]level\s+(?:event|session|debate|dialogue)(?![\w-])",
        r"\b(?:lead|hold)\s(discussions?)(?=\s+on\s)",
        r"\bwill\s(present)(?=\s+(?:the|a|an|his|her|their|its)\s)",
        rf"\b(?:will|to)\s(open)(?=\s+the\s+{panels._GATHERING}\b)",
        rf"\b(?:will|to)\s(close)(?=\s+the\s+{panels._GATHERING}\b)",
    ]
    led = [panels._HIGH_LEVEL_EVENT, *(pattern for pattern, _, _ in panels._VERB_SESSIONS)]
    for source, pattern in zip(plain, led, strict=True):
        expected = [m.span() for m in re.finditer(source, text, re.I)]
        assert [m.span() for m in pattern.finditer(text)] == expected, source


NAME_PIECES = st.sampled_from(
    ["Jane", " ", "Roe", "van ", "der ", "O'Brien", "-", "J.", "x", "ÉVA", "Éva", "'", "’", "\n"]
)


@given(st.lists(NAME_PIECES, max_size=30).map("".join))
def test_name_runs_start_where_the_plain_expression_starts_them(text: str) -> None:
    plain = re.compile(
        rf"(?<![\w'’-]){names._WORD}(?:[ ](?:{names._PARTICLE}[ ]){{0,2}}{names._WORD}){{0,5}}"
        r"(?![\w'’-])"
    )
    assert [m.span() for m in names._NAME_RUN.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]


ITEM_PIECES = st.sampled_from(
    [
        "+41 ", "(+44) ", "(0)", "00 ", "22", "333", "4", "-", ".", "/", "(", ")", " ", "\u00a0",
        "\u2003", "\u2011", "ext. 5", "jane", "@", "[at]", "(AT)", " AT ", "{At}", "<at>", "at",
        "example", " DOT ", "[dot]", ".org", "http://", "HTTPS://", "Www.", "www", "x", "\n",
    ]
)  # fmt: skip
ITEM_TEXTS = st.lists(ITEM_PIECES, max_size=40).map("".join)


PHONE_PIECES = st.sampled_from(
    [
        "1",
        "22",
        "333",
        "4444",
        " ",
        "-",
        "(",
        ")",
        "+",
        ".",
        "/",
        "\u00a0",
        "\u2003",
        "\u2011",
        "x",
        "\n",
    ]
)
PHONE_TEXTS = st.lists(PHONE_PIECES, max_size=30).map("".join)


@given(PHONE_TEXTS)
def test_phone_candidates_need_seven_digits(text: str) -> None:
    if phones._SEVEN_DIGITS_RE.search(text):
        return
    assert not any(
        sum(c.isdigit() for c in m.group("num")) >= 7
        for m in phones.PHONE_CANDIDATE_RE.finditer(text)
    )


@given(ITEM_TEXTS)
def test_email_precheck_is_the_plain_expression(text: str) -> None:
    plain = re.compile(r"@|(?i:[\[({<]\s*at\s*[\])}>])|\sAT\s")
    assert contacts._may_hold_email(text) == bool(plain.search(text))


@given(ITEM_TEXTS)
def test_web_addresses_start_with_http_or_www(text: str) -> None:
    low = text.lower()
    if not ("http" in low or "www" in low):
        assert not contacts._URL_RE.search(text)


def _clear_gazetteers() -> None:
    places.geonames.cache_clear()
    places.gazetteer.cache_clear()
    contacts.place_names.cache_clear()


def test_preload_loads_the_gazetteers_the_extractor_uses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(derived.CACHE_ENV, str(tmp_path))
    _clear_gazetteers()
    try:
        preload()
        assert places.gazetteer.cache_info().currsize == 1
        assert contacts.place_names.cache_info().currsize == 1
        # both are made from the same parsed datasets: each of the three files is parsed once
        assert places.geonames.cache_info().misses == 3
        assert places.lookup("Nairobi").country_code == "KE"
        # the next start reads the tables made from them and parses none of the files
        _clear_gazetteers()
        preload()
        assert places.geonames.cache_info().misses == 0
        assert places.lookup("Nairobi").country_code == "KE"
    finally:
        _clear_gazetteers()


INTRO_LINES = st.tuples(
    st.sampled_from(["", "For ", "Our ", "x"]),
    st.sampled_from(["Contact", "Media", "PRESS", "preſs", "medıa", "Kontakt", "Enquiries",
                     "information", "Jane", "Director", "Press Office", "xmedia"]),
    st.sampled_from(["", ":", ": ", " : ", "."]),
    st.sampled_from(["", "Jane Roe", "Director, Acme", "information", "x"]),
).map("".join)  # fmt: skip


@given(INTRO_LINES)
@example("preſs: Jane Roe")  # "ſ" and "ı" match "s" and "i" when case is ignored
@example("medıa: Jane Roe")
def test_lines_without_intro_keys_introduce_nothing(line: str) -> None:
    if not line.strip() or any(key in line.lower() for key in contacts._INTRO_KEYS):
        return
    fast = contacts._line_without_items(line, 0, may_introduce=False)
    assert repr(fast) == repr(contacts._line_without_items(line, 0))


HEADING_PIECES = st.sampled_from(
    ["Forum", "of", "the", "and", "with", "said", "Jane", "Roe", " ", ", ", "(", ")", "2016",
     "d'Azur", "été", "Été", "x", "-", "\n"]
)  # fmt: skip
HEADING_TEXTS = st.lists(HEADING_PIECES, max_size=25).map("".join)


@given(HEADING_TEXTS)
def test_heading_test_stops_early_but_judges_as_the_whole_line_would(line: str) -> None:
    from importers.extract import people

    words = re.findall(r"[^\W\d_][\w'’-]*", line)
    small = {"of", "and", "the", "for", "in", "on", "to", "at", "a", "with"}
    lower = [w for w in words if w[:1].islower() and w not in small]
    assert people._heading_like(line, (0, len(line))) == (len(words) >= 3 and not lower)


@given(HEADING_TEXTS, st.integers(0, 30), st.integers(0, 80))
@example("Roe), Director (Acme, Ltd), Forum", 0, 40)
def test_segments_split_at_commas_outside_brackets(text: str, start: int, limit: int) -> None:
    from importers.extract import people

    start, limit = min(start, len(text)), min(limit, len(text))
    out, depth, seg_start = [], 0, start
    for i in range(start, limit):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth = max(0, depth - 1)
        elif text[i] == "," and depth == 0:
            out.append((seg_start, text[seg_start:i]))
            seg_start = i + 1
    out.append((seg_start, text[seg_start:limit]))
    expected = [(s + len(g) - len(g.lstrip()), g.strip()) for s, g in out if g.strip()]
    assert people._segments(text, start, limit) == expected


def test_hard_wrapped_paragraph_is_joined_in_place() -> None:
    from importers.extract.text import clean

    text = (
        "The conference will bring together ministers, mayors and the\n"
        "leaders of civil society from across the region to discuss the\n"
        "future of migration policy in the coming decade and beyond.\n"
        "\n"
        "Speakers:\nJane Roe\nJohn Doe\n"
    )
    cleaned = clean(text)
    assert len(cleaned) == len(text)
    assert [i for i, c in enumerate(cleaned) if c != text[i]] == [60, 123]
    assert cleaned.endswith("beyond.\n\nSpeakers:\nJane Roe\nJohn Doe\n")
    assert clean("One line.\nAnother line.") == "One line.\nAnother line."


# The cuts of a flattened line written the plain way: a space after what may end a line
_PLAIN_CUT = re.compile(
    r"(?<=\S)\s+(?=(?:--|[•·▪])\s+\S|[–—]\s+[A-Z])"
    r"|(?<=[a-z0-9.)!?,”\"])\s+(?=[A-Z][A-Z&/' -]{3,40}:)"
    r"|(?<=[a-z.)])\s+(?=(?:[A-Z]{2,}\s+){2,}[A-Z]{2,}\b)"
    r"|(?<=[\w.)!?,”\"])\s+(?P<label>[A-Z][a-z]+(?:\s+(?:[a-z]+|[0-9]{1,2}))?)(?=\s*:\s)"
    r"|(?<=[a-z])(?=(?:RSVP|Tel|Fax|Email|E-mail|Phone|Venue|Time|Date|Contact|Enquiries)\s*:)"
)
CUT_PIECES = st.sampled_from(
    ["a", "x", "Tel", "Venue", ":", " ", "  ", "\t", "--", "•", "–", "ABC", "DEF", "GH", "Time",
     "Room", "2", "12", ".", ")", ",", "”", "Jane", "is", "hall", "RSVP", "é"]
)  # fmt: skip


def _cuts(matches: list[re.Match[str]]) -> set[tuple]:
    return {
        ("label", m.start("label"), m.group("label")) if m.group("label") else ("at", m.end())
        for m in matches
    }


@given(st.lists(CUT_PIECES, max_size=24).map("".join))
@example("Meet us in the hallTel: 12 Venue: Room 2 -- ABC DEF GH: x")
@example("is. Time 12: x • Jane is   ROOM ABC DEF")
def test_flattened_lines_are_cut_where_the_plain_expression_cuts(line: str) -> None:
    fast = _cuts(list(layout._CUT.finditer(line)))
    fast |= {("at", m.end()) for m in layout._CUT_GLUED.finditer(line)}
    assert fast == _cuts(list(_PLAIN_CUT.finditer(line)))


@given(TEXTS, st.sampled_from(["Tel", "K", "İ", "Jane", "22", "FooMr"]))
def test_whole_words_are_found_where_word_boundaries_find_them(text: str, word: str) -> None:
    expected = [m.span() for m in re.finditer(rf"\b{re.escape(word)}\b", text)]
    assert events._whole_words(text, word) == expected


def _kind_starts_one_by_one(text: str) -> list[tuple[int, int]]:
    """Session nouns found the plain way: every kind's first word looked for on its own."""
    low = text.lower()
    found = []
    for first, pattern in panels._KIND_BY_FIRST_WORD.items():
        position = low.find(first)
        while position != -1:
            if position == 0 or not (low[position - 1].isalnum() or low[position - 1] in "-_"):
                match = pattern.match(text, position)
                if match:
                    found.append(match)
            position = low.find(first, position + 1)
    found.sort(key=lambda m: (m.start(), -m.end()))
    kept: list[re.Match[str]] = []
    for match in found:
        if not kept or match.start() >= kept[-1].end():
            kept.append(match)
    return [m.span() for m in kept]


KIND_PIECES = st.sampled_from(
    ["panel", "Panel ", "q&a", "q&award", " ", "lab", "collab", "session", "-", "high-level",
     "talks ", "Round table", "roundtable", "break", "breakout ", ".", "award", "table ronde"]
)  # fmt: skip


@given(st.lists(KIND_PIECES, max_size=12).map("".join))
@example("the q&award ceremony, a collab session and a breakout panel")
def test_session_nouns_found_in_one_pass_are_those_found_one_by_one(text: str) -> None:
    assert [m.span() for m in panels._kind_matches(text)] == _kind_starts_one_by_one(text)
