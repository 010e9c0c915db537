"""Queries for the calendar, the address book, review and export."""

from __future__ import annotations

import datetime as dt

import pytest
from db_helpers import extraction, store
from sqlalchemy.orm import Session, sessionmaker

from db import edits, queries
from db.models import Status
from importers.records import EventRecord, PanelRecord, PartialDate, Participant, PersonRecord

D = dt.date


@pytest.fixture
def calendar(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    events = (
        EventRecord("Spring Seed Forum", "forum", PartialDate(2033, 3, 10)),
        EventRecord("Glacier Summit", "summit", PartialDate(2033, 3, 30), PartialDate(2033, 4, 2)),
        EventRecord("Harbour Conference", "conference", PartialDate(2033, 4, 15)),
        EventRecord("Tundra Week", "conference", PartialDate(2033, 4)),
        EventRecord("Steppe Dialogue", "dialogue"),
        EventRecord("Long Expo", "exhibition", PartialDate(2032, 12, 1), PartialDate(2033, 5, 31)),
    )
    store(sessions, extraction(events=events))
    return sessions


def _titles(events: list) -> list[str]:
    return [e.title for e in events]


def test_events_in_range_includes_events_crossing_the_month_boundary(
    calendar: sessionmaker[Session],
) -> None:
    with calendar() as s:
        march = queries.events_in_range(s, D(2033, 3, 1), D(2033, 3, 31))
        april = queries.events_in_range(s, D(2033, 4, 1), D(2033, 4, 30))
        february = queries.events_in_range(s, D(2033, 2, 1), D(2033, 2, 28))
        june = queries.events_in_range(s, D(2033, 6, 1), D(2033, 6, 30))
    assert _titles(march) == ["Long Expo", "Spring Seed Forum", "Glacier Summit"]
    assert _titles(april) == ["Long Expo", "Glacier Summit", "Harbour Conference"]
    assert _titles(february) == ["Long Expo"]
    assert june == []


def test_approximate_events_are_the_month_year_and_undated_ones(
    calendar: sessionmaker[Session],
) -> None:
    with calendar() as s:
        assert _titles(queries.approximate_events(s)) == ["Tundra Week", "Steppe Dialogue"]


def test_upcoming_and_latest(calendar: sessionmaker[Session]) -> None:
    with calendar() as s:
        assert _titles(queries.upcoming_events(s, D(2033, 4, 1), limit=2)) == [
            "Long Expo",
            "Glacier Summit",
        ]
        assert queries.latest_event_date(s) == D(2033, 4, 15)


def test_rejected_events_are_hidden_unless_asked_for(calendar: sessionmaker[Session]) -> None:
    with calendar.begin() as s:
        [harbour] = queries.search_events(s, "harbour")
        edits.set_status(s, "event", harbour.id, Status.REJECTED)
    with calendar() as s:
        assert queries.search_events(s, "harbour") == []
        rejected = queries.search_events(s, "harbour", statuses=[Status.REJECTED])
        assert _titles(rejected) == ["Harbour Conference"]
        assert queries.events_for_export(s, search="harbour") == []
        assert len(queries.events_for_export(s, search="harbour", include_rejected=True)) == 1


def test_search_and_count_events_by_text_and_dates(calendar: sessionmaker[Session]) -> None:
    with calendar() as s:
        assert _titles(queries.search_events(s, "SUMMIT glacier")) == ["Glacier Summit"]
        in_april = queries.search_events(s, date_from=D(2033, 4, 1), date_to=D(2033, 4, 30))
        assert _titles(in_april) == [
            "Long Expo",
            "Glacier Summit",
            "Tundra Week",
            "Harbour Conference",
        ]
        assert queries.count_events(s, date_from=D(2033, 4, 1), date_to=D(2033, 4, 30)) == 4
        assert queries.count_events(s) == 6


@pytest.fixture
def address_book(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    people = (
        PersonRecord(
            name="Zoë Ångström",
            title="Policy Lead",
            organisation="Polar Science Council (PSC)",
            emails=("z.angstrom@polar.example",),
            phones=("+41229171234",),
        ),
        PersonRecord(name="Amadou Diallo", organisation="Sahel Water Fund"),
        PersonRecord(name="Bea Costa", organisation="Polar Science Council"),
        PersonRecord(name="Nils Unattached"),
    )
    store(sessions, extraction(people=people))
    return sessions


def _names(people: list) -> list[str]:
    return [p.full_name for p in people]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("angs", ["Zoë Ångström"]),  # accent-insensitive fragment
        ("ZOE", ["Zoë Ångström"]),
        ("policy", ["Zoë Ångström"]),  # job title
        ("polar", ["Zoë Ångström", "Bea Costa"]),  # organisation, then family name order
        ("psc", ["Zoë Ångström", "Bea Costa"]),  # acronym
        ("polar.example", ["Zoë Ångström"]),  # e-mail
        ("9171234", ["Zoë Ångström"]),  # phone digits
        ("022 917 12 34", ["Zoë Ångström"]),  # national form with spaces
        ("+41 22 917", ["Zoë Ångström"]),
        ("di", ["Amadou Diallo"]),  # short fragment
        ("costa polar", ["Bea Costa"]),  # every word must match
        ("nobody", []),
    ],
)
def test_search_people(address_book: sessionmaker[Session], text: str, expected: list[str]) -> None:
    with address_book() as s:
        assert _names(queries.search_people(s, text)) == expected
        assert queries.count_people(s, text) == len(expected)


