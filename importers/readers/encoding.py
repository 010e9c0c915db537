"""Turning the bytes of a text file into ``str``: BOM, UTF-8, then a Western fallback.

The rule, in order:

1. A byte-order mark names the encoding (UTF-8, UTF-16, UTF-32; Unicode 15 §23.8).
2. An encoding the document declares (HTML ``<meta charset>``), if the bytes decode with it.
3. UTF-16 without a BOM, when every other byte is NUL (plain ASCII stored as UTF-16).
4. UTF-8, if the bytes are valid UTF-8, or mostly so (a few stray bytes become U+FFFD).
5. Windows-1252 (a superset of the printable part of Latin-1), unless it reads as noise and
   charset-normalizer finds a European code page that reads cleanly (Cyrillic, Greek, ...).

Binary data (NUL bytes, many control characters) is refused with a :class:`ReadError`.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

from importers.errors import ReadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# The code pages a European organiser's documents come in. Multi-byte East Asian encodings are
# left out on purpose: on short Western text charset-normalizer too often prefers them.
_LEGACY_CODEPAGES = [
    "cp1250",
    "cp1251",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "iso8859_2",
    "iso8859_5",
    "iso8859_7",
    "iso8859_9",
    "iso8859_15",
    "koi8_r",
    "koi8_u",
]

# WHATWG Encoding Standard: these labels all mean windows-1252 on the web.
_WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii"}


def _build_cp1252_table() -> dict[int, str]:
    table = {}
    for byte in range(0x80, 0xA0):
        try:
            table[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            table[byte] = chr(byte)  # the five holes of cp1252 keep their Latin-1 meaning
    return table


_CP1252_TABLE = _build_cp1252_table()
# Categories Cc and Cs, less tab, line feed, vertical tab, form feed, carriage return and
# the DOS end-of-file mark (0x1A) that old text files carry.
_FORBIDDEN_CONTROLS = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f\ud800-\udfff]")
# mess_ratio reads every character: judge a long text by its beginning.
_MESS_SAMPLE = 64_000


def decode_cp1252(data: bytes) -> str:
    """Decode as Windows-1252, with Latin-1 for the five bytes cp1252 leaves undefined."""
    return data.decode("latin-1").translate(_CP1252_TABLE)


def strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark names and the mark's length, or None."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def _normalise_label(label: str) -> str | None:
    label = label.strip().strip("\"'").lower()
    if label in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` for text stored as UTF-16 without a byte-order mark (every
    other byte NUL, as ASCII in UTF-16 is), else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> str | None:
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    return text if good > 2 * bad else None


def _legacy_decode(data: bytes) -> str:
    western = decode_cp1252(data)
    western_mess = mess_ratio(western[:_MESS_SAMPLE], 1.0)
    if western_mess < 0.2:
        return western
    best = from_bytes(data, cp_isolation=_LEGACY_CODEPAGES).best()
    if best is not None and best.chaos + 0.1 < western_mess:
        return str(best)
    return western


def control_ratio(text: str) -> float:
    """Share of characters that are control characters (Unicode Cc, Cs) no text file holds."""
    if not text:
        return 0.0
    return len(_FORBIDDEN_CONTROLS.findall(text)) / len(text)


def decode_text(data: bytes, path: str, declared: str | None = None) -> str:
    """Decode the bytes of a text document by the rule in this module's docstring.

    Returns text without a BOM and without NUL characters; line endings are left as found.
    Raises :class:`ReadError` for binary data or bytes invalid in the encoding a BOM names.
    """
    bom = bom_encoding(data)
    if bom is not None:
        name, size = bom
        try:
            text = data[size:].decode(name)
        except UnicodeDecodeError as exc:
            reason = f"invalid bytes for {name.upper()} at byte {exc.start + size}"
            raise ReadError(path, reason) from None
    else:
        text = _decode_without_bom(data, path, declared)
    text = strip_bom(text)
    if control_ratio(text) > 0.01:
        raise ReadError(path, "binary data, not text")
    return text.replace("\x00", "")


def _decode_without_bom(data: bytes, path: str, declared: str | None) -> str:
    if declared:
        name = _normalise_label(declared)
        if name is not None and name not in ("utf-16-le", "utf-16-be", "utf-16", "utf-32"):
            try:
                return decode_cp1252(data) if name == "cp1252" else data.decode(name)
            except (UnicodeDecodeError, LookupError):
                pass
    has_nul = b"\x00" in data
    utf16 = bomless_utf16(data) if has_nul else None
    if utf16 is not None:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            raise ReadError(path, "binary data, not text") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if has_nul:
        raise ReadError(path, "binary data, not text")
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    return _legacy_decode(data)
