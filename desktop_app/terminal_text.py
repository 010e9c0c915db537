"""Text written to a terminal: what came from a file or a file name is shown, never obeyed."""

from __future__ import annotations

import re

# C0 and C1 controls (ESC starts terminal commands; a newline would fake a line of output),
# DEL, bidirectional overrides (which reorder what is shown) and lone surrogates (bytes of a
# file name that are not UTF-8, which no terminal encoding can write).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte kept by the file system encoding's surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return _NAMED.get(char, f"\\x{code:02x}")
    return f"\\u{code:04x}"


def terminal_text(text: str) -> str:
    """``text`` with control characters, bidirectional overrides and undecodable bytes written
    as escapes (``\\x1b``, ``\\n``, ``\\u202e``, ``\\xff``)."""
    return _UNSAFE.sub(_escape, text)
