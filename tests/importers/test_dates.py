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
        ("The fair runs 15-16 June 1993 in town.", "15-16 June 1993", "1993-06-15", "1993-06-16"),
        ("Held on 14–15 September 1978.", "14–15 September 1978", "1978-09-14", "1978-09-15"),
        ("Join us June 15-16, 1991!", "June 15-16, 1991", "1991-06-15", "1991-06-16"),
        ("Dates: Jan. 12-14, 1979.", "Jan. 12-14, 1979", "1979-01-12", "1979-01-14"),
        ("Open 15 June – 2 July 1991.", "15 June – 2 July 1991", "1991-06-15", "1991-07-02"),
        ("Open June 30 – July 2, 1991.", "June 30 – July 2, 1991", "1991-06-30", "1991-07-02"),
        ("It met 10 and 11 December 1990.", "10 and 11 December 1990", "1990-12-10", "1990-12-11"),
        ("from 11 to 15 September 1989", "11 to 15 September 1989", "1989-09-11", "1989-09-15"),
        ("between 27-30 November 1987", "27-30 November 1987", "1987-11-27", "1987-11-30"),
        ("Camp: 27 to 30 Nov 1987", "27 to 30 Nov 1987", "1987-11-27", "1987-11-30"),
        ("Held 1st–3rd March 1992.", "1st–3rd March 1992", "1992-03-01", "1992-03-03"),
        ("Held 30 December 1991 – 2 January 1992.", None, "1991-12-30", "1992-01-02"),
        ("Held 28 December – 3 January 1993.", None, "1992-12-28", "1993-01-03"),
        ("Friday 15 – Sunday 17 October 1982", None, "1982-10-15", "1982-10-17"),
    ],
)
def test_day_ranges_give_first_and_last_day(text: str, written: str | None, start: str, end: str):
    m = one(text)
    assert (m.start.iso(), m.end.iso(), m.kind) == (start, end, "range")
    assert m.explicit_year
    if written is not None:
        assert text[m.span[0] : m.span[1]] == written


def test_range_without_year_takes_the_year_of_its_sentence():
    assert found("The talks, 27 to 30 Nov, closed the season of 1987.") == [
        ("27 to 30 Nov", "1987-11-27", "1987-11-30", "range"),
        ("1987", "1987", "1987", "year"),
    ]


def test_backward_range_is_not_a_date():
    assert found("Rooms 16-15 June 1992") == []


# --- single days ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written", "expected"),
    [
        ("Friday 30 June 1989", "Friday 30 June 1989", "1989-06-30"),
        ("on Friday, November 30, 1990 we", "Friday, November 30, 1990", "1990-11-30"),
        ("Since 30th June 1989.", "30th June 1989", "1989-06-30"),
        ("By June 30th, 1989, all", "June 30th, 1989", "1989-06-30"),
        ("Monday, 26 June 1989:", "Monday, 26 June 1989", "1989-06-26"),
        ("THURSDAY, JAN. 11, 1979", "THURSDAY, JAN. 11, 1979", "1979-01-11"),
        ("on 1 July 1989 the", "1 July 1989", "1989-07-01"),
        ("the 3rd of May 1984.", "3rd of May 1984", "1984-05-03"),
        ("Opens Sat. 4 Sept. 1982", "Sat. 4 Sept. 1982", "1982-09-04"),
    ],
)
def test_single_days_in_either_order(text: str, written: str, expected: str):
    m = one(text)
    assert text[m.span[0] : m.span[1]] == written
    assert m.start == m.end
    assert (m.start.iso(), m.kind, m.explicit_year) == (expected, "day", True)


def test_month_run_into_the_next_word_still_gives_the_day():
    mentions = found("Agenda for 1991. Meeting on 1 Julydiscussing budgets.")
    assert ("1 July", "1991-07-01", "1991-07-01", "day") in mentions


def test_glued_abbreviation_or_capital_is_not_a_month():
    assert found("In 1991 we saw 1 Junior and 2 JULYX.") == [("1991", "1991", "1991", "year")]


def test_day_that_does_not_exist_is_skipped():
    assert found("Due 31 June 1989 or 30 February 1988.") == []


