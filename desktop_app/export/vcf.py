"""People as vCards: 3.0 (RFC 2426) by default, 4.0 (RFC 6350) on request.

Takes :class:`db.models.Person` objects with contacts, organisation, participations →
event/panel and mentions → document loaded. Lines are escaped and folded by
:mod:`desktop_app.export.contentline` (75 octets, never inside a UTF-8 sequence), so that no
field value can start a property of its own.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator

import phonenumbers
from nameparser import HumanName

from db.models import ContactKind, Person, Status
from db.source_uids import export_uid
from desktop_app import __version__
from desktop_app.export.contentline import CRLF, clean, escape_text, line, text_list

VERSIONS = ("3.0", "4.0")
PRODID = f"-//Forum Desk//Forum Desk {__version__}//EN"
X_NOTE = "X-FORUMDESK-NOTE"
GENERATED = ";X-FORUMDESK-GENERATED=TRUE"  # on a NOTE made up entirely by the export
_E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")


def person_uid(person: Person) -> str:
    """Stable UID (RFC 6350 §6.7.6): the one the person came with, else the person's UUID as
    a URN (RFC 4122)."""
    return export_uid(person.foreign_uid, person.uuid, "urn:uuid:{}")


def select_people(people: Iterable[Person], *, include_rejected: bool = False) -> list[Person]:
    return [p for p in people if include_rejected or p.status != Status.REJECTED]


def name_parts(person: Person) -> tuple[str, str, str, str, str]:
    """N components (RFC 6350 §6.2.2): family; given; additional; prefix; suffix.

    The stored given/family names win; otherwise the full name is split with nameparser.
    """
    if person.given_name or person.family_name:
        return (
            person.family_name or "",
            person.given_name or "",
            "",
            person.honorific or "",
            "",
        )
    parsed = HumanName(person.full_name or "")
    return (
        parsed.last,
        parsed.first,
        parsed.middle,
        person.honorific or parsed.title,
        parsed.suffix,
    )


@functools.lru_cache(maxsize=4096)
def e164(value: str) -> str:
    """A phone number in E.164 when it parses as an international number, else as given."""
    value = value.strip()
    if value.startswith("tel:"):
        value = value[4:]
    if _E164.match(value):  # what the database stores: no need to parse it again
        return value
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return value
    if not phonenumbers.is_possible_number(number):
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _stamp(value: dt.datetime | None, version: str) -> str:
    if value is None:
        value = dt.datetime.now(dt.UTC)
    if value.tzinfo is None:  # SQLite hands stored UTC times back naive
        value = value.replace(tzinfo=dt.UTC)
    value = value.astimezone(dt.UTC)
    if version == "3.0":  # RFC 2426 §3.6.4 uses the extended ISO 8601 form
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.strftime("%Y%m%dT%H%M%SZ")  # RFC 6350 §4.3.5 timestamp


def _own_notes(person: Person) -> str:
    # control characters go before stripping, so none is left standing at either end
    return clean(person.notes or "").strip()


def person_note(person: Person) -> str:
    """NOTE text: the person's own notes, what they take part in, the sources."""
    blocks = []
    if person.notes:
        blocks.append(_own_notes(person))
    parts = []
    for p in person.participations:
        event = p.event if p.event is not None else (p.panel.event if p.panel else None)
        if event is None:
            continue
        what = event.title
        if p.panel is not None and p.panel.title:
            what += f" — {p.panel.title}"
        day = p.panel.date if p.panel is not None and p.panel.date else event.start_date
        if day is not None:
            what += f" ({day.isoformat()[: {'year': 4, 'month': 7}.get(_precision(p), 10)]})"
        parts.append(f"{p.role.capitalize()}: {what}")
    if parts:
        blocks.append("\n".join(dict.fromkeys(parts)))
    sources = []
    for mention in person.mentions:
        doc = mention.document
        if doc is not None:
            name = doc.path.replace("\\", "/").rsplit("/", 1)[-1]
            sources.append(f"{doc.title} ({name})" if doc.title else name)
    if sources:
        blocks.append("Sources: " + "; ".join(dict.fromkeys(sources)))
    return "\n\n".join(blocks)


