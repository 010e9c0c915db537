"""Events and panels: names, dates tied to the right gathering, places, sessions and roles."""

from __future__ import annotations

from datetime import date, time

import pytest

from importers.extract import extract
from importers.extract.places import lookup
from importers.records import DocumentText, EventRecord, Extraction


def run(text: str, reference: date | None = None) -> Extraction:
    return extract(DocumentText(path="t.txt", format="txt", text=text, reference_date=reference))


def events_of(text: str, reference: date | None = None) -> dict[str, EventRecord]:
    return {e.title: e for e in run(text, reference).events}


def iso(event: EventRecord) -> tuple[str | None, str | None]:
    return (event.start.iso() if event.start else None, event.end.iso() if event.end else None)


def test_named_event_with_a_day_range_and_a_city() -> None:
    events = events_of(
        "The Baltic Energy Forum will take place on 3-4 October 2022 in Riga, bringing together "
        "ministers and investors."
    )
    forum = events["Baltic Energy Forum"]
    assert iso(forum) == ("2022-10-03", "2022-10-04")
    assert forum.location == "Riga"
    assert forum.timezone == "Europe/Riga"


def test_events_in_a_list_take_their_own_months_and_the_sentences_year() -> None:
    events = events_of(
        "Three meetings matter in 2019: the Arctic Ocean Summit in March, the Global Forum on "
        "Fisheries in June, and the Ministerial Conference on Oceans in November."
    )
    assert iso(events["Arctic Ocean Summit"]) == ("2019-03", "2019-03")
    assert iso(events["Global Forum on Fisheries"]) == ("2019-06", "2019-06")
    assert iso(events["Ministerial Conference on Oceans"]) == ("2019-11", "2019-11")


def test_month_precision_is_kept() -> None:
    events = events_of("The Regional Conference on Housing of April 2011 was held in Lisbon.")
    conference = events["Regional Conference on Housing"]
    assert iso(conference) == ("2011-04", "2011-04")
    assert conference.location == "Lisbon"


def test_dateline_range_belongs_to_the_event_of_the_paragraph() -> None:
    events = events_of(
        "3-5 May – The minister will speak tomorrow (3/5) at the three-day “Mountain Water "
        "Days” event in Cusco. The Mountain Water Days were first held in 2015."
    )
    assert iso(events["Mountain Water Days"]) == ("2015-05-03", "2015-05-05")


def test_undated_references_are_not_events() -> None:
    result = run("The Global Forum on Fisheries (GFF) is a process that brings states together.")
    assert result.events == ()


def test_a_standing_body_is_an_event_only_when_it_meets() -> None:
    events = events_of(
        "The Northern Health Committee – the body of ministers of the region – will meet in "
        "Tallinn from 11 to 14 September 2023. The Northern Health Council published a report "
        "on 2 May 2023."
    )
    assert iso(events["Northern Health Committee"]) == ("2023-09-11", "2023-09-14")
    assert "Northern Health Council" not in events


@pytest.mark.parametrize(
    ("text", "title", "days", "place"),
    [
        (
            "WHAT: 2011 Community Radio Convention\nWHERE: Civic Centre Hall, Leeds\n"
            "WHEN: Mar. 4-6, 2011\nWHO: station volunteers\n",
            "2011 Community Radio Convention",
            ("2011-03-04", "2011-03-06"),
            "Civic Centre Hall, Leeds",
        ),
        (
            # the values on the lines below their labels; a WHERE of table cells
            "MEDIA ADVISORY\n\nWHAT:\n\nHarbour Mayors Press Briefing\n\nWHO:\n\n"
            "Jane Roe, Mayor\n\nWHEN:\n\nTuesday, 4 March 2031 at 10:00\n\n"
            "WHERE:\n\nOld Customs House | 2 Quay Street | Porto Quill\n\nNOTE:\n\nBring ID.\n",
            "Harbour Mayors Press Briefing",
            ("2031-03-04", "2031-03-04"),
            "Old Customs House, 2 Quay Street, Porto Quill",
        ),
    ],
)
def test_what_when_where_block(text: str, title: str, days: tuple[str, str], place: str) -> None:
    event = events_of(text)[title]
    assert (iso(event), event.location) == (days, place)


