"""Extraction of events, panels and people from a document's plain text."""

from __future__ import annotations

import re
from datetime import date as CalendarDay
from datetime import time, timedelta

from importers.errors import DocumentTooComplex
from importers.extract import budget
from importers.extract.affiliation import PLACEHOLDER, abbreviates
from importers.extract.contacts import ContactBlock, find_contact_blocks, place_names
from importers.extract.dates import DateMention, find_dates
from importers.extract.events import (
    EventCluster,
    EventMention,
    acronym_mentions,
    attach_dates,
    attach_locations,
    cluster_mentions,
    event_dates,
    find_event_mentions,
    heading_dates,
    labelled_event,
    line_end,
    names_a_place,
    other_sitting,
    titles_alike,
    venue_of_date,
)
from importers.extract.gatherings import find_gatherings, gathering_nouns, one_document
from importers.extract.layout import META, TEXT, Layout
from importers.extract.lexicon import fold
from importers.extract.listed import Listed
from importers.extract.main_event import Candidate, candidates, choose, main_dates, programme_range
from importers.extract.names import find_names
from importers.extract.panels import (
    PanelCluster,
    assign_roles,
    find_panels,
    is_session_name,
    programme_panels,
)
from importers.extract.people import PeopleFinder, Person, academic_title, person_key
from importers.extract.places import dominant_country, find_places, gazetteer, lookup
from importers.extract.programme import (
    HEADING,
    Entry,
    Programme,
    is_pause,
    prose_kind,
    read_programme,
)
from importers.extract.text import SpanSet, Text
from importers.extract.vocabulary import words
from importers.records import (
    DocumentText,
    EventRecord,
    Extraction,
    PanelRecord,
    PartialDate,
    Participant,
    PersonRecord,
    Span,
)

MAX_ANALYSED = 1_000_000


def preload() -> None:
    """Load the gazetteers now rather than inside the first document that names a place
    (about a quarter of a second), e.g. before timing the extractor."""
    gazetteer()
    place_names()


def extract(document: DocumentText, *, seconds: float | None = None) -> Extraction:
    """Find the events (with their panels) and the people in one document. Raises
    :class:`~importers.errors.DocumentTooComplex` when that takes more than ``seconds``
    (default :data:`budget.SECONDS`)."""
    limit = budget.SECONDS if seconds is None else seconds
    try:
        with budget.budget(limit), one_document():
            return _extract(document)
    except budget.OutOfTime:
        raise DocumentTooComplex(document.path, limit) from None


def _extract(document: DocumentText) -> Extraction:
    # Beyond this many characters a text is a dump, not a document: analyse its beginning.
    text = document.text[:MAX_ANALYSED]
    doc = Text(text)
    layout = Layout(doc.lines)
    dates = find_dates(doc.text, reference=document.reference_date)
    released = _front_matter_date(layout, dates) or _release_date(doc, dates)
    body = next(
        (
            line.start
            for line in layout.content
            if line.kind == TEXT and not line.heading and len(line.text.split()) >= 12
        ),
        len(doc.text),
    )
    if released is not None:
        if document.reference_date is None:
            dates = find_dates(doc.text, reference=released.start.first_day())
        # the day a text was issued is not the day of what it announces, nor is the same day
        # written again alone on a line of its own above the body
        dates = [
            d
            for d in dates
            if d.span != released.span
            and not (
                d.start == released.start
                and d.end == released.end
                and d.span[0] < body
                and _alone_on_line(doc.text, d.span)
            )
        ]
    names = find_names(doc.text)
    # the programme reads the lines as written; when no line was joined to the next and no
    # table cell parted, they are the same text and its names are the same
    programme = read_programme(doc.lines, layout, dates, names if doc.lines == doc.text else None)
    finder = PeopleFinder(doc, names)
    finder.run()
    _merge_listed(finder, programme)
    blocks = find_contact_blocks(doc.text, guess_region=lambda: dominant_country(doc.text))
    _merge_contacts(finder, blocks)
    finder.describe_untitled()
    _local_officials(finder, layout)

    mentions = find_event_mentions(doc)
    clusters = cluster_mentions(mentions)
    acronym_mentions(doc, clusters)
    _resolve_generic_events(mentions, clusters, _main_event(clusters, dated_only=False))

    event_spans = [m.span for c in clusters for m in c.named]
    panels = find_panels(doc, event_spans)
    timed = programme_panels(doc, dates)
    remaining = _attach_panel_dates(doc, panels, dates)
    remaining = attach_dates(doc, clusters, remaining)
    heading_dates(doc, clusters, dates)
    labelled_event(doc, clusters, dates)
    attach_locations(doc, clusters)
    timed = _own_events(doc, timed, clusters)
    main = _main_event(clusters, dated_only=True)
    found = candidates(doc, layout, programme, document.title, dates)
    if main is not None and main.dates:
        # the dated event the sentences point at stays in the running
        found.append(Candidate(main.title, main.spans[0], main.head, 58, "cluster"))
    choice = choose(found)
    if choice is not None:
        main = _adopt_main(doc, layout, choice, main, clusters, programme, dates)
    panels = _merge_timed(panels, timed)
    if main is not None:
        panels = _without_the_event(main, panels)
    placed: set[str] = set()
    if main is not None and programme.timed:
        title_line = choice.line.start if choice is not None and choice.line is not None else -1
        panels = _programme_panels(programme, finder, main.title, body, title_line)
        _link_narrative(doc, panels, finder)
        placed = {key for panel in panels for key, _ in panel.people}

    known = {id(panel): len(panel.people) for panel in panels}
    event_people = assign_roles(doc, panels, finder.mentions, finder.mention_person)
    named_at: dict[str, list[int]] = {}
    for mention in finder.mentions:
        key = finder.mention_person.get(mention.span)
        if key in placed:
            named_at.setdefault(key, []).append(mention.span[0])
    for panel in panels:
        # the programme placed its people by its lines; a cue read across joined lines
        # ("Chair: Jane Roe" above the next session's title) puts them only in a session
        # whose part of the text names them
        kept = panel.people[: known.get(id(panel), 0)]
        panel.people = kept + [
            (key, role)
            for key, role in panel.people[len(kept) :]
            if key not in placed
            or any(a <= at < b for a, b in panel.spans for at in named_at.get(key, []))
        ]
    event_people += _listed_event_people(programme, finder, event_people)
    in_sessions = {key for panel in panels for key, _ in panel.people}
    event_people = [(key, role) for key, role in event_people if key not in in_sessions]
    if main is not None:
        _main_from_programme(doc, main, panels, body)
        reference = document.reference_date or (released.start.first_day() if released else None)
        _days_of_the_main(doc, main, reference)
        _month_of_the_stay(main, remaining)
        if not programme.timed:
            panels = _day_paragraphs(doc, main, panels, event_people, finder)
    # an undated main event stands when the document names it as its subject, or hosts it
    main_kept = (
        choice is not None
        and (choice.source in ("label", "title", "headline", "page") or choice.hosted)
        or bool(panels or event_people)
    )
    if main is not None:
        # "PRESS CONFERENCE: June 12, 9:30" heads a sitting of the main event, not an event
        sessions = [p.title for p in panels if p.title]
        clusters = [
            c
            for c in clusters
            if c is main
            or not c.named
            or not all(any(titles_alike(m.title, t) for t in sessions) for m in c.named)
        ]
    listing = _ordinal_listing(doc.text, dates) or _listing(doc.text, programme, choice, dates)
    if listing:
        events = _listing_records(doc, listing, panels, event_people, finder)
        events += [
            e for e in _event_records(clusters, None, [], [], finder) if not _within(e, listing)
        ]
    else:
        events = _event_records(clusters, main, panels, event_people, finder, main_kept)
    with_roles = {p.name for e in events for panel in e.panels for p in panel.people}
    with_roles |= {p.name for e in events for p in e.people}
    people = _person_records(finder, with_roles)
    warnings = ()
    if len(document.text) > MAX_ANALYSED:
        warnings = (f"only the first {MAX_ANALYSED:,} characters were analysed",)
    return Extraction(
        document=document, events=tuple(events), people=tuple(people), warnings=warnings
    )


