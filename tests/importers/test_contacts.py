"""find_contact_blocks: contact blocks in every layout, with labels, regions and e-mail pairing.

All names, organisations, domains and numbers below are made up; the numbers follow the real
number plans (many are ``phonenumbers.example_number`` values) so that they validate.
"""

from __future__ import annotations

import pytest

from importers.extract.contacts import ContactBlock, find_contact_blocks


def only_block(text: str, region: str | None = None) -> ContactBlock:
    blocks = find_contact_blocks(text, region)
    assert len(blocks) == 1, blocks
    return blocks[0]


def test_multiline_block_with_name_title_organisation_and_labelled_lines() -> None:
    text = (
        "For more information please contact\n"
        "Jane Roe\n"
        "Press Officer\n"
        "Acme Foundation\n"
        "Tel: +32 12 34 56 78\n"
        "Fax: +32 12 34 56 79\n"
        "Email: jroe@acme-foundation.example.org\n"
    )
    block = only_block(text)
    assert block.name == "Jane Roe"
    assert block.title == "Press Officer"
    assert block.organisation == "Acme Foundation"
    assert block.phones == ("+3212345678",)
    assert block.faxes == ("+3212345679",)
    assert block.mobiles == ()
    assert block.emails == ("jroe@acme-foundation.example.org",)


def test_spans_cover_the_block_and_the_name() -> None:
    text = "Intro paragraph.\n\nContact:\nDr. Anna Example\nTel.: +41 21 234 56 78\n\nThe end."
    block = only_block(text)
    assert text[block.span[0] : block.span[1]] == "Dr. Anna Example\nTel.: +41 21 234 56 78"
    assert block.name_span is not None
    assert text[block.name_span[0] : block.name_span[1]] == "Anna Example"
    assert block.honorific == "Dr"


def test_glued_honorific_name_line_with_tel_and_fax_at_top_of_page() -> None:
    text = "Ms.Jane Roe\nTel: +32 12 34 56 78\nFax: +32 12 34 56 70\n\n\n\nA Heading\n\nBody text."
    block = only_block(text)
    assert (block.honorific, block.name) == ("Ms", "Jane Roe")
    assert block.phones == ("+3212345678",)
    assert block.faxes == ("+3212345670",)


def test_honorific_with_dot_and_space_and_short_labels() -> None:
    text = (
        "Media contact:\nMr. John Doe\nT: +44 121 234 5678\nM: +44 7400 123456\n"
        "F: +44 121 234 5679\nE: John.Doe@example.co.uk"
    )
    block = only_block(text)
    assert (block.honorific, block.name) == ("Mr", "John Doe")
    assert block.phones == ("+441212345678",)
    assert block.mobiles == ("+447400123456",)
    assert block.faxes == ("+441212345679",)
    assert block.emails == ("john.doe@example.co.uk",)


def test_intro_then_two_people_one_after_another() -> None:
    text = (
        "Media invitation\n"
        "For registration, interviews and information, please contact:\n"
        "Anna Beispiel\n"
        "Partner Support and Communications\n"
        "ACME-Regionalbüro für Nordeuropa\n"
        "Tel.: +45 32 12 34 56\n"
        "Mobiltel.: +45 20 12 34 56\n"
        "E-Mail: BeispielA@acme.example.int\n"
        "Kata Minta\n"
        "Partner Support and Communications\n"
        "Ministry of Culture of Estonia\n"
        "Tel.: +36 (1) 234-5678\n"
        "Mobiltel.: +36/20 123 4567\n"
        "E-Mail: kata.minta@kultur.example.hu\n"
        "Ministers from many countries meet to shape the cultural agenda for the next years.\n"
    )
    first, second = find_contact_blocks(text)
    assert first.name == "Anna Beispiel"
    assert first.organisation == "ACME-Regionalbüro für Nordeuropa"
    assert first.title is None
    assert (first.phones, first.mobiles) == (("+4532123456",), ("+4520123456",))
    assert first.emails == ("beispiela@acme.example.int",)
    assert second.name == "Kata Minta"
    assert second.organisation == "Ministry of Culture of Estonia"
    assert (second.phones, second.mobiles) == (("+3612345678",), ("+36201234567",))
    assert second.emails == ("kata.minta@kultur.example.hu",)


