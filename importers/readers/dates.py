"""Reading the date values that document metadata carries (ISO 8601, RFC 5322, PDF dates)."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_COMPACT_DAY = re.compile(r"^\s*(?:D:)?(\d{4})(\d{2})(\d{2})")
_SLASHED_DAY = re.compile(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?![\d])")


def _make_date(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse_date_value(value: str | None) -> date | None:
    """The calendar day a metadata value names, as written (no time-zone shift), or ``None``.

    Accepts ISO 8601 dates and date-times (``2045-06-26``, ``2045-06-26T10:00:00+12:00``),
    ``2045/06/26``, compact ``20450626``, PDF dates (``D:20450626101500Z``, ISO 32000-1
    §7.9.4) and RFC 5322 §3.3 date-times (``Mon, 26 Jun 2045 10:00:00 +1200``). A value
    that names only a month or a year gives ``None``.
    """
    if not value:
        return None
    text = value.strip()
    if not text or len(text) > 100:
        return None
    for pattern in (_ISO_DAY, _SLASHED_DAY, _COMPACT_DAY):
        match = pattern.match(text)
        if match:
            return _make_date(*match.groups())
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