# A town's or county's own page: "City of Port Ellis", "Eastport County Council"
_LOCAL_BODY = re.compile(
    r"(?:The\s+)?(?:(?:City|Town|County|Municipality|Borough|Village|Shire|District)\s+of"
    r"(?:\s+[A-Z][\w.'’-]*){1,4}|(?:[A-Z][\w.'’-]*\s+){1,4}(?:City|County|Town|District|Borough"
    r"|Shire|Municipal)\s+Council)"
)
_LOCAL_TITLES = frozenset(
    (
        "mayor|vice mayor|deputy mayor|councilmember|council member|councillor|councilor"
        "|councilman|councilwoman|alderman|alderwoman|city manager|city clerk|town clerk"
        "|selectman|selectwoman"
    ).split("|")
)


def _local_officials(finder: PeopleFinder, layout: Layout) -> None:
    """On a town's own page ("City of Port Ellis" at its head), its mayor and councillors
    named with no organisation are the town's."""
    head = [line.text.strip(" #*") for line in layout.content[:3]]
    publisher = next((text for text in head if _LOCAL_BODY.fullmatch(text)), None)
    if publisher is None:
        return
    for person in finder.people.values():
        role = fold(person.title or person.honorific or "").rstrip(".")
        if person.organisation is None and role in _LOCAL_TITLES:
            person.organisation = publisher


_NUMBER_WORDS = {
    w: i for i, w in enumerate("one two three four five six seven eight nine ten".split(), 1)
}
_LASTING = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[- ]days?\b", re.I
)
_UNDER_WAY = re.compile(
    r"\b(?:ha(?:ve|s)\s+(?:begun|opened|started|commenced|got\s+under\s?way|kicked\s+off)|"
    r"(?:began|opened|started|commenced|kicked\s+off|opens|begins|starts)\s+(?:here\s+)?today|"
    r"(?:is|are)\s+under\s?way)\b",
    re.I,
)
_CLOSING = re.compile(
    r"\b(?:clos(?:e|es|ed|ing)|conclu(?:de|des|ded|ding|sion)|final\s+day|last\s+day"
    r"|end(?:s|ed|ing)?|wound\s+up|wrap(?:s|ped)?\s+up)\b",
    re.I,
)


def _days_of_the_main(doc: Text, main: EventCluster, reference: CalendarDay | None) -> None:
    """What the text says of the main event's length: "have begun a two-day conference"
    with the day of writing; "closing remarks at the two-day meeting on 16 May" ends it."""
    text = doc.text
    spans = [m.span for m in main.mentions]
    lasting = None
    for a, _ in spans:
        found = _LASTING.search(text, max(0, a - 30), a)
        if found:
            word = found.group(1).lower()
            lasting = _NUMBER_WORDS[word] if word.isalpha() else int(word)
            break
    real = [d for d in main.dates if d.kind != "year" and d.start.day is not None]
    if not real and reference is not None:
        for a, _ in spans:
            sentence = doc.sentence_at(a)
            if sentence and _UNDER_WAY.search(text, sentence.start, sentence.end):
                day = PartialDate.from_date(reference)
                main.dates.insert(0, DateMention((a, a), day, day, "day", True))
                real = main.dates[:1]
                break
    if not lasting or lasting < 2 or not real or real[0].start != real[0].end:
        return
    first = real[0]
    day = first.start.first_day()
    sentence = doc.sentence_at(first.span[0])
    closing = sentence is not None and _CLOSING.search(text, sentence.start, sentence.end)
    if closing:
        start, end = day - timedelta(days=lasting - 1), day
    else:
        start, end = day, day + timedelta(days=lasting - 1)
    widened = DateMention(
        first.span, PartialDate.from_date(start), PartialDate.from_date(end), "range", True
    )
    main.dates[main.dates.index(first)] = widened


def _month_of_the_stay(main: EventCluster, free: list[DateMention]) -> None:
    """An undated event in a text whose one free date is a stay of a few days in one month
    ("the delegation visited from 27 to 30 March") took place then: its month, no more."""
    if any(d.start.precision in ("day", "month") for d in main.dates):
        return
    stays = [
        d
        for d in free
        if d.start != d.end
        and str(d.start.precision) == "day"
        and (d.start.year, d.start.month) == (d.end.year, d.end.month)
    ]
    if len(stays) != 1 or len(free) > 3:
        return
    stay = stays[0]
    month = PartialDate(stay.start.year, stay.start.month)
    main.dates.insert(0, DateMention(stay.span, month, month, "month", stay.explicit_year))


_DAY_OPENING = re.compile(
    r"(?:on\s+)?(?:day\s+(?P<n>\d{1,2}|one|two|three|four|five)|"
    r"the\s+(?P<ord>first|second|third|fourth|fifth|final|last|opening|closing)\s+day)\b",
    re.I,
)
_MEETING = re.compile(r"(?<![\w-])(meeting)s?(?![\w-])")  # "the meeting started with ..."
_ORDINAL_DAYS = {"first": 1, "opening": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}


