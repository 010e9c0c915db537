"""De-duplication across documents: people, events, organisations."""

from __future__ import annotations

import datetime as dt

from db_helpers import extraction, store
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db.acronyms import acronym_pairs
from db.models import Event, Organisation, Person
from db.text_keys import name_keys, title_key
from importers.records import EventRecord, PartialDate, PersonRecord


def _people(sessions: sessionmaker[Session]) -> list[Person]:
    with sessions() as s:
        return list(s.scalars(select(Person).order_by(Person.id)))


def _events(sessions: sessionmaker[Session]) -> list[Event]:
    with sessions() as s:
        return list(s.scalars(select(Event).order_by(Event.id)))


def test_name_keys_ignore_honorifics_middle_names_accents_and_order() -> None:
    keys = {
        name_keys(n).name_key
        for n in ("Marta Ruiz Olmedo", "Dr. Marta Olmedo", "MARTA OLMEDO", "Olmedo, Marta")
    }
    assert keys == {"marta olmedo"}
    assert name_keys("Zoë Ørsted").name_key == "zoe orsted"


def test_title_key_drops_years_ordinals_and_stop_words() -> None:
    assert title_key("The 4th Annual Forum on Reef Health 2032") == title_key("Reef Health Forum")
    assert title_key("Reef Health Forum IV") == "forum health reef"


def test_person_name_variants_from_two_documents_become_one(sessions) -> None:
    store(sessions, extraction(people=(PersonRecord(name="Marta Ruiz Olmedo"),)))
    store(sessions, extraction(people=(PersonRecord(name="Marta Olmedo", honorific="Dr"),)))
    store(sessions, extraction(people=(PersonRecord(name="Dr Marta Olmedo"),)))
    [person] = _people(sessions)
    assert person.full_name == "Marta Ruiz Olmedo" and person.honorific == "Dr"


def test_fuzzy_name_with_same_family_name_is_the_same_person(sessions) -> None:
    store(sessions, extraction(people=(PersonRecord(name="Aleksandra Wisniewska"),)))
    store(sessions, extraction(people=(PersonRecord(name="Aleksandr Wisniewska"),)))
    assert len(_people(sessions)) == 1


def test_shared_email_joins_people_and_missing_fields_are_filled(sessions) -> None:
    first = PersonRecord(name="Kofi Mensah", emails=("k.mensah@example.org",))
    second = PersonRecord(
        name="K. Mensah",
        title="Chief Economist",
        organisation="Harbour Trust",
        emails=("k.mensah@example.org",),
        phones=("+233302000000",),
    )
    store(sessions, extraction(people=(first,)))
    store(sessions, extraction(people=(second,)))
    with sessions() as s:
        [person] = s.scalars(select(Person)).all()
        assert person.full_name == "Kofi Mensah"
        assert person.job_title == "Chief Economist"
        assert person.organisation.name == "Harbour Trust"
        assert {c.value for c in person.contacts} == {"k.mensah@example.org", "+233302000000"}


def test_filling_from_a_newcomer_does_not_overwrite_existing_fields(sessions) -> None:
    store(sessions, extraction(people=(PersonRecord(name="Kofi Mensah", title="Minister"),)))
    store(sessions, extraction(people=(PersonRecord(name="Kofi Mensah", title="Adviser"),)))
    [person] = _people(sessions)
    assert person.job_title == "Minister"


def test_conflicting_emails_keep_two_people_apart(sessions) -> None:
    store(sessions, extraction(people=(PersonRecord(name="Li Wei", emails=("li.wei@a.example",)),)))
    store(sessions, extraction(people=(PersonRecord(name="Li Wei", emails=("lw@b.example",)),)))
    assert len(_people(sessions)) == 2


def test_different_given_names_with_one_family_name_stay_apart(sessions) -> None:
    store(sessions, extraction(people=(PersonRecord(name="Hanna Lindqvist"),)))
    store(sessions, extraction(people=(PersonRecord(name="Johan Lindqvist"),)))
    assert len(_people(sessions)) == 2


