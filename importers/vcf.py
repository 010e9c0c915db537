"""vCard files (RFC 2426 vCard 3.0, RFC 6350 vCard 4.0, and 2.1) as person records.

FN/N, ORG, TITLE, TEL (by TYPE: fax, cell, else voice), EMAIL, URL, NOTE and UID are read.
Phone numbers are given in E.164 when they parse as international numbers. UIDs come as
written, as in :mod:`importers.ics`.

The file is read card by card: a card that cannot be read is skipped with its line number and
the reason, and the others are imported. Lines are decoded one by one (see
:mod:`importers.contentlines`); a line that is no content line is dropped with a warning;
PHOTO, LOGO, SOUND and KEY are never read, so a broken picture does not cost its card.
"""

from __future__ import annotations

import re
from pathlib import Path

import phonenumbers
import vobject

from importers.contentlines import CardText, read_content_text, split_cards
from importers.errors import ReadError
from importers.ics import MAX_BYTES, read_uid
from importers.records import DocumentText, Extraction, PersonRecord

X_NOTE = "x-forumdesk-note"  # vobject keys properties in lower case
X_GENERATED = "X-FORUMDESK-GENERATED"  # our exports' mark on a NOTE they made up
_UNREAD = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
# RFC 6350 §3.3: [group "."] name *(";" param) ":" value; a parameter value may be quoted.
_CONTENT_LINE = re.compile(r'(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)(?:;(?:[^";:]|"[^"]*")*)*:')
_FOLDED = (" ", "\t")
_HONORIFICS = frozenset(
    "mr mrs ms miss dr prof professor sir dame mx ing mgr judr mudr phdr rndr doc".split()
)


def _values(card: vobject.base.Component, name: str) -> list:  # noqa: ANN401
    return list(card.contents.get(name, []))


def _notes(card: vobject.base.Component) -> str | None:
    """NOTE, or the stored notes alone when our export added roles and sources to them (none
    when our export made the note up)."""
    if X_NOTE in card.contents:
        return _first_text(card, X_NOTE)
    notes = _values(card, "note")
    if notes and "TRUE" in [v.upper() for v in notes[0].params.get(X_GENERATED, [])]:
        return None
    return _first_text(card, "note")


def _as_text(value: object) -> str:
    """A property value as text; a value given as ENCODING=b (base64) comes as bytes."""
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return value.decode("cp1252", errors="replace")
    return str(value)


def _first_text(card: vobject.base.Component, name: str) -> str | None:
    for prop in _values(card, name):
        value = prop.value
        if isinstance(value, list):
            value = ", ".join(_as_text(v) for v in value if v)
        text = _as_text(value).replace("\r\n", "\n").strip()
        if text:
            return text
    return None


def _types(prop: vobject.base.ContentLine) -> set[str]:
    types: set[str] = set()
    for key, values in prop.params.items():
        if key.upper() == "TYPE":
            for value in values:
                types.update(t.strip().lower() for t in value.split(","))
        elif not values:  # vCard 2.1 bare parameters: TEL;WORK;FAX:...
            types.add(key.lower())
    for value in prop.singletonparams:
        types.add(str(value).lower())
    return types


def phone_e164(value: str) -> str:
    """E.164 for international numbers (``+``/``00``), otherwise the number as written."""
    text = value.strip()
    if text.lower().startswith("tel:"):
        text = text[4:].split(";", 1)[0]
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return text
    if not phonenumbers.is_possible_number(number):
        return text
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _name(card: vobject.base.Component) -> tuple[str | None, str | None]:
    """Display name and honorific prefix."""
    fn = _first_text(card, "fn")
    prefix = None
    n_props = _values(card, "n")
    if n_props:
        n = n_props[0].value
        parts = [getattr(n, a, "") for a in ("prefix", "given", "additional", "family", "suffix")]
        parts = [" ".join(p) if isinstance(p, list) else str(p or "") for p in parts]
        prefix = parts[0].strip() or None
        if not fn:
            fn = " ".join(p.strip() for p in parts[1:4] if p.strip()) or None
    if fn and prefix and fn.startswith(prefix + " "):
        fn = fn[len(prefix) + 1 :]
    elif fn and prefix is None:
        first = fn.split(" ", 1)
        if len(first) == 2 and first[0].rstrip(".").lower() in _HONORIFICS:
            prefix, fn = first[0], first[1]
    return fn, prefix