def _day_paragraphs(
    doc: Text,
    main: EventCluster,
    panels: list[PanelCluster],
    event_people: list[tuple[str, str]],
    finder: PeopleFinder,
) -> list[PanelCluster]:
    """ "On Day 1, ..." / "On the second day, ...": a paragraph that tells one day of an event
    of several days is that day's sitting, with everyone it names, of the kind it names first
    ("The reception at ...", "the meeting started with ...")."""
    start, end = event_dates(main)
    if start is None or end is None or start == end or str(start.precision) != "day":
        return panels
    first, last = start.first_day(), end.last_day()
    days: list[tuple[Span, PartialDate]] = []
    for a, b in doc.paragraphs:
        opening = _DAY_OPENING.match(doc.text, a)
        if not opening:
            continue
        n = opening.group("n")
        word = (opening.group("ord") or "").lower()
        if n:
            index = int(n) if n.isdigit() else _NUMBER_WORDS[n.lower()]
            day = first + timedelta(days=index - 1)
        elif word in ("final", "last", "closing"):
            day = last
        else:
            day = first + timedelta(days=_ORDINAL_DAYS[word] - 1)
        if first <= day <= last:
            days.append(((a, b), PartialDate.from_date(day)))
    if len(days) < 2:
        return panels
    roles = dict(event_people)
    kept = [p for p in panels if not any(a <= s[0] < b for (a, b), _ in days for s in p.spans)]
    for (a, b), day in days:
        inside = [p for p in panels if any(a <= s[0] < b for s in p.spans)]
        keys = [
            finder.mention_person[m.span]
            for m in finder.mentions
            if a <= m.span[0] < b and m.span in finder.mention_person
        ]
        own = {k: r for p in inside for k, r in p.people}
        people = [(k, own.get(k) or roles.get(k, "speaker")) for k in dict.fromkeys(keys)]
        if not people:
            kept += inside
            continue
        kind = prose_kind(doc.text[a:b], _MEETING) or "session"
        panel = PanelCluster(kind=kind, title=None, spans=[(a, b)], date=day, people=people)
        kept.append(panel)
    return kept


def _merge_listed(finder: PeopleFinder, programme: Programme) -> None:
    """People read from list lines, labels and programme slots: their title and organisation
    as the line gives them win over what sentences suggest."""
    for listed, _, _ in programme.people:
        key = person_key(listed.name)
        person = finder.match_existing(key)
        if person is None:
            person = Person(listed.name, honorific=listed.honorific, confident=True)
            finder.people[key] = person
        elif len(listed.name) > len(person.name):
            person.name = listed.name
        person.spans.append(listed.span)
        if listed.title or listed.organisation:
            person.title = listed.title or person.title
            if listed.organisation and abbreviates(listed.organisation, person.organisation):
                pass  # "PEU" after "Port Ellis University": the full name stays
            else:
                person.organisation = listed.organisation or (
                    person.organisation if not listed.title else None
                )
        academic = academic_title(listed.honorific)
        if academic and (
            not person.title or person.title.lower().rstrip(".") in ("prof", "professor")
        ):
            person.title = academic
        person.confident = True


def _adopt_main(
    doc: Text,
    layout: Layout,
    choice: Candidate,
    main: EventCluster | None,
    clusters: list[EventCluster],
    programme: Programme,
    dates: list[DateMention],
) -> EventCluster:
    """The event the document is about: the cluster of the chosen name, or a new one."""
    occasion = _OCCASION.search(choice.title)
    same = [
        c
        for c in clusters
        if any(
            titles_alike(choice.title, m.title)
            or (m.head == choice.head or choice.head == "event")
            and (_same_gathering(choice.title, m.title) or choice.called)
            for m in c.named
        )
        # "Press conference ahead of the Annual Meetings": the meetings are another event
        and not (occasion and all(_is_occasion(occasion.group(1), m.title) for m in c.named))
        and not all(other_sitting(choice.title, m.title) for m in c.named)
    ]
    cluster = same[0] if same else None
    for other in same[1:]:
        # "Foro Internacional" later in the text is the "Foro Internacional X" of the title
        cluster.mentions.extend(other.mentions)
        cluster.dates.extend(d for d in other.dates if d not in cluster.dates)
        clusters.remove(other)
    span = choice.span if choice.span[0] >= 0 else (0, 0)
    if cluster is None:
        cluster = EventCluster([EventMention(span, choice.title, choice.head)])
        clusters.append(cluster)
    elif choice.source != "cluster":
        cluster.preferred_head = choice.head  # the document's own name gives its kind
    # a name made of its holder and a description gives way to a name the text gives
    names = [m.title for m in cluster.named if not m.held or m.title == choice.title]
    names.append(choice.title)
    if choice.source in ("lead", "cluster"):
        names = [re.sub(r"\s*\([A-Z][A-Za-z]{1,10}\)$", "", n) for n in names]
    longest = max(names, key=len)
    cluster.preferred_title = (
        longest if choice.source != "label" and not choice.called else choice.title
    )
    found, source = main_dates(doc.text, layout, choice, programme, dates)
    days = programme_range(programme)
    if found and source == "label":
        cluster.dates = found
    elif days and days[0] != days[1]:
        cluster.dates = [DateMention((0, 0), days[0], days[1], "range", True)]
    elif found and (source == "title" or not cluster.dates):
        cluster.dates = found + [d for d in cluster.dates if d not in found]
    for other in clusters:
        if other is not cluster:
            other.dates = [d for d in other.dates if d not in cluster.dates]
    return cluster


# a sitting named by the gathering it is held for: "X ahead of / at / during the Y"
_OCCASION = re.compile(
    r"^\S.{2,60}?\s(?:ahead\s+of|prior\s+to|on\s+the\s+sidelines\s+of|in\s+the\s+margins\s+of|"
    r"at|during|as\s+part\s+of|before)\s+(?:the\s+)?(\S.{3,})$",
    re.I,
)


def _is_occasion(occasion: str, title: str) -> bool:
    """Whether a name met in the text is the gathering a title says it is held for."""
    return (
        titles_alike(occasion, title)
        or _same_gathering(occasion, title)
        or (len(title.split()) >= 2 and title.lower() in occasion.lower())
    )


_TITLE_WORDS = re.compile(r"[a-z0-9]+")
_SMALL_WORDS = frozenset("the of on and for a an in to at by with".split())


def _same_gathering(a: str, b: str) -> bool:
    """Two names of one gathering: alike, or sharing at least two words and half of the
    shorter one's ("Foreign Policy conference" and "Kestrel Foreign Policy School")."""
    if titles_alike(a, b):
        return True
    ta = {w for w in _TITLE_WORDS.findall(a.lower()) if w not in _SMALL_WORDS}
    tb = {w for w in _TITLE_WORDS.findall(b.lower()) if w not in _SMALL_WORDS}
    shared = ta & tb
    return len(shared) >= 2 and len(shared) >= 0.5 * min(len(ta), len(tb))


