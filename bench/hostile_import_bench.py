"""Hostile-input yardstick: a corpus of broken, huge, deep, strange and ordinary files imported
in one run under a memory limit and a time limit, then three imports side by side.

Builds the corpus in a folder (a temporary one unless --folder is given):

- good files: the bundled samples, generated press releases that share their people, an HTML
  page, an e-mail, a .docx, a .pdf, calendars (another program's, a programme with panels,
  eight events on one day, 10,000 VEVENTs with distinct UIDs, dates in years 1 and 9999),
  address books (vCard 2.1/3.0/4.0, UTF-16, a stray byte, broken pictures, base64 names),
  200,000 nested <div>, file names with bytes that are not UTF-8 and with terminal commands;
- bad files, each with the reason it must be named with: empty, blank, binary, mislabelled,
  truncated and corrupt documents, the broken .ics/.vcf fixtures, a 25 MB text, a 3 GB sparse
  .vcf, a .docx that expands to 2 GiB, a named pipe, a link to /dev/zero, an unreadable folder.

Then it runs ``forumdesk import`` on the whole corpus in one process limited to 1 GiB of
address space and a time limit, and checks: no traceback, no hang, every bad file named with
its reason, every good file and every good card imported, peak memory under the limit. A few
cases are also timed alone (10,000 VEVENTs, the docx bomb, the nested divs, the pipe). Last,
three imports of overlapping folders run side by side and must end as one import does, with no
failure; and unusable databases must give one line, exit status 2 and an unchanged file.

    .venv/bin/python bench/hostile_import_bench.py [--small] [--folder DIR] [--time-limit S]
        [--with-long-lines]

--small builds smaller giants (1,000 VEVENTs, a 256 MB docx bomb) for the test suite.
--with-long-lines adds documents made of one long line of capitalised words, names and dates
(100 KB and 7 MB), which the extractor must analyse, or give up on, within its time budget.
Exits with status 1 when a check fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import resource
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
MEMORY_LIMIT = 1 << 30

sys.path.insert(0, str(REPO))
from desktop_app.terminal_text import terminal_text  # noqa: E402
from importers.vcf import read_vcf  # noqa: E402

# Press releases sharing six people and four organisations.
PEOPLE = [
    ("Jane Roe", "Director", "Nordic Grid Institute", "jane.roe@nordicgrid.example"),
    ("Tomás Økland", "Chief Engineer", "Harbour Power", "tomas@harbour.example"),
    ("Lena Varga", "Analyst", "Nordic Grid Institute", "lena.varga@nordicgrid.example"),
    ("Marta Kowal", "Press Officer", "Amber Sea Council", "marta@ambersea.example"),
    ("Piotr Zieliński", "President", "Amber Sea Council", "piotr@ambersea.example"),
    ("Amara Okafor", "Programme Manager", "Lagos Water Board", "amara@lagos.example"),
]
TOPICS = ["Energy", "Water", "Climate", "Ocean", "Health", "Transport", "Digital", "Food"]
CITIES = ["Riga", "Gdańsk", "Tallinn", "Oslo", "Lagos", "Geneva"]


@dataclass
class Corpus:
    root: Path
    good: list[Path] = field(default_factory=list)  # must be imported as new
    bad: dict[Path, str] = field(default_factory=dict)  # must be named with this reason
    cards: list[Path] = field(default_factory=list)  # address books whose cards must be kept
    folders: dict[Path, str] = field(default_factory=dict)  # unreadable folders

    def add_good(self, path: Path) -> Path:
        self.good.append(path)
        return path

    def add_bad(self, path: Path, reason: str) -> Path:
        self.bad[path] = reason
        return path


def press_release(n: int) -> str:
    host, contact = PEOPLE[n % len(PEOPLE)], PEOPLE[(n * 5 + 1) % len(PEOPLE)]
    topic, city, year = TOPICS[n % len(TOPICS)], CITIES[n % len(CITIES)], 2030 + n // 8
    return (
        f"Press release\n\nThe {city} {topic} Forum {year} will take place on {1 + n % 27} "
        f"March {year} in {city}. It will be moderated by {host[0]}, {host[1]} of the "
        f"{host[2]}.\n\nContact:\n{contact[0]}\n{contact[1]}, {contact[2]}\n"
        f"E-mail: {contact[3]}\n"
    )


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF with a text layer (ISO 32000-1 §7.5: objects, xref table, trailer)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def programme_docx(path: Path, padding_mb: int = 0) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("Delta Cities Forum", level=1)
    document.add_paragraph("The Delta Cities Forum will take place on 4 May 2031 in Rotterdam.")
    document.add_paragraph("Moderator: Femke de Vries, Director, Delta Institute")
    document.save(str(path))
    if padding_mb:  # a part of zeros: a ZIP bomb of a few megabytes
        with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            with archive.open("word/media/padding.bin", "w", force_zip64=True) as part:
                chunk = bytes(1 << 24)
                for _ in range(padding_mb // 16):
                    part.write(chunk)
    return path


def bulk_calendar(path: Path, count: int) -> Path:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Example//Bulk//EN"]
    for n in range(count):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=n % 365)
        lines += [
            "BEGIN:VEVENT",
            f"UID:bulk-{n}@example.org",
            "DTSTAMP:20250101T000000Z",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"SUMMARY:Board Meeting {n}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def build_corpus(root: Path, small: bool, long_lines: bool) -> Corpus:
    corpus = Corpus(root)
    good, bad = root / "good", root / "bad"
    for folder in (good / "a", good / "b", good / "c", bad):
        folder.mkdir(parents=True, exist_ok=True)
    # Ordinary documents, spread over three folders for the side-by-side imports.
    for n, sample in enumerate(sorted((REPO / "resources" / "samples").iterdir())):
        corpus.add_good(Path(shutil.copy(sample, good / "abc"[n % 3] / sample.name)))
    for n in range(30):
        path = good / "abc"[n % 3] / f"release{n:02d}.txt"
        path.write_text(press_release(n), encoding="utf-8")
        corpus.add_good(path)
    for name in ("press_release.html", "invitation_html_only.eml", "programme_both_parts.eml"):
        corpus.add_good(Path(shutil.copy(FIXTURES / "readers" / name, good / "a" / name)))
    corpus.add_good(programme_docx(good / "b" / "programme.docx"))
    pdf = good / "c" / "forum.pdf"
    pdf.write_bytes(minimal_pdf("The Baltic Forum takes place on 3 October 2031 in Riga."))
    corpus.add_good(pdf)
    for name in (
        "other_program.ics",
        "programme_with_panels.ics",
        "eight_events_one_day.ics",
        "year_one.ics",
    ):
        corpus.add_good(Path(shutil.copy(FIXTURES / "ics" / name, good / "b" / name)))
    for name in (
        "address_book_30.vcf",
        "contact_40.vcf",
        "legacy_21.vcf",
        "utf16_bom.vcf",
        "stray_byte.vcf",
        "seven_cards_broken_photo.vcf",
        "base64_names.vcf",
        "broken_cards.vcf",
    ):
        path = corpus.add_good(Path(shutil.copy(FIXTURES / "vcf" / name, good / "c" / name)))
        corpus.cards.append(path)
    # Hostile but readable.
    corpus.add_good(bulk_calendar(root / "bulk.ics", 1_000 if small else 10_000))
    nested = root / "nested.html"
    depth = 200_000
    nested.write_text("<html><body>" + "<div>" * depth + "The Deep Forum" + "</div>" * depth)
    corpus.add_good(nested)
    odd = root / os.fsdecode(b"caf\xe9 \x1b[31mred\nline.txt")
    odd.write_text(press_release(99), encoding="utf-8")
    corpus.add_good(odd)
    if long_lines:
        words = (
            "The Delegates Of The Regional Forum Met In Geneva On 3 May 2031 With Dr Jane Roe, "
            "Director Of The Nordic Grid Institute, "
        )
        for name, size in (("long_100kb.txt", 100_000), ("long_7mb.txt", 7_000_000)):
            corpus.add_good(bad.parent / name).write_text(words * (size // len(words)))
    # Broken, huge and not files at all.
    writes = {
        "empty.txt": (b"", "the file is empty"),
        "blank.txt": (b"  \n\t\n", "the file holds only whitespace"),
        "binary.txt": (random.Random(1).randbytes(4096), "binary data, not text"),
        "pdf_named.html": (minimal_pdf("x"), "a PDF file, not HTML"),
        "cut.pdf": (minimal_pdf("cut")[:200], "not a PDF file (corrupt or truncated)"),
        "corrupt.docx": (b"PK\x03\x04" + bytes(200), "not a DOCX file (corrupt or truncated)"),
        "legacy.docx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "legacy Word"),
        "not_mail.eml": (b"just some words\n", "not an e-mail message"),
    }
    for name, (data, reason) in writes.items():
        (bad / name).write_bytes(data)
        corpus.add_bad(bad / name, reason)
    corpus.add_bad(sparse(bad / "huge.txt", 25_000_000), "file too large (25 MB; limit 20 MB)")
    corpus.add_bad(sparse(bad / "huge.vcf", 3 << 30), "file too large (3221.2 MB")
    bomb = programme_docx(bad / "bomb.docx", 256 if small else 2048)
    corpus.add_bad(bomb, "expands to ")
    for kind, names in (
        ("ics", ("empty", "binary", "truncated", "not_a_calendar", "no_events")),
        ("vcf", ("empty", "binary", "truncated", "not_a_vcard", "no_name")),
    ):
        reasons = {
            "empty": "the file is empty",
            "binary": "binary file",
            "truncated": "truncated",
            "not_a_calendar": "not an iCalendar file",
            "no_events": "no events",
            "not_a_vcard": "not a vCard file",
            "no_name": "no vCard with a name",
        }
        for name in names:
            path = Path(shutil.copy(FIXTURES / kind / f"{name}.{kind}", bad / f"{name}.{kind}"))
            corpus.add_bad(path, reasons[name])
    if hasattr(os, "mkfifo"):
        os.mkfifo(bad / "x.txt")
        corpus.add_bad(bad / "x.txt", "not a regular file (a named pipe)")
    (bad / "zero.txt").symlink_to("/dev/zero")
    corpus.add_bad(bad / "zero.txt", "not a regular file (a device)")
    locked = bad / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(press_release(1), encoding="utf-8")
    locked.chmod(0)
    corpus.folders[locked] = "cannot read the folder (Permission denied)"
    return corpus


def without_root() -> list[str]:
    """A command prefix that drops root's right to read any folder (root reads them all)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        return []
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--inh-caps", "-all"]


