"""The date grammar: each written form, year inference, weekdays, relative words and times."""

from __future__ import annotations

from datetime import date, time

import pytest

from importers.extract.dates import DateMention, find_dates, is_us_style
from importers.records import PartialDate


def found(text: str, reference: date | None = None, us_style: bool | None = None) -> list[tuple]:
    """(written text, start, end, kind) of every mention."""
    return [
        (text[m.span[0] : m.span[1]], m.start.iso(), m.end.iso(), m.kind)
        for m in find_dates(text, reference, us_style)
    ]


def one(text: str, reference: date | None = None, us_style: bool | None = None) -> DateMention:
    mentions = find_dates(text, reference, us_style)
    assert len(mentions) == 1, mentions
    return mentions[0]


# --- ranges of days ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written", "start", "end"),
    [
        ("The fair runs 15-16 June 2021 in town.", "15-16 June 2021", "2021-06-15", "2021-06-16"),
        ("Held on 14–15 September 2006.", "14–15 September 2006", "2006-09-14", "2006-09-15"),
        ("Join us June 15-16, 2019!", "June 15-16, 2019", "2019-06-15", "2019-06-16"),
        ("Dates: Jan. 12-14, 2007.", "Jan. 12-14, 2007", "2007-01-12", "2007-01-14"),
        ("Open 15 June – 2 July 2019.", "15 June – 2 July 2019", "2019-06-15", "2019-07-02"),
        ("Open June 30 – July 2, 2019.", "June 30 – July 2, 2019", "2019-06-30", "2019-07-02"),
        ("It met 10 and 11 December 2018.", "10 and 11 December 2018", "2018-12-10", "2018-12-11"),
        ("from 11 to 15 September 2017", "11 to 15 September 2017", "2017-09-11", "2017-09-15"),
        ("between 27-30 November 2015", "27-30 November 2015", "2015-11-27", "2015-11-30"),
        ("Camp: 27 to 30 Nov 2015", "27 to 30 Nov 2015", "2015-11-27", "2015-11-30"),
        ("Held 1st–3rd March 2020.", "1st–3rd March 2020", "2020-03-01", "2020-03-03"),
        ("Held 30 December 2019 – 2 January 2020.", None, "2019-12-30", "2020-01-02"),
        ("Held 28 December – 3 January 2021.", None, "2020-12-28", "2021-01-03"),
        ("Friday 15 – Sunday 17 October 2010", None, "2010-10-15", "2010-10-17"),
    ],
)
def test_day_ranges_give_first_and_last_day(text: str, written: str | None, start: str, end: str):
    m = one(text)
    assert (m.start.iso(), m.end.iso(), m.kind) == (start, end, "range")
    assert m.explicit_year
    if written is not None:
        assert text[m.span[0] : m.span[1]] == written


def test_range_without_year_takes_the_year_of_its_sentence():
    assert found("The talks, 27 to 30 Nov, closed the season of 2015.") == [
        ("27 to 30 Nov", "2015-11-27", "2015-11-30", "range"),
        ("2015", "2015", "2015", "year"),
    ]


def test_backward_range_is_not_a_date():
    assert found("Rooms 16-15 June 2020") == []


# --- single days ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written", "expected"),
    [
        ("Friday 30 June 2017", "Friday 30 June 2017", "2017-06-30"),
        ("on Friday, November 30, 2018 we", "Friday, November 30, 2018", "2018-11-30"),
        ("Since 30th June 2017.", "30th June 2017", "2017-06-30"),
        ("By June 30th, 2017, all", "June 30th, 2017", "2017-06-30"),
        ("Monday, 26 June 2017:", "Monday, 26 June 2017", "2017-06-26"),
        ("THURSDAY, JAN. 11, 2007", "THURSDAY, JAN. 11, 2007", "2007-01-11"),
        ("on 1 July 2017 the", "1 July 2017", "2017-07-01"),
        ("the 3rd of May 2012.", "3rd of May 2012", "2012-05-03"),
        ("Opens Sat. 4 Sept. 2010", "Sat. 4 Sept. 2010", "2010-09-04"),
    ],
)
def test_single_days_in_either_order(text: str, written: str, expected: str):
    m = one(text)
    assert text[m.span[0] : m.span[1]] == written
    assert m.start == m.end
    assert (m.start.iso(), m.kind, m.explicit_year) == (expected, "day", True)


def test_month_run_into_the_next_word_still_gives_the_day():
    mentions = found("Agenda for 2019. Meeting on 1 Julydiscussing budgets.")
    assert ("1 July", "2019-07-01", "2019-07-01", "day") in mentions


def test_glued_abbreviation_or_capital_is_not_a_month():
    assert found("In 2019 we saw 1 Junior and 2 JULYX.") == [("2019", "2019", "2019", "year")]


