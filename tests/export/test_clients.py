"""Real clients accept our exports: khal (calendar), khard (address book), Radicale (server)."""

from __future__ import annotations

import base64
import contextlib
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import vobject
from export_rows import load_events, load_people, tool, tool_env
from icalendar import Calendar
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.export.ics import ics_objects, render_ics
from desktop_app.export.vcf import iter_vcf

TIMEOUT = 30


def _run(args: list[str], home: Path) -> str:
    done = subprocess.run(
        args, env=tool_env(home), capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


# --- khal -----------------------------------------------------------------------------------


KHAL_CONFIG = """\
[calendars]
[[forums]]
path = {vdir}
type = calendar

[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Europe/Prague
default_timezone = Europe/Prague

[default]
default_calendar = forums
"""


def test_khal_shows_every_event_on_its_days(sample: sessionmaker[Session], tmp_path: Path) -> None:
    vdir = tmp_path / "calendar"
    vdir.mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(KHAL_CONFIG.format(vdir=vdir), encoding="utf-8")
    ics = tmp_path / "export.ics"
    with sample() as s:
        ics.write_bytes(render_ics(load_events(s), include_approximate=True).encode())
    khal = tool("khal")
    _run([khal, "-c", str(config), "import", "--batch", "-a", "forums", str(ics)], tmp_path)
    out = _run(
        [
            khal, "-c", str(config), "list", "--once", "--day-format", "",
            "--format", "{start-date}|{end-date}|{start-time}|{end-time}|{title}",
            "1988-01-01", "1989-12-31",
        ],
        tmp_path,
    )  # fmt: skip
    rows = {tuple(line.split("|"))[-1]: tuple(line.split("|")) for line in out.splitlines() if line}
    assert rows["Water Summit"] == ("1988-06-15", "1988-06-16", "", "", "Water Summit")
    assert rows["debate lab"][:2] == ("1988-06-15", "1988-06-16")
    assert rows["Opening session"] == (
        "1988-06-15", "1988-06-15", "09:00", "10:30", "Opening session",
    )  # fmt: skip
    assert rows["Evening Talk"] == ("1988-06-20", "1988-06-20", "18:30", "20:00", "Evening Talk")
    # 23:00 UTC on New Year's Eve is midnight in Prague
    assert rows["Call"] == ("1989-01-01", "1989-01-01", "00:00", "02:00", "Call")
    assert rows["Autumn Forum (date approximate)"][:2] == ("1988-10-01", "1988-10-31")
    assert len(rows) == 6


# --- khard ----------------------------------------------------------------------------------


KHARD_CONFIG = """\
[addressbooks]
[[forums]]
path = {vdir}

[general]
default_action = list
editor = true
merge_editor = true

[contact table]
display = first_name
sort = last_name
show_uids = no

[vcard]
preferred_version = 3.0
search_in_source_files = no
skip_unparsable = no
"""


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_khard_reads_names_phones_and_emails(
    sample: sessionmaker[Session], tmp_path: Path, version: str
) -> None:
    vdir = tmp_path / "contacts"
    vdir.mkdir()
    with sample() as s:
        for index, card in enumerate(iter_vcf(load_people(s), version=version)):
            (vdir / f"{index}.vcf").write_bytes(card.encode("utf-8"))
    config = tmp_path / "khard.conf"
    config.write_text(KHARD_CONFIG.format(vdir=vdir), encoding="utf-8")
    khard = tool("khard")
    listing = _run([khard, "-c", str(config), "list"], tmp_path)
    for name in ("Zdeněk Čížek", "Maria de la Cruz", "Ola Nordmann"):
        assert name in listing
    assert "Wrong Person" not in listing
    phones = _run([khard, "-c", str(config), "phone", "--parsable"], tmp_path)
    numbers = {
        line.split("\t")[0]: line.split("\t")[2].upper()
        for line in phones.splitlines()
        if "\tZdeněk Čížek\t" in line
    }
    assert numbers == {
        "+420234567890": "WORK, VOICE",
        "+420234567891": "WORK, FAX",
        "+420601234567": "WORK, CELL, VOICE",
    }
    emails = _run([khard, "-c", str(config), "email", "--parsable"], tmp_path)
    assert {tuple(line.split("\t")[:2]) for line in emails.splitlines() if "@" in line} == {
        ("zdenek.cizek@example.org", "Zdeněk Čížek"),
        ("mdlc@example.net", "Maria de la Cruz"),
    }
    shown = _run([khard, "-c", str(config), "show", "Čížek"], tmp_path)
    assert "Ústav pro zkoušky, a.s." in shown
    assert "Head of Unit" in shown
    assert "FAX" in shown.upper()


# --- Radicale -------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def radicale(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    log = (tmp_path / "radicale.log").open("wb")
    process = subprocess.Popen(
        [
            sys.executable, "-m", "radicale", "--config", "",
            "--storage-filesystem-folder", str(tmp_path / "collections"),
            "--server-hosts", f"127.0.0.1:{port}", "--auth-type", "none",
            "--rights-type", "owner_only", "--web-type", "none",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=tool_env(tmp_path),
    )  # fmt: skip
    try:
        deadline = time.monotonic() + TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail("Radicale exited: " + (tmp_path / "radicale.log").read_text())
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            if time.monotonic() > deadline:
                pytest.fail("Radicale did not start")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


AUTH = "Basic " + base64.b64encode(b"tester:secret").decode()

MKCALENDAR = b"""<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:set><D:prop><D:displayname>Forums</D:displayname></D:prop></D:set>
</C:mkcalendar>"""

MKCOL_BOOK = b"""<?xml version="1.0" encoding="utf-8"?>
<D:mkcol xmlns:D="DAV:" xmlns:CR="urn:ietf:params:xml:ns:carddav">
  <D:set><D:prop>
    <D:resourcetype><D:collection/><CR:addressbook/></D:resourcetype>
  </D:prop></D:set>
</D:mkcol>"""


def _request(url: str, method: str, body: bytes | None = None, ctype: str = "") -> bytes:
    request = urllib.request.Request(url, data=body, method=method)
    request.add_header("Authorization", AUTH)
    if ctype:
        request.add_header("Content-Type", ctype)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            assert 200 <= response.status < 300
            return response.read()
    except urllib.error.HTTPError as exc:
        pytest.fail(f"{method} {url}: {exc.code} {exc.read()[:500]!r}")


def _event_fields(text: str) -> dict[str, tuple]:
    cal = Calendar.from_ical(text)
    out = {}
    for c in cal.walk("VEVENT"):
        participants = tuple(
            (str(p["SUMMARY"]), str(p["PARTICIPANT-TYPE"]))
            for p in c.subcomponents
            if p.name == "PARTICIPANT"
        )
        out[str(c["UID"])] = (
            str(c["SUMMARY"]),
            c["DTSTART"].dt,
            c["DTEND"].dt if "DTEND" in c else None,
            str(c.get("DESCRIPTION", "")),
            str(c.get("LOCATION", "")),
            str(c.get("RELATED-TO", "")),
            int(c["SEQUENCE"]),
            participants,
        )
    return out


def _card_fields(text: str) -> tuple:
    card = vobject.readOne(text)
    return (
        card.uid.value,
        card.fn.value,
        str(card.n.value),
        sorted(t.value for t in card.contents.get("tel", [])),
        sorted(e.value for e in card.contents.get("email", [])),
        card.contents["note"][0].value if "note" in card.contents else None,
    )


def test_radicale_stores_and_returns_every_event_and_contact(
    sample: sessionmaker[Session], tmp_path: Path
) -> None:
    with sample() as s:
        objects = ics_objects(load_events(s), include_approximate=True, alarm_days=1)
        cards = {}
        for card in iter_vcf(load_people(s), version="3.0"):
            cards[vobject.readOne(card).uid.value.split(":")[-1]] = card
    with radicale(tmp_path) as base:
        calendar = f"{base}/tester/forums/"
        book = f"{base}/tester/people/"
        _request(calendar, "MKCALENDAR", MKCALENDAR, "application/xml")
        _request(book, "MKCOL", MKCOL_BOOK, "application/xml")
        for uid, text in objects.items():
            name = uid.split("@")[0]
            _request(f"{calendar}{name}.ics", "PUT", text.encode(), "text/calendar")
        for uid, text in cards.items():
            _request(f"{book}{uid}.vcf", "PUT", text.encode(), "text/vcard")
        for uid, text in objects.items():
            stored = _request(f"{calendar}{uid.split('@')[0]}.ics", "GET").decode()
            assert _event_fields(stored) == _event_fields(text)
        for uid, text in cards.items():
            stored = _request(f"{book}{uid}.vcf", "GET").decode()
            assert _card_fields(stored) == _card_fields(text)
    assert len(objects) == 6
    assert len(cards) == 3