def test_department_line_is_the_organisation_only_when_there_is_no_better_one() -> None:
    text = "Contact:\nJane Roe\nPartner Support and Communications\nTel: +45 32 12 34 56"
    assert only_block(text).organisation == "Partner Support and Communications"


def test_media_relations_officer_line_goes_to_title() -> None:
    text = "Jane Roe\nMedia Relations Officer\nAcme Institute\nPhone: +1 201-555-0123"
    block = only_block(text)
    assert block.title == "Media Relations Officer"
    assert block.organisation == "Acme Institute"


def test_name_and_title_on_one_line_and_organisation_in_brackets() -> None:
    block = only_block("Jane Roe, Press Officer\nTel: +41 21 234 56 78")
    assert (block.name, block.title) == ("Jane Roe", "Press Officer")
    block = only_block("Jane Roe (Acme Institute)\nTel: +41 21 234 56 78")
    assert (block.name, block.organisation) == ("Jane Roe", "Acme Institute")


def test_german_labels() -> None:
    text = (
        "Kontakt:\nDr. Hanna Beispiel\nPressesprecherin\nBundesministerium für Beispiele\n"
        "Telefon: +49 30 123456\nHandy: +49 1512 3456789\nTelefax: +49 30 123457\n"
        "E-Mail: H.Beispiel@bmb.example.de"
    )
    block = only_block(text)
    assert (block.name, block.honorific) == ("Hanna Beispiel", "Dr")
    assert block.title == "Pressesprecherin"
    assert block.organisation == "Bundesministerium für Beispiele"
    assert block.phones == ("+4930123456",)
    assert block.mobiles == ("+4915123456789",)
    assert block.faxes == ("+4930123457",)
    assert block.emails == ("h.beispiel@bmb.example.de",)


def test_french_labels_and_national_number_read_in_the_region_of_the_other_numbers() -> None:
    text = (
        "Contact presse :\nMme Claire Exemple\nChargée de communication\n"
        "Téléphone : +33 1 23 45 67 89\nPortable : 06 12 34 56 78\n"
        "Télécopie : +33 1 23 45 67 80\nCourriel : claire.exemple@exemple.example"
    )
    block = only_block(text)
    assert (block.name, block.honorific) == ("Claire Exemple", "Mme")
    assert block.title == "Chargée de communication"
    assert block.phones == ("+33123456789",)
    assert block.mobiles == ("+33612345678",)
    assert block.faxes == ("+33123456780",)
    assert block.emails == ("claire.exemple@exemple.example",)


def test_spanish_labels_and_national_mobile_read_in_the_region_of_the_e_mail() -> None:
    text = "Contacto:\nSra. Lucía Ejemplo\nTeléfono: 810 12 34 56\nMóvil: 612 34 56 78\n"
    text += "Correo: lucia@ejemplo.es"
    block = only_block(text)
    assert (block.name, block.honorific) == ("Lucía Ejemplo", "Sra")
    assert block.phones == ("+34810123456",)
    assert block.mobiles == ("+34612345678",)
    assert block.emails == ("lucia@ejemplo.es",)


@pytest.mark.parametrize(
    "label",
    ["Mobile:", "Mobile", "Mob.:", "Cell:", "Cell phone:", "Handy:", "Mobil:", "Mobiltel.:",
     "Portable :", "Móvil:", "M:"],
)  # fmt: skip
def test_mobile_labels(label: str) -> None:
    block = only_block(f"Jane Roe\n{label} +41 78 123 45 67")
    assert block.mobiles == ("+41781234567",)
    assert block.phones == ()


@pytest.mark.parametrize(
    "label",
    ["Tel:", "Tel.:", "Tel", "Tél. :", "Phone:", "Telephone:", "Telefon:", "Teléfono:", "T:",
     "Ph:"],
)  # fmt: skip
def test_phone_labels(label: str) -> None:
    block = only_block(f"Jane Roe\n{label} +41 21 234 56 78")
    assert block.phones == ("+41212345678",)