# --- numeric and ISO --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Launched in 1988, the panel meets tomorrow (15/6).", "1988-06-15"),
        ("The forum of 1989 is today (18/05).", "1989-05-18"),
        ("Deadline: 15/06/1988.", "1988-06-15"),
        ("Deadline: 15.06.1988.", "1988-06-15"),
        ("Deadline: 15-06-1988.", "1988-06-15"),
        ("Deadline: 15/06/88.", "1988-06-15"),
    ],
)
def test_numeric_dates_are_day_first(text: str, expected: str):
    numeric = [m for m in find_dates(text) if m.kind == "numeric"]
    assert [m.start.iso() for m in numeric] == [expected]


def test_numeric_date_with_second_part_over_twelve_is_month_first():
    assert one("Deadline 6/15/1988.").start.iso() == "1988-06-15"


def test_us_style_document_reads_numeric_dates_month_first():
    text = "The meeting is June 15, 1991. Forms are due 6/10/1991."
    assert is_us_style(text)
    assert [m.start.iso() for m in find_dates(text)] == ["1991-06-15", "1991-06-10"]
    assert found("Forms are due 6/10/1991.", us_style=True)[0][1] == "1991-06-10"
    assert found("Forms are due 6/10/1991.", us_style=False)[0][1] == "1991-10-06"


def test_day_first_document_is_not_us_style():
    assert not is_us_style("The meeting is on 15 June 1991; forms are due 10/6.")
    assert not is_us_style("Nothing dated here.")


@pytest.mark.parametrize(
    "text",
    [
        "Cut 1/2 of the budget in 1988.",
        "Open 24/7 since 1988!",
        "Version 1.2.3 was released.",
        "Call 02/287/70 or 0800 123 456.",
        "They won 3-1 and 2/3 voted.",
        "(24/7) support.",
    ],
)
def test_numbers_that_are_not_dates(text: str):
    assert all(kind == "year" for _, _, _, kind in found(text))


def test_iso_dates_with_and_without_time():
    assert found("Dated 1988-06-15; start 1988-06-15T10:00Z.") == [
        ("1988-06-15", "1988-06-15", "1988-06-15", "iso"),
        ("1988-06-15T10:00Z", "1988-06-15", "1988-06-15", "iso"),
    ]
    stamped = find_dates("start 1988-06-15T10:00Z")[0]
    assert (stamped.start_time, stamped.timezone) == (time(10, 0), "UTC")


# --- weekdays ---------------------------------------------------------------------------------


def test_weekday_with_numeric_date_is_one_mention_checked_against_the_weekday():
    # A year shown elsewhere in the text (a hashtag) that the weekday fits: 16 June 1994 was a
    # Thursday, 16 June 1993 a Wednesday.
    text = "#Board1993 #Board1994 the board meets on Thursday (16/6) in the hall."
    (m,) = [d for d in find_dates(text) if d.start.day is not None]
    assert text[m.span[0] : m.span[1]] == "Thursday (16/6)"
    assert m.start == PartialDate(1994, 6, 16)


def test_a_day_and_weekday_with_no_year_anywhere_get_none():
    # every seventh year or so fits a weekday: with no year in the text, none is invented
    assert find_dates("The board meets on Thursday (16/6) in the hall.") == []


def test_a_year_glued_to_a_name_dates_a_programme_without_years():
    # "Conf'91" and a weekday that 1991 fits
    m = one("Conf'91 programme: Monday 18 March opens with a keynote.")
    assert m.start == PartialDate(1991, 3, 18)


def test_weekday_alone_resolves_inside_a_nearby_range():
    text = "The fair, 15-16 June 1988, is a big one.\nAlso on Thursday the board meets."
    assert found(text)[1] == ("Thursday", "1988-06-16", "1988-06-16", "weekday")


def test_weekday_picks_the_year_in_which_it_falls_on_that_day():
    # 1988 is the document's year; "Friday, 30 June" was a Friday in 1989, not 1988.
    assert found("Reports of 1988 are due on Friday, 30 June.")[1][1] == "1989-06-30"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We meet next Tuesday.", "1989-06-27"),
        ("We met last Tuesday.", "1989-06-20"),
        ("We meet this Friday.", "1989-06-30"),
        ("The vote was on Saturday.", "1989-06-24"),
        ("Also on Thursday the board meets.", "1989-06-29"),
    ],
)
def test_weekday_alone_resolves_against_the_reference(text: str, expected: str):
    m = one(text, reference=date(1989, 6, 26))  # a Monday
    assert (m.start.iso(), m.kind, m.explicit_year) == (expected, "weekday", False)


def test_weekday_alone_without_anchor_is_left_out():
    assert found("We meet next Tuesday and on Friday.") == []


