"""parse_phone and find_emails on their own, and find_contact_blocks on arbitrary text."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from importers.extract.contacts import find_contact_blocks, find_emails, parse_phone

COUNTRIES = ["BE", "CH", "DE", "FR", "GB", "HU", "NZ", "US", "ES", "DK", "AU", "JP", "IT", "KE"]


@pytest.mark.parametrize("region", COUNTRIES)
def test_example_numbers_round_trip_in_every_written_form(region: str) -> None:
    for kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE):
        number = phonenumbers.example_number_for_type(region, kind)
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        international = phonenumbers.format_number(
            number, phonenumbers.PhoneNumberFormat.INTERNATIONAL
        )
        national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        assert parse_phone(international) == e164
        assert parse_phone("00" + international[1:]) == e164
        assert parse_phone(national, region) == e164
        assert parse_phone(national.lower(), region.lower()) == e164


def test_national_number_needs_a_region() -> None:
    assert parse_phone("(03) 234 5678") is None
    assert parse_phone("(03) 234 5678", "NZ") == "+6432345678"
    assert parse_phone("0121 234 5678", "UK") == "+441212345678"  # UK is GB's usual alias
    assert parse_phone("0121 234 5678", "ZZ") is None


@pytest.mark.parametrize(
    "raw",
    ["", "12345", "+32 12", "2012-2020", "12.05.2016", "978-3-16-148410-0", "1.234.567",
     "+999 1234 5678", "not a number", "+" + "1" * 80],
)  # fmt: skip
def test_parse_phone_refuses_what_is_not_a_phone(raw: str) -> None:
    assert parse_phone(raw, "DE") is None


def test_possible_but_invalid_number_kept_only_with_its_country_code() -> None:
    # A US exchange never starts with 0: the length is possible, the number is not valid.
    assert parse_phone("+1 201 055 0123") == "+12010550123"
    assert parse_phone("+1 201 055 0123", require_valid=True) is None
    assert parse_phone("201 055 0123", "US") is None


def test_find_emails_spans_lower_case_and_mailto() -> None:
    text = "Write to mailto:Jane.Roe@Acme.Example.ORG, or JR@x.example.io."
    found = find_emails(text)
    assert [e for e, _ in found] == ["jane.roe@acme.example.org", "jr@x.example.io"]
    assert [text[s:e] for _, (s, e) in found] == ["Jane.Roe@Acme.Example.ORG", "JR@x.example.io"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jane [at] acme [dot] org", "jane@acme.org"),
        ("jane(at)acme.example.org", "jane@acme.example.org"),
        ("jane (AT) acme (DOT) co (DOT) uk", "jane@acme.co.uk"),
        ("jane AT acme DOT org", "jane@acme.org"),
    ],
)
def test_find_emails_decodes_obfuscations(text: str, expected: str) -> None:
    assert [e for e, _ in find_emails(f"Write to {text}.")] == [expected]


@pytest.mark.parametrize(
    "text",
    ["a..b@acme.org", ".ab@acme.org", "logo@2x.png", "jane@localhost", "jane@-acme.org",
     "jane@acme.o", "we look at the dot com era", "jane [at] acme"],
)  # fmt: skip
def test_find_emails_rejects_malformed_addresses(text: str) -> None:
    assert find_emails(text) == []


PIECES = list("abcJRxyz .,:;()[]+-/@\n\t0123456789") + [
    "Tel: ",
    "Email: ",
    "Ms.",
    " at ",
    "Jane Roe",
    "Contact:\n",
    "Fax ",
    "[dot]",
    "00 ",
    "+41 21 ",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=120).map("".join),
    st.sampled_from([None, "US", "nz", "XX", ""]),
)
def test_find_contact_blocks_never_raises_and_spans_stay_in_text(
    text: str, region: str | None
) -> None:
    for block in find_contact_blocks(text, region):
        start, end = block.span
        assert 0 <= start < end <= len(text)
        if block.name_span is not None:
            assert start <= block.name_span[0] < block.name_span[1] <= end
        assert block.phones or block.mobiles or block.faxes or block.emails
        assert all(p.startswith("+") and p[1:].isdigit() for p in block.phones + block.faxes)
        assert all(e == e.lower() and "@" in e for e in block.emails)