def test_day_that_does_not_exist_is_skipped():
    assert found("Due 31 June 2017 or 30 February 2016.") == []


# --- numeric and ISO --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Launched in 2016, the panel meets tomorrow (15/6).", "2016-06-15"),
        ("The forum of 2017 is today (18/05).", "2017-05-18"),
        ("Deadline: 15/06/2016.", "2016-06-15"),
        ("Deadline: 15.06.2016.", "2016-06-15"),
        ("Deadline: 15-06-2016.", "2016-06-15"),
        ("Deadline: 15/06/16.", "2016-06-15"),
    ],
)
def test_numeric_dates_are_day_first(text: str, expected: str):
    numeric = [m for m in find_dates(text) if m.kind == "numeric"]
    assert [m.start.iso() for m in numeric] == [expected]


def test_numeric_date_with_second_part_over_twelve_is_month_first():
    assert one("Deadline 6/15/2016.").start.iso() == "2016-06-15"


def test_us_style_document_reads_numeric_dates_month_first():
    text = "The meeting is June 15, 2019. Forms are due 6/10/2019."
    assert is_us_style(text)
    assert [m.start.iso() for m in find_dates(text)] == ["2019-06-15", "2019-06-10"]
    assert found("Forms are due 6/10/2019.", us_style=True)[0][1] == "2019-06-10"
    assert found("Forms are due 6/10/2019.", us_style=False)[0][1] == "2019-10-06"


def test_day_first_document_is_not_us_style():
    assert not is_us_style("The meeting is on 15 June 2019; forms are due 10/6.")
    assert not is_us_style("Nothing dated here.")


@pytest.mark.parametrize(
    "text",
    [
        "Cut 1/2 of the budget in 2016.",
        "Open 24/7 since 2016!",
        "Version 1.2.3 was released.",
        "Call 02/287/70 or 0800 123 456.",
        "They won 3-1 and 2/3 voted.",
        "(24/7) support.",
    ],
)
def test_numbers_that_are_not_dates(text: str):
    assert all(kind == "year" for _, _, _, kind in found(text))


def test_iso_dates_with_and_without_time():
    assert found("Dated 2016-06-15; start 2016-06-15T10:00Z.") == [
        ("2016-06-15", "2016-06-15", "2016-06-15", "iso"),
        ("2016-06-15T10:00Z", "2016-06-15", "2016-06-15", "iso"),
    ]
    stamped = find_dates("start 2016-06-15T10:00Z")[0]
    assert (stamped.start_time, stamped.timezone) == (time(10, 0), "UTC")


# --- weekdays ---------------------------------------------------------------------------------


def test_weekday_with_numeric_date_is_one_mention_checked_against_the_weekday():
    # A year shown elsewhere in the text (a hashtag) that the weekday fits: 16 June 2022 was a
    # Thursday, 16 June 2021 a Wednesday.
    text = "#Board2021 #Board2022 the board meets on Thursday (16/6) in the hall."
    (m,) = [d for d in find_dates(text) if d.start.day is not None]
    assert text[m.span[0] : m.span[1]] == "Thursday (16/6)"
    assert m.start == PartialDate(2022, 6, 16)


def test_a_day_and_weekday_with_no_year_anywhere_get_none():
    # every seventh year or so fits a weekday: with no year in the text, none is invented
    assert find_dates("The board meets on Thursday (16/6) in the hall.") == []


def test_a_year_glued_to_a_name_dates_a_programme_without_years():
    # "Conf'19" and a weekday that 2019 fits
    m = one("Conf'19 programme: Monday 18 March opens with a keynote.")
    assert m.start == PartialDate(2019, 3, 18)


def test_weekday_alone_resolves_inside_a_nearby_range():
    text = "The fair, 15-16 June 2016, is a big one.\nAlso on Thursday the board meets."
    assert found(text)[1] == ("Thursday", "2016-06-16", "2016-06-16", "weekday")


def test_weekday_picks_the_year_in_which_it_falls_on_that_day():
    # 2016 is the document's year; "Friday, 30 June" was a Friday in 2017, not 2016.
    assert found("Reports of 2016 are due on Friday, 30 June.")[1][1] == "2017-06-30"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We meet next Tuesday.", "2017-06-27"),
        ("We met last Tuesday.", "2017-06-20"),
        ("We meet this Friday.", "2017-06-30"),
        ("The vote was on Saturday.", "2017-06-24"),
        ("Also on Thursday the board meets.", "2017-06-29"),
    ],
)
def test_weekday_alone_resolves_against_the_reference(text: str, expected: str):
    m = one(text, reference=date(2017, 6, 26))  # a Monday
    assert (m.start.iso(), m.kind, m.explicit_year) == (expected, "weekday", False)


