"""vCard files (RFC 2426 vCard 3.0, RFC 6350 vCard 4.0, and 2.1) as person records.

FN/N, ORG, TITLE, TEL (by TYPE: fax, cell, else voice), EMAIL, URL, NOTE and UID are read.
Phone numbers are given in E.164 when they parse as international numbers. Our own UIDs
(``urn:uuid:<uuid>``) come back as the bare UUID, as in :mod:`importers.ics`.
"""

from __future__ import annotations

from pathlib import Path

import phonenumbers
import vobject

from importers.errors import ReadError
from importers.ics import normalise_uid, read_text
from importers.records import DocumentText, Extraction, PersonRecord

X_NOTE = "x-forumdesk-note"  # vobject keys properties in lower case
X_GENERATED = "X-FORUMDESK-GENERATED"  # our exports' mark on a NOTE they made up
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


def _first_text(card: vobject.base.Component, name: str) -> str | None:
    for prop in _values(card, name):
        value = prop.value
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        text = str(value).replace("\r\n", "\n").strip()
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
        uid=normalise_uid(_first_text(card, "uid")),
    )


def read_vcf(path: str | Path) -> Extraction:
    """Read a .vcf address book into person records.

    Raises :class:`~importers.errors.ReadError` for empty, binary, truncated or broken files
    and for files without any vCard.
    """
    path = Path(path)
    text = read_text(path, "a vCard file", "BEGIN:VCARD", "END:VCARD")
    people: list[PersonRecord] = []
    warnings: list[str] = []
    try:
        for card in vobject.readComponents(text, ignoreUnreadable=True):
            if card.name.upper() != "VCARD":
                continue
            person = _person(card)
            if person is None:
                warnings.append("skipped a vCard without a name")
            else:
                people.append(person)
    except Exception as exc:  # vobject raises ParseError, ValueError, ...
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ReadError(str(path), f"broken vCard file: {reason[:200]}") from exc
    if not people:
        raise ReadError(str(path), "no vCard with a name in the file")
    document = DocumentText(path=str(path), format="vcf", text=text)
    return Extraction(document=document, people=tuple(people), warnings=tuple(warnings))