def test_shared_phone_with_the_same_family_name_joins_people(sessions) -> None:
    store(sessions, extraction(people=(PersonRecord(name="Bo Lindqvist", phones=("+4681234",)),)))
    store(
        sessions,
        extraction(people=(PersonRecord(name="Bosse Lindqvist", phones=("+4681234",)),)),
    )
    store(sessions, extraction(people=(PersonRecord(name="Eva Holm", phones=("+4681234",)),)))
    assert [p.full_name for p in _people(sessions)] == ["Bo Lindqvist", "Eva Holm"]


def test_acronym_and_full_name_paired_in_text_become_one_organisation(sessions) -> None:
    store(
        sessions,
        extraction(
            "Experts from the Coastal Resilience Network (CRN) met.",
            people=(PersonRecord(name="Ana Lobo", organisation="CRN"),),
        ),
    )
    store(
        sessions,
        extraction(
            "CRN (Coastal Resilience Network) said.",
            people=(PersonRecord(name="Rui Sal", organisation="Coastal Resilience Network"),),
        ),
    )
    store(sessions, extraction(people=(PersonRecord(name="Ivo Mar", organisation="crn"),)))
    with sessions() as s:
        [org] = s.scalars(select(Organisation)).all()
        assert (org.name, org.acronym) == ("Coastal Resilience Network", "CRN")
        assert len(org.people) == 3


def test_organisation_known_by_acronym_takes_the_full_name_later(sessions) -> None:
    store(sessions, extraction(people=(PersonRecord(name="Ana Lobo", organisation="CRN"),)))
    store(
        sessions,
        extraction(
            people=(PersonRecord(name="Rui Sal", organisation="Coastal Resilience Network (CRN)"),)
        ),
    )
    with sessions() as s:
        [org] = s.scalars(select(Organisation)).all()
        assert (org.name, org.acronym) == ("Coastal Resilience Network", "CRN")


def test_acronym_pairs_read_both_orders_and_ignore_other_parentheses() -> None:
    text = "The Nordic Seed Bank (NSB) and IPA (International Potato Alliance) in Oslo (Norway)."
    assert acronym_pairs(text) == {
        "NSB": "Nordic Seed Bank",
        "IPA": "International Potato Alliance",
    }


def test_month_precision_event_matches_a_day_inside_that_month(sessions) -> None:
    month = EventRecord(title="Reef Health Forum", kind="forum", start=PartialDate(2032, 9))
    day = EventRecord(
        title="4th Reef Health Forum 2032",
        kind="forum",
        start=PartialDate(2032, 9, 14),
        end=PartialDate(2032, 9, 15),
        location="Apia",
    )
    store(sessions, extraction(events=(month,)))
    store(sessions, extraction(events=(day,)))
    [event] = _events(sessions)
    assert (event.start_date, event.end_date) == (dt.date(2032, 9, 14), dt.date(2032, 9, 15))
    assert event.start_precision == "day" and event.location == "Apia"
    assert event.title == "Reef Health Forum"


def test_undated_event_matches_by_title_alone(sessions) -> None:
    day = EventRecord(title="Reef Health Forum", kind="forum", start=PartialDate(2032, 9, 14))
    store(sessions, extraction(events=(day,)))
    store(sessions, extraction(events=(EventRecord(title="the Reef Health Forum", kind="forum"),)))
    assert len(_events(sessions)) == 1


def test_same_title_in_another_year_is_another_event(sessions) -> None:
    for year in (2031, 2032):
        record = EventRecord(title="Reef Health Forum", kind="forum", start=PartialDate(year, 9, 1))
        store(sessions, extraction(events=(record,)))
    assert len(_events(sessions)) == 2


def test_different_titles_on_the_same_days_stay_apart(sessions) -> None:
    for title in ("Reef Health Forum", "Forum on Desert Agriculture"):
        record = EventRecord(title=title, kind="forum", start=PartialDate(2032, 9, 1))
        store(sessions, extraction(events=(record,)))
    assert len(_events(sessions)) == 2
