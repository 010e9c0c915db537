"""Import results count what a document added, not what it held (issue 14: "400 new
documents: 880 events, 1,360 people" while the database held 15 events and 43 people)."""

from __future__ import annotations

from db_helpers import extraction, store
from sqlalchemy.orm import Session, sessionmaker

from db.store import ImportSummary
from importers.records import EventRecord, PanelRecord, PartialDate, Participant, PersonRecord


def _forum(*people: str) -> EventRecord:
    panel = PanelRecord(
        title="Reef futures",
        kind="panel",
        date=PartialDate(2033, 4, 2),
        people=tuple(Participant(name, "panelist") for name in people),
    )
    return EventRecord(
        "Coral Forum", "forum", PartialDate(2033, 4, 2), PartialDate(2033, 4, 3), panels=(panel,)
    )


def test_issue_14_import_counts_new_and_merged_items(sessions: sessionmaker[Session]) -> None:
    first = store(
        sessions,
        extraction(events=(_forum("Ana Reis"),), people=(PersonRecord(name="Ana Reis"),)),
    )
    second = store(
        sessions,
        extraction(
            events=(_forum("Ana Reis", "Olu Bade"),),
            people=(PersonRecord(name="Ana Reis", title="Diver"),),
        ),
    )
    assert (first.events, first.panels, first.people) == (1, 1, 1)
    assert (first.new_events, first.new_panels, first.new_people) == (1, 1, 1)
    # The second document holds the same forum, panel and person, and one new person.
    assert (second.events, second.panels, second.people) == (1, 1, 2)
    assert (second.new_events, second.new_panels, second.new_people) == (0, 0, 1)
    summary = ImportSummary(results=[first, second])
    assert [summary.added(k) for k in ("events", "panels", "people")] == [1, 1, 2]
    assert [summary.merged(k) for k in ("events", "panels", "people")] == [1, 1, 1]


def test_issue_14_an_item_read_twice_in_one_document_is_new_once(
    sessions: sessionmaker[Session],
) -> None:
    result = store(
        sessions,
        extraction(
            people=(PersonRecord(name="Ana Reis"), PersonRecord(name="Ana Reis", title="Diver"))
        ),
    )
    assert (result.people, result.new_people) == (1, 1)


def test_issue_14_a_document_with_nothing_found_says_so(sessions: sessionmaker[Session]) -> None:
    empty = store(sessions, extraction("Just a note with no forum in it."))
    full = store(sessions, extraction(people=(PersonRecord(name="Ana Reis"),)))
    assert empty.status == "new" and empty.found_nothing
    assert not full.found_nothing