def test_people_are_ordered_by_organisation_then_name_unaffiliated_last(
    address_book: sessionmaker[Session],
) -> None:
    with address_book() as s:
        people = queries.search_people(s, limit=3)
        assert _names(people) == ["Zoë Ångström", "Bea Costa", "Amadou Diallo"]
        assert people[0].organisation.acronym == "PSC"
        assert [c.value for c in people[0].contacts] == ["+41229171234", "z.angstrom@polar.example"]
        assert _names(queries.search_people(s, offset=3)) == ["Nils Unattached"]


def test_search_follows_edits_of_contacts_and_names(address_book: sessionmaker[Session]) -> None:
    with address_book.begin() as s:
        [nils] = queries.search_people(s, "nils")
        edits.update_person(
            s, nils.id, full_name="Nils Ødegård", emails=["nils@fjord.example"], phones=[]
        )
    with address_book() as s:
        assert _names(queries.search_people(s, "odegard")) == ["Nils Ødegård"]
        assert _names(queries.search_people(s, "fjord")) == ["Nils Ødegård"]
        assert queries.search_people(s, "unattached") == []


def test_review_items_and_export_queries(sessions: sessionmaker[Session]) -> None:
    event = EventRecord(
        "Mangrove Forum",
        "forum",
        PartialDate(2034, 1, 20),
        panels=(PanelRecord("Roots", "panel", people=(Participant("Ida Berg", "speaker"),)),),
    )
    first = store(sessions, extraction(events=(event,)))
    store(sessions, extraction(people=(PersonRecord(name="Olu Ade"),)))
    with sessions() as s:
        items = queries.review_items(s, first.document_id)
        assert [type(i).__name__ for i in items] == ["Event", "Panel", "Person"]
        assert items[0].mentions[0].document.id == first.document_id
        assert len(queries.review_items(s)) == 4
        [exported] = queries.events_for_export(s)
        assert exported.panels[0].participations[0].person.full_name == "Ida Berg"
        people = queries.people_for_export(s, event_ids=[exported.id])
        assert _names(people) == ["Ida Berg"]
        assert queries.counts(s) == {
            "events": 1,
            "panels": 1,
            "people": 2,
            "documents": 2,
            "suggested": 4,
        }


