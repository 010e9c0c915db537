"""Flattening HTML nested deeper than any real page before it is parsed.

The HTML parser's time grows faster than the square of the nesting depth (200,000 nested
``<div>`` took 109 s), so tags that would open an element deeper than :data:`MAX_DEPTH` are
dropped beforehand; their text stays, in order. The scan is one pass of one regular
expression whose every branch stops at the next ``<`` or runs to the end of the input once.
"""

from __future__ import annotations

import re

MAX_DEPTH = 512
"""Deepest element kept (browsers stop nesting at about this depth too)."""

# Elements that never nest (void) or whose end tag may be left out: they do not count.
_FLAT = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "p li dt dd td th tr thead tbody tfoot colgroup caption option optgroup rp rt "
    "html head body".split()
)
_TOKEN = re.compile(
    r"<!--(?:[^-]|-(?!->))*(?:-->|\Z)"  # a comment (an unclosed one runs to the end)
    r"|<(script|style|textarea|title)\b[^>]*>.*?(?:</\1\s*>|\Z)"  # raw text: no tags inside
    r"|<(/?)([a-zA-Z][\w:.-]*)(?:\"[^\"]*\"|'[^']*'|[^'\"<>])*(/?)>",
    re.DOTALL | re.IGNORECASE,
)


def flatten_deep_nesting(markup: str, max_depth: int = MAX_DEPTH) -> str:
    """``markup`` without the start and end tags of elements nested deeper than
    ``max_depth`` (counting elements that have end tags); unchanged when none is."""
    if markup.count("<") <= max_depth:
        return markup
    pieces: list[str] = []
    depth = 0
    dropped = 0  # start tags dropped and not yet closed
    kept_until = 0
    for match in _TOKEN.finditer(markup):
        name = match.group(3)
        if name is None or name.lower() in _FLAT or match.group(4):
            continue
        if match.group(2):  # an end tag
            if dropped:
                dropped -= 1
            else:
                depth = max(depth - 1, 0)
                continue
        elif depth < max_depth:
            depth += 1
            continue
        else:
            dropped += 1
        pieces.append(markup[kept_until : match.start()])
        kept_until = match.end()
    if not pieces:
        return markup
    pieces.append(markup[kept_until:])
    return "".join(pieces)
