"""Items that came with another program's UID are exported under that UID, as written, so that
calendar and address-book clients keep one item per UID; importing the export back finds the
same items (no duplicates)."""

from __future__ import annotations

from pathlib import Path

import vobject
from icalendar import Calendar
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from db.models import Event, Panel, Person
from db.store import import_documents
from desktop_app.export import export_ics, export_vcf

SHORT = "fd-ev-0001"
LONG = "040000008200E00074C5B7101A82E0080000000070A1B2C3D4E5F60@calendar.example.org"
VERY_LONG = "x" * 280 + "@calendar.example.org"  # longer than the column: kept as a hash
PANEL = "fd-panel-7"
THUNDERBIRD = "6B29FC40-CA47-1067-B31D-00DD010662DA"  # a foreign UID that looks like ours
CARD_SHORT = "card-42"
CARD_URN = "urn:uuid:F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6"

ICS = f"""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example//Other Calendar//EN
BEGIN:VEVENT
UID:{SHORT}
DTSTAMP:20250101T000000Z
DTSTART;VALUE=DATE:20260310
SUMMARY:Tidewater Forum
END:VEVENT
BEGIN:VEVENT
UID:{PANEL}
DTSTAMP:20250101T000000Z
DTSTART:20260310T100000
DTEND:20260310T113000
SUMMARY:Panel on Estuaries
RELATED-TO;RELTYPE=PARENT:{SHORT}
END:VEVENT
BEGIN:VEVENT
UID:{LONG}
DTSTAMP:20250101T000000Z
DTSTART;VALUE=DATE:20260411
SUMMARY:Glasshouse Summit
END:VEVENT
BEGIN:VEVENT
UID:{VERY_LONG}
DTSTAMP:20250101T000000Z
DTSTART;VALUE=DATE:20260512
SUMMARY:Lantern Conference
END:VEVENT
BEGIN:VEVENT
UID:{THUNDERBIRD}
DTSTAMP:20250101T000000Z
DTSTART;VALUE=DATE:20260613
SUMMARY:Orchard Dialogue
END:VEVENT
END:VCALENDAR
"""

VCF = f"""BEGIN:VCARD
VERSION:3.0
UID:{CARD_SHORT}
FN:Odile Brannock
N:Brannock;Odile;;;
EMAIL;TYPE=INTERNET:odile@example.org
END:VCARD
BEGIN:VCARD
VERSION:3.0
UID:{CARD_URN}
FN:Tamsin Quillfeather
N:Quillfeather;Tamsin;;;
END:VCARD
"""


def _write(path: Path, text: str) -> Path:
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    return path


def _import(sessions: sessionmaker[Session], *paths: Path) -> None:
    summary = import_documents(sessions, paths, accept=True)
    assert not summary.failed, [(r.path, r.reason) for r in summary.failed]


def _counts(sessions: sessionmaker[Session]) -> tuple[int, int, int]:
    with sessions() as s:
        return tuple(s.scalar(select(func.count(m.id))) for m in (Event, Panel, Person))


def test_foreign_uids_are_exported_as_written_and_read_back_as_the_same_items(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    source = tmp_path / "source"
    source.mkdir()
    _import(sessions, _write(source / "other.ics", ICS), _write(source / "other.vcf", VCF))
    before = _counts(sessions)
    assert before == (4, 1, 2)

    out = tmp_path / "out"
    out.mkdir()
    assert export_ics(sessions, out / "forums.ics") == 4
    assert export_vcf(sessions, out / "people.vcf") == 2
    calendar = Calendar.from_ical((out / "forums.ics").read_bytes())
    assert sorted(str(c["UID"]) for c in calendar.walk("VEVENT")) == sorted(
        [SHORT, PANEL, LONG, VERY_LONG, THUNDERBIRD]
    )
    (panel,) = [c for c in calendar.walk("VEVENT") if str(c["UID"]) == PANEL]
    assert str(panel["RELATED-TO"]) == SHORT
    cards = vobject.readComponents((out / "people.vcf").read_text(encoding="utf-8"))
    assert sorted(card.uid.value for card in cards) == sorted([CARD_SHORT, CARD_URN])

    _import(sessions, out / "forums.ics", out / "people.vcf")
    assert _counts(sessions) == before
