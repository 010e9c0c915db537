"""Escaping and folding of content lines (RFC 5545 §3.1, §3.3.11; RFC 6350 §3.2, §3.4)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.export.contentline import escape_text, fold, line


def _unfold(text: str) -> str:
    return text.replace("\r\n ", "")


def _unescape(value: str) -> str:
    out = []
    i = 0
    while i < len(value):
        c = value[i]
        if c == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def test_escape_text_escapes_separators_and_line_breaks() -> None:
    assert escape_text("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"
    assert escape_text("x\r\nEMAIL:evil@example.com") == "x\\nEMAIL:evil@example.com"
    assert escape_text("lone\rreturn") == "lone\\nreturn"


def test_escape_text_drops_control_characters_but_keeps_tabs() -> None:
    assert escape_text("a\x00b\x07c\td\x7f") == "ab" + "c\td"


def test_fold_keeps_short_lines() -> None:
    assert fold("SUMMARY:short") == "SUMMARY:short"


def test_fold_never_splits_a_utf8_sequence() -> None:
    text = "NOTE:" + "Čížek 🎉 " * 40
    folded = fold(text)
    for physical in folded.split("\r\n"):
        assert len(physical.encode("utf-8")) <= 75
    assert _unfold(folded) == text


def test_fold_does_not_separate_a_backslash_from_what_it_escapes() -> None:
    text = "X:" + "a" * 72 + "\\,b"  # the escape straddles octet 75
    folded = fold(text)
    assert folded.split("\r\n")[0].endswith("a")
    assert _unfold(folded) == text
    wide = "X:é" + "a" * 70 + "\\,b"  # the same at octet 75, after a two-octet character
    folded = fold(wide)
    assert folded.split("\r\n")[0].endswith("a")
    assert _unfold(folded) == wide


def test_fold_may_cut_after_an_escaped_backslash() -> None:
    for head in ("X:" + "a" * 71, "X:é" + "a" * 69):  # "\\\\" ends at octet 75
        text = head + "\\\\" + "b" * 10
        first = fold(text).split("\r\n")[0]
        assert first == head + "\\\\"
        assert len(first.encode("utf-8")) == 75


@given(st.text(max_size=600))
def test_any_text_becomes_one_logical_line_that_unescapes_to_itself(value: str) -> None:
    out = line("NOTE", escape_text(value))
    assert out.endswith("\r\n")
    physical = out[:-2].split("\r\n")
    assert physical[0].startswith("NOTE:")
    assert all(p.startswith(" ") for p in physical[1:])
    assert all(len(p.encode("utf-8")) <= 75 for p in physical)
    expected = value.replace("\r\n", "\n").replace("\r", "\n")
    expected = "".join(
        c for c in expected if c in "\t\n" or not (ord(c) < 32 or ord(c) == 127)
    ).translate({0x2028: "\n", 0x2029: "\n", 0x85: "\n"})
    assert _unescape(_unfold(out[:-2])[len("NOTE:") :]) == expected