def test_a_dated_act_becomes_an_event() -> None:
    events = events_of(
        "Talks continue on the Ocean Treaty for Small Islands, which is expected to be signed "
        "on 5 and 6 June 2025 in Samoa."
    )
    treaty = events["Signing of the Ocean Treaty for Small Islands"]
    assert iso(treaty) == ("2025-06-05", "2025-06-06")
    assert treaty.location == "Samoa"


def test_generic_reference_carries_the_date_and_venue_to_the_named_event() -> None:
    text = (
        "The Coastal Policy School takes place this weekend.\n"
        "The venue is Harbour College in Napier and the School opens on Friday 7 July at "
        "6 pm and continues until Sunday."
    )
    school = events_of(text, reference=date(2023, 7, 3))["Coastal Policy School"]
    assert iso(school) == ("2023-07-07", "2023-07-09")
    assert "Napier" in school.location
    assert school.start_time == time(18, 0)


def test_release_date_is_not_the_event_date() -> None:
    events = events_of(
        "Lusaka, 2 February 2024 – Ministers will meet for the Zambezi Seed Week, which runs "
        "from 19 to 23 February 2024."
    )
    assert iso(events["Zambezi Seed Week"]) == ("2024-02-19", "2024-02-23")


@pytest.mark.parametrize(
    "dateline",
    [
        "DENVER, Colo. — March 3, 2025 — ",
        "OSLO (3 March 2025) – ",
        "SAN JOSE, March 3, 2025 /Newswire/ -- ",
        "Bergen, Norway (3 March 2025) – ",
        "Lisbon — 3 March 2025 — ",
    ],
)
def test_datelines_in_several_house_styles_are_not_the_event_date(dateline: str) -> None:
    text = dateline + "The Rural Data Summit will take place on April 10, 2025, in Denver."
    assert iso(events_of(text)["Rural Data Summit"]) == ("2025-04-10", "2025-04-10")


def test_a_date_in_brackets_after_an_event_name_is_its_date() -> None:
    events = events_of("The Rural Data Summit (10 April 2025) – a day on rural networks.")
    assert iso(events["Rural Data Summit"]) == ("2025-04-10", "2025-04-10")


def test_year_inferred_from_the_reference_date() -> None:
    events = events_of(
        "The one-day conference, Futures of Public Media, will run on Friday, December 1.",
        reference=date(2023, 11, 27),
    )
    assert iso(events["Futures of Public Media"]) == ("2023-12-01", "2023-12-01")


def test_panel_with_quoted_title_moderator_and_panelists() -> None:
    text = (
        "Cities Forum 2021 opens on 8 June 2021 in Porto.\n"
        "On 8 June a high-level panel “Housing for all: what works” will include "
        "Rita Alves, Mayor of Braga, and Jonas Berg, Director, Nordic Housing Agency.\n"
        "It will be moderated by Emma Clarke, Editor of City Review."
    )
    forum = events_of(text)["Cities Forum 2021"]
    (panel,) = forum.panels
    assert panel.title == "Housing for all: what works"
    assert panel.kind == "high-level panel"
    assert panel.date.iso() == "2021-06-08"
    roles = {p.name: p.role for p in panel.people}
    assert roles == {"Rita Alves": "panelist", "Jonas Berg": "panelist", "Emma Clarke": "moderator"}


def test_opening_remarks_and_subject_verbs_give_roles() -> None:
    text = (
        "The Youth Climate Summit will be held on 2 April 2022 in Accra. The summit will begin "
        "with opening remarks from Kwame Boateng, Minister of Environment, and Aisha Bello, "
        "President of the Youth Council. Later, Daniel Osei moderates “Voices of the Coast” "
        "panel."
    )
    summit = events_of(text)["Youth Climate Summit"]
    by_kind = {p.kind: p for p in summit.panels}
    opening = by_kind["opening remarks"]  # the kind in the text's own words
    assert {(p.name, p.role) for p in opening.people} == {
        ("Kwame Boateng", "speaker"),
        ("Aisha Bello", "speaker"),
    }
    assert opening.date.iso() == "2022-04-02"  # a one-day event's sessions are on its day
    coast = next(p for p in summit.panels if p.title == "Voices of the Coast")
    assert [(p.name, p.role) for p in coast.people] == [("Daniel Osei", "moderator")]


