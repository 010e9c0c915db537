"""Importing our own export back into the same database changes nothing."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db.models import Event, Panel, Participation, Person
from db.store import import_documents
from desktop_app.export import export_ics, export_vcf


def _snapshot(sessions: sessionmaker[Session]) -> dict[str, object]:
    with sessions() as s:
        events = {
            e.uuid: (
                e.title, e.kind, e.start_date, e.start_precision, e.end_date, e.end_precision,
                e.start_time, e.end_time, e.timezone, e.location, e.description, e.status,
                e.revision,
            )
            for e in s.scalars(select(Event))
        }  # fmt: skip
        panels = {
            p.uuid: (p.event.uuid, p.title, p.kind, p.date, p.start_time, p.end_time,
                     p.location, p.status, p.revision)
            for p in s.scalars(select(Panel))
        }  # fmt: skip
        people = {
            p.uuid: (
                p.full_name, p.honorific, p.given_name, p.family_name, p.job_title, p.notes,
                p.status, p.revision, p.organisation.name if p.organisation else None,
                sorted((c.kind, c.value) for c in p.contacts),
            )
            for p in s.scalars(select(Person))
        }  # fmt: skip
        roles = sorted(
            (p.person.uuid, p.panel.uuid if p.panel else "", p.role)
            for p in s.scalars(select(Participation))
        )
    return {"events": events, "panels": panels, "people": people, "roles": roles}


def test_importing_our_export_back_changes_nothing(
    sample: sessionmaker[Session], tmp_path: Path
) -> None:
    before = _snapshot(sample)
    ics = tmp_path / "out" / "forums.ics"
    vcf = tmp_path / "out" / "people.vcf"
    ics.parent.mkdir()
    assert export_ics(sample, ics, include_approximate=True) == 4
    assert export_vcf(sample, vcf) == 3
    summary = import_documents(sample, [ics.parent])
    assert [r.status for r in summary.results] == ["new", "new"], summary.results
    after = _snapshot(sample)
    assert after["events"] == before["events"]
    assert after["panels"] == before["panels"]
    assert after["people"] == before["people"]
    assert after["roles"] == before["roles"]