def _precision(p) -> str:  # noqa: ANN001 - a Participation
    if p.panel is not None and p.panel.date is not None:
        return p.panel.date_precision or "day"
    event = p.event if p.event is not None else p.panel.event
    return event.start_precision or "day"


def categories(person: Person) -> list[str]:
    """Roles the person has, e.g. ``speaker``, ``moderator`` (RFC 6350 §6.7.1)."""
    return list(dict.fromkeys(p.role for p in person.participations if p.role))


_TEL_TYPES = {
    "3.0": {
        ContactKind.PHONE: "WORK,VOICE",
        ContactKind.MOBILE: "WORK,CELL,VOICE",
        ContactKind.FAX: "WORK,FAX",
    },
    "4.0": {
        ContactKind.PHONE: "work,voice",
        ContactKind.MOBILE: "work,cell,voice",
        ContactKind.FAX: "work,fax",
    },
}


def vcard(person: Person, version: str = "3.0") -> str:
    """One VCARD (RFC 2426 §3 / RFC 6350 §6) with CRLF line ends."""
    if version not in VERSIONS:
        raise ValueError(f"vCard version must be one of {', '.join(VERSIONS)}")
    v4 = version == "4.0"
    # control characters go before stripping, so that no line break is left standing at an end
    name = clean(person.full_name).strip() or " ".join(p for p in name_parts(person)[1::-1] if p)
    rows = ["BEGIN:VCARD" + CRLF, line("VERSION", version), line("PRODID", escape_text(PRODID))]
    if v4:
        rows.append(line("KIND", "individual"))
    rows.append(line("UID", escape_text(person_uid(person))))
    rows.append(line("FN", escape_text(name)))
    rows.append(line("N", text_list(name_parts(person), ";")))
    org = person.organisation.name if person.organisation is not None else None
    if org:
        rows.append(line("ORG", escape_text(org)))
    if person.job_title:
        rows.append(line("TITLE", escape_text(person.job_title)))
    tel_types = _TEL_TYPES[version]
    for contact in person.contacts:
        kind = contact.kind
        if kind in tel_types:
            number = e164(contact.value)
            if v4:
                uri = number if number.startswith("+") else None
                if uri and all(c.isdigit() for c in uri[1:]):
                    rows.append(line("TEL", f"tel:{uri}", f";VALUE=uri;TYPE={tel_types[kind]}"))
                else:
                    rows.append(
                        line("TEL", escape_text(number), f";VALUE=text;TYPE={tel_types[kind]}")
                    )
            else:
                rows.append(line("TEL", escape_text(number), f";TYPE={tel_types[kind]}"))
        elif kind == ContactKind.EMAIL:
            params = ";TYPE=work" if v4 else ";TYPE=INTERNET,WORK"
            rows.append(line("EMAIL", escape_text(contact.value), params))
        elif kind == ContactKind.URL:
            url = "".join(clean(contact.value).split())  # a URI: no escaping, no whitespace
            if url:
                rows.append(line("URL", url))
    note = person_note(person)
    if note:
        own = _own_notes(person)
        if not own:
            # All made up by the export: importing the card back leaves the notes empty.
            rows.append(line("NOTE", escape_text(note), GENERATED))
        else:
            rows.append(line("NOTE", escape_text(note)))
            if note != own:
                # The stored notes alone, so that importing this card back changes nothing.
                rows.append(line(X_NOTE, escape_text(own)))
    cats = categories(person)
    if cats:
        rows.append(line("CATEGORIES", text_list(cats)))
    rows.append(line("REV", _stamp(person.updated_at, version)))
    rows.append("END:VCARD" + CRLF)
    return "".join(rows)


def iter_vcf(
    people: Iterable[Person], *, version: str = "3.0", include_rejected: bool = False
) -> Iterator[str]:
    """Yield one VCARD per person (an address book is a sequence of vCards, RFC 6350 §3.3)."""
    if version not in VERSIONS:
        raise ValueError(f"vCard version must be one of {', '.join(VERSIONS)}")
    for person in select_people(people, include_rejected=include_rejected):
        yield vcard(person, version)


def render_vcf(people: Iterable[Person], **options: object) -> str:
    return "".join(iter_vcf(people, **options))  # type: ignore[arg-type]