def test_timed_programme_under_day_headings() -> None:
    text = (
        "Urban Mobility Congress 2024\n\n"
        "Tuesday, 12 March 2024\n"
        "09:00 – 09:30 Opening session\n"
        "Welcome remarks by Dr. Amina Yusuf, Director-General, Transit Council\n"
        "09:30 – 11:00 Panel 1: Financing clean buses\n"
        "Moderator: Jonas Lind, Senior Economist, Northern Bank\n"
        "Panellists: Priya Raman, Minister of Transport; Carl Mendes, CEO, BusCo\n\n"
        "Wednesday, 13 March 2024\n"
        "10:00 – 11:00 Keynote address by Sir Richard Hollins\n"
    )
    congress = events_of(text)["Urban Mobility Congress 2024"]
    assert iso(congress) == ("2024-03-12", "2024-03-13")
    panels = {p.kind: p for p in congress.panels}
    assert panels["opening session"].start_time == time(9, 0)
    assert [(p.name, p.role) for p in panels["opening session"].people] == [
        ("Amina Yusuf", "speaker")
    ]
    panel = panels["panel"]
    assert panel.title == "Panel 1: Financing clean buses"  # the session's own words
    assert panel.date.iso() == "2024-03-12"
    assert {p.name: p.role for p in panel.people} == {
        "Jonas Lind": "moderator",
        "Priya Raman": "panelist",
        "Carl Mendes": "panelist",
    }
    keynote = panels["keynote address"]
    assert keynote.date.iso() == "2024-03-13"
    assert [(p.name, p.role) for p in keynote.people] == [("Richard Hollins", "keynote")]


def test_several_mentions_become_one_event() -> None:
    text = (
        "The Danube Rivers Forum (DRF) opens on 9 May 2018 in Vienna. "
        "More than 300 delegates will attend the Danube Rivers Forum. At the DRF, ministers "
        "will sign a declaration."
    )
    result = run(text)
    assert [e.title for e in result.events] == ["Danube Rivers Forum"]
    assert len(result.events[0].spans) >= 3


def test_a_founding_year_does_not_date_the_event() -> None:
    result = run(
        "The Harbour Trust, set up in 2000, joins the Coastal Summit, which takes place "
        "between 27-30 November with a panel on tides moderated by Jane Roe."
    )
    (summit,) = result.events
    assert summit.title == "Coastal Summit"
    assert summit.start is None  # no year is given for November: none is invented


def test_quoted_name_after_a_generic_noun() -> None:
    events = events_of(
        "Join us for the online webinar “Data for Migration Policy” on 5 May 2021 at 14:00 CET."
    )
    webinar = events["Data for Migration Policy"]
    assert iso(webinar) == ("2021-05-05", "2021-05-05")
    assert webinar.start_time == time(14, 0)


def test_title_line_takes_the_dates_and_place_of_the_line_under_it() -> None:
    text = (
        "Northern Ministerial Conference on Coastal Resilience\n\n"
        "Tartu, Estonia, 19–22 September 2026\n\n"
        "Ministers and mayors from twelve countries meet to agree on a plan.\n"
        "Tuesday 20 September: field visits.\n"
    )
    conference = events_of(text)["Northern Ministerial Conference on Coastal Resilience"]
    assert iso(conference) == ("2026-09-19", "2026-09-22")
    assert conference.location == "Tartu, Estonia"
    assert conference.timezone == "Europe/Tallinn"


def test_date_line_that_is_a_sentence_gives_no_place() -> None:
    text = (
        "Northern Water Forum\n"
        "Members met in Copenhagen on 3 March 2025 and approved the accounts of the year.\n"
    )
    assert all(e.location in (None, "Copenhagen") for e in run(text).events)


def test_a_day_heading_a_programme_does_not_shorten_the_event() -> None:
    text = (
        "Nordic Data Summit\n"
        "Monday 12 May 2025\n"
        "09:00 Opening session\n"
        "Tuesday 13 May 2025\n"
        "10:00 Closing session\n"
        "The Nordic Data Summit runs on 12 and 13 May 2025 in Oslo.\n"
    )
    assert iso(events_of(text)["Nordic Data Summit"]) == ("2025-05-12", "2025-05-13")


