"""Window yardstick: the main window over 100k events and 100k people, offscreen.

Fills a fresh SQLite file with the generator of ``bench/db_bench.py``, then starts a fresh
process that opens the window on it and prints: time until the main window is shown (from
process start, imports included), month switch, address-book search (keystroke to rows shown,
the typing pause excluded) and the resident memory.

    .venv/bin/python bench/ui_bench.py [--events 100000] [--people 100000]
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402 - the clock starts before any import
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


def measure(db_path: str, seed: int) -> None:
    """Runs in the child process: open the window and time what a user waits for."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from db.engine import open_database
    from desktop_app.app import apply_style
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
    print(f"main window shown: {shown * 1000:.0f} ms (from process start)")
    print(f"RSS after start: {rss_mb():.0f} MB")
    sys.path.insert(0, str(HERE))
    from db_bench import FAMILY, GIVEN, TOPICS

    calendar = window.calendar
    switches = []
    for step in [1] * 12 + [-1] * 12:
        t0 = time.perf_counter()
        calendar.next() if step > 0 else calendar.previous()
        calendar.month_grid.viewport().repaint()
        app.processEvents()
        switches.append((time.perf_counter() - t0) * 1000)
    shown_events = len(calendar.month_model.events)
    print(
        f"month switch: median {statistics.median(switches):.1f} ms, "
        f"max {max(switches):.1f} ms ({shown_events} events in the last 6 weeks shown)"
    )

    window.show_page(ADDRESS_BOOK)
    app.processEvents()
    book = window.address_book
    rng = random.Random(seed)
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
    fill(open_database(f"sqlite:///{db_path}"), args.events, args.people, random.Random(args.seed))
    print(f"fill: {args.events} events, {args.people} people in {time.perf_counter() - t0:.1f} s")
    # A fresh process, so start-up time and memory are what a user gets.
    result = subprocess.run(
        [sys.executable, __file__, "--measure", str(db_path), "--seed", str(args.seed)],
        check=False,
    )
    sys.exit(result.returncode)


if __name__ == "__main__":
    main()
