"""E-mail messages (``.eml``, RFC 5322 with MIME), read with the standard ``email`` package."""

from __future__ import annotations

import email
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import cast

from importers.errors import ReadError
from importers.readers.encoding import decode_text
from importers.readers.file_bytes import FORMAT_NAMES, read_file_bytes, sniff_format
from importers.readers.html import html_to_text
from importers.readers.layout import tidy_blank_lines
from importers.readers.text import normalise_newlines
from importers.records import DocumentText

_KNOWN_HEADERS = ("from", "to", "subject", "date", "message-id", "mime-version", "received")


def unflow(text: str, delsp: bool = False) -> str:
    """Join the soft line breaks of ``format=flowed`` text (RFC 3676 §4.2).

    A line ending in a space continues on the next line; with ``delsp=yes`` that space is
    deleted (§4.3). Space-stuffing (§4.4) is undone. The signature separator ``-- `` ends a
    paragraph.
    """
    out: list[str] = []
    current = ""
    for line in text.split("\n"):
        if line.startswith(" "):
            line = line[1:]
        if line != "-- " and line.endswith(" "):
            current += line[:-1] if delsp else line
            continue
        out.append(current + line)
        current = ""
    if current:
        out.append(current)
    return "\n".join(out)


def _part_text(part: EmailMessage, path: str) -> str:
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):
        content = None
    if isinstance(content, str):
        return content
    # Unknown charset or broken transfer encoding: decode the raw bytes ourselves.
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        return ""
    try:
        return decode_text(payload, path)
    except ReadError:
        return ""


def _body_text(message: EmailMessage, path: str) -> str:
    plain = message.get_body(preferencelist=("plain",))
    if plain is not None:
        text = normalise_newlines(_part_text(plain, path))
        if plain.get_param("format", "").lower() == "flowed":
            text = unflow(text, delsp=plain.get_param("delsp", "").lower() == "yes")
        text = tidy_blank_lines(text.replace("\x00", ""))
        if text.strip():
            return text
    html = message.get_body(preferencelist=("html",))
    if html is not None:
        return html_to_text(_part_text(html, path))
    return ""


def read_eml(path: str | Path) -> DocumentText:
    """Read an e-mail: the body text, ``Subject`` as title, ``Date`` as reference date.

    The ``text/plain`` body is preferred; when there is none, the ``text/html`` body is laid
    out by :func:`importers.readers.html.html_to_text`. Attachments are ignored. The date is
    the day written in the ``Date`` header (RFC 5322 §3.6.1), in the sender's time zone.
    Raises :class:`ReadError` when the file is not a message or has no text body.
    """
    path = Path(path)
    data = read_file_bytes(path)
    sniffed = sniff_format(data)
    if sniffed is not None:
        reason = f"{FORMAT_NAMES[sniffed]}, not an e-mail message (wrong file extension?)"
        raise ReadError(str(path), reason)
    if b"\x00" in data[:4096]:
        raise ReadError(str(path), "binary data, not an e-mail message")
    # The email package is lenient, but deeply broken MIME can still raise from its parsers.
    try:
        message = cast(EmailMessage, email.message_from_bytes(data, policy=policy.default))
        keys = {key.lower() for key in message.keys()}
        if not keys.intersection(_KNOWN_HEADERS):
            raise ReadError(str(path), "not an e-mail message (no From, To, Subject or Date)")
        subject = " ".join(str(message.get("subject", "")).split()) or None
        date_header = message.get("date")
        sent = getattr(date_header, "datetime", None)
        text = _body_text(message, str(path))
    except ReadError:
        raise
    except Exception:
        raise ReadError(str(path), "not an e-mail message (corrupt MIME structure)") from None
    if not text.strip():
        raise ReadError(str(path), "the message has no text body")
    return DocumentText(
        path=str(path),
        format="eml",
        text=text,
        title=subject,
        reference_date=sent.date() if sent is not None else None,
    )