def test_programme_items_named_like_sessions_are_sessions_not_events() -> None:
    text = (
        "Andean Forum on Mountain Water\n"
        "Bogotá, Colombia, 6–7 October 2025\n\n"
        "Monday 6 October\n"
        "09:00 – 10:00  Opening Ceremony\n"
        "Keynote: Ms Rosa Quispe, Minister of Environment\n"
        "10:30 – 12:00  High-Level Dialogue: Glaciers and Cities\n"
        "Moderator: Mr Diego Vera, Editor, Andes Review\n"
    )
    events = run(text).events
    assert [e.title for e in events] == ["Andean Forum on Mountain Water"]
    (forum,) = events
    sessions = {(p.kind, p.title): p for p in forum.panels}
    opening = sessions[("opening ceremony", "Opening Ceremony")]
    assert (opening.start_time, opening.end_time) == (time(9, 0), time(10, 0))
    assert [(p.name, p.role) for p in opening.people] == [("Rosa Quispe", "keynote")]
    dialogue = sessions[("high-level dialogue", "High-Level Dialogue: Glaciers and Cities")]
    assert dialogue.date.iso() == "2025-10-06"
    assert [(p.name, p.role) for p in dialogue.people] == [("Diego Vera", "moderator")]


def test_event_keeps_the_hours_and_the_north_american_zone_it_is_given() -> None:
    (summit,) = run(
        "The Prairie Data Summit will take place on Thursday, April 10, 2025, from 9:00 a.m. "
        "to 4:30 p.m. ET in Minneapolis."
    ).events
    assert (summit.start_time, summit.end_time) == (time(9, 0), time(16, 30))
    assert summit.timezone == "America/New_York"


def test_quoted_title_after_on_names_the_panel() -> None:
    (summit,) = run(
        "The Prairie Data Summit opens on 10 April 2025 in Regina. A panel discussion on "
        '"Closing the Last-Mile Gap" will be moderated by Tom Becker, Senior Editor at Field '
        "Notes."
    ).events
    (panel,) = summit.panels
    assert (panel.kind, panel.title) == ("panel discussion", "Closing the Last-Mile Gap")
    assert [(p.name, p.role) for p in panel.people] == [("Tom Becker", "moderator")]


def test_document_titled_by_its_kind_of_gathering_names_the_event() -> None:
    text = (
        "Webinar: Water Data for Small Towns\n\n"
        "Join us on Wednesday 18 June 2025, 14:00–15:30 CEST, for a webinar organised by the "
        "River Basin Network.\n"
    )
    events = events_of(text)
    assert iso(events["Water Data for Small Towns"]) == ("2025-06-18", "2025-06-18")


def test_a_standing_body_named_with_a_full_stop_is_no_event() -> None:
    text = (
        "Webinar: Water Data for Small Towns\n\n"
        "Join us on Wednesday 18 June 2025 for a webinar. The discussion will be moderated by "
        "Pia Lund, Senior Researcher at the Nordic Water Institute.\n"
    )
    assert "Nordic Water Institute" not in events_of(text)


def test_people_listed_under_a_speakers_heading_speak() -> None:
    text = (
        "The Delta Water Forum opens on 3 May 2025 in Porto with a panel on river deltas.\n\n"
        "Speakers\n"
        "- Pia Lund, Senior Researcher, Nordic Water Institute\n"
        "- Ana Ruiz, Mayor of Valencia\n"
    )
    (forum,) = run(text).events
    listed = {(p.name, p.role) for panel in forum.panels for p in panel.people}
    listed |= {(p.name, p.role) for p in forum.people}
    assert listed == {("Pia Lund", "speaker"), ("Ana Ruiz", "speaker")}


def test_a_webinar_page_gives_the_webinar_its_hours_and_people() -> None:
    text = (
        "Webinar: Water Data for Small Towns\n\n"
        "Join us on Wednesday 18 June 2025, 14:00–15:30 CEST, for a webinar organised by the "
        "River Basin Network. The discussion will be moderated by Pia Lund, Senior Researcher "
        "at the Nordic Water Institute.\n"
    )
    (webinar,) = run(text).events
    assert (webinar.start_time, webinar.end_time) == (time(14, 0), time(15, 30))
    # the webinar is the event's one session: untitled, of its kind, with its moderator
    (session,) = webinar.panels
    assert (session.title, session.kind) == (None, "webinar")
    assert [(p.name, p.role) for p in session.people] == [("Pia Lund", "moderator")]


