"""Content lines shared by iCalendar (RFC 5545) and vCard (RFC 6350, RFC 2426) writers.

Both formats use the same line syntax: ``NAME;PARAM=VALUE:value`` with text escaping and
folding at 75 octets. The writers build lines with these helpers rather than through the
libraries' component objects, which are an order of magnitude slower for large exports; the
libraries still parse what we write back in the tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

CRLF = "\r\n"
LIMIT = 75  # octets per physical line, excluding CRLF (RFC 5545 §3.1, RFC 6350 §3.2)

# Control characters other than HTAB are not allowed in TEXT values (RFC 5545 §3.3.11,
# "TSAFE-CHAR"); line breaks are turned into the ``\n`` escape first.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_NEWLINES = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x85")


def clean(value: str) -> str:
    """Line breaks as ``\\n``, other control characters removed."""
    value = _NEWLINES.sub("\n", value)
    if _CONTROL.search(value):
        value = _CONTROL.sub("", value)
    return value


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 §3.3.11, RFC 6350 §3.4): ``\\ ; ,`` and line breaks.

    After escaping, no character of the value can end the property or start a new line, so
    a hostile value cannot add a property.
    """
    if not value.isprintable():  # line breaks, control or other unusual characters
        value = clean(value)
    # str.replace is much faster than str.translate with a mapping; backslashes go first.
    if "\\" in value:
        value = value.replace("\\", "\\\\")
    if ";" in value:
        value = value.replace(";", "\\;")
    if "," in value:
        value = value.replace(",", "\\,")
    if "\n" in value:
        value = value.replace("\n", "\\n")
    return value


def text_list(values: Iterable[str], sep: str = ",") -> str:
    """A multi-valued or structured TEXT value: each part escaped, joined by ``sep``."""
    return sep.join(escape_text(v) for v in values)


def param_value(value: str) -> str:
    """A parameter value (RFC 5545 §3.2): quoted when it holds ``: ; ,``; DQUOTE is dropped."""
    value = clean(value).replace("\n", " ").replace('"', "'")
    if any(c in value for c in ":;,"):
        return f'"{value}"'
    return value


def fold(line: str) -> str:
    """Fold one logical line (RFC 5545 §3.1, RFC 6350 §3.2).

    Physical lines hold at most 75 octets; continuation lines start with one space, which
    counts towards the limit. Cuts never split a UTF-8 sequence nor an escape (``\\x``).
    """
    if line.isascii():  # one octet per character: cut the string itself
        size = len(line)
        if size <= LIMIT:
            return line
        parts: list[str] = []
        start = 0
        room = LIMIT
        while size - start > room:
            cut = start + room
            if line[cut - 1] == "\\" and _odd_backslashes(line, start, cut):
                cut -= 1
            parts.append(line[start:cut])
            start = cut
            room = LIMIT - 1
        parts.append(line[start:])
        return "\r\n ".join(parts)
    data = line.encode("utf-8")
    size = len(data)
    if size <= LIMIT:
        return line
    chunks: list[bytes] = []
    start = 0
    room = LIMIT
    while size - start > room:
        cut = start + room
        while data[cut] & 0xC0 == 0x80:  # continuation byte: move back to the lead byte
            cut -= 1
        if data[cut - 1] == 0x5C and _odd_backslashes(data, start, cut):
            cut -= 1
        chunks.append(data[start:cut])
        start = cut
        room = LIMIT - 1
    chunks.append(data[start:])
    return b"\r\n ".join(chunks).decode("utf-8")


def _odd_backslashes(data: bytes | str, start: int, cut: int) -> bool:
    """Whether the backslash just before ``cut`` opens an escape (is not itself escaped)."""
    backslash = "\\" if isinstance(data, str) else 0x5C
    n = 0
    i = cut - 1
    while i >= start and data[i] == backslash:
        n += 1
        i -= 1
    return n % 2 == 1


def line(name: str, value: str, params: str = "") -> str:
    """One folded content line with its CRLF; ``value`` and ``params`` already encoded."""
    text = f"{name}{params}:{value}"
    if len(text) <= LIMIT and text.isascii():  # the common case, without a call
        return text + CRLF
    return fold(text) + CRLF