@pytest.mark.parametrize("label", ["Fax:", "Fax", "Telefax:", "Télécopie :", "F:"])
def test_fax_labels(label: str) -> None:
    block = only_block(f"Jane Roe\n{label} +41 21 234 56 78")
    assert block.faxes == ("+41212345678",)
    assert block.phones == ()


@pytest.mark.parametrize(
    "line",
    ["Email: jroe@acme.example.org", "E-Mail: JROE@ACME.EXAMPLE.ORG",
     "Email : jroe@acme.example.org", "e-mail: jroe@acme.example.org.",
     "E: <jroe@acme.example.org>", "Courriel: mailto:jroe@acme.example.org",
     "jroe@acme.example.org"],
)  # fmt: skip
def test_email_lines(line: str) -> None:
    block = only_block(f"Jane Roe\n{line}")
    assert block.emails == ("jroe@acme.example.org",)


def test_combined_tel_fax_label_gives_both() -> None:
    block = only_block("Jane Roe\nTel./Fax: +43 1 234567890")
    assert block.phones == block.faxes == ("+431234567890",)


def test_label_alone_on_its_line_labels_the_number_below() -> None:
    block = only_block("Jane Roe\nFax:\n+31 10 123 4567\nEmail: jroe@acme.example.nl")
    assert block.faxes == ("+31101234567",)
    assert block.phones == ()


def test_unlabelled_number_in_a_block_is_a_phone() -> None:
    block = only_block("Jane Roe\nAcme Agency\n+61 2 1234 5678\njroe@acme.example.com.au")
    assert block.phones == ("+61212345678",)
    assert block.organisation == "Acme Agency"


def test_one_line_block_with_name_organisation_and_labelled_contacts() -> None:
    text = "Jane Roe, Acme HQ, Tel: +41221234567, Email: jroe@acme.int"
    block = only_block(text)
    assert (block.name, block.organisation) == ("Jane Roe", "Acme HQ")
    assert block.phones == ("+41221234567",)
    assert block.emails == ("jroe@acme.int",)
    assert block.span == (0, len(text))


def test_one_line_blocks_for_two_people_after_an_intro() -> None:
    text = (
        "For more information please contact:\n"
        "Jane Roe, Acme HQ, Tel: +41221234567, Email: jroe@acme.int\n"
        "John Doe, ABC, Tel: +33 6 12 34 56 78, Email : john.doe@abc.example.fr\n"
    )
    first, second = find_contact_blocks(text)
    assert (first.name, first.organisation, first.phones) == (
        "Jane Roe",
        "Acme HQ",
        ("+41221234567",),
    )
    assert (second.name, second.organisation) == ("John Doe", "ABC")
    assert second.phones == ("+33612345678",)
    assert second.emails == ("john.doe@abc.example.fr",)


def test_one_line_with_pipes_and_a_title_segment() -> None:
    text = (
        "Ms Jane Roe | Media Relations Officer | Acme Agency | +1 (201) 555-0123 | jr@acme.example"
    )
    block = only_block(text)
    assert (block.honorific, block.name) == ("Ms", "Jane Roe")
    assert (block.title, block.organisation) == ("Media Relations Officer", "Acme Agency")
    assert block.phones == ("+12015550123",)


def test_contact_prefix_with_a_us_number_written_without_country_code() -> None:
    text = "Press Release\nContact: Jane Roe, 201-555-0147\nSOMEWHERE -- The event opens today."
    block = only_block(text, "US")
    assert block.name == "Jane Roe"
    assert block.phones == ("+12015550147",)


def test_number_without_country_code_is_dropped_when_no_region_is_known() -> None:
    assert find_contact_blocks("Contact: Jane Roe, 201-555-0147") == []
    block = only_block("Jane Roe\nPhone: (03) 234 5678\nEmail: jroe@acme.example.org")
    assert block.phones == ()  # .org says nothing about the country
    assert block.emails == ("jroe@acme.example.org",)


def test_region_hint_reads_a_national_number() -> None:
    text = "Media enquiries:\nJane Roe\nAcme Group\nPhone: (09) 486 1234"
    block = only_block(text, "NZ")
    assert block.phones == ("+6494861234",)
    assert block.organisation == "Acme Group"