def test_a_spanish_forum_in_capitals_with_its_quoted_name_and_a_moderated_table() -> None:
    text = (
        'FORO INTERNACIONAL "MAREAS Y CIUDADES"\n\n'
        "El foro se realizará del 12 al 14 de marzo de 2031 en Lisboa. El jueves habrá una "
        "mesa integrada por la senadora Laura Vance y el economista Peter Holm. Con la "
        "coordinación del periodista David Kerr, debatirán sobre los puertos del futuro.\n"
    )
    (forum,) = run(text).events
    assert forum.title == "FORO INTERNACIONAL MAREAS Y CIUDADES"
    assert iso(forum) == ("2031-03-12", "2031-03-14")
    (table,) = forum.panels
    # a sentence opening with the moderator's cue goes on about the table just described
    assert table.kind == "mesa"
    assert {(p.name, p.role) for p in table.people} == {
        ("Laura Vance", "panelist"),
        ("Peter Holm", "panelist"),
        ("David Kerr", "moderator"),
    }


def test_a_small_capital_city_is_a_place_where_a_small_town_is_not() -> None:
    # a capital of 40,000 people is where things happen; a town that size needs context
    assert lookup("Honiara") is not None
    assert lookup("Castries") is not None


def test_the_main_event_takes_the_place_its_own_sentence_names() -> None:
    text = (
        "MEDIA RELEASE\n\n"
        "Island states agree on a shared fisheries plan\n\n"
        "Ministers from eleven island states ended a three-day conference in Honiara on coastal "
        "fisheries on 14 May 2031 with a joint plan for tuna stocks.\n"
    )
    (event,) = run(text).events
    assert event.location == "Honiara"
    assert (event.start.iso(), event.end.iso()) == ("2031-05-12", "2031-05-14")


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (
            "Northvale Harbour Forum 2031\n\nThe Northvale Harbour Forum opens on 4 June 2031. "
            "The afternoon starts with a panel of harbour masters from four ports. Chaired by "
            "Jane Roe, they will debate the future of small fishing ports.",
            "future of small fishing ports",
        ),
        (
            "Foro Costero 2031\n\nEl Foro Costero se inaugura el 4 de junio de 2031. El jueves "
            "habrá una mesa integrada por la alcaldesa Ana Ruiz y el diputado Pablo Soto. Con la "
            "coordinación de la periodista Eva Luna, debatirán sobre los Retos de las Ciudades "
            "Costeras.",
            "Retos de las Ciudades Costeras",
        ),
    ],
)
def test_a_panel_takes_the_topic_its_speakers_will_debate(text: str, topic: str) -> None:
    (event,) = run(text).events
    assert [p.title for p in event.panels] == [topic]


def test_a_slot_title_keeps_no_honorific_of_the_person_after_it() -> None:
    text = (
        "Harbour Youth Summit 2031\n\nDay 1: 10 June 2031\n"
        "09:00 – 09:10 Master of Ceremony Mr Tom Reed, Manager, Harbour College\n"
        "09:10 – 09:25 Welcoming Prof Anna Petrov, Rector, Harbour College\n"
        "09:25 – 09:40 Keynote Dr Laura Finch, Director, Kestrel Institute\n"
    )
    (summit,) = run(text).events
    assert [(p.kind, p.title, [x.name for x in p.people]) for p in summit.panels] == [
        ("master of ceremony", "Master of Ceremony", ["Tom Reed"]),
        ("welcoming", "Welcoming", ["Anna Petrov"]),
        ("keynote", "Keynote", ["Laura Finch"]),
    ]