def test_weekday_alone_without_anchor_is_left_out():
    assert found("We meet next Tuesday and on Friday.") == []


def test_weekday_names_that_start_a_day_do_not_stand_alone():
    assert found("on Friday 30 June 2017") == [
        ("Friday 30 June 2017", "2017-06-30", "2017-06-30", "day")
    ]


# --- relative words ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("It opens today.", "2017-06-28", "2017-06-28"),
        ("It opens tomorrow.", "2017-06-29", "2017-06-29"),
        ("It opened yesterday.", "2017-06-27", "2017-06-27"),
        ("It runs this week.", "2017-06-26", "2017-07-02"),
        ("It runs next week.", "2017-07-03", "2017-07-09"),
        ("It runs this weekend.", "2017-07-01", "2017-07-02"),
        ("It ran last month.", "2017-05", "2017-05"),
    ],
)
def test_relative_words_need_the_reference(text: str, start: str, end: str):
    m = one(text, reference=date(2017, 6, 28))
    assert (m.start.iso(), m.end.iso(), m.kind) == (start, end, "relative")
    assert found(text) == []


def test_relative_word_next_to_an_explicit_date_anchors_the_others():
    text = "The 2018 forum opens today (18/05). Ministers arrive tomorrow."
    assert found(text)[1:] == [
        ("today (18/05)", "2018-05-18", "2018-05-18", "numeric"),
        ("tomorrow", "2018-05-19", "2018-05-19", "relative"),
    ]


def test_relative_word_in_apposition_to_a_date_dates_the_text():
    text = "Today, 15 June 2016, the council meets. Tomorrow it votes; next Friday it closes."
    assert found(text) == [
        ("Today", "2016-06-15", "2016-06-15", "relative"),
        ("15 June 2016", "2016-06-15", "2016-06-15", "day"),
        ("Tomorrow", "2016-06-16", "2016-06-16", "relative"),
        ("next Friday", "2016-06-17", "2016-06-17", "weekday"),
    ]


def test_possessive_today_is_not_a_date():
    assert found("today's challenges", reference=date(2020, 1, 1)) == []


# --- months and years -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written", "expected"),
    [
        ("Elections in May 2022 matter.", "May 2022", "2022-05"),
        ("Since October 2013, two.", "October 2013", "2013-10"),
        ("A report of March 2006 said", "March 2006", "2006-03"),
        ("In 2016 we met in September.", "September", "2016-09"),
        ("In 2016 the talks start mid-March.", "March", "2016-03"),
    ],
)
def test_months_keep_month_precision(text: str, written: str, expected: str):
    months = [m for m in find_dates(text) if m.kind == "month"]
    assert [(text[m.span[0] : m.span[1]], m.start.iso(), m.end.iso()) for m in months] == [
        (written, expected, expected)
    ]


def test_month_range():
    assert found("Consultations run May–July 2019.") == [
        ("May–July 2019", "2019-05", "2019-07", "month")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "In 2016 prices may rise.",
        "In 2016 you will may go.",
        "In 2016 they may 2 times.",
        "In 2016 they march on.",
        "In 2016: March on, friends.",
        "In 2016 May said no.",
    ],
)
def test_month_words_used_as_ordinary_words_are_not_dates(text: str):
    assert [k for *_, k in found(text)] == ["year"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Founded in 2014, it grew.", [("2014", "2014", "2014", "year")]),
        ("Active since 1951.", [("1951", "1951", "1951", "year")]),
        ("The study (2005) found", [("2005", "2005", "2005", "year")]),
        ("The plan for 2012–2020 is out.", [("2012–2020", "2012", "2020", "year")]),
        ("A charter of the year 1999", [("1999", "1999", "1999", "year")]),
        ("The 2014 summit", [("2014", "2014", "2014", "year")]),
        ("Days” 2016\n", [("2016", "2016", "2016", "year")]),
    ],
)
def test_years(text: str, expected: list[tuple]):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It has 175 member states.",
        "It costs USD 540 billion.",
        "We ran 150 surveys.",
        "In 2016 people moved.",
        "Over 2000 participants came.",
        "the 2030 Agenda for growth",
        "They received 2000 letters.",
        "Reached 2016.5 points.",
    ],
)
def test_counts_are_not_years(text: str):
    assert found(text) == []


# --- year inference ---------------------------------------------------------------------------


def test_year_from_the_same_sentence_before_the_reference():
    text = "The 2014 summit was held on 3 March in the capital."
    assert found(text, reference=date(2020, 1, 5))[1][1] == "2014-03-03"