def test_guessed_region_is_asked_for_only_when_a_national_number_needs_it() -> None:
    asked: list[bool] = []

    def guess() -> str:
        asked.append(True)
        return "NZ"

    international = "Jane Roe\nPhone: +64 9 486 1234"
    assert find_contact_blocks(international, guess_region=guess)[0].phones == ("+6494861234",)
    assert asked == []
    national = "Jane Roe\nPhone: (09) 486 1234"
    assert find_contact_blocks(national, guess_region=guess)[0].phones == ("+6494861234",)
    assert asked == [True]
    # a region given outright wins over the guess: the number is read as Australian (an
    # area code in brackets is the shape of a number of the old eight-digit plan)
    (block,) = find_contact_blocks(national, "AU", guess)
    assert block.phones == ("+6194861234",)
    assert asked == [True]


def test_email_country_code_tld_gives_the_region() -> None:
    block = only_block("Jane Roe\nPhone: (03) 234 5678 ext. 12\nj.roe@uni.example.nz")
    assert block.phones == ("+6432345678",)


def test_numbers_elsewhere_in_the_text_give_the_region() -> None:
    text = "Jane Roe\nTel: +64 3 234 5678\n\nprose line one.\n\nJohn Doe\nTel: 021 123 4567\n"
    first, second = find_contact_blocks(text)
    assert second.phones == ("+64211234567",)


def test_several_names_on_one_line_paired_with_emails_by_local_part() -> None:
    text = (
        "For more information or to register, contact:\n"
        "Jane Roe or John Doe\n"
        "doej@uni.example.nz j.roe@uni.example.nz\n"
    )
    jane, john = find_contact_blocks(text)
    assert (jane.name, jane.emails) == ("Jane Roe", ("j.roe@uni.example.nz",))
    assert (john.name, john.emails) == ("John Doe", ("doej@uni.example.nz",))
    assert text[jane.name_span[0] : jane.name_span[1]] == "Jane Roe"
    assert text[john.name_span[0] : john.name_span[1]] == "John Doe"


@pytest.mark.parametrize(
    ("jane_address", "john_address"),
    [
        ("jane.roe@x.example.org", "john.doe@x.example.org"),
        ("jroe@x.example.org", "jdoe@x.example.org"),
        ("roej@x.example.org", "doe.john@x.example.org"),
        ("jane@x.example.org", "john@x.example.org"),
    ],
)
def test_email_pairing_patterns(jane_address: str, john_address: str) -> None:
    text = f"Jane Roe and John Doe\n{john_address} {jane_address}"
    jane, john = find_contact_blocks(text)
    assert jane.emails == (jane_address,)
    assert john.emails == (john_address,)


def test_email_pairing_falls_back_to_order() -> None:
    text = "Jane Roe / John Doe\npress1@x.example.org press2@x.example.org"
    jane, john = find_contact_blocks(text)
    assert jane.emails == ("press1@x.example.org",)
    assert john.emails == ("press2@x.example.org",)


def test_name_and_email_inside_a_sentence() -> None:
    text = "For details please contact Jane Roe at jroe [at] acme [dot] org."
    block = only_block(text)
    assert block.name == "Jane Roe"
    assert block.emails == ("jroe@acme.org",)


@pytest.mark.parametrize(
    "text",
    [
        "Reporters who wish to attend should RSVP to Jane Roe, jroe@acme.example.org and bring ID.",
        "Please RSVP to Jane Roe, jroe@acme.example.org",
        "Questions may be directed to Jane Roe, jroe@acme.example.org, before Friday.",
        "To book a seat, get in touch with Jane Roe (jroe@acme.example.org).",
    ],
)
def test_the_person_a_sentence_sends_replies_to_gets_the_address(text: str) -> None:
    block = only_block(text)
    assert (block.name, block.organisation) == ("Jane Roe", None)
    assert block.emails == ("jroe@acme.example.org",)


@pytest.mark.parametrize(
    "text",
    [
        "Testimony should be sent to the committee clerk, Jane Roe, at jroe@acme.example.org "
        "or by fax to +1 201 555 0148 before Friday.",
        "Please reply by 6 November to Jane Roe (jroe@acme.example.org, fax +1 201 555 0148).",
    ],
)
def test_the_name_right_before_the_addresses_in_a_sentence_owns_them(text: str) -> None:
    block = only_block(text)
    assert block.name == "Jane Roe"
    assert (block.emails, block.faxes) == (("jroe@acme.example.org",), ("+12015550148",))


