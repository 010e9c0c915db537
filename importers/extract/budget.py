"""The time one document's analysis may take.

The analysis is linear in the length of a text, but a text can be long and strange (a
megabyte of capitalised words on one line); past its budget the document is given up, named
and reported, and an import goes on with the next one. The long loops call :func:`check`.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

SECONDS = 30.0  # far beyond the few milliseconds an ordinary document takes

_deadline: ContextVar[float | None] = ContextVar("extraction_deadline", default=None)


class OutOfTime(Exception):
    """The analysis of the current document went past its budget."""


def check() -> None:
    """Raise :class:`OutOfTime` once the current budget is spent (free when there is none)."""
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline:
        raise OutOfTime


@contextmanager
def budget(seconds: float) -> Iterator[None]:
    """Run the body with ``seconds`` to spend (``math.inf``: no limit)."""
    token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)