def test_busiest_month_counts_events_and_their_sessions(sessions: sessionmaker[Session]) -> None:
    day = PartialDate.parse
    store(
        sessions,
        extraction(
            events=(
                EventRecord(
                    "Fjord Forum",
                    "forum",
                    day("2015-03-02"),
                    day("2015-03-03"),
                    panels=(
                        PanelRecord("Ice", "panel", day("2015-03-02")),
                        PanelRecord("Snow", "panel", day("2015-03-03")),
                    ),
                ),
                EventRecord("Late Summit", "summit", day("2019-11-05"), day("2019-11-05")),
                EventRecord("Vague Days", "days", day("2020-02"), day("2020-02")),
            )
        ),
    )
    with sessions() as s:
        assert queries.busiest_month(s) == D(2015, 3, 1)
        assert queries.latest_event_date(s) == D(2019, 11, 5)


def test_panels_on_days_keeps_the_asked_events_day_dated_sessions_in_the_range(
    sessions: sessionmaker[Session],
) -> None:
    day = PartialDate.parse
    store(
        sessions,
        extraction(
            events=(
                EventRecord(
                    "Reef Forum",
                    "forum",
                    day("2041-05-02"),
                    day("2041-05-04"),
                    panels=(
                        PanelRecord("Late", "panel", day("2041-05-03"), dt.time(15, 0)),
                        PanelRecord("Untimed", "panel", day("2041-05-03")),
                        PanelRecord("Early", "workshop", day("2041-05-03"), dt.time(9, 0)),
                        PanelRecord("Opening", "session", day("2041-05-02")),
                        PanelRecord("Vague", "panel", day("2041-05")),
                        PanelRecord("After", "panel", day("2041-05-09")),
                        PanelRecord("Refused", "panel", day("2041-05-03")),
                    ),
                ),
                EventRecord(
                    "Kelp Days",
                    "days",
                    day("2041-05-03"),
                    panels=(PanelRecord("Other", "panel", day("2041-05-03")),),
                ),
            )
        ),
    )
    with sessions.begin() as s:
        [reef] = [e.id for e in queries.search_events(s, "reef")]
        [kelp] = [e.id for e in queries.search_events(s, "kelp")]
        [refused] = [p.id for p in queries.event_detail(s, reef).panels if p.title == "Refused"]
        edits.set_status(s, "panel", refused, Status.REJECTED)
    with sessions() as s:
        rows = queries.panels_on_days(s, [reef], D(2041, 5, 1), D(2041, 5, 7))
        both = queries.panels_on_days(s, [reef, kelp], D(2041, 5, 3), D(2041, 5, 3))
        with_rejected = queries.panels_on_days(
            s, [reef], D(2041, 5, 3), D(2041, 5, 3), statuses=list(Status)
        )
        assert queries.panels_on_days(s, [], D(2041, 5, 1), D(2041, 5, 7)) == []
    assert [(r.title, r.date, r.event_id) for r in rows] == [
        ("Opening", D(2041, 5, 2), reef),
        ("Early", D(2041, 5, 3), reef),
        ("Late", D(2041, 5, 3), reef),
        ("Untimed", D(2041, 5, 3), reef),
    ]
    assert rows[1].kind == "workshop" and rows[1].start_time == dt.time(9, 0)
    assert sorted(r.title for r in both) == ["Early", "Late", "Other", "Untimed"]
    assert "Refused" in {r.title for r in with_rejected}


def test_month_sessions_are_read_from_the_covering_panel_index(
    sessions: sessionmaker[Session],
) -> None:
    statement = queries._panels_on_days_query().params(
        first=D(2041, 5, 1), last=D(2041, 5, 31), statuses=list(queries.VISIBLE)
    )
    with sessions() as s:
        sql = statement.compile(s.get_bind(), compile_kwargs={"literal_binds": True})
        plan = " ".join(
            row[-1] for row in s.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")
        )
    assert "COVERING INDEX ix_panel_day" in plan