@dataclass
class Run:
    status: int
    seconds: float
    peak_mb: float
    out: str
    err: str
    timed_out: bool = False


def forumdesk(
    db: str, *args: str, limit: int = MEMORY_LIMIT, timeout: float = 900, prefix: list[str] = ()
) -> Run:
    """Run ``forumdesk`` in its own process under an address-space limit; its own peak
    resident memory comes from wait4()."""

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            [*prefix, sys.executable, "-m", "desktop_app.cli", "--db", db, *args],
            stdout=out,
            stderr=err,
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            preexec_fn=limit_memory,
        )
        timed_out = False
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                _, status, usage = os.wait4(process.pid, 0)
                timed_out = True
                break
            time.sleep(0.05)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        return Run(
            process.returncode,
            seconds,
            usage.ru_maxrss / 1024,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            timed_out,
        )


def stored_names(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        return {row[0] for row in connection.execute("SELECT full_name FROM person")}


def table_counts(path: Path) -> dict[str, int]:
    tables = ("document", "event", "panel", "person", "organisation", "contact_point")
    connection = sqlite3.connect(path)
    try:
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        connection.close()


class Checks:
    def __init__(self) -> None:
        self.failed: list[str] = []

    def check(self, ok: bool, what: str) -> None:
        print(f"  {'ok  ' if ok else 'FAIL'} {what}")
        if not ok:
            self.failed.append(what)


def import_whole_corpus(corpus: Corpus, checks: Checks, time_limit: float) -> None:
    db = corpus.root / "hostile.sqlite"
    prefix = without_root()
    url = f"sqlite:///{db}"
    run = forumdesk(url, "import", str(corpus.root), timeout=time_limit, prefix=prefix)
    print(
        f"one import of the whole corpus ({len(corpus.good)} good files, {len(corpus.bad)} bad "
        f"files): {run.seconds:.1f} s, peak {run.peak_mb:.0f} MB resident (limit "
        f"{MEMORY_LIMIT >> 20} MB of address space)"
    )
    print("  " + (run.out.strip().splitlines() or ["(no summary)"])[-1])
    checks.check(not run.timed_out, f"finished within the time limit ({time_limit:.0f} s)")
    checks.check("Traceback" not in run.err, "no traceback")
    checks.check(run.peak_mb < MEMORY_LIMIT >> 20, "peak memory under 1 GB")
    lines = set(run.err.splitlines())
    missing = [
        f"{p.name}: {reason}"
        for p, reason in corpus.bad.items()
        if not any(
            line.startswith(f"forumdesk: {terminal_text(str(p))}: ") and reason in line
            for line in lines
        )
    ]
    checks.check(not missing, f"every bad file named with its reason ({len(corpus.bad)})")
    for item in missing:
        print(f"       missing: {item}")
    if prefix or os.geteuid() != 0:
        for folder, reason in corpus.folders.items():
            checks.check(
                f"forumdesk: {folder}: {reason}" in lines, f"unreadable folder named: {reason}"
            )
    else:
        print("  skip unreadable folder: running as root without setpriv")
    not_new = [
        p.name
        for p in corpus.good
        if not any(f"] {terminal_text(str(p))} … new" in line for line in lines)
    ]
    checks.check(not not_new, f"every good file imported ({len(corpus.good)})")
    for name in not_new:
        print(f"       not imported: {terminal_text(name)}")
    names = stored_names(db)
    expected = {person.name for path in corpus.cards for person in read_vcf(path).people}
    checks.check(expected <= names, f"every good card imported ({len(expected)} names)")
    counts = table_counts(db)
    print(f"  stored: {counts}")


def time_alone(corpus: Corpus, checks: Checks) -> None:
    """The giants one at a time: time and peak memory of an import of that file alone."""
    print("cases alone (time, peak resident memory of the importing process):")
    cases = [
        ("bulk.ics", corpus.root / "bulk.ics", " … new — "),
        ("bomb.docx", corpus.root / "bad" / "bomb.docx", "expands to "),
        ("nested.html", corpus.root / "nested.html", " … new — "),
        ("huge.vcf", corpus.root / "bad" / "huge.vcf", "file too large"),
    ]
    if (corpus.root / "bad" / "x.txt").exists():
        cases.append(("x.txt (pipe)", corpus.root / "bad" / "x.txt", "not a regular file"))
    for name, path, expected in cases:
        db = corpus.root / f"alone-{hashlib.sha1(name.encode()).hexdigest()[:8]}.sqlite"
        run = forumdesk(f"sqlite:///{db}", "import", str(path), timeout=600)
        line = next((ln for ln in run.err.splitlines() if ln.startswith("[1/1]")), run.err)
        print(f"  {name:<14} {run.seconds:6.1f} s {run.peak_mb:6.0f} MB  {line.split(' … ')[-1]}")
        checks.check(expected in run.err and not run.timed_out, f"{name}: {expected.strip()}")
        if name == "bulk.ics":
            events = table_counts(db)["event"]
            wanted = sum(1 for ln in path.read_text().splitlines() if ln == "BEGIN:VEVENT")
            checks.check(events == wanted, f"{wanted:,} VEVENTs with distinct UIDs: {events:,}")


def side_by_side(corpus: Corpus, checks: Checks) -> None:
    good = corpus.root / "good"
    a, b, c = (str(good / name) for name in "abc")
    one = corpus.root / "one.sqlite"
    single = forumdesk(f"sqlite:///{one}", "import", a, b, c)
    shared = corpus.root / "shared.sqlite"
    forumdesk(f"sqlite:///{shared}", "list", "events")  # made before the race
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    started = time.perf_counter()
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "desktop_app.cli", "--db", f"sqlite:///{shared}", "import", *p],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
            env=env,
        )
        for p in ((a, b), (b, c), (c, a))
    ]
    outputs = [process.communicate(timeout=900) for process in processes]
    seconds = time.perf_counter() - started
    print(f"three imports of overlapping folders side by side: {seconds:.1f} s")
    failures = [ln for _, err in outputs for ln in err.splitlines() if "failed" in ln]
    checks.check(
        all(p.returncode == 0 for p in processes) and not failures,
        f"no failure ({len(failures)} failed lines, single import status {single.status})",
    )
    checks.check(
        not any("IntegrityError" in err or "locked" in err for _, err in outputs),
        "no IntegrityError, no 'database is locked'",
    )
    same = table_counts(shared) == table_counts(one)
    checks.check(same, f"same counts as one import: {table_counts(shared)}")


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bad_databases(corpus: Corpus, checks: Checks) -> None:
    print("unusable databases (one line, exit status 2, file unchanged):")
    folder = corpus.root / "databases"
    folder.mkdir()
    random_file = folder / "random.sqlite"
    random_file.write_bytes(random.Random(2).randbytes(50_000))
    good = shutil.copy(corpus.root / "one.sqlite", folder / "truncated.sqlite")
    data = Path(good).read_bytes()
    Path(good).write_bytes(data[: len(data) // 2])
    newer = Path(shutil.copy(corpus.root / "one.sqlite", folder / "newer.sqlite"))
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    urls = {
        "random bytes": f"sqlite:///{random_file}",
        "truncated": f"sqlite:///{good}",
        "newer schema": f"sqlite:///{newer}",
        "bad URL": "no such url",
        "unreachable PostgreSQL": f"postgresql+psycopg://x@127.0.0.1:{closed_port()}/x",
    }
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    for name, url in urls.items():
        run = forumdesk(url, "list", "events", timeout=120)
        lines = run.err.splitlines()
        ok = run.status == 2 and len(lines) == 1 and not run.out
        checks.check(ok, f"{name}: {lines[0] if lines else '(nothing)'}")
    after = {p.name: p.read_bytes() for p in folder.iterdir()}
    checks.check(after == before, "no database file changed, no backup written")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, help="build the corpus here (must not exist)")
    parser.add_argument("--small", action="store_true", help="smaller giants, for tests")
    parser.add_argument("--time-limit", type=float, default=600, help="seconds (default 600)")
    parser.add_argument("--with-long-lines", action="store_true")
    args = parser.parse_args()
    root = args.folder or Path(tempfile.mkdtemp(prefix="forumdesk-hostile-"))
    root.mkdir(parents=True, exist_ok=True)
    checks = Checks()
    try:
        started = time.perf_counter()
        corpus = build_corpus(root, args.small, args.with_long_lines)
        print(f"corpus built in {time.perf_counter() - started:.1f} s under {root}")
        import_whole_corpus(corpus, checks, args.time_limit)
        time_alone(corpus, checks)
        side_by_side(corpus, checks)
        bad_databases(corpus, checks)
    finally:
        for locked in root.rglob("locked"):
            locked.chmod(0o755)
        if args.folder is None:
            shutil.rmtree(root, ignore_errors=True)
    print(f"{len(checks.failed)} check(s) failed" if checks.failed else "all checks passed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
