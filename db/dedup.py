"""Finding the stored item an incoming one is the same as: people, events, panels, organisations.

Every look-up starts from an indexed column (``name_key``, ``family_key``, a contact value,
``title_key``, the event dates, an organisation key) so that it stays fast on a large database;
the fuzzy comparisons then run on the few candidates found.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from db.acronyms import is_acronym, split_name_and_acronym
from db.models import ContactKind, ContactPoint, Event, Organisation, OrganisationKey, Panel, Person
from db.queries import overlapping_events
from db.text_keys import fold_words, name_keys, title_key

NAME_SIMILARITY = 92  # token_sort_ratio of folded full names, same family name required
EMAIL_NAME_SIMILARITY = 70  # names sharing an e-mail must still look alike
TITLE_SIMILARITY = 90  # token_set_ratio of event title keys
PANEL_TITLE_SIMILARITY = 92
MAX_FAMILY_CANDIDATES = 500
PRECISION_RANK = {"day": 0, "month": 1, "year": 2, None: 3}


# -- organisations -------------------------------------------------------------------------


def find_organisation(session: Session, name: str | None) -> Organisation | None:
    """The organisation whose name, acronym or an alias is ``name`` (case/accent-insensitive)."""
    key = fold_words(name)
    if not key:
        return None
    return session.scalars(
        select(Organisation)
        .join(OrganisationKey)
        .where(OrganisationKey.key == key)
        .order_by(Organisation.id)
        .limit(1)
    ).first()


def resolve_organisation(
    session: Session, name: str | None, pairs: dict[str, str] | None = None
) -> Organisation | None:
    """The stored organisation for ``name``, created if new.

    ``pairs`` (acronym → full name, see :func:`db.acronyms.acronym_pairs`) are the pairings
    the document spells out; they join an acronym and its full name into one organisation.
    """
    name = (name or "").strip()
    if not name:
        return None
    pairs = pairs or {}
    full, acronym = split_name_and_acronym(name)
    if acronym is None:
        if full in pairs:
            acronym, full = full, pairs[full]
        else:
            folded = fold_words(full)
            acronym = next((a for a, f in pairs.items() if fold_words(f) == folded), None)
    if acronym is None and is_acronym(full):
        acronym = full
    org = None
    for candidate in dict.fromkeys([full, acronym, name]):
        org = find_organisation(session, candidate)
        if org is not None:
            break
    if org is None:
        org = Organisation(name=full, acronym=acronym, aliases=[])
        if fold_words(name) not in (fold_words(full), fold_words(acronym)):
            org.aliases = [name]
        session.add(org)
        return org
    _add_organisation_names(org, full, acronym)
    return org


def _add_organisation_names(org: Organisation, full: str, acronym: str | None) -> None:
    if acronym and not org.acronym:
        org.acronym = acronym
    aliases = list(org.aliases or [])
    if org.acronym and org.name == org.acronym and full != acronym:
        # Known only by its acronym so far: the full name becomes the name.
        org.name = full
    known = {fold_words(org.name), fold_words(org.acronym), *(fold_words(a) for a in aliases)}
    if fold_words(full) not in known:
        aliases.append(full)
    if aliases != list(org.aliases or []):
        org.aliases = aliases


# -- people --------------------------------------------------------------------------------


def _given_compatible(a: str, b: str) -> bool:
    """One given name is the other's initial: "j" and "jane"."""
    if not a or not b or a == b:
        return False
    short, long_ = sorted((a, b), key=len)
    return len(short) == 1 and len(long_) > 1 and long_.startswith(short)


