"""Database yardstick: queries on 100k events and 100k people, and import throughput.

Fills a fresh SQLite file with synthetic but realistic rows (bulk inserts), then prints:
month-range query, upcoming query, person search (page of 200 and count) in milliseconds, and
the import throughput of 1,000 generated text documents into that same database.

    .venv/bin/python bench/db_bench.py [--events 100000] [--people 100000] [--documents 1000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import insert

from db import queries
from db.derived import event_columns, organisation_keys, person_columns
from db.engine import open_database
from db.models import (
    ContactPoint,
    Event,
    Organisation,
    OrganisationKey,
    Panel,
    Participation,
    Person,
)
from db.store import import_documents, store_extraction
from importers.pipeline import load

GIVEN = (
    "Anna Ben Carla David Elena Farid Grace Hugo Ines Jonas Kavya Liam Maria Nadia Omar Paula "
    "Quentin Rosa Samir Tara Umar Vera Wen Ximena Yusuf Zoë Ángel Chloé José Søren Łukasz Chiara "
    "Mateo Aiko Kwame Leila Pierre Ingrid Rahul Sofia Tomás Emeka Hana Olga Iván Noor"
).split()
FAMILY = (
    "Smith Garcia Müller Rossi Dubois Kowalski Nakamura Okafor Silva Johansson Novak Haddad "
    "Fernández Petrov Ivanova Chen Wang Kim Nguyen Patel Singh Mensah Diallo Cohen Lefèvre Weber "
    "Schmidt Costa Moreau Horvath Andersen Lindqvist Papadopoulos Yilmaz Kaya Hussain Rahman "
    "Osei Banda Mwangi Tanaka Sato Duarte Navarro Romero Keller Bauer Fischer Ortiz Vargas"
).split()
ORG_WORDS = (
    "Global Regional Institute Council Alliance Foundation Network Agency Centre Fund Forum "
    "Union Society Bank Office Programme Commission Initiative Partnership Observatory"
).split()
TOPICS = (
    "Water Climate Health Trade Energy Oceans Cities Food Migration Education Finance Digital "
    "Security Forests Mountains Youth Gender Labour Transport Tourism Culture Science Rivers"
).split()
KINDS = ("forum", "conference", "summit", "dialogue", "workshop", "symposium", "meeting")
PLACES = ("Geneva", "Nairobi", "Lisbon", "Bangkok", "Bogotá", "Oslo", "Accra", "Manila", "Tunis")
TITLES = ("Director", "Minister", "Chief Economist", "Head of Unit", "Adviser", "Professor")
START = dt.date(2018, 1, 1)
DAYS = 3650


PLACES_ADJ = "Nordic Andean Sahel Pacific Baltic Alpine Caribbean Danube Mekong Atlantic".split()


def _org_name(rng: random.Random) -> str:
    return (
        f"{rng.choice(ORG_WORDS[:3] + PLACES_ADJ)} {rng.choice(TOPICS)} {rng.choice(ORG_WORDS[3:])}"
    )


def _phone(rng: random.Random) -> str:
    return f"+41{rng.randint(210000000, 799999999)}"


def fill(sessions, n_events: int, n_people: int, rng: random.Random) -> None:  # noqa: ANN001
    """Bulk insert organisations, people with contacts, events with panels and speakers."""
    orgs = {}
    while len(orgs) < min(3000, max(50, n_people // 40)):
        name = _org_name(rng)
        acronym = "".join(w[0] for w in name.split()).upper()
        orgs.setdefault(name, acronym)
    org_rows, key_rows = [], []
    for i, (name, acronym) in enumerate(orgs.items(), 1):
        org_rows.append({"id": i, "name": name, "acronym": acronym, "aliases": []})
        key_rows += [
            {"organisation_id": i, "key": k} for k in sorted(organisation_keys(name, acronym, []))
        ]
    person_rows, contact_rows = [], []
    for i in range(1, n_people + 1):
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        full = (
            f"{given} {family}" if rng.random() < 0.85 else f"{given} {rng.choice(GIVEN)} {family}"
        )
        org_id = rng.randint(1, len(org_rows)) if rng.random() < 0.9 else None
        contacts = [("email", f"{given[0].lower()}.{family.lower()}{i}@example.org")]
        for _ in range(rng.randint(0, 2)):
            contacts.append((rng.choice(("phone", "mobile", "fax")), _phone(rng)))
        contacts = list(dict.fromkeys(contacts))
        job = rng.choice(TITLES)
        org = org_rows[org_id - 1] if org_id else None
        derived = person_columns(
            full, job, (org["name"], org["acronym"], []) if org else None, contacts
        )
        person_rows.append(
            {
                "id": i,
                "full_name": full,
                "given_name": given,
                "family_name": family,
                "job_title": job,
                "organisation_id": org_id,
                "status": "accepted",
                "uuid": f"00000000-0000-4000-8000-{i:012d}",
                **derived,
            }
        )
        contact_rows += [{"person_id": i, "kind": k, "value": v} for k, v in contacts]
    event_rows, panel_rows, part_rows = [], [], []
    for i in range(1, n_events + 1):
        start = START + dt.timedelta(days=rng.randrange(DAYS))
        roll = rng.random()
        if roll < 0.9:
            end, precision = start + dt.timedelta(days=rng.choice((0, 0, 1, 2, 3, 4))), "day"
        elif roll < 0.97:
            start = start.replace(day=1)
            end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            precision = "month"
        else:
            start = end = precision = None
        title = f"{rng.choice(('', 'International ', 'Annual ', 'High-level '))}"
        title += f"{rng.choice(TOPICS)} {rng.choice(KINDS).title()} on {rng.choice(TOPICS)}"
        location = rng.choice(PLACES)
        kind = rng.choice(KINDS)
        event_rows.append(
            {
                "id": i,
                "title": title,
                "kind": kind,
                "start_date": start,
                "start_precision": precision,
                "end_date": end,
                "end_precision": precision,
                "location": location,
                "status": "accepted",
                "uuid": f"10000000-0000-4000-8000-{i:012d}",
                **event_columns(title, kind, location, start, end, None),
            }
        )
        if rng.random() < 0.25:
            for _ in range(rng.randint(1, 3)):
                panel_id = len(panel_rows) + 1
                panel_rows.append(
                    {
                        "id": panel_id,
                        "event_id": i,
                        "title": f"{rng.choice(TOPICS)} and {rng.choice(TOPICS)}",
                        "kind": "panel",
                        "date": start,
                        "date_precision": precision,
                        "status": "accepted",
                        "uuid": f"20000000-0000-4000-8000-{panel_id:012d}",
                    }
                )
                for role in ("moderator", "panelist", "panelist"):
                    part_rows.append(
                        {"person_id": rng.randint(1, n_people), "panel_id": panel_id, "role": role}
                    )
    with sessions.begin() as s:
        for model, rows in (
            (Organisation, org_rows),
            (OrganisationKey, key_rows),
            (Person, person_rows),
            (ContactPoint, contact_rows),
            (Event, event_rows),
            (Panel, panel_rows),
            (Participation, part_rows),
        ):
            for n in range(0, len(rows), 5000):
                s.execute(insert(model), rows[n : n + 5000])


DOCUMENT = """PRESS RELEASE
{place}, {ref}

