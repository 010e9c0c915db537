"""Line-level tidying shared by the readers that lay text out themselves."""

from __future__ import annotations

import re

_BLANK_RUNS = re.compile(r"\n(?:[ \t]*\n){2,}")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")


def tidy_blank_lines(text: str) -> str:
    """Drop trailing spaces, keep at most one blank line between lines, trim the ends."""
    text = _TRAILING_SPACE.sub("\n", text.replace("\x00", ""))
    return _BLANK_RUNS.sub("\n\n", text).strip("\n")
