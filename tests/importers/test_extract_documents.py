"""Whole documents in several house styles (invented, not from any sample): the events, dates,
places and roles a careful reader finds in each."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from importers.pipeline import load

DOCS = Path(__file__).resolve().parent.parent / "fixtures" / "extract"


def summary(name: str) -> dict[str, tuple]:
    result = load(DOCS / name)
    return {
        e.title: (e.start.iso() if e.start else None, e.end.iso() if e.end else None, e.location)
        for e in result.events
    }


def roles(name: str) -> set[tuple[str, str, str]]:
    result = load(DOCS / name)
    return {
        (panel.title or panel.kind, p.name, p.role)
        for e in result.events
        for panel in e.panels
        for p in panel.people
    }


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "water_summit_programme.txt",
            {
                "Global Water Security Summit 2024": (
                    "2024-03-12",
                    "2024-03-13",
                    "Palais des Congrès, Lyon",
                )
            },
        ),
        (
            "climate_week_news.txt",
            {
                "Savanna Climate Week": (
                    "2023-09-11",
                    "2023-09-15",
                    "Kenyatta International Convention Centre",
                )
            },
        ),
        (
            "us_symposium_release.txt",
            {"2019 National Symposium on Rural Broadband": ("2019-04-23", "2019-04-25", "Denver")},
        ),
        (
            "report_launch_invitation.eml",
            {
                "Launch of the 2025 Global Report on Food Crises": (
                    "2025-05-06",
                    "2025-05-06",
                    "Rome",
                )
            },
        ),
        (
            "past_forum_report.txt",
            {
                "Silk Road Forum on Sustainable Development": (
                    "2023-03-27",
                    "2023-03-30",
                    "Tashkent",
                )
            },
        ),
        (
            "upcoming_events_list.txt",
            {
                "International Conference on Refugee Law": (
                    "2024-06-12",
                    "2024-06-14",
                    "Oslo, Norway",
                ),
                "Expert Workshop on Data Protection": ("2024-07-03", "2024-07-03", "Vienna"),
                "5th World Congress on Migration Health": (
                    "2024-11-27",
                    "2024-11-30",
                    "San José, Costa Rica",
                ),
                "Regional Consultative Meeting on Labour Mobility": (
                    "2024-12-09",
                    "2024-12-11",
                    "Muscat",
                ),
            },
        ),
    ],
)
def test_events_dates_and_places(name: str, expected: dict[str, tuple]) -> None:
    assert summary(name) == expected


def test_programme_roles() -> None:
    found = roles("water_summit_programme.txt")
    panel_1 = "Panel 1: Financing resilient infrastructure"
    assert (panel_1, "Jonas Lindqvist", "moderator") in found
    assert (panel_1, "Helena Novak", "panelist") in found
    assert ("Panel 2: Data for water governance", "Fatou Diop", "chair") in found
    assert ("Keynote address", "Richard Holloway", "keynote") in found


def test_bulleted_panelists_after_a_colon() -> None:
    assert roles("report_launch_invitation.eml") == {
        ("panel discussion", "Rein Paulsen", "moderator"),
        ("panel discussion", "Cindy McCain", "panelist"),
        ("panel discussion", "Álvaro Lario", "panelist"),
    }


def test_subject_verbs_and_featured_speakers() -> None:
    assert roles("past_forum_report.txt") == {
        ("air quality", "Mei Lin Chen", "speaker"),
        ("Financing the transition", "Rahul Verma", "speaker"),
        ("Financing the transition", "Sara Lindgren", "speaker"),
    }


def test_contacts_in_an_email_signature() -> None:
    people = {p.name: p for p in load(DOCS / "report_launch_invitation.eml").people}
    assert people["Marta Rossi"].phones == ("+390657051234",)
    assert people["Marta Rossi"].emails == ("marta.rossi@foodcrises.example.org",)
    assert people["Lu Haoran"].title == "Director-General"


def test_labelled_date_and_venue_under_a_heading_with_a_speaker_list() -> None:
    assert summary("health_consultation_advisory.txt") == {
        "Regional Consultation on Health Workforce Migration": (
            "2025-05-12",
            "2025-05-14",
            "Harbourview Hotel, Freetown, Sierra Leone",
        )
    }
    (event,) = load(DOCS / "health_consultation_advisory.txt").events
    # a consultation of three days without named sessions keeps its speakers as its own
    assert event.panels == ()
    assert [(p.name, p.role) for p in event.people] == [
        ("Anjali Perera", "speaker"),
        ("Tomas Lindberg", "speaker"),
        ("Hana Suzuki", "speaker"),
    ]
    people = {p.name: p for p in load(DOCS / "health_consultation_advisory.txt").people}
    assert people["Tomas Lindberg"].organisation == "Regional Migration Office"


def test_a_lecture_is_the_event_not_a_session_of_itself() -> None:
    (event,) = load(DOCS / "memorial_lecture_notice.txt").events
    assert (event.title, event.start.iso(), event.location) == (
        "Hartley Memorial Lecture",
        "2022-03-03",
        "Great Hall of the University of Westhaven",
    )
    # the lecture itself is the one session, untitled, of the lecture's kind
    (session,) = event.panels
    assert (session.title, session.kind, session.date) == (None, "lecture", event.start)
    assert {(p.name, p.role) for p in session.people} == {
        ("Helen Whitcombe", "speaker"),
        ("Mark Tanaka", "chair"),
    }


def test_a_moderator_cue_does_not_reach_the_panelists_after_it() -> None:
    (summit,) = load(DOCS / "youth_summit_release.txt").events
    assert (summit.title, summit.start.iso()) == ("Youth Skills Summit", "2019-07-15")
    topic = "how to prepare young people for the jobs of tomorrow"  # what the panel will discuss
    assert roles("youth_summit_release.txt") == {
        (topic, "Zainab Badawi", "moderator"),
        (topic, "Jayathma Wickramanayake", "panelist"),
        (topic, "Guy Ryder", "panelist"),
    }
    people = {p.name: p for p in load(DOCS / "youth_summit_release.txt").people}
    # a job title written before the name like an honorific is a title, not an honorific
    assert (people["Henrietta Fore"].title, people["Henrietta Fore"].organisation) == (
        "Executive Director",
        "UNICEF",
    )
    assert people["Henrietta Fore"].honorific is None


def test_agenda_table_rows_give_sessions_and_their_people() -> None:
    # the edition's year is part of the name as written
    assert summary("digital_health_agenda.html") == {
        "Regional Forum on Digital Health 2023": (
            "2023-03-21",
            "2023-03-22",
            "Kigali Convention Centre, Kigali, Rwanda",
        )
    }
    # a session is named in its own words: "Panel: X" stays "Panel: X"
    assert roles("digital_health_agenda.html") == {
        ("Opening ceremony", "Sabin Nsanzimana", "speaker"),
        ("Panel: Financing digital public goods", "Aisha Kamara", "moderator"),
        ("Keynote: Data for health equity", "Daniel Mwangi", "keynote"),
        ("Workshop: Interoperability standards", "Paul Ochieng", "moderator"),
    }


def test_an_events_listing_gives_one_event_per_entry_with_its_speakers() -> None:
    assert summary("policy_events_listing.txt") == {
        "Can small towns keep their libraries open?": ("2031-02-04", "2031-02-04", None),
        "Paying for the high street after the pandemic": ("2031-02-18", "2031-02-18", None),
    }
    first, second = load(DOCS / "policy_events_listing.txt").events
    # the listed speakers sit in one untitled session; a hall in a caption names no kind
    (session,) = first.panels
    assert (session.title, session.kind) == (None, "panel")
    assert [p.name for p in session.people] == [
        "Marguerite Olsen",
        "Tobias Brandt",
        "Priya Raman",
    ]
    assert second.panels == ()
    people = {p.name: p for p in load(DOCS / "policy_events_listing.txt").people}
    # a second, former role after "and former" is not part of the first
    assert (people["Tobias Brandt"].title, people["Tobias Brandt"].organisation) == (
        "Chair",
        "Small Towns Alliance",
    )
    assert people["Priya Raman"].organisation == "Civic Funding Lab"


def test_front_matter_date_anchors_a_weekday_and_verbs_name_the_sittings() -> None:
    # "this Wednesday" counts from the day the front matter says the post was published
    assert summary("blog_post_front_matter.txt") == {
        "Open Records Forum": ("2031-09-10", "2031-09-10", None)
    }
    (event,) = load(DOCS / "blog_post_front_matter.txt").events
    sittings = {(p.title, p.kind): [q.name for q in p.people] for p in event.panels}
    assert sittings == {
        (None, "opening"): ["Odette Lamarre"],
        ("Retention Rules for Shared Drives", "panel"): [],
    }
    (person,) = load(DOCS / "blog_post_front_matter.txt").people
    # "to the <body>" after a title names where the person works
    assert (person.title, person.organisation) == ("Chief Records Officer", "Harbour Council")


def test_an_advisory_links_what_people_will_do_to_the_listed_sittings() -> None:
    (event,) = load(DOCS / "ministers_closing_advisory.txt").events
    # the headline is the document's title, not a sitting; the advisory's own date is not the
    # meeting's; closing remarks on the 4th end a three-day meeting
    assert (event.start.iso(), event.end.iso()) == ("2032-03-02", "2032-03-04")
    sittings = {p.title: (p.kind, p.date.iso(), [q.name for q in p.people]) for p in event.panels}
    assert sittings == {
        "Media briefings": ("media briefing", "2032-03-04", ["Amara Quist", "Lionel Baptiste"]),
        "Closing ceremony of the Fisheries Council meeting": (
            "closing ceremony",
            "2032-03-04",
            ["Ingrid Solberg", "Tomas Varga"],
        ),
    }


def test_a_conference_begun_on_the_day_of_writing_lasts_the_days_it_says() -> None:
    (event,) = load(DOCS / "capital_headline_release.txt").events
    # an all-capital headline is a sentence, not a name; the lead sentence describes the event
    assert event.title == "conference in Port Ellis on safe migration routes"
    assert (event.start.iso(), event.end.iso()) == ("2029-06-12", "2029-06-13")
    (opening,) = event.panels
    # an opening address falls on the first day of a longer event
    assert (opening.kind, opening.date.iso()) == ("opening address", "2029-06-12")
    assert [p.name for p in opening.people] == ["Rosa Delgado"]


def test_a_flattened_advisory_gives_its_sittings_with_hours_and_roles() -> None:
    (event,) = load(DOCS / "flattened_trade_show_advisory.txt").events
    assert (event.title, event.start.iso()) == ("Makers Market 2030", "2030-09-14")
    sittings = {
        p.title: (p.kind, p.start_time.isoformat(), [(q.name, q.role) for q in p.people])
        for p in event.panels
    }
    # a kind of session as a label with an hour, and a name in capitals before a day and an
    # hour, open sittings; what the sentence says each person will do gives the role
    assert sittings == {
        "PRESS CONFERENCE": (
            "press conference",
            "10:00:00",
            [("Harriet Vance", "speaker"), ("Omar Delacroix", "speaker")],
        ),
        "SPECIAL APPRENTICE BRIEFING": (
            "briefing",
            "13:30:00",
            [
                ("Celia Brandt", "moderator"),
                ("Omar Delacroix", "panelist"),
                ("Ivo Petrakis", "panelist"),
            ],
        ),
    }


def test_parts_opened_by_first_second_third_are_one_event_each() -> None:
    result = load(DOCS / "ordinal_town_halls.txt")
    # unnamed, an event takes the noun the series gives ("three upcoming town halls");
    # "Friday, March 17" fits 2034 only: a slip, two weeks after the day the post gives
    assert {e.title: e.start.iso() for e in result.events} == {
        "town hall": "2033-03-15",
        "Harbour Traders Breakfast": "2033-03-17",
        "Young Voters Town Hall": "2033-03-23",
    }
    people = {e.title: [p.name for panel in e.panels for p in panel.people] for e in result.events}
    assert people["Harbour Traders Breakfast"] == ["Lena Ortiz", "Dana Sykes"]
    titles = {p.name: p.title for p in result.people}
    # "Mayor Ortiz and Councillor Dana Sykes": the mayor's title stays the mayor's
    assert titles["Dana Sykes"] == "Councillor"
    assert titles["Ray Holt"] == "Deputy Mayor"
    # "at Casa Verde, 210 W. Front St.": a place with its address, not a person
    assert "Casa Verde" not in titles


def test_an_undated_event_during_a_stay_takes_the_stay_s_month() -> None:
    from importers.extract import extract
    from importers.records import DocumentText

    text = (
        "A delegation of Northvale University visited Lisbon from 27 to 30 March 2031 to "
        "build ties with universities there.\n\n"
        "An inaugural program in this context was organized by the Harbour Foundation at "
        "the Grand Hotel. The delegation held talks with the rector."
    )
    (event,) = extract(DocumentText(path="visit.txt", format="txt", text=text)).events
    assert (event.title, event.start.iso(), event.end.iso()) == (
        "inaugural program",
        "2031-03",
        "2031-03",
    )


def test_a_sitting_held_ahead_of_a_gathering_leaves_the_gathering_its_own_event() -> None:
    from importers.extract import extract
    from importers.records import DocumentText

    text = (
        "What? Press briefing ahead of the Annual Meetings of the Harbour Development Fund\n\n"
        "When? Wednesday, 9 April 2031; 13:00-14:00 GMT\n\n"
        "As a prelude to the Annual Meetings, the Fund's Secretary General will brief the "
        "press. The Fund will hold its 2031 Annual Meetings from May 26-30 in Lisbon.\n"
    )
    events = extract(DocumentText(path="advisory.txt", format="txt", text=text)).events
    assert {(e.title, e.start.iso(), e.end.iso()) for e in events} == {
        (
            "Press briefing ahead of the Annual Meetings of the Harbour Development Fund",
            "2031-04-09",
            "2031-04-09",
        ),
        ("Annual Meetings of the Harbour Development Fund", "2031-05-26", "2031-05-30"),
    }


def test_paragraphs_telling_each_day_are_that_day_s_sittings() -> None:
    from importers.extract import extract
    from importers.records import DocumentText

    text = (
        "The Harbour Institute hosted the first Consultation of Coastal Chairs, from 10-11 "
        "March 2031 in Lisbon.\n\n"
        "On Day 1, the Harbour Institute Director Anna Berg welcomed all the participants at "
        "the institute. The reception in the garden let the chairs meet one another.\n\n"
        "On the second day, the meeting started with an address by Dr. Tobias Renn. This was "
        "followed by a presentation by Anna Berg on the year's work.\n"
    )
    (event,) = extract(DocumentText(path="consultation.txt", format="txt", text=text)).events
    sittings = [(p.kind, p.date.iso(), [q.name for q in p.people]) for p in event.panels]
    assert sittings == [
        ("reception", "2031-03-10", ["Anna Berg"]),
        ("meeting", "2031-03-11", ["Tobias Renn", "Anna Berg"]),
    ]


def test_role_labels_under_a_titled_slot_fill_it_and_a_keynote_speaker_gives_it() -> None:
    (event,) = load(DOCS / "online_conference_programme.txt").events
    sittings = {p.title: [(q.name, q.role) for q in p.people] for p in event.panels}
    # "Join the Conversation" asks the reader to act; it is no sitting
    assert sittings == {
        "Opening Remarks": [
            ("Anna Berg", "host"),
            ("Peter Holm", "speaker"),
            ("Laura Vance", "speaker"),
        ],
        "Keynote": [("David Kerr", "moderator"), ("Maria Sousa", "keynote")],
    }


def test_each_entry_of_a_blog_keeps_its_own_dinner_and_its_own_people() -> None:
    events = load(DOCS / "dinner_series_blog.txt").events
    found = {
        e.title: [(p.kind, p.date.iso(), [(q.name, q.role) for q in p.people]) for p in e.panels]
        for e in events
    }
    # "the dinner" in both entries is not one sitting; kinds written in a row are one kind
    assert found == {
        "Paying for Clean Ports": [
            ("dinner discussion", "2031-05-05", [("Peter Holm", "chair"), ("Anna Berg", "speaker")])
        ],
        "Data at Sea": [
            (
                "roundtable dinner discussion",
                "2031-05-06",
                [("Laura Vance", "chair"), ("David Kerr", "speaker"), ("Maria Sousa", "speaker")],
            )
        ],
    }


def test_an_honorific_cut_from_its_name_by_the_layout_leaves_the_session_title() -> None:
    from importers.extract import extract
    from importers.records import DocumentText

    text = (
        "Harbour Students Summit 2031\n\n"
        "Thursday 10 June 2031\n"
        "09:00 – 09:10 Welcoming Prof\n"
        "Anna Berg, Rector, Northvale University\n"
        "09:10 – 09:30 Background and Scope\n"
        "Peter Holm, Dean of Students, Northvale University\n"
    )
    (event,) = extract(DocumentText(path="p.txt", format="txt", text=text)).events
    assert [p.title for p in event.panels] == ["Welcoming", "Background and Scope"]


def test_a_talk_split_at_the_by_that_names_its_speaker() -> None:
    from importers.extract import extract
    from importers.records import DocumentText

    text = (
        "Harbour Hack Day 2031\n\n"
        "Saturday 5 April 2031\n"
        "2:15-3:45 |\n"
        "Singing with old printers! A tale of patience, by Anna Berg\n"
        "Fixing boats with strings! Notes from the dock, by Peter Holm\n"
    )
    (event,) = extract(DocumentText(path="p.txt", format="txt", text=text)).events
    talks = {p.title: [q.name for q in p.people] for p in event.panels}
    assert talks == {
        "Singing with old printers! A tale of patience": ["Anna Berg"],
        "Fixing boats with strings! Notes from the dock": ["Peter Holm"],
    }


def test_a_notice_of_hearing_names_the_hearing_and_the_committee_chair_chairs_nothing() -> None:
    (event,) = load(DOCS / "committee_hearing_notice.txt").events
    assert (event.title, event.start.iso(), event.location) == (
        "hearing",
        "2031-03-11",
        "Conference Room 212 Harbour House 12 Quay Street",
    )
    # "Rep. Anna Berg, Chair |" is a title in a list of members, not a role in a sitting
    assert event.panels == ()
    people = {p.name: p.title for p in load(DOCS / "committee_hearing_notice.txt").people}
    assert people["Anna Berg"] == "Chair"


def test_sessions_under_a_heading_of_their_kind_take_that_kind() -> None:
    from importers.extract import extract
    from importers.records import DocumentText

    text = (
        "Harbour Law Conference 2031\n\n"
        "Day 1: 11 March 2031\n"
        "14.00-15.30 | Parallel Working Sessions: Part A\n"
        "Session 1: Ports and the Law of the Sea\n"
        ": Prof. Anna Berg, Northvale University\n"
        "Session 2: Fishing Rights\n"
        ": Dr. Peter Holm, Harbour Institute\n"
    )
    (event,) = extract(DocumentText(path="p.txt", format="txt", text=text)).events
    assert [(p.title, p.kind) for p in event.panels] == [
        ("Session 1: Ports and the Law of the Sea", "parallel working session"),
        ("Session 2: Fishing Rights", "parallel working session"),
    ]


def test_a_slot_described_after_a_dash_is_titled_by_its_words() -> None:
    from importers.extract import extract
    from importers.records import DocumentText

    text = (
        "Harbour Media Forum 2031\n\n"
        "Friday, March 14, 2031\n"
        "9:00 a.m. -- Welcome\n"
        "11:30 a.m. -- Press conference releasing new harbour studies.\n"
        "12:15 p.m. -- Afternoon plenary\n"
    )
    (event,) = extract(DocumentText(path="p.txt", format="txt", text=text)).events
    titled = {p.kind: p.title for p in event.panels}
    assert titled["press conference"] == "Press conference releasing new harbour studies"


def test_a_programme_of_parallel_sessions_under_a_titled_date_line() -> None:
    (symposium,) = load(DOCS / "symposium_programme.txt").events
    # the line under the title gives three days, though the programme shows two of them
    assert (symposium.start.iso(), symposium.end.iso()) == ("2031-09-22", "2031-09-24")
    assert symposium.location == "Westhaven University"
    sessions = {p.title: p for p in symposium.panels}
    assert "Keynote: Rising Seas and Old Harbours" in sessions
    first, second = (
        sessions["Session 1A: Flood Defences (Room 101)"],
        sessions["Session 1B: Port Economies (Room 102)"],
    )
    # parallel sessions take the hours of the slot they share, and only their own chairs
    assert (first.start_time, second.start_time) == (time(11, 0), time(11, 0))
    assert [(p.name, p.role) for p in first.people] == [("Laura Finch", "chair")]
    assert [(p.name, p.role) for p in second.people] == [("Tom Reed", "chair")]
    assert symposium.people == ()  # everyone has a part in a session
    people = {p.name: p for p in load(DOCS / "symposium_programme.txt").people}
    assert people["Hana Ito"].title == "Symposium Chair"


def test_an_event_page_with_a_meta_line_and_an_agenda_table() -> None:
    result = load(DOCS / "dialogue_page.html")
    (dialogue,) = result.events
    # the page's own heading names the event, not the lead's "hosts its annual dialogue"
    assert dialogue.title == "Blue Economy Dialogue 2031"
    assert (dialogue.start.iso(), dialogue.start_time, dialogue.end_time) == (
        "2031-02-12",
        time(10, 0),
        time(16, 0),
    )
    assert dialogue.location == "Northvale Ocean Institute, Main Auditorium"
    panel = next(p for p in dialogue.panels if p.kind == "panel")
    assert [(p.name, p.role) for p in panel.people][:2] == [
        ("Laura Finch", "moderator"),
        ("Peter Varga", "panelist"),
    ]
    people = {p.name: p for p in result.people}
    # a role label ends the description before it; a name said again is not its organisation
    assert people["Laura Finch"].organisation == "Coastal Times"
    assert (people["Maria Lowe"].title, people["Maria Lowe"].organisation) == (
        "CEO",
        "Harbour Seafoods",
    )