def test_email_in_plain_prose_is_not_a_contact_block() -> None:
    text = "Journalists should send all requests by noon to credentials@acme.example.org today."
    assert find_contact_blocks(text) == []


def test_city_line_is_not_taken_for_the_name() -> None:
    block = only_block("Jane Roe\nAcme Corp\nSan Jose\nTel: +1 201-555-0123")
    assert (block.name, block.organisation) == ("Jane Roe", "Acme Corp")


def test_block_without_a_person_keeps_the_organisation() -> None:
    block = only_block(
        "Acme Institute Press Office\nTel: +39 02 1234 5678\nWeb: www.acme.example.it"
    )
    assert block.name is None and block.name_span is None
    assert block.organisation == "Acme Institute Press Office"
    assert block.phones == ("+390212345678",)
    assert block.urls == ("www.acme.example.it",)


def test_dates_years_isbns_money_and_ranges_are_not_phones() -> None:
    text = (
        "Contact:\nJane Roe\n"
        "Programme 2012-2020\n"
        "12.05.2016\n"
        "ISBN 978-3-16-148410-0\n"
        "Budget: $ 12 345 678\n"
        "Tel: +49 30 123456\n"
    )
    block = only_block(text, "DE")
    assert block.phones == ("+4930123456",)
    assert block.mobiles == block.faxes == ()


def test_prose_numbers_are_never_phones() -> None:
    text = (
        "The plan ran 2012-2020, cost EUR 1.250.000 and reached 12 345 678 people; "
        "the report (ISBN 978-3-16-148410-0) came out on 12.05.2016. Contact the office.\n"
        "It grew from 2012 – 2020 by 20 301 234 units.\n"
    )
    assert find_contact_blocks(text, "DE") == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Tel: + 44 121 234 5678", "+441212345678"),  # space after +
        ("Tel: +41212345678", "+41212345678"),
        ("Tel: 00 41 21 234 56 78", "+41212345678"),
        ("Tel: (+32) 12 34 56 78", "+3212345678"),
        ("Tel: +1 (201) 555-0123 ext. 12", "+12015550123"),
        ("Tel: +44 (0)121 234 5678", "+441212345678"),
        ("Tel: +36/1 234 5678", "+3612345678"),
        ("Tel: +81 3-1234-5678", "+81312345678"),
        ("Tel: +55 11 2345-6789", "+551123456789"),
        ("Tel: +91 74104 10123", "+917410410123"),
        ("Tel: +254 20 2012345", "+254202012345"),
        ("Tel: +46 8 12 34 56", "+468123456"),
        ("Tel: +39 02 1234 5678", "+390212345678"),
        ("Tel: +31 10 123 4567", "+31101234567"),
    ],
)
def test_international_formats(line: str, expected: str) -> None:
    assert only_block(f"Jane Roe\n{line}").phones == (expected,)


def test_two_numbers_on_one_labelled_line() -> None:
    block = only_block("Jane Roe\nTel: +32 12 34 56 78 / +32 12 34 56 77")
    assert block.phones == ("+3212345678", "+3212345677")


def test_impossible_number_is_dropped_not_guessed() -> None:
    block = only_block("Jane Roe\nTel: +32 12\nFax: +999 123 456 789\nEmail: jroe@acme.example")
    assert block.phones == block.faxes == ()
    assert block.emails == ("jroe@acme.example",)


def test_text_without_contacts_gives_nothing() -> None:
    assert find_contact_blocks("") == []
    assert find_contact_blocks("Jane Roe opened the forum on 12 May 2016 with 300 guests.") == []
    assert find_contact_blocks("Jane Roe\nJohn Doe\nAcme Institute\n") == []


def test_two_people_on_one_line() -> None:
    text = (
        "Press contacts:\n"
        "Jane Roe, +41 22 123 45 67, jroe@acme.int; John Doe, +41 21 234 56 78, jdoe@acme.int\n"
    )
    jane, john = find_contact_blocks(text)
    assert (jane.name, jane.phones, jane.emails) == (
        "Jane Roe",
        ("+41221234567",),
        ("jroe@acme.int",),
    )
    assert (john.name, john.phones, john.emails) == (
        "John Doe",
        ("+41212345678",),
        ("jdoe@acme.int",),
    )