def _programme_panels(
    programme: Programme, finder: PeopleFinder, event_title: str, body: int, title_line: int = -1
) -> list[PanelCluster]:
    """The sessions of a programme as panels, with their people by person key; the line the
    event's name was read from is the event, not one of its sessions."""
    panels: list[PanelCluster] = []
    sessions = [e for e in programme.walk() if e.is_session and not _is_group(e)]
    group_kind = _group_kinds(programme.entries)
    # "11:00 Parallel sessions" over "Session 1A" and "Session 1B": their hours
    slot_of = {
        id(child): entry
        for entry in programme.walk()
        if entry.start_time is not None
        for child in entry.children
    }
    for entry in sessions:
        if entry.span[0] == title_line and not entry.people:
            continue
        if (
            entry.title
            and not entry.people
            and titles_alike(entry.title, event_title)
            and not _KIND_FIRST.match(entry.title)
        ):
            continue  # the programme's heading names the event itself
        if (
            entry is sessions[0]
            and len(sessions) > 1
            and entry.span[0] < body
            and entry.level == HEADING
            and not (entry.start_time or entry.fields)
        ):
            continue  # the document's headline, above its first paragraph: not a sitting
        if entry.level == 3 and not entry.people and not entry.lines and not entry.start_time:
            continue  # "SESSION 5" right above its parallel sessions: only their heading
        title = entry.title
        people = entry.people
        if not title and people:
            title = people[0][0].rest if people[0][0].rest else None
        kind = entry.kind or (entry.role if entry.role else None)
        kind = kind or ("talk" if entry.talk else "session")
        if kind == "session" and id(entry) in group_kind:
            kind = group_kind[id(entry)]  # "Thematic Working Sessions: Part A" / "Session 1: X"
        panel = PanelCluster(
            kind=kind, title=title, spans=[(entry.span[0], max(entry.end, entry.span[1]))]
        )
        panel.date = entry.date
        timed = entry if entry.start_time is not None else slot_of.get(id(entry), entry)
        panel.start_time, panel.end_time = timed.start_time, timed.end_time
        default = "speaker"
        keynote = kind.startswith("keynote")
        for listed, role in people:
            key = _key_of(finder, listed)
            role = role or entry.role or default
            # "Keynote" / "Speaker: Jane Roe": the one who speaks at a keynote gives it
            panel.add(key, "keynote" if keynote and role == "speaker" else role)
        panels.append(panel)
    return panels


# "Closing ceremony of the X meeting": a sitting of X, though it names X
_KIND_FIRST = re.compile(
    r"(?:official\s+)?(?:opening|closing|inaugural|final|plenary|special)\s+\w+\s+(?:of|for)\s",
    re.I,
)