{org} to host the {title} on {day} {month} {year}

The {org} ({acronym}) announced today that the {title} will take place in {place} on
{day}-{day2} {month} {year}. The meeting brings together ministers, city leaders, researchers
and civil society to discuss {topic_lower} and its links with {topic2_lower}.

Programme highlights

{day} {month} {year}, 10:00-11:30 - High-level panel: {topic} and {topic2}
Moderator: {m_given} {m_family}, {m_title}, {org}
Panellists: {p1_given} {p1_family}, {p1_title}, {org2}; {p2_given} {p2_family}, {p2_title}

{day2} {month} {year}, 14:00-15:30 - Debate lab: Financing {topic_lower}
Speakers: {p3_given} {p3_family}, {p3_title}, {org2}

"{quote}" said {m_given} {m_family}. Registration is open until {ref_day} {month} {year}.
Participants are invited to submit short statements in advance; all sessions will be streamed
and recordings published on the event page after the meeting. Interpretation will be provided
in English, French and Spanish.

Media contact
{c_given} {c_family}
Press Officer, {org}
Tel: +41 22 {tel1} {tel2}
Email: {c_email}
"""
QUOTES = (
    "We cannot wait another decade to act",
    "Cities are where the change happens",
    "This meeting is about practical answers",
)
MONTHS = (
    "January February March April May June July August September October November December"
).split()


def write_documents(folder: Path, n: int, rng: random.Random) -> None:
    for i in range(n):
        topic, topic2 = rng.sample(TOPICS, 2)
        org, org2 = _org_name(rng), _org_name(rng)
        month_no = rng.randint(1, 12)
        day = rng.randint(1, 25)
        names = {}
        for who in ("m", "p1", "p2", "p3", "c"):
            names[f"{who}_given"] = rng.choice(GIVEN)
            names[f"{who}_family"] = rng.choice(FAMILY)
            names[f"{who}_title"] = rng.choice(TITLES)
        text = DOCUMENT.format(
            place=rng.choice(PLACES),
            ref=f"{rng.randint(1, 28)} {MONTHS[month_no - 1]} {2020 + i % 8}",
            org=org,
            acronym="".join(w[0] for w in org.split()).upper(),
            org2=org2,
            title=f"{rng.choice(('Global', 'Regional', 'International'))} {topic} "
            f"{rng.choice(KINDS).title()}",
            day=day,
            day2=day + 1,
            month=MONTHS[month_no - 1],
            year=2020 + i % 8,
            topic=topic,
            topic2=topic2,
            topic_lower=topic.lower(),
            topic2_lower=topic2.lower(),
            quote=rng.choice(QUOTES),
            ref_day=max(1, day - 3),
            tel1=rng.randint(100, 999),
            tel2=rng.randint(1000, 9999),
            c_email=f"press{i}@{org.split()[1].lower()}.example",
            **names,
        )
        (folder / f"doc{i:04d}.txt").write_text(text, encoding="utf-8")


def median_ms(runs: list[Callable[[], object]]) -> float:
    times = []
    for run in runs:
        t0 = time.perf_counter()
        run()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--documents", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    folder = Path(tempfile.mkdtemp(prefix="forumdesk-bench-"))
    sessions = open_database(f"sqlite:///{folder / 'bench.sqlite'}")

    t0 = time.perf_counter()
    fill(sessions, args.events, args.people, rng)
    print(f"fill: {args.events} events, {args.people} people in {time.perf_counter() - t0:.1f} s")

    def month_run(year: int, month: int) -> Callable[[], object]:
        first = dt.date(year, month, 1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)

        def run() -> object:
            with sessions() as s:
                return queries.events_in_range(s, first, last)

        return run

    months = [(2018 + rng.randrange(10), rng.randint(1, 12)) for _ in range(60)]
    with sessions() as s:
        sample = queries.events_in_range(s, dt.date(2022, 5, 1), dt.date(2022, 5, 31))
    print(
        f"month query: {median_ms([month_run(y, m) for y, m in months]):.1f} ms "
        f"({len(sample)} events in a month)"
    )

    def upcoming(day: dt.date) -> Callable[[], object]:
        def run() -> object:
            with sessions() as s:
                return queries.upcoming_events(s, day)

        return run

    days = [START + dt.timedelta(days=rng.randrange(DAYS)) for _ in range(30)]
    print(f"upcoming query: {median_ms([upcoming(d) for d in days]):.1f} ms")

    terms = [
        *(rng.choice(FAMILY)[:5] for _ in range(10)),  # name fragments
        *(f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}" for _ in range(5)),  # full names
        *(rng.choice(TOPICS).lower()[:6] for _ in range(5)),  # organisation words
        *(f"{rng.randint(1, 99999)}@example" for _ in range(5)),  # e-mail fragments
        *(str(rng.randint(2100, 7999)) + str(rng.randint(10, 99)) for _ in range(5)),  # phones
        "",
        "mu",
        "lefevre",  # everything, a short fragment, an accent-free spelling
    ]

    def page(text: str) -> Callable[[], object]:
        def run() -> object:
            with sessions() as s:
                return queries.search_people(s, text, limit=200)

        return run

    def count(text: str) -> Callable[[], object]:
        def run() -> object:
            with sessions() as s:
                return queries.count_people(s, text)

        return run

    print(f"person search (200 rows): {median_ms([page(t) for t in terms]):.1f} ms")
    print(f"person count: {median_ms([count(t) for t in terms]):.1f} ms")
    worst = max(terms, key=lambda t: median_ms([page(t)]))
    print(f"person search slowest term {worst!r}: {median_ms([page(worst)] * 3):.1f} ms")

    docs = folder / "docs"
    docs.mkdir()
    write_documents(docs, args.documents, rng)
    paths = sorted(docs.iterdir())
    load(paths[0])  # warm-up: the extractor's first call loads its tables
    t0 = time.perf_counter()
    extractions = [load(p) for p in paths]
    extract_s = time.perf_counter() - t0
    print(f"extraction only: {len(paths) / extract_s:.0f} documents/s")
    t0 = time.perf_counter()
    for n, extraction in enumerate(extractions):
        with sessions.begin() as s:
            store_extraction(s, extraction, f"{n:064x}")
    store_s = time.perf_counter() - t0
    print(f"storage only: {len(paths) / store_s:.0f} documents/s")
    for path in paths:  # different bytes, so that nothing is "unchanged"
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    t0 = time.perf_counter()
    summary = import_documents(sessions, [docs])
    import_s = time.perf_counter() - t0
    print(
        f"import: {len(summary.results) / import_s:.0f} documents/s "
        f"({len(summary.new)} new, {len(summary.failed)} failed, {summary.events} events, "
        f"{summary.people} people)"
    )


if __name__ == "__main__":
    main()
