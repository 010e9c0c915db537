"""Finding the stored item an incoming one is the same as: people, events, panels, organisations.

Every look-up starts from an indexed column (``name_key``, ``family_key``, a contact value,
``title_key``, the event dates, an organisation key) so that it stays fast on a large database;
the fuzzy comparisons then run on the few candidates found.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable
from functools import lru_cache

from rapidfuzz import fuzz, process
from sqlalchemy import Row, Select, and_, bindparam, or_, select
from sqlalchemy.orm import Session

from db.acronyms import is_acronym, split_name_and_acronym
from db.models import ContactKind, ContactPoint, Event, Organisation, OrganisationKey, Panel, Person
from db.queries import PRECISIONS, overlap_condition, overlap_params
from db.source_uids import unbound
from db.text_keys import NameKeys, fold_words, name_keys, title_key

NAME_SIMILARITY = 92  # token_sort_ratio of folded full names, same family name required
EMAIL_NAME_SIMILARITY = 70  # names sharing an e-mail must still look alike
TITLE_SIMILARITY = 90  # token_set_ratio of event title keys
PANEL_TITLE_SIMILARITY = 92
MAX_FAMILY_CANDIDATES = 500
PRECISION_RANK = {"day": 0, "month": 1, "year": 2, None: 3}


def _rows(session: Session, statement: Select, params: dict[str, object]) -> list[Row]:
    """Run a query of columns on the session's connection, without the ORM's per-row work;
    pending changes are flushed first unless autoflush is off, as ``session.execute`` does.

    The look-ups below are built once with bind parameters: building a statement costs more
    than running it on an index.
    """
    if session.autoflush:
        session.flush()
    return list(session.connection().execute(statement, params).all())


_PERSON_BY_ID = select(Person).where(Person.id == bindparam("id"))
_EVENT_BY_ID = select(Event).where(Event.id == bindparam("id"))


def _load(session: Session, statement: Select, model: type, ident: int) -> object | None:
    """The object with primary key ``ident``, from the identity map or by ``statement`` (a
    prebuilt query by id: cheaper than ``session.get``, which builds one on every call)."""
    found = session.identity_map.get(session.identity_key(model, ident))
    if found is not None:
        return found
    return session.scalars(statement, {"id": ident}).one_or_none()


_ORGANISATIONS_BY_KEY = (
    select(OrganisationKey.key, Organisation)
    .join(Organisation, Organisation.id == OrganisationKey.organisation_id)
    .where(OrganisationKey.key.in_(bindparam("keys", expanding=True)))
    .order_by(Organisation.id)
)
_FAMILY = select(Person.id, Person.full_name, Person.name_key).where(
    Person.family_key == bindparam("family")
)
_FAMILY_CANDIDATES = _FAMILY.limit(MAX_FAMILY_CANDIDATES)
# Names alike enough share the first letter of the given name; the range keeps the candidates
# few even for a common family name.
_FAMILY_GIVEN_CANDIDATES = _FAMILY.where(
    Person.name_key >= bindparam("low"), Person.name_key < bindparam("high")
).limit(MAX_FAMILY_CANDIDATES)
_SHARED_CONTACTS = (
    select(ContactPoint.person_id, ContactPoint.kind, Person.full_name)
    .join(Person, Person.id == ContactPoint.person_id)
    .where(ContactPoint.value.in_(bindparam("values", expanding=True)))
)
_EMAILS = select(ContactPoint.person_id, ContactPoint.value).where(
    ContactPoint.person_id.in_(bindparam("ids", expanding=True)),
    ContactPoint.kind == ContactKind.EMAIL,
)
_EVENT_COLUMNS = (
    Event.id,
    Event.title_key,
    Event.start_date,
    Event.end_date,
    Event.start_precision,
)
_EVENTS_BY_TITLE = select(*_EVENT_COLUMNS).where(Event.title_key == bindparam("key"))
# A dated event can only match events with compatible dates (see dates_compatible): the
# undated ones of the same title, and the overlapping ones. Events of the same title on other
# days are not read (a calendar of "Board Meeting N" holds thousands).
_EVENTS_BY_TITLE_OR_DATES = select(*_EVENT_COLUMNS).where(
    or_(
        and_(Event.title_key == bindparam("key"), Event.start_date.is_(None)),
        overlap_condition(PRECISIONS),
    )
)
# The same look-ups among the items no UID names, for a record that has a UID of its own.
_UNBOUND = {
    query: query.where(unbound(model))
    for query, model in (
        (_FAMILY_CANDIDATES, Person),
        (_FAMILY_GIVEN_CANDIDATES, Person),
        (_SHARED_CONTACTS, Person),
        (_EVENTS_BY_TITLE, Event),
        (_EVENTS_BY_TITLE_OR_DATES, Event),
    )
}


def _only_unbound(query: Select, only: bool) -> Select:
    return _UNBOUND[query] if only else query


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


def _first_organisation(session: Session, names: Iterable[str | None]) -> Organisation | None:
    """What :func:`find_organisation` gives for the first of ``names`` that is known, in one
    query for all of them."""
    keys = [k for k in dict.fromkeys(fold_words(n) for n in names) if k]
    if not keys:
        return None
    found: dict[str, Organisation] = {}
    for key, org in session.execute(_ORGANISATIONS_BY_KEY, {"keys": keys}):
        found.setdefault(key, org)
    return next((found[k] for k in keys if k in found), None)


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
    org = _first_organisation(session, [full, acronym, name])
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
    if len(a) == 1:
        return len(b) > 1 and b.startswith(a)
    return len(b) == 1 and a.startswith(b)


def find_person(
    session: Session,
    full_name: str,
    emails: Iterable[str] = (),
    phones: Iterable[str] = (),
    *,
    unbound_only: bool = False,
    skip: Collection[int] = (),
) -> Person | None:
    """The stored person that ``full_name`` with these contacts is, if any.

    Same person: a shared e-mail (names alike), a shared phone (same family name), the same
    name key (honorifics and middle names aside), or a family name in common and folded full
    names at least :data:`NAME_SIMILARITY` alike, or one given name being the other's initial.
    Two people who both have e-mails, none in common, are never the same. With
    ``unbound_only`` (a record with a UID) people that a UID names are not candidates, nor
    are those whose id is in ``skip``.
    """
    keys = name_keys(full_name)
    emails = {e.strip().lower() for e in emails if e.strip()}
    phones = {p.strip() for p in phones if p.strip()}
    # candidate id -> best (lowest) rule number that matched
    rule: dict[int, int] = {}

    if keys.family_key:
        query, params = _FAMILY_CANDIDATES, {"family": keys.family_key}
        if keys.given_key:
            first = keys.given_key[0]
            query = _FAMILY_GIVEN_CANDIDATES
            params.update(low=first, high=chr(ord(first) + 1))
        others: dict[int, NameKeys] = {}
        query = _only_unbound(query, unbound_only)
        for person_id, other_name, other_key in _rows(session, query, params):
            if keys.name_key and other_key == keys.name_key:
                rule[person_id] = 3
            else:
                others[person_id] = name_keys(other_name)
        # One call scores every candidate (in C) and keeps those alike enough.
        alike = process.extract(
            keys.full_key,
            {person_id: other.full_key for person_id, other in others.items()},
            scorer=fuzz.token_sort_ratio,
            score_cutoff=NAME_SIMILARITY,
            limit=None,
        )
        for _, _, person_id in alike:
            rule[person_id] = 4
        initial_matches = [
            person_id
            for person_id, other in others.items()
            if person_id not in rule and _given_compatible(keys.given_key, other.given_key)
        ]
        if len(initial_matches) == 1:
            rule.setdefault(initial_matches[0], 5)

    if emails or phones:
        query = _only_unbound(_SHARED_CONTACTS, unbound_only)
        rows = _rows(session, query, {"values": sorted(emails | phones)})
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

    for person_id in skip:
        rule.pop(person_id, None)
    if not rule:
        return None
    ranked = sorted(rule, key=lambda pid: (rule[pid], pid))
    their_emails: dict[int, set[str]] = defaultdict(set)
    # A shared e-mail (rule 1) ranks first and cannot conflict: no need to read e-mails then.
    if emails and rule[ranked[0]] != 1:
        for person_id, value in _rows(session, _EMAILS, {"ids": sorted(rule)}):
            their_emails[person_id].add(value)
    for person_id in ranked:
        theirs = their_emails.get(person_id)
        if emails and theirs and not emails & theirs:
            continue  # both have e-mails, none shared: two people
        return _load(session, _PERSON_BY_ID, Person, person_id)
    return None


# -- events and panels -----------------------------------------------------------------------


@lru_cache(maxsize=1 << 14)
def _word_count(key: str) -> int:
    return len(set(key.split()))


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
    session: Session,
    title: str,
    start: dt.date | None,
    end: dt.date | None,
    *,
    unbound_only: bool = False,
    skip: Collection[int] = (),
) -> Event | None:
    """The stored event with an alike title and compatible dates (see :func:`titles_alike`,
    :func:`dates_compatible`); the best title match wins, then the most precise dates. With
    ``unbound_only`` (a record with a UID) events that a UID names are not candidates, nor
    are those whose id is in ``skip``."""
    key = title_key(title) or fold_words(title)
    if not key:
        return None
    if start is None:
        rows = _rows(session, _only_unbound(_EVENTS_BY_TITLE, unbound_only), {"key": key})
    else:
        params = {"key": key, **overlap_params(session, start, end or start, PRECISIONS)}
        rows = _rows(session, _only_unbound(_EVENTS_BY_TITLE_OR_DATES, unbound_only), params)
    # Rows unpacked once: reading a Row's fields by name costs more than the comparisons.
    candidates = {
        event_id: (other_key, precision)
        for event_id, other_key, other_start, other_end, precision in rows
        if dates_compatible(start, end, other_start, other_end) and event_id not in skip
    }
    scores = {event_id: 100 for event_id, (other, _) in candidates.items() if other == key}
    # The other titles are scored in one call (see titles_alike: two words at least).
    others = {
        event_id: other
        for event_id, (other, _) in candidates.items()
        if event_id not in scores and _word_count(other) >= 2
    }
    if others and _word_count(key) >= 2:
        alike = process.extract(
            key,
            others,
            scorer=fuzz.token_set_ratio,
            score_cutoff=TITLE_SIMILARITY,
            limit=None,
        )
        scores.update((event_id, int(score)) for _, score, event_id in alike)
    best: tuple[tuple[int, int, int], int] | None = None
    for event_id, score in scores.items():
        rank = (-score, PRECISION_RANK.get(candidates[event_id][1], 3), event_id)
        if best is None or rank < best[0]:
            best = (rank, event_id)
    return _load(session, _EVENT_BY_ID, Event, best[1]) if best else None


def find_panel(
    event: Event,
    title: str | None,
    kind: str | None,
    date: dt.date | None,
    skip: Collection[int] = (),
) -> Panel | None:
    """The event's panel with the same (or a very alike) title, or, untitled, the same kind,
    on a compatible date; panels whose id is in ``skip`` are not candidates."""
    folded = fold_words(title)
    for panel in event.panels:
        if panel.id is not None and panel.id in skip:
            continue
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