def test_sessions_named_in_french_prose_are_panels_with_their_people() -> None:
    text = (
        "Le Forum côtier se tiendra à Eastport du 3 au 5 juin 2031. La cérémonie d'ouverture "
        "sera présidée par M. Paul Ba, Ministre de la Pêche. Une table ronde sur les ports, "
        "modérée par Mme Anna Sy, journaliste, suivra la cérémonie.\n"
    )
    (forum,) = run(text).events
    panels = {p.kind: [(x.name, x.role) for x in p.people] for p in forum.panels}
    assert panels["cérémonie d'ouverture"] == [("Paul Ba", "speaker")]
    assert panels["table ronde"] == [("Anna Sy", "moderator")]


def test_an_event_held_online_is_placed_online() -> None:
    text = (
        "Webinar: Data for Resilient Cities\n\nThursday 14 May 2031, 14:00–15:30 CET (online)\n\n"
        "Join the Northvale Urban Lab for a one-hour conversation on open data.\n\nSpeakers\n"
        "- Anna Petrov, Chief Data Officer, City of Eastport\n"
        "- David Okoro, Senior Researcher, Kestrel Institute\n"
        "Moderator: Laura Finch, Urban Lab\n"
    )
    (webinar,) = run(text).events
    assert webinar.location == "Online"
    assert [(p.name, p.role) for s in webinar.panels for p in s.people] == [
        ("Anna Petrov", "speaker"),
        ("David Okoro", "speaker"),
        ("Laura Finch", "moderator"),
    ]


def test_a_notice_of_hearing_takes_the_room_its_sentence_names() -> None:
    text = (
        "NOTICE OF PUBLIC HEARING\n\nThe Joint Committee on Coastal Affairs will hold a public "
        "hearing on Tuesday, March 4, 2031, at 2:00 p.m. in Room 325 of the State Capitol, "
        "415 Main Street, Eastport.\n\nThe purpose of the hearing is to receive testimony.\n"
    )
    (hearing,) = run(text).events
    assert (hearing.start.iso(), hearing.start_time) == ("2031-03-04", time(14, 0))
    assert hearing.location == "Room 325 of the State Capitol"


def test_an_earlier_sitting_of_the_same_series_is_an_event_of_its_own() -> None:
    text = (
        "The Second Northvale Ports Conference opened in Eastport on 3 May 2031. Much has "
        "changed since the first Northvale Ports Conference in June 2028, when only six ports "
        "took part.\n"
    )
    events = events_of(text)
    assert iso(events["Second Northvale Ports Conference"]) == ("2031-05-03", "2031-05-03")
    assert iso(events["first Northvale Ports Conference"]) == ("2028-06", "2028-06")


def test_a_place_to_be_decided_is_no_place() -> None:
    text = "Harbour Data Workshop 2031\n\nDate: 12 June 2031\nLocation: TBD\n"
    (workshop,) = run(text).events
    assert workshop.location is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Press briefing on the Harbour Report\n\nWhen? 4 May 2031, 10:00\n"
            "Where? Harbour House, 2 Quay Street, Honiara\n",
            "Harbour House, 2 Quay Street, Honiara",
        ),
        (
            "Northvale Soil Congress 2031\n\n14 June 2031\n\nSoil scientists meet for a day of "
            "talks on the health of farmland.\n\nLocation\n\nGrand Hotel Honiara, Main Street\n",
            "Grand Hotel Honiara, Main Street",
        ),
        (
            "Ministers meet on tuna\n\nFisheries ministers of the region will meet today in "
            "Castries to agree on catch limits for the Harbour Fisheries Forum on 4 May 2031.\n",
            "Castries",
        ),
        (
            "Foro Costero 2031\n\nEl Foro Costero se celebrará el 4 de junio de 2031 en el "
            "Teatro Nacional de Eastport.\n",
            "Teatro Nacional de Eastport",
        ),
        (
            "Harbour Data Workshop 2031\nHarbour College, University of Eastport\n"
            "3–4 June 2031\n\nA workshop for port data teams.\n",
            "Harbour College, University of Eastport",
        ),
    ],
)
def test_the_place_of_an_event_as_pages_and_releases_give_it(text: str, place: str) -> None:
    (event,) = run(text).events
    assert event.location == place


def test_a_place_a_meeting_is_about_is_not_where_it_meets() -> None:
    text = (
        "MEDIA RELEASE\n\nThe ministers will hold a meeting to discuss the security situation "
        "in Honiara on 4 May 2031.\n"
    )
    (meeting,) = run(text).events
    assert meeting.location is None
