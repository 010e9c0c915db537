"""Window yardstick: the main window over 100k events and 100k people, offscreen.

Fills a fresh SQLite file with the generator of ``bench/db_bench.py``, then starts a fresh
process that opens the window on it and prints: time until the main window is shown (from
process start, imports included), month, week and day switches (PgDown/PgUp, repainted),
switching between the views, go to a date (Ctrl+G's jump, repainted), the agenda's first page
and its scrolling, address-book search (keystroke to rows shown, the typing pause excluded)
and the resident memory. Targets (issue 14): window shown ≤ 1.5 s, month or week switch
≤ 50 ms, go-to-date ≤ 50 ms, RSS ≤ 300 MB.

    .venv/bin/python bench/ui_bench.py [--events 100000] [--people 100000]
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402 - the clock starts before any import
import datetime as dt  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent


def rss_mb() -> float:
    """Resident memory of this process in MB (psutil when installed, else /proc)."""
    try:
        import psutil

        return psutil.Process().memory_info().rss / 1e6
    except ImportError:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1e3
    return float("nan")


def give_sessions_hours(sessions, rng: random.Random) -> int:  # noqa: ANN001 - a sessionmaker
    """The generator's panels have no time: give most of them one (between 08:00 and 18:00,
    30 to 120 minutes long), as programmes do, so that the week and day views place them."""
    from sqlalchemy import bindparam, select, update

    from db.models import Panel

    with sessions.begin() as s:
        ids = s.scalars(select(Panel.id)).all()
        rows = []
        for panel_id in ids:
            if rng.random() < 0.8:
                start = dt.datetime(2000, 1, 1, 8) + dt.timedelta(minutes=30 * rng.randrange(20))
                end = start + dt.timedelta(minutes=rng.choice((30, 60, 90, 120)))
                rows.append({"pid": panel_id, "start": start.time(), "end": end.time()})
        s.connection().execute(
            update(Panel.__table__)
            .where(Panel.__table__.c.id == bindparam("pid"))
            .values(start_time=bindparam("start"), end_time=bindparam("end")),
            rows,
        )
    return len(rows)


def measure(db_path: str, seed: int) -> None:
    """Runs in the child process: open the window and time what a user waits for."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from db.engine import open_database
    from desktop_app.app import apply_style, started
    from desktop_app.main_window import ADDRESS_BOOK, MainWindow

    app = QApplication([])
    apply_style(app)
    sessions = open_database(f"sqlite:///{db_path}")
    settings = QSettings(str(Path(db_path).with_suffix(".ini")), QSettings.Format.IniFormat)
    window = MainWindow(sessions, settings=settings)
    window.resize(1280, 820)
    window.show()
    app.processEvents()
    shown = time.perf_counter() - STARTED
    started()  # as the application does once its window is up
    print(f"main window shown: {shown * 1000:.0f} ms (from process start)")
    print(f"RSS after start: {rss_mb():.0f} MB")
    sys.path.insert(0, str(HERE))
    from db_bench import FAMILY, GIVEN, TOPICS

    from desktop_app.views.calendar_view import AGENDA, DAY, MONTH, WEEK

    calendar = window.calendar

    def timed(action) -> float:  # noqa: ANN001 - a callable
        t0 = time.perf_counter()
        action()
        calendar.stack.currentWidget().repaint()
        app.processEvents()
        return (time.perf_counter() - t0) * 1000

    def report(name: str, ms: list[float], shown: str) -> None:
        print(
            f"{name}: median {statistics.median(ms):.1f} ms, max {max(ms):.1f} ms ({shown})",
            flush=True,
        )

    busy_day = calendar.shown_day
    for mode, name in ((MONTH, "month switch"), (WEEK, "week switch"), (DAY, "day switch")):
        calendar.set_mode(mode)
        calendar.go_to(busy_day)
        app.processEvents()
        ms = [timed(calendar.next if step > 0 else calendar.previous)
              for step in [1] * 12 + [-1] * 12]  # fmt: skip
        if mode == MONTH:
            shown = f"{len(calendar.month_model.events)} events in the 6 weeks shown"
        else:
            model = calendar.week_model if mode == WEEK else calendar.day_model
            timed_items = sum(len(model.timed(d)) for d in model.dates())
            shown = f"{len(model.events)} events, {timed_items} at their hours"
        report(name, ms, shown)
    calendar.set_mode(MONTH)
    modes = [WEEK, DAY, AGENDA, MONTH] * 5
    ms = [timed(lambda m=m: calendar.set_mode(m)) for m in modes]
    report("view switch (month/week/day/agenda)", ms, f"{len(modes)} switches")
    rng = random.Random(seed)
    jumps = [dt.date(2018, 1, 1) + dt.timedelta(days=rng.randrange(3650)) for _ in range(20)]
    for mode, name in ((MONTH, "go to date, month view"), (WEEK, "go to date, week view")):
        calendar.set_mode(mode)
        ms = [timed(lambda d=d: calendar.go_to(d)) for d in jumps]
        report(name, ms, "20 random days over ten years")
    calendar.set_mode(AGENDA)
    agenda = calendar.agenda_model
    ms = [timed(lambda d=d: calendar.go_to(d)) for d in jumps[:10]]
    report("agenda from a day", ms, f"first page: {agenda.loaded_events} events")
    t0 = time.perf_counter()
    for _ in range(5):
        calendar.agenda.scrollToBottom()
        app.processEvents()
    print(
        f"agenda scrolled five pages on: {(time.perf_counter() - t0) * 1000:.0f} ms "
        f"({agenda.loaded_events} events, {(agenda.days()[-1] - agenda.days()[0]).days} days "
        "ahead)",
        flush=True,
    )
    calendar.set_mode(MONTH)

    window.show_page(ADDRESS_BOOK)
    app.processEvents()
    book = window.address_book
    terms = [
        *(rng.choice(FAMILY)[:4] for _ in range(10)),
        *(f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}" for _ in range(5)),
        *(rng.choice(TOPICS).lower()[:6] for _ in range(5)),
        *(f"{rng.randint(1, 99999)}@example" for _ in range(5)),
    ]
    timings = []
    for term in terms:
        t0 = time.perf_counter()
        book.search.setText(term)  # what the keystrokes leave in the box
        book.run_search()  # what the debounce timer calls once typing pauses
        book.table.viewport().repaint()
        app.processEvents()
        timings.append(((time.perf_counter() - t0) * 1000, term, len(book.model.people())))
    ms = [t for t, _, _ in timings]
    slowest = max(timings)
    print(
        f"address-book search: median {statistics.median(ms):.1f} ms, max {slowest[0]:.1f} ms "
        f"(term {slowest[1]!r}, {slowest[2]} rows); typing pause before searching: "
        f"{book._timer.interval()} ms"
    )
    t0 = time.perf_counter()
    book.search.setText("")
    book.run_search()
    book.table.scrollToBottom()
    app.processEvents()
    print(
        f"address book scrolled to the bottom of the first page: "
        f"{(time.perf_counter() - t0) * 1000:.1f} ms ({book.model.loaded_people} people loaded)"
    )
    print(f"RSS at the end: {rss_mb():.0f} MB", flush=True)
    window.close()
    # Leave without tearing Qt down from the garbage collector (nothing left to save).
    os._exit(0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--measure", metavar="DB", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args.measure, args.seed)
        return

    sys.path.insert(0, str(HERE))
    from db_bench import fill

    from db.engine import open_database

    folder = Path(tempfile.mkdtemp(prefix="forumdesk-ui-bench-"))
    db_path = folder / "bench.sqlite"
    t0 = time.perf_counter()
    sessions = open_database(f"sqlite:///{db_path}")
    fill(sessions, args.events, args.people, random.Random(args.seed))
    timed = give_sessions_hours(sessions, random.Random(args.seed))
    print(
        f"fill: {args.events} events, {args.people} people ({timed} sessions with hours) in "
        f"{time.perf_counter() - t0:.1f} s"
    )
    # A fresh process, so start-up time and memory are what a user gets.
    result = subprocess.run(
        [sys.executable, __file__, "--measure", str(db_path), "--seed", str(args.seed)],
        check=False,
    )
    sys.exit(result.returncode)


if __name__ == "__main__":
    main()