def test_weekday_names_that_start_a_day_do_not_stand_alone():
    assert found("on Friday 30 June 1989") == [
        ("Friday 30 June 1989", "1989-06-30", "1989-06-30", "day")
    ]


# --- relative words ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("It opens today.", "1989-06-28", "1989-06-28"),
        ("It opens tomorrow.", "1989-06-29", "1989-06-29"),
        ("It opened yesterday.", "1989-06-27", "1989-06-27"),
        ("It runs this week.", "1989-06-26", "1989-07-02"),
        ("It runs next week.", "1989-07-03", "1989-07-09"),
        ("It runs this weekend.", "1989-07-01", "1989-07-02"),
        ("It ran last month.", "1989-05", "1989-05"),
    ],
)
def test_relative_words_need_the_reference(text: str, start: str, end: str):
    m = one(text, reference=date(1989, 6, 28))
    assert (m.start.iso(), m.end.iso(), m.kind) == (start, end, "relative")
    assert found(text) == []


def test_relative_word_next_to_an_explicit_date_anchors_the_others():
    text = "The 1990 forum opens today (18/05). Ministers arrive tomorrow."
    assert found(text)[1:] == [
        ("today (18/05)", "1990-05-18", "1990-05-18", "numeric"),
        ("tomorrow", "1990-05-19", "1990-05-19", "relative"),
    ]


def test_relative_word_in_apposition_to_a_date_dates_the_text():
    text = "Today, 15 June 1988, the council meets. Tomorrow it votes; next Friday it closes."
    assert found(text) == [
        ("Today", "1988-06-15", "1988-06-15", "relative"),
        ("15 June 1988", "1988-06-15", "1988-06-15", "day"),
        ("Tomorrow", "1988-06-16", "1988-06-16", "relative"),
        ("next Friday", "1988-06-17", "1988-06-17", "weekday"),
    ]


def test_possessive_today_is_not_a_date():
    assert found("today's challenges", reference=date(1992, 1, 1)) == []


# --- months and years -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written", "expected"),
    [
        ("Elections in May 1994 matter.", "May 1994", "1994-05"),
        ("Since October 1985, two.", "October 1985", "1985-10"),
        ("A report of March 1978 said", "March 1978", "1978-03"),
        ("In 1988 we met in September.", "September", "1988-09"),
        ("In 1988 the talks start mid-March.", "March", "1988-03"),
    ],
)
def test_months_keep_month_precision(text: str, written: str, expected: str):
    months = [m for m in find_dates(text) if m.kind == "month"]
    assert [(text[m.span[0] : m.span[1]], m.start.iso(), m.end.iso()) for m in months] == [
        (written, expected, expected)
    ]


def test_month_range():
    assert found("Consultations run May–July 1991.") == [
        ("May–July 1991", "1991-05", "1991-07", "month")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "In 1988 prices may rise.",
        "In 1988 you will may go.",
        "In 1988 they may 2 times.",
        "In 1988 they march on.",
        "In 1988: March on, friends.",
        "In 1988 May said no.",
    ],
)
def test_month_words_used_as_ordinary_words_are_not_dates(text: str):
    assert [k for *_, k in found(text)] == ["year"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Founded in 1986, it grew.", [("1986", "1986", "1986", "year")]),
        ("Active since 1962.", [("1962", "1962", "1962", "year")]),
        ("The study (1977) found", [("1977", "1977", "1977", "year")]),
        ("The plan for 1984–1992 is out.", [("1984–1992", "1984", "1992", "year")]),
        ("A charter of the year 1999", [("1999", "1999", "1999", "year")]),
        ("The 1986 summit", [("1986", "1986", "1986", "year")]),
        ("Days” 1988\n", [("1988", "1988", "1988", "year")]),
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
        "In 1988 people moved.",
        "Over 2000 participants came.",
        "the 2030 Agenda for growth",
        "They received 2000 letters.",
        "Reached 1988.5 points.",
    ],
)
def test_counts_are_not_years(text: str):
    assert found(text) == []


# --- year inference ---------------------------------------------------------------------------


def test_year_from_the_same_sentence_before_the_reference():
    text = "The 1986 summit was held on 3 March in the capital."
    assert found(text, reference=date(1992, 1, 5))[1][1] == "1986-03-03"


def test_year_from_the_same_line():
    text = "Seminar: 3 March. Venue: Hall B. Season 1983.\nOther line 1987."
    assert found(text)[0][1] == "1983-03-03"


