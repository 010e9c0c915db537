"""Export speed: 10,000 events → .ics and 10,000 people → .vcf from a real SQLite file.

Prints plain lines such as ``ics 10000 events: 1.23 s``: the whole export (query with eager
loading, serialisation, atomic write) and, separately, the query and the serialisation, both
with the garbage collector paused as during the export.

    .venv/bin/python bench/export_bench.py [--events N] [--people N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

from db.engine import open_database
from db.models import ContactPoint, Event, Organisation, Panel, Participation, Person
from db.queries import collector_paused
from desktop_app.export import export_ics, export_vcf, load_events, load_people
from desktop_app.export.ics import render_ics
from desktop_app.export.vcf import render_vcf

ZONES = [None, "Europe/Prague", "Europe/Brussels", "UTC", "America/New_York"]


def populate(sessions, n_events: int, n_people: int) -> None:  # noqa: ANN001
    start = dt.date(2015, 1, 1)
    with sessions.begin() as s:
        orgs = [Organisation(name=f"Organisation {i}, a.s.") for i in range(200)]
        people = []
        for i in range(n_people):
            person = Person(
                full_name=f"Zdeněk Čížek {i}",
                given_name="Zdeněk",
                family_name=f"Čížek {i}",
                job_title="Head of Unit; Water, Rivers",
                organisation=orgs[i % len(orgs)],
                status="accepted",
                notes="Met at the forum\nCall back" if i % 3 == 0 else None,
            )
            person.contacts = [
                ContactPoint(kind="phone", value=f"+4202345{i:05d}"),
                ContactPoint(kind="email", value=f"person{i}@example.org"),
            ]
            if i % 4 == 0:
                person.contacts.append(ContactPoint(kind="fax", value=f"+4202346{i:05d}"))
            people.append(person)
        s.add_all(people)
        for i in range(n_events):
            day = start + dt.timedelta(days=i % 3000)
            timed = i % 2 == 0
            event = Event(
                title=f"Forum on water and cities number {i}",
                kind="forum",
                start_date=day,
                start_precision="day",
                end_date=day + dt.timedelta(days=i % 3),
                end_precision="day",
                start_time=dt.time(9, 30) if timed else None,
                end_time=dt.time(17, 0) if timed else None,
                timezone=ZONES[i % len(ZONES)] if timed else None,
                location="Congress Centre, Hall A",
                description="A forum about rivers, lakes and cities; with lunch.",
                status="accepted" if i % 5 else "suggested",
            )
            if i % 3 == 0:  # some events have a couple of panels with people
                for k in range(2):
                    panel = Panel(
                        title=f"Panel {k}",
                        kind="high-level panel",
                        date=day,
                        date_precision="day",
                        start_time=dt.time(10 + k * 2),
                        end_time=dt.time(11 + k * 2),
                        status="accepted",
                    )
                    panel.participations = [
                        Participation(person=people[(i + k + j) % n_people], role=role)
                        for j, role in enumerate(("moderator", "panelist", "panelist"))
                    ]
                    event.panels.append(panel)
            s.add(event)


def measure(sessions, form, items, path, export, load, render) -> None:  # noqa: ANN001
    """Print the whole export's time, then its query and its serialisation apart."""
    t0 = time.perf_counter()
    count = export(sessions, path)
    whole = time.perf_counter() - t0
    with collector_paused(), sessions() as s:  # as the export does
        t0 = time.perf_counter()
        loaded = load(s)
        query = time.perf_counter() - t0
        t0 = time.perf_counter()
        text = render(loaded)
        alone = time.perf_counter() - t0
    print(f"{form} {count} {items}: {whole:.2f} s")
    print(f"{form} {count} {items}, database query only: {query:.2f} s")
    print(f"{form} {count} {items}, serialisation only: {alone:.2f} s ({len(text) >> 20} MiB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--people", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sessions = open_database(f"sqlite:///{folder / 'bench.sqlite'}")
        t0 = time.perf_counter()
        populate(sessions, args.events, args.people)
        print(f"setup {args.events} events, {args.people} people: "
              f"{time.perf_counter() - t0:.2f} s")  # fmt: skip

        measure(sessions, "ics", "events", folder / "out.ics", export_ics, load_events, render_ics)
        measure(sessions, "vcf", "people", folder / "out.vcf", export_vcf, load_people, render_vcf)
        sessions.kw["bind"].dispose()


if __name__ == "__main__":
    main()