def _stem(word: str) -> str:
    word = word.lower()
    for suffix in ("ings", "ing", "ed", "es", "s", "er"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word.rstrip("e")


_LINK_WORD = re.compile(r"[A-Za-z]{4,}")
_NOT_LINKING = frozenset(
    _stem(w) for w in "session meeting event programme sitting part item media".split()
)


def _link_narrative(doc: Text, panels: list[PanelCluster], finder: PeopleFinder) -> None:
    """A person a sentence says will do what one listed sitting is ("will deliver closing
    remarks" -> "Closing ceremony"; "will brief the media" -> "Media briefing") speaks in it."""
    if len(panels) < 2:
        return
    cues = []
    for panel in panels:
        words = (panel.kind or "").split() or _LINK_WORD.findall(panel.title or "")
        cues.append({_stem(w) for w in words} - _NOT_LINKING)
    inside = SpanSet([span for panel in panels for span in panel.spans])
    placed = {key for panel in panels for key, _ in panel.people}
    for mention in finder.mentions:
        key = finder.mention_person.get(mention.span)
        if key is None or key in placed or inside.covers(mention.span[0]):
            continue
        sentence = doc.sentence_at(mention.span[0])
        if sentence is None:
            continue
        said = {_stem(w) for w in _LINK_WORD.findall(doc.text[mention.span[1] : sentence.end])}
        matching = [p for p, cue in zip(panels, cues, strict=True) if cue & said]
        if len(matching) == 1:
            matching[0].add(key, "speaker")
            placed.add(key)


_GROUP_OF_SESSIONS = re.compile(r"^\s*((?:[A-Za-z-]+\s+){1,3}sessions)\b", re.I)


def _group_kinds(entries: list[Entry]) -> dict[int, str]:
    """The kind a heading over several sessions gives them ("Thematic Working Sessions: ...")."""
    out: dict[int, str] = {}

    def visit(entry: Entry) -> None:
        named = _GROUP_OF_SESSIONS.match(entry.title or "")
        if named and len(entry.children) >= 2:
            kind = " ".join(named.group(1).lower().split())
            kind = kind[:-1] if kind.endswith("sessions") else kind
            for child in entry.children:
                out[id(child)] = kind
        for child in entry.children:
            visit(child)

    for entry in entries:
        visit(entry)
    return out


def _listed_event_people(
    programme: Programme, finder: PeopleFinder, known: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """People listed under a role label or a "WHO:" outside any session: the event's."""
    seen = {key for key, _ in known}
    out: list[tuple[str, str]] = []
    for listed, role, entry in programme.people:
        if entry is not None or role is None:
            continue
        key = _key_of(finder, listed)
        if key not in seen:
            seen.add(key)
            out.append((key, role))
    return out


_LISTING_TITLE = re.compile(
    r"\b(?:upcoming|past|recent|previous|forthcoming)\s+events?\b|\bevents?\s+(?:blog|calendar|list"
    r"|series|diary|round-?up)\b|\bcalendar\s+of\s+events\b",
    re.IGNORECASE,
)


def _listing(
    text: str, programme: Programme, choice: Candidate | None, dates: list[DateMention]
) -> list[tuple[Entry, PartialDate]]:
    """A page of several events ("Upcoming Events", an events blog): its entries, each with its
    own day, when no one event is what the page is about."""
    if programme.days:
        return []  # days heading a programme: the programme of one event
    page = bool(_LISTING_TITLE.search(text[:300]))
    # "a number of Breakfast Meetings and Dinner Discussions": many events, none named
    several = choice is None or choice.source == "lead" and _plural(choice.title)
    if not (page or several):
        return []
    listed: list[tuple[Entry, PartialDate]] = []
    for entry in programme.entries:
        if not entry.title or entry.level < 2 or is_pause(entry.title):
            continue
        day = entry.date or _first_day(dates, entry.span[0], max(entry.end, entry.span[1]))
        if day is not None:
            listed.append((entry, day))
    if len(listed) < 2 or len({day for _, day in listed}) < 2:
        return []
    return listed


_ORDINAL_OPENING = re.compile(
    r"(?:(?<=[.!?]\s)|(?<=[.!?]\s\s)|(?<=\n))[ \t]*(?P<word>First|Second|Third|Fourth|Fifth|Sixth|"
    r"Seventh|Finally|Lastly),"
)
_SERIES = re.compile(
    r"\b(?:two|three|four|five|six|seven|several|a\s+series\s+of)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>[a-z]+(?:\s[a-z]+)?s)\b"
)


def _ordinal_listing(text: str, dates: list[DateMention]) -> list[tuple[Entry, PartialDate]]:
    """ "The mayor has four upcoming town halls. First, ... Second, is the X ... Third, ...":
    each part the ordinals open is one event, named in it or by the noun the series gives."""
    if "First," not in text:
        return []
    opened = list(_ORDINAL_OPENING.finditer(text))
    if len(opened) < 2 or [m.group("word") for m in opened[:2]] != ["First", "Second"]:
        return []
    lead = text[max(0, text.rfind("\n\n", 0, opened[0].start())) : opened[0].start()]
    series = next(
        (
            m.group("noun")[:-1]
            for m in _SERIES.finditer(lead)
            if m.group("noun")[:-1] in gathering_nouns()
        ),
        None,
    )
    listed: list[tuple[Entry, PartialDate]] = []
    for i, m in enumerate(opened):
        end = opened[i + 1].start() if i + 1 < len(opened) else text.find("\n\n", m.end())
        end = len(text) if end == -1 else end
        start = m.start("word")
        named = [g for g in find_gatherings(text, start, end) if g.named]
        title = named[0].title if named else series
        day = _first_day(dates, start, end)
        if title is None or day is None:
            continue
        entry = Entry(title, (start, start), HEADING, end=end)
        first = next(d for d in dates if start <= d.span[0] < end and d.start == day)
        entry.start_time, entry.end_time = first.start_time, first.end_time
        listed.append((entry, day))
    return listed if len(listed) >= 2 else []


def _plural(title: str) -> bool:
    words_ = title.split()
    return bool(words_) and words_[-1].lower().endswith("s") and not words_[-1].endswith("ss")


def _first_day(dates: list[DateMention], start: int, end: int) -> PartialDate | None:
    for date in dates:
        if start <= date.span[0] < end and date.start.precision == "day":
            return date.start
    return None


def _within(event: EventRecord, listing: list[tuple[Entry, PartialDate]]) -> bool:
    return any(
        entry.span[0] <= span[0] < max(entry.end, entry.span[1])
        for entry, _ in listing
        for span in event.spans
    )


def _listing_records(
    doc: Text,
    listing: list[tuple[Entry, PartialDate]],
    panels: list[PanelCluster],
    event_people: list[tuple[str, str]],
    finder: PeopleFinder,
) -> list[EventRecord]:
    """One event per entry of a listing, with the sessions and people its part of the text
    holds: sessions described there, else one session of the people named there."""
    names = {p.key: p.name for p in finder.people.values()}
    roles = dict(event_people)
    records = []
    for entry, day in listing:
        region = (entry.span[0], max(entry.end, entry.span[1]))
        inside = [
            p
            for p in panels
            if any(region[0] <= a < region[1] for a, _ in p.spans)
            and (p.people or p.title)
            and not (p.title and entry.title and titles_alike(p.title, entry.title))
        ]
        if len(inside) <= 1:
            # one sitting: everyone named in the entry's part of the text takes part in it (a
            # sitting described in several entries' parts, "the dinner", keeps to this one's)
            keys = [
                finder.mention_person[m.span]
                for m in finder.mentions
                if region[0] <= m.span[0] < region[1] and m.span in finder.mention_person
            ]
            keys += [_key_of(finder, listed) for listed, _ in entry.people]
            own = {k: r for p in inside for k, r in p.people}
            people = [(k, own.get(k) or roles.get(k, "speaker")) for k in dict.fromkeys(keys)]
            if people:
                described = inside[0] if inside else None
                kind = (
                    prose_kind(doc.text[region[0] : region[1]])
                    or (described.kind if described else None)
                    or entry.kind
                    or "panel"
                )
                title = described.title if described else None
                inside = [PanelCluster(kind=kind, title=title, people=people)]
                if described:
                    inside[0].spans = [s for s in described.spans if region[0] <= s[0] < region[1]]
                    inside[0].start_time, inside[0].end_time = (
                        described.start_time,
                        described.end_time,
                    )
        sessions = tuple(
            PanelRecord(
                title=panel_title(p.title),
                kind=p.kind,
                date=p.date or day,
                start_time=p.start_time,
                end_time=p.end_time,
                people=tuple(Participant(names.get(k, k), r) for k, r in p.people),
                spans=tuple(p.spans),
            )
            for p in inside
        )
        records.append(
            EventRecord(
                title=entry.title or "",
                kind=entry.kind or "event",
                start=day,
                end=day,
                start_time=entry.start_time,
                end_time=entry.end_time,
                panels=sessions,
                spans=(region,),
            )
        )
    return records


def _is_group(entry: Entry) -> bool:
    """An untitled slot, or a heading, whose sessions are its items: only their time."""
    return bool(entry.children) and not entry.people and any(c.is_session for c in entry.children)


def _key_of(finder: PeopleFinder, listed: Listed) -> str:
    key = person_key(listed.name)
    person = finder.match_existing(key)
    return person.key if person is not None else key


def _merge_contacts(finder: PeopleFinder, blocks: list[ContactBlock]) -> None:
    for block in blocks:
        if not block.name:
            continue
        key = person_key(block.name)
        person = finder.match_existing(key)
        if person is None:
            surname = key.split()[-1]
            same = [
                p
                for p in finder.people.values()
                if p.key.split()[-1] == surname and p.key.split()[0][:1] == key[:1]
            ]
            person = same[0] if len(same) == 1 else None
        if person is None:
            person = Person(block.name, honorific=block.honorific)
            finder.people[key] = person
        if block.name_span:
            person.spans.append(block.name_span)
        person.spans.append(block.span)
        if block.organisation and not person.organisation and block.organisation != person.title:
            person.organisation = block.organisation
        if person.organisation and person.organisation == (block.title or person.title):
            person.organisation = None
        if block.title and not person.title:
            person.title = block.title
        for attr in ("phones", "mobiles", "faxes", "emails", "urls"):
            values = getattr(person, attr)
            for value in getattr(block, attr):
                if value not in values:
                    values.append(value)
        person.confident = True


def _main_event(clusters: list[EventCluster], *, dated_only: bool) -> EventCluster | None:
    """The event a text is about: the first one named that is not a standing body, or, once
    dates are known, the first one that has dates."""
    candidates = [
        c for c in clusters if not all(m.body for m in c.named) or (dated_only and c.dates)
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda c: c.first)


def _resolve_generic_events(
    mentions: list[EventMention], clusters: list[EventCluster], main: EventCluster | None
) -> None:
    """ "The event" in a news text is the event the text is about."""
    if main is None:
        return
    for cluster in clusters:
        if cluster is not main:
            cluster.mentions = [
                m for m in cluster.mentions if not (m.generic and m.head == "event")
            ]
    placed = {id(m) for cluster in clusters for m in cluster.mentions}
    main.mentions.extend(
        m for m in mentions if m.generic and m.head == "event" and id(m) not in placed
    )


def _attach_panel_dates(
    doc: Text, panels: list[PanelCluster], dates: list[DateMention]
) -> list[DateMention]:
    """A date in a panel's sentence, nearer to it than to anything else, is the panel's."""
    left = list(dates)
    for panel in panels:
        for span in panel.spans:
            sentence = doc.sentence_at(span[0])
            if sentence is None:
                continue
            inside = [d for d in left if sentence.start <= d.span[0] < sentence.end]
            inside = [d for d in inside if d.start.precision == "day" and d.start == d.end]
            if not inside:
                continue
            nearest = min(inside, key=lambda d: abs(d.span[0] - span[0]))
            others = [
                p
                for p in panels
                if p is not panel and p.title
                for s in p.spans
                if sentence.start <= s[0] < sentence.end
            ]
            if abs(nearest.span[0] - span[0]) > 120 and others:
                continue
            if panel.date is None:
                panel.date = nearest.start
                if nearest.start_time:
                    panel.start_time, panel.end_time = nearest.start_time, nearest.end_time
            if abs(nearest.span[0] - span[0]) <= 120 and nearest in left:
                left.remove(nearest)
    return left


_TRAILING_HONORIFIC = re.compile(r"\s+(?:Prof(?:essor)?|Dr|Mr|Mrs|Ms|Mx|Hon|Amb|Rev|H\.\s?E)\.?$")


def panel_title(title: str | None) -> str | None:
    """A session's title as a record shows it: without the honorific of the person after it
    ("Welcoming Prof" of "Welcoming Prof Jane Roe")."""
    return _TRAILING_HONORIFIC.sub("", title).strip() or None if title else None


def _own_events(
    doc: Text, timed: list[PanelCluster], clusters: list[EventCluster]
) -> list[PanelCluster]:
    """A programme line that names an event of its own dates that event instead; one named
    like a session ("09:00 Opening Ceremony") is a session of the programme's event."""
    kept = []
    for panel in timed:
        span = panel.spans[0]
        owner = next(
            (
                c
                for c in clusters
                for m in c.named
                if span[0] <= m.span[0] < span[1] and not m.body  # a body: where one works
            ),
            None,
        )
        if owner is not None and all(is_session_name(m.title) for m in owner.named):
            clusters.remove(owner)
            owner = None
        if owner is not None:
            if not owner.dates and panel.date:
                owner_date = DateMention(span, panel.date, panel.date, "day", False)
                owner.dates.append(owner_date)
            continue
        kept.append(panel)
    return kept


_RELEASE_CONTEXT = re.compile(
    r"(?:for\s+immediate\s+release|(?:press|news|media)\s+(?:release|advisory|alert|statement)|"
    r"published|posted|released|issued|date)\W*$",
    re.IGNORECASE,
)


# A dateline: "Nairobi, 4 May 2023 – ", "DENVER, Colo. — March 3, 2025 — ",
# "OSLO (12 March 2025) – ", "SAN JOSE, March 3, 2025 /Newswire/ -- "
_DATELINE_BEFORE = re.compile(
    r"\s*(?P<place>[A-Z][\w .’'-]{1,40})(?:,\s*[A-Z][\w .’'-]{1,20})?"
    r"(?:(?P<comma>,)\s*|\s*(?:--|[-–—])\s*|\s*\(\s*)"
)
_DATELINE_AFTER = re.compile(r"\s*\)?\s*(?:/[^/\n]{2,40}/\s*)?(?:--|[-–—])\s")


def _opens_dateline(before: str, after: str) -> bool:
    """Whether a date between ``before`` and ``after`` (the rest of its line) opens a
    dateline. Set off by a dash or brackets rather than a comma, the place must read as one
    (in capitals, or in the gazetteer): "Global Summit (10 May 2024) – ..." is no dateline."""
    head = _DATELINE_BEFORE.fullmatch(before)
    if not head or not _DATELINE_AFTER.match(after):
        return False
    place = head.group("place").strip()
    return bool(head.group("comma")) or place.isupper() or lookup(place) is not None


_PUBLISHED_KEY = re.compile(r"(?:date|published|pubdate|created|posted)\s*:", re.I)


def _front_matter_date(layout: Layout, dates: list[DateMention]) -> DateMention | None:
    """The day front matter says the page was published ("date: 2030-04-02 10:00")."""
    for line in layout.lines:
        if line.kind != META or not _PUBLISHED_KEY.match(line.text):
            continue
        for date in dates:
            if line.start <= date.span[0] < line.end and str(date.start.precision) == "day":
                return date
    return None


def _release_date(doc: Text, dates: list[DateMention]) -> DateMention | None:
    """The day a text was issued: a single day heading the text on a line of its own, after a
    "For immediate release" line, or opening a dateline ("Nairobi, 4 May 2023 – ...")."""
    text = doc.text
    headings = sum(1 for d in dates if _alone_on_line(text, d.span))
    for date in dates[:6]:
        if date.start != date.end or str(date.start.precision) != "day" or not date.explicit_year:
            continue
        line_start = text.rfind("\n", 0, date.span[0]) + 1
        line_end = text.find("\n", date.span[1])
        line_end = len(text) if line_end == -1 else line_end
        before = text[line_start : date.span[0]]
        after = text[date.span[1] : line_end]
        previous = text[max(0, line_start - 60) : max(0, line_start - 1)]
        alone = not before.strip(" *#,") and not after.strip(" *#.,")
        dateline = _opens_dateline(before, after)
        first_line = not text[:line_start].strip()
        if dateline or (
            alone and (_RELEASE_CONTEXT.search(previous) or (first_line and headings == 1))
        ):
            return date
        if _RELEASE_CONTEXT.search(before) and not _EVENT_FIELDS_AFTER.match(text, line_end):
            return date
        if first_line and date.kind == "numeric" and not after.strip() and len(dates) > 1:
            return date  # "Buyers to Tour the New Hall 6/4/2030": a headline and its day
    return _signed_date(doc, dates)


# "Date: ..." followed by "Time:" or "Venue:": the day of the event, not of the release
_EVENT_FIELDS_AFTER = re.compile(
    r"(?:\s*\n){1,3}\s*(?:time|hours?|venue|where|location|place|hora|lugar|heure|lieu)\s*[:?]",
    re.IGNORECASE,
)


def _signed_date(doc: Text, dates: list[DateMention]) -> DateMention | None:
    """A day alone on its line under the last paragraph, as releases are signed off."""
    if not dates:
        return None
    last = dates[-1]
    if last.start != last.end or str(last.start.precision) != "day" or not last.explicit_year:
        return None
    if not _alone_on_line(doc.text, last.span):
        return None
    before = doc.text[: last.span[0]]
    after = doc.text[last.span[1] :]
    prose_before = any(len(line.split()) >= 12 for line in before.splitlines())
    # contact lines may follow (numbers, addresses); a sentence may not
    prose_after = any(
        len(line.split()) >= 6
        and not re.search(r"[\d@]", line)
        or re.search(r"\b\d{1,2}[:.]\d\d\b", line)  # a programme goes on under a day
        for line in after.splitlines()
    )
    timed = re.search(r"\d[:.]\d\d|\b[ap]\.?m\b", doc.text[last.span[0] : last.span[1]], re.I)
    return last if prose_before and not prose_after and not timed else None


_ALONE_BEFORE = re.compile(r"(?:\A|\n)[ \t*#.,:]*\Z")
_ALONE_AFTER = re.compile(r"[ \t*#.,:]*(?:\n|\Z)")


def _alone_on_line(text: str, span: tuple[int, int]) -> bool:
    # looked at only near the date: a line thousands of characters long is not copied
    start = max(0, span[0] - 200)
    before = _ALONE_BEFORE.search(text, start, span[0])
    if before is None:
        return False
    return _ALONE_AFTER.match(text, span[1]) is not None


_PLACE_DATELINE = re.compile(
    r"\s*([A-Z][^–—\n]{2,120}?)\s+[–—-]\s+(?:\w+,?\s+)?\d{1,2}(?:[–-]\d{1,2})?\s+[A-Z][a-z]+\.?\s+\d{4}\s*$"
)


_ONLINE = re.compile(
    r"\b(?:online|virtual(?:ly)?|via\s+(?:zoom|teams|webex)|en\s+ligne|en\s+l[ií]nea)\b",
    re.IGNORECASE,
)


_VENUE_LABEL = re.compile(
    r"(?im)^[ \t]*(?:venue|location|where|place|lugar|lieu)[ \t]*[:?][ \t|]*(?:\n[ \t|]*)?"
    r"([^\s|][^\n]*)$"
)
_VENUE_HEADING = re.compile(
    r"(?im)^[ \t#*]*(?:venue|location|conference\s+venue|lugar|lieu)[ \t*]*\n(?:[ \t]*\n)?"
    r"[ \t]*([^\s|][^\n]{2,100})$"
)
_MEETS_IN = re.compile(
    r"\b(?:will\s+)?(?:meet|meets|met|convene|convenes|convened|gather|gathers|gathered"
    r"|(?:will\s+be|is|was|are|were)\s+held|takes?\s+place|took\s+place|opens|opened)\b"
    r"[^.\n]{0,60}?\bin\s+([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)"
)


def _main_from_programme(
    doc: Text, main: EventCluster, panels: list[PanelCluster], body: int = 0
) -> None:
    """An event known only to its year or month takes the days of its programme, and an event
    without a place the place the text gives it (see _place_of_main)."""
    days = [p.date for p in panels if p.date is not None and str(p.date.precision) == "day"]
    start, _ = event_dates(main)
    if days and (start is None or str(start.precision) != "day"):
        first, last = min(days, key=lambda d: d.first_day()), max(days, key=lambda d: d.first_day())
        main.dates = [DateMention(main.spans[0], first, last, "range", True)]
    if main.location is None:
        found = _place_of_main(doc, main, body)
        if found is not None:
            main.location, main.timezone = found


def _place_of_main(doc: Text, main: EventCluster, body: int) -> tuple[str, str | None] | None:
    """Where the main event is held, from the strongest sign the text gives; the first that
    names a place wins."""
    for finder in (
        _place_labelled,
        _place_under_title,
        _place_of_the_lead,
        _place_of_its_sentence,
        _place_after_its_date,
        _place_online,
        _place_on_a_dateline,
    ):
        found = finder(doc, main, body)
        if found is not None:
            return found
    return None


def _timezone_of(phrase: str) -> str | None:
    places = find_places(phrase)
    return places[0].place.timezone if places else None


def _place_labelled(doc: Text, main: EventCluster, body: int) -> tuple[str, str | None] | None:
    """ "Venue: X", "Where? X", or "Location" alone above the venue's line."""
    low = doc.lower if doc.lower is not None else doc.text.lower()
    if not any(word in low for word in ("venue", "location", "where", "place", "lugar", "lieu")):
        return None
    venue = _VENUE_LABEL.search(doc.text)
    if venue is None:
        venue = next(
            (m for m in _VENUE_HEADING.finditer(doc.text) if names_a_place(m.group(1))), None
        )
    if venue is None:
        return None
    return venue.group(1).strip().strip(" |").rstrip("."), _timezone_of(venue.group(1))


def _place_under_title(doc: Text, main: EventCluster, body: int) -> tuple[str, None] | None:
    """ "Harbour College, University of Eastport" on a line of its own under the title."""
    if not main.named:
        return None
    title_end = doc.text.find("\n", main.named[0].span[1])
    for line in re.finditer(r"(?m)^[^\n]+$", doc.text[title_end + 1 : title_end + 400]):
        words = line.group().split()
        if not words or len(words) > 10 or line.group().rstrip().endswith("."):
            return None
        if names_a_place(line.group()) and not re.search(r"\d{1,2}[:.]\d\d", line.group()):
            return line.group().strip(" |,"), None
    return None


def _place_of_the_lead(doc: Text, main: EventCluster, body: int) -> tuple[str, str | None] | None:
    """ "Ministers will meet today in Apia to ...": where the lead says they gather."""
    lead = _MEETS_IN.search(doc.text[: body + 600] if body < len(doc.text) else doc.text)
    place = lookup(lead.group(1)) if lead else None
    return (lead.group(1), place.timezone) if lead and place else None


def _place_of_its_sentence(
    doc: Text, main: EventCluster, body: int
) -> tuple[str, str | None] | None:
    """A main event made from the title or the lead: the venue its own sentence names."""
    attach_locations(doc, [main])
    return (main.location, main.timezone) if main.location is not None else None


def _place_after_its_date(
    doc: Text, main: EventCluster, body: int
) -> tuple[str, str | None] | None:
    """ "... will hold a public hearing on 4 March at 2 p.m. in Room 325 of the Capitol"."""
    if not main.dates or main.dates[0].span[1] <= 0:
        return None
    return venue_of_date(doc, main.dates[0])


def _place_online(doc: Text, main: EventCluster, body: int) -> tuple[str, None] | None:
    """ "Thursday 14 May 2031, 14:00–15:30 CET (online)": held on the web."""
    if not main.dates:
        return None
    first = main.dates[0].span[0]
    line = doc.text[doc.text.rfind("\n", 0, first) + 1 : line_end(doc.text, first)]
    return ("Online", None) if _ONLINE.search(line) else None


def _place_on_a_dateline(doc: Text, main: EventCluster, body: int) -> tuple[str, str | None] | None:
    """ "Convention Centre, Kigali, Rwanda – 21–22 March 2023" on a line under the title."""
    first = min(m.span[0] for m in main.named) if main.named else main.first
    for line in re.finditer(r"(?m)^[^\n]{5,160}$", doc.text[first : first + 600]):
        place_line = _PLACE_DATELINE.match(line.group())
        if place_line:
            places = find_places(place_line.group(1))
            if places:
                return place_line.group(1).strip(" ,"), places[0].place.timezone
    return None


def _without_the_event(main: EventCluster, panels: list[PanelCluster]) -> list[PanelCluster]:
    """Sessions of the main event's own kind that are the event itself: "The lecture, “X”, is
    open to all" in a text about a lecture, or "a webinar ... 14:00–15:30" on a webinar's page
    (whose hours then become the event's)."""
    kept = []
    for panel in panels:
        if panel.kind != main.head or (panel.title and panel.start_time is not None):
            kept.append(panel)
        elif panel.start_time and panel.date and not any(d.start_time for d in main.dates):
            main.dates.append(
                DateMention(
                    panel.spans[0],
                    panel.date,
                    panel.date,
                    "day",
                    False,
                    start_time=panel.start_time,
                    end_time=panel.end_time,
                )
            )
    return kept


def _merge_timed(panels: list[PanelCluster], timed: list[PanelCluster]) -> list[PanelCluster]:
    if not timed:
        return panels
    timed_spans = [s for p in timed for s in p.spans]
    rest = [p for p in panels if not any(a <= s[0] < b for s in p.spans for a, b in timed_spans)]
    return timed + rest


def _day_in_event(
    kind: str | None, start: PartialDate | None, end: PartialDate | None
) -> PartialDate | None:
    """An undated sitting's day: its event's one day; the first day for an opening, the last
    for a closing."""
    if start is None or end is None or start.precision != "day" or end.precision != "day":
        return None
    if start == end:
        return start
    first = (kind or "").split()[0:1]
    if first and first[0] in ("opening", "inaugural", "welcome", "welcoming", "inauguration"):
        return start
    if first and first[0] in ("closing", "concluding", "final"):
        return end
    return None


def _event_records(
    clusters: list[EventCluster],
    main: EventCluster | None,
    panels: list[PanelCluster],
    event_people: list[tuple[str, str]],
    finder: PeopleFinder,
    main_kept: bool = True,
) -> list[EventRecord]:
    records = []
    names = {p.key: p.name for p in finder.people.values()}
    for cluster in sorted(clusters, key=lambda c: c.first):
        start, end = event_dates(cluster)
        is_main = cluster is main
        own_panels = panels if is_main else []
        people = event_people if is_main else []
        if start is None and not (is_main and main_kept):
            continue
        if all(m.body for m in cluster.named) and start is None:
            continue
        if not is_main and start is not None and start.precision == "year":
            continue  # a year alone dates no gathering but the one the text is about
        panel_records = []
        own_panels = [p for p in own_panels if p.title or p.people or p.start_time]
        if (
            is_main
            and not own_panels
            and people
            and cluster.head in words("single_session_kinds.txt")
        ):
            # people with parts in an event of no named sessions: the event as one session
            own_panels = [PanelCluster(kind=cluster.head, title=None, people=list(people))]
            people = []
        for panel in own_panels:
            panel_people = list(panel.people)
            opening = re.search(r"keynote|opening|welcome|speech|address|remarks", panel.kind)
            if len(own_panels) == 1 and not panel.title and opening:
                panel_people += [kr for kr in people if kr[0] not in {k for k, _ in panel_people}]
            date = panel.date or _day_in_event(panel.kind, start, end)
            panel_records.append(
                PanelRecord(
                    title=panel_title(panel.title),
                    kind=panel.kind,
                    date=date,
                    start_time=panel.start_time,
                    end_time=panel.end_time,
                    people=tuple(Participant(names.get(k, k), r) for k, r in panel_people),
                    spans=tuple(panel.spans),
                )
            )
        title = re.sub(r"\s+", " ", cluster.title).strip()
        start_time, end_time = _first_times(cluster)
        records.append(
            EventRecord(
                title=title,
                kind=cluster.head,
                start=start,
                end=end if end is not None else start,
                start_time=start_time,
                end_time=end_time,
                timezone=_first_zone(cluster) or cluster.timezone,  # the zone of the hours first
                # "Location: TBD": no place yet
                location=None
                if PLACEHOLDER.fullmatch(cluster.location or "")
                else cluster.location,
                panels=tuple(panel_records),
                people=tuple(Participant(names.get(k, k), r) for k, r in people),
                spans=tuple(sorted(set(cluster.spans))),
            )
        )
    return records


def _first_times(cluster: EventCluster) -> tuple[time | None, time | None]:
    """The hours of the first of the event's dates that gives them."""
    for date in cluster.dates:
        if date.start_time:
            return date.start_time, date.end_time
    return None, None


def _person_records(finder: PeopleFinder, with_roles: set[str]) -> list[PersonRecord]:
    out = []
    for person in finder.people.values():
        if not (
            person.confident or person.title or person.organisation or person.name in with_roles
        ):
            continue
        bare = not (person.honorific or person.title or person.organisation)
        if bare and not (person.phones or person.emails) and lookup(person.name) is not None:
            continue  # "Sierra Leone" in a list of countries
        honorific = person.honorific.rstrip(". ") if person.honorific else None
        out.append(
            PersonRecord(
                name=person.name,
                honorific=honorific,
                title=person.title,
                organisation=person.organisation,
                phones=tuple(person.phones),
                mobiles=tuple(person.mobiles),
                faxes=tuple(person.faxes),
                emails=tuple(person.emails),
                urls=tuple(person.urls),
                spans=tuple(sorted(set(person.spans))),
            )
        )
    return out


def _first_zone(cluster: EventCluster) -> str | None:
    return next((d.timezone for d in cluster.dates if d.timezone), None)