def test_year_from_the_same_line():
    text = "Seminar: 3 March. Venue: Hall B. Season 2011.\nOther line 2015."
    assert found(text)[0][1] == "2011-03-03"


def test_year_from_the_reference_nearest_date():
    assert one("Opens 30 June.", reference=date(2017, 6, 26)).start.iso() == "2017-06-30"
    assert one("Opens Jan. 11.", reference=date(2006, 12, 28)).start.iso() == "2007-01-11"
    assert one("Closed 20 December.", reference=date(2021, 1, 10)).start.iso() == "2020-12-20"


def test_year_from_the_documents_most_frequent_year():
    text = "Report 2018.\n\nAnnex 2019.\n\nSummary 2019.\n\nThe panel sits on 5 May.\n"
    m = find_dates(text)[-1]
    assert (m.start.iso(), m.explicit_year) == ("2019-05-05", False)


def test_since_years_do_not_date_other_mentions():
    text = "Active since 1951.\n\nThe forum opens on 18 May.\n\nIt closes on 10 December 2018."
    assert [iso for _, iso, _, _ in found(text)] == ["1951", "2018-05-18", "2018-12-10"]


def test_without_any_year_a_day_is_left_out():
    assert found("The forum opens on 18 May in the main hall.") == []


# --- times ------------------------------------------------------------------------------------


def test_time_after_the_date_is_attached():
    text = "The show opens on Friday 30 June at 5:40 pm sharp."
    m = one(text, reference=date(2017, 6, 26))
    assert text[m.span[0] : m.span[1]] == "Friday 30 June at 5:40 pm"
    assert (m.start_time, m.end_time) == (time(17, 40), None)


def test_time_range_before_the_date_is_attached():
    text = "It runs from 9am to 6pm on Friday, November 30, 2018."
    m = one(text)
    assert text[m.span[0] : m.span[1]] == "9am to 6pm on Friday, November 30, 2018"
    assert (m.start_time, m.end_time, m.start.iso()) == (time(9), time(18), "2018-11-30")


def test_time_with_zone_is_attached_with_the_zone():
    m = one("Webinar on 3 March 2021, 10:00–12:00 CET.")
    assert (m.start_time, m.end_time, m.timezone) == (time(10), time(12), "CET")


def test_time_in_another_clause_is_not_attached():
    m = one("Held on 3 March 2021. Doors close at 10:00.")
    assert m.start_time is None


def test_time_is_not_attached_to_a_month():
    assert one("Held in March 2021 at 10:00.").start_time is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La cumbre será el 12 de marzo de 2026.", ("2026-03-12", "2026-03-12")),
        ("Del 5 al 7 de mayo de 2026 en Quito.", ("2026-05-05", "2026-05-07")),
        ("Le colloque aura lieu du 5 au 7 mai 2026.", ("2026-05-05", "2026-05-07")),
        ("Réunion le jeudi 4 juin 2026 à Genève.", ("2026-06-04", "2026-06-04")),
        ("O encontro será em 3 de setembro de 2026.", ("2026-09-03", "2026-09-03")),
    ],
)
def test_spanish_french_and_portuguese_dates(text: str, expected: tuple[str, str]) -> None:
    (m,) = find_dates(text)
    assert (m.start.iso(), m.end.iso()) == expected


def test_spanish_weekdays_after_este_and_el_count_from_the_reference() -> None:
    # the reference is a Thursday: "este jueves" is that day, "el sábado" two days later
    text = "El foro será entre este jueves y el sábado."
    found = [(m.start.iso(), m.end.iso()) for m in find_dates(text, reference=date(2026, 3, 12))]
    assert found == [("2026-03-12", "2026-03-12"), ("2026-03-14", "2026-03-14")]


def test_a_weekday_that_fits_only_a_year_away_is_a_slip_not_a_year() -> None:
    # 9 October is a Thursday in 2031 and a Wednesday in 2030: a fortnight after a stated day,
    # the wrong weekday is a typing slip, not a date a year before
    text = "Issued on 23 September 2031. The fair is on Wednesday, 9 October at 10 a.m."
    assert found(text)[1][1] == "2031-10-09"
    # far from any stated day, the weekday still picks the year
    assert found("Reports of 2016 are due on Friday, 30 June.")[1][1] == "2017-06-30"


def test_a_weekday_slip_under_a_day_stated_in_another_part_keeps_that_year() -> None:
    text = (
        "Riverside News\nPosted by the clerk\n\n2 March 2033\nClerk's Office\n\n \n\n"
        "Riverside – The breakfast is on Friday, March 17 at 7:30 a.m. at the hall.\n"
    )
    # 17 March is a Friday in 2034 only; a fortnight after the stated day it is 2033's
    assert found(text)[1][1] == "2033-03-17"