def test_two_people_with_addresses_in_brackets_inside_a_sentence() -> None:
    text = "For details contact Jane Roe (jroe@acme.example.org) or John Doe (jd@acme.example.org)."
    jane, john = find_contact_blocks(text)
    assert (jane.name, jane.emails) == ("Jane Roe", ("jroe@acme.example.org",))
    assert (john.name, john.emails) == ("John Doe", ("jd@acme.example.org",))


def test_name_after_a_contact_label_with_details_below() -> None:
    block = only_block("Media contact: Jane Roe, Press Officer, Acme Agency\nTel: +41 21 234 56 78")
    assert (block.name, block.title, block.organisation) == (
        "Jane Roe",
        "Press Officer",
        "Acme Agency",
    )
    assert block.phones == ("+41212345678",)


def test_table_of_contacts_with_pipes() -> None:
    text = "Contacts\nJane Roe | +41 22 123 45 67 | jroe@acme.int\nJohn Doe | +41 21 234 56 78\n"
    jane, john = find_contact_blocks(text)
    assert (jane.name, jane.phones, jane.emails) == (
        "Jane Roe",
        ("+41221234567",),
        ("jroe@acme.int",),
    )
    assert (john.name, john.phones, john.emails) == ("John Doe", ("+41212345678",), ())


def test_surname_in_capitals_is_a_name_but_acronyms_are_not() -> None:
    block = only_block("Contact presse :\nJean DUPONT\nTél. : +33 1 23 45 67 89")
    assert block.name == "Jean DUPONT"
    block = only_block("Contact:\nAcme HQ\nTel: +33 1 23 45 67 89")
    assert (block.name, block.organisation) == (None, "Acme HQ")


def test_second_number_on_a_labelled_line_keeps_the_label() -> None:
    block = only_block("Jane Roe\nFax: +41 21 234 56 78 (office), +41 21 234 56 79 (home)")
    assert block.faxes == ("+41212345678", "+41212345679")


def test_a_name_above_four_lines_of_title_office_and_city_keeps_them_all() -> None:
    text = (
        "The contacts are:\n\n"
        "Ines Halvorsen Duarte\n"
        "Supervisor\n"
        "Meeting Services Unit\n"
        "Nordic Water Commission, Northern Alliance\n"
        "Oslo\n"
        "Telephone: (+47) 22 12 34 56\n"
        "E-mail: ines.duarte@water.example.int\n"
    )
    (block,) = find_contact_blocks(text)
    assert block.name == "Ines Halvorsen Duarte"
    assert block.title == "Supervisor"
    # every line naming the place of work, the city left out
    assert block.organisation == "Meeting Services Unit, Nordic Water Commission, Northern Alliance"
    assert block.phones == ("+4722123456",)


def test_two_people_and_three_numbers_on_one_enquiries_line() -> None:
    text = (
        "The forum opens in Perth, WA, on Monday.\n\n"
        "Media enquiries: Hana Lowe 0412 345 678 (08) 9222 1234 Raj Patel (08) 277 1234\n"
    )
    blocks = {b.name: b.phones for b in find_contact_blocks(text, "AU")}
    # a bracketed area code opens a second number; an old plan's number keeps its shape
    assert blocks == {
        "Hana Lowe": ("+61412345678", "+61892221234"),
        "Raj Patel": ("+6182771234",),
    }


def test_the_office_right_above_a_contact_introduction_is_the_contacts() -> None:
    text = (
        "12 March 2031\nMayor’s Office\nContact: Jane Roe\nTel. +1 201 555 0148\n"
        "jroe@acme.example.org\n"
    )
    block = only_block(text)
    assert (block.name, block.organisation) == ("Jane Roe", "Mayor’s Office")


def test_a_heading_a_blank_line_above_a_contact_introduction_is_not_the_contacts() -> None:
    text = "Harbour Office\n\nContact: Jane Roe\nTel. +1 201 555 0148\n"
    assert only_block(text).organisation is None