def find_person(
    session: Session,
    full_name: str,
    emails: Iterable[str] = (),
    phones: Iterable[str] = (),
) -> Person | None:
    """The stored person that ``full_name`` with these contacts is, if any.

    Same person: a shared e-mail (names alike), a shared phone (same family name), the same
    name key (honorifics and middle names aside), or a family name in common and folded full
    names at least :data:`NAME_SIMILARITY` alike, or one given name being the other's initial.
    Two people who both have e-mails, none in common, are never the same.
    """
    keys = name_keys(full_name)
    emails = {e.strip().lower() for e in emails if e.strip()}
    phones = {p.strip() for p in phones if p.strip()}
    # candidate id -> best (lowest) rule number that matched
    rule: dict[int, int] = {}

    if keys.family_key:
        # Names alike enough share the first letter of the given name; the range keeps the
        # candidates few even for a common family name.
        query = select(Person.id, Person.full_name, Person.name_key).where(
            Person.family_key == keys.family_key
        )
        if keys.given_key:
            first = keys.given_key[0]
            query = query.where(Person.name_key >= first, Person.name_key < chr(ord(first) + 1))
        initial_matches = []
        for person_id, other_name, other_key in session.execute(query.limit(MAX_FAMILY_CANDIDATES)):
            if keys.name_key and other_key == keys.name_key:
                rule[person_id] = 3
                continue
            other = name_keys(other_name)
            if fuzz.token_sort_ratio(keys.full_key, other.full_key) >= NAME_SIMILARITY:
                rule[person_id] = 4
            elif _given_compatible(keys.given_key, other.given_key):
                initial_matches.append(person_id)
        if len(initial_matches) == 1:
            rule.setdefault(initial_matches[0], 5)

    if emails or phones:
        rows = session.execute(
            select(ContactPoint.person_id, ContactPoint.kind, Person.full_name)
            .join(Person, Person.id == ContactPoint.person_id)
            .where(ContactPoint.value.in_(emails | phones))
        ).all()
        for person_id, kind, other_name in rows:
            other = name_keys(other_name)
            if kind == ContactKind.EMAIL:
                alike = (
                    not keys.family_key
                    or not other.family_key
                    or other.family_key == keys.family_key
                    or fuzz.token_sort_ratio(keys.full_key, other.full_key) >= EMAIL_NAME_SIMILARITY
                )
                if alike:
                    rule[person_id] = min(rule.get(person_id, 9), 1)
            elif kind != ContactKind.FAX and other.family_key == keys.family_key:
                rule[person_id] = min(rule.get(person_id, 9), 2)

    if not rule:
        return None
    their_emails: dict[int, set[str]] = defaultdict(set)
    if emails:
        for person_id, value in session.execute(
            select(ContactPoint.person_id, ContactPoint.value).where(
                ContactPoint.person_id.in_(rule), ContactPoint.kind == ContactKind.EMAIL
            )
        ):
            their_emails[person_id].add(value)
    for person_id in sorted(rule, key=lambda pid: (rule[pid], pid)):
        theirs = their_emails.get(person_id)
        if emails and theirs and not emails & theirs:
            continue  # both have e-mails, none shared: two people
        return session.get(Person, person_id, options=[selectinload(Person.contacts)])
    return None


# -- events and panels -----------------------------------------------------------------------


def titles_alike(key_a: str, key_b: str) -> bool:
    """Event title keys alike: the same words, or at least two words and a token-set
    similarity of :data:`TITLE_SIMILARITY`."""
    if key_a == key_b:
        return bool(key_a)
    words_a, words_b = set(key_a.split()), set(key_b.split())
    if min(len(words_a), len(words_b)) < 2:
        return False
    return fuzz.token_set_ratio(key_a, key_b) >= TITLE_SIMILARITY


def dates_compatible(
    start_a: dt.date | None, end_a: dt.date | None, start_b: dt.date | None, end_b: dt.date | None
) -> bool:
    """Undated matches anything; otherwise the ranges overlap (a month-precision event spans
    its whole month, so it overlaps any day inside it)."""
    if start_a is None or start_b is None:
        return True
    return start_a <= (end_b or start_b) and start_b <= (end_a or start_a)


def find_event(
    session: Session, title: str, start: dt.date | None, end: dt.date | None
) -> Event | None:
    """The stored event with an alike title and compatible dates (see :func:`titles_alike`,
    :func:`dates_compatible`); the best title match wins, then the most precise dates."""
    key = title_key(title) or fold_words(title)
    if not key:
        return None
    columns = (Event.id, Event.title_key, Event.start_date, Event.end_date, Event.start_precision)
    candidates = {
        row.id: row for row in session.execute(select(*columns).where(Event.title_key == key))
    }
    if start is not None:
        window = select(*columns).where(overlapping_events(session, start, end or start))
        candidates.update((row.id, row) for row in session.execute(window))
    best: tuple[tuple[int, int, int], int] | None = None
    for row in candidates.values():
        if not dates_compatible(start, end, row.start_date, row.end_date):
            continue
        if row.title_key == key:
            score = 100
        elif titles_alike(key, row.title_key):
            score = int(fuzz.token_set_ratio(key, row.title_key))
        else:
            continue
        rank = (-score, PRECISION_RANK.get(row.start_precision, 3), row.id)
        if best is None or rank < best[0]:
            best = (rank, row.id)
    return session.get(Event, best[1]) if best else None


def find_panel(
    event: Event, title: str | None, kind: str | None, date: dt.date | None
) -> Panel | None:
    """The event's panel with the same (or a very alike) title, or, untitled, the same kind,
    on a compatible date."""
    folded = fold_words(title)
    for panel in event.panels:
        other = fold_words(panel.title)
        if folded and other:
            similarity = fuzz.token_sort_ratio(folded, other)
            alike = folded == other or similarity >= PANEL_TITLE_SIMILARITY
        elif not folded and not other:
            alike = fold_words(kind) == fold_words(panel.kind)
        else:
            alike = False
        if alike and (date is None or panel.date is None or date == panel.date):
            return panel
    return None