def test_year_from_the_reference_nearest_date():
    assert one("Opens 30 June.", reference=date(1989, 6, 26)).start.iso() == "1989-06-30"
    assert one("Opens Jan. 11.", reference=date(1978, 12, 28)).start.iso() == "1979-01-11"
    assert one("Closed 20 December.", reference=date(1993, 1, 10)).start.iso() == "1992-12-20"


def test_year_from_the_documents_most_frequent_year():
    text = "Report 1990.\n\nAnnex 1991.\n\nSummary 1991.\n\nThe panel sits on 5 May.\n"
    m = find_dates(text)[-1]
    assert (m.start.iso(), m.explicit_year) == ("1991-05-05", False)


def test_since_years_do_not_date_other_mentions():
    text = "Active since 1962.\n\nThe forum opens on 18 May.\n\nIt closes on 10 December 1990."
    assert [iso for _, iso, _, _ in found(text)] == ["1962", "1990-05-18", "1990-12-10"]


def test_without_any_year_a_day_is_left_out():
    assert found("The forum opens on 18 May in the main hall.") == []


# --- times ------------------------------------------------------------------------------------


def test_time_after_the_date_is_attached():
    text = "The show opens on Friday 30 June at 5:40 pm sharp."
    m = one(text, reference=date(1989, 6, 26))
    assert text[m.span[0] : m.span[1]] == "Friday 30 June at 5:40 pm"
    assert (m.start_time, m.end_time) == (time(17, 40), None)


def test_time_range_before_the_date_is_attached():
    text = "It runs from 9am to 6pm on Friday, November 30, 1990."
    m = one(text)
    assert text[m.span[0] : m.span[1]] == "9am to 6pm on Friday, November 30, 1990"
    assert (m.start_time, m.end_time, m.start.iso()) == (time(9), time(18), "1990-11-30")


def test_time_with_zone_is_attached_with_the_zone():
    m = one("Webinar on 3 March 1993, 10:00–12:00 CET.")
    assert (m.start_time, m.end_time, m.timezone) == (time(10), time(12), "CET")


def test_time_in_another_clause_is_not_attached():
    m = one("Held on 3 March 1993. Doors close at 10:00.")
    assert m.start_time is None


def test_time_is_not_attached_to_a_month():
    assert one("Held in March 1993 at 10:00.").start_time is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La cumbre será el 12 de marzo de 1998.", ("1998-03-12", "1998-03-12")),
        ("Del 5 al 7 de mayo de 1998 en Quito.", ("1998-05-05", "1998-05-07")),
        ("Le colloque aura lieu du 5 au 7 mai 1998.", ("1998-05-05", "1998-05-07")),
        ("Réunion le jeudi 4 juin 1998 à Lyon.", ("1998-06-04", "1998-06-04")),
        ("O encontro será em 3 de setembro de 1998.", ("1998-09-03", "1998-09-03")),
    ],
)
def test_spanish_french_and_portuguese_dates(text: str, expected: tuple[str, str]) -> None:
    (m,) = find_dates(text)
    assert (m.start.iso(), m.end.iso()) == expected


def test_spanish_weekdays_after_este_and_el_count_from_the_reference() -> None:
    # the reference is a Thursday: "este jueves" is that day, "el sábado" two days later
    text = "El foro será entre este jueves y el sábado."
    found = [(m.start.iso(), m.end.iso()) for m in find_dates(text, reference=date(1998, 3, 12))]
    assert found == [("1998-03-12", "1998-03-12"), ("1998-03-14", "1998-03-14")]


def test_a_weekday_that_fits_only_a_year_away_is_a_slip_not_a_year() -> None:
    # 9 October is a Thursday in 2031 and a Wednesday in 2030: a fortnight after a stated day,
    # the wrong weekday is a typing slip, not a date a year before
    text = "Issued on 23 September 2031. The fair is on Wednesday, 9 October at 10 a.m."
    assert found(text)[1][1] == "2031-10-09"
    # far from any stated day, the weekday still picks the year
    assert found("Reports of 1988 are due on Friday, 30 June.")[1][1] == "1989-06-30"


def test_a_weekday_slip_under_a_day_stated_in_another_part_keeps_that_year() -> None:
    text = (
        "Springfield News\nPosted by the clerk\n\n2 March 2033\nClerk's Office\n\n \n\n"
        "Springfield – The breakfast is on Friday, March 17 at 7:30 a.m. at the hall.\n"
    )
    # 17 March is a Friday in 2034 only; a fortnight after the stated day it is 2033's
    assert found(text)[1][1] == "2033-03-17"