def _person(card: vobject.base.Component) -> PersonRecord | None:
    name, honorific = _name(card)
    if not name:
        return None
    phones: list[str] = []
    mobiles: list[str] = []
    faxes: list[str] = []
    for prop in _values(card, "tel"):
        number = phone_e164(str(prop.value))
        if not number:
            continue
        types = _types(prop)
        target = faxes if "fax" in types else mobiles if "cell" in types else phones
        if number not in target:
            target.append(number)
    emails = []
    for prop in _values(card, "email"):
        email = str(prop.value).strip().lower()
        if email.startswith("mailto:"):
            email = email[7:]
        if email and email not in emails:
            emails.append(email)
    urls = [str(p.value).strip() for p in _values(card, "url") if str(p.value).strip()]
    org = None
    for prop in _values(card, "org"):
        value = prop.value
        parts = value if isinstance(value, list) else [value]
        org = ", ".join(str(p).strip() for p in parts if str(p).strip()) or None
        if org:
            break
    return PersonRecord(
        name=name,
        honorific=honorific,
        title=_first_text(card, "title"),
        organisation=org,
        phones=tuple(phones),
        mobiles=tuple(mobiles),
        faxes=tuple(faxes),
        emails=tuple(emails),
        urls=tuple(urls),
        notes=_notes(card),
        uid=read_uid(_first_text(card, "uid")),
    )


def _logical_lines(card: CardText) -> list[tuple[int, list[str]]]:
    """The card's content lines, each with its first line number and its physical lines: a
    line starting with a space or tab continues the one before (RFC 6350 §3.2), and so does a
    line after a quoted-printable value ending in ``=`` (vCard 2.1 soft line break)."""
    logical: list[tuple[int, list[str]]] = []
    for offset, line in enumerate(card.text.split("\r\n")[:-1]):
        if logical:
            previous = logical[-1][1]
            soft_break = previous[-1].endswith("=") and "QUOTED-PRINTABLE" in previous[0].upper()
            if line.startswith(_FOLDED) or soft_break:
                previous.append(line)
                continue
        logical.append((card.line + offset, [line]))
    return logical


def _card_text(card: CardText, warnings: list[str]) -> str:
    """The card with unreadable lines (reported in ``warnings``) and unread properties left
    out."""
    kept: list[str] = []
    for number, lines in _logical_lines(card):
        match = _CONTENT_LINE.match(lines[0])
        if match is None:
            if lines[0].strip():
                warnings.append(f"line {number}: unreadable line skipped")
            continue
        if match.group(1).upper() not in _UNREAD:
            kept.extend(lines)
    return "\r\n".join(kept) + "\r\n"


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    if "base64" in text.lower():
        return "a base64 value that does not decode"
    return text[:150] or type(exc).__name__


def _read_card(card: CardText, warnings: list[str]) -> PersonRecord | None:
    """The person on one card, or None with the reason in ``warnings``."""
    try:
        component = vobject.readOne(_card_text(card, warnings))
        person = _person(component) if component.name.upper() == "VCARD" else None
    except Exception as exc:  # noqa: BLE001 - vobject raises ParseError, binascii.Error, ...
        warnings.append(f"line {card.line}: card skipped ({_reason(exc)})")
        return None
    if person is None:
        warnings.append(f"line {card.line}: card without a name skipped")
    return person


def read_vcf(path: str | Path) -> Extraction:
    """Read a .vcf address book into person records, card by card.

    Broken cards are skipped and named in the warnings (``line N: reason``). Raises
    :class:`~importers.errors.ReadError` for empty, binary or oversized files and for files
    without any readable vCard with a name.
    """
    path = Path(path)
    text = read_content_text(path, "a vCard file", MAX_BYTES)
    cards, unfinished = split_cards(text)
    if not cards and unfinished is None:
        raise ReadError(str(path), "not a vCard file (no BEGIN:VCARD)")
    people: list[PersonRecord] = []
    warnings: list[str] = []
    for card in cards:
        person = _read_card(card, warnings)
        if person is not None:
            people.append(person)
    if unfinished is not None:
        warnings.append(f"line {unfinished}: card without END:VCARD skipped (truncated file?)")
    if not people:
        if not cards:
            reason = "truncated file (no END:VCARD after the last BEGIN:VCARD)"
        elif all("without a name" in w for w in warnings):
            reason = "no vCard with a name in the file"
        else:
            reason = f"no readable vCard ({warnings[0]})"
        raise ReadError(str(path), reason)
    document = DocumentText(path=str(path), format="vcf", text=text)
    return Extraction(document=document, people=tuple(people), warnings=tuple(warnings))
