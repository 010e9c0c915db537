"""People: names, honorifics, job titles and organisations from appositions, short forms."""

from __future__ import annotations

from importers.extract import extract
from importers.records import DocumentText, PersonRecord


def people_of(text: str) -> dict[str, PersonRecord]:
    result = extract(DocumentText(path="t.txt", format="txt", text=text))
    return {p.name: p for p in result.people}


def test_organisation_and_title_before_the_name() -> None:
    people = people_of("ACME Deputy Director General Maria Svensson opened the meeting.")
    person = people["Maria Svensson"]
    assert person.title == "Deputy Director General"
    assert person.organisation == "ACME"


def test_title_and_organisation_after_the_name() -> None:
    people = people_of(
        "The debate will include Henrik Olsen, Head of Research, Nordic Policy Institute (NPI), "
        "and Grace Mbeki, Chief Economist, Continental Trade Bank."
    )
    assert people["Henrik Olsen"].title == "Head of Research"
    assert people["Henrik Olsen"].organisation == "Nordic Policy Institute (NPI)"
    assert people["Grace Mbeki"].title == "Chief Economist"
    assert people["Grace Mbeki"].organisation == "Continental Trade Bank"


def test_title_of_an_organisation_is_split() -> None:
    people = people_of(
        "It will be moderated by Olga Petrova, Director of the Baltic Policy Institute."
    )
    assert people["Olga Petrova"].title == "Director"
    assert people["Olga Petrova"].organisation == "Baltic Policy Institute"


def test_title_of_a_city_stays_a_title() -> None:
    people = people_of("A welcome from Dr. Samuel Okoro, Mayor of Accra, opens the day.")
    person = people["Samuel Okoro"]
    assert person.title == "Mayor of Accra"
    assert person.honorific == "Dr"


def test_possessive_country_is_the_organisation() -> None:
    people = people_of(
        "Panellists including Paulo Henriques, Mozambique's Deputy Minister of Labour, will speak."
    )
    assert people["Paulo Henriques"].organisation == "Mozambique"
    assert people["Paulo Henriques"].title == "Deputy Minister of Labour"


def test_nationality_adjective_names_the_country() -> None:
    people = people_of("Speakers include Ana Castillo, Norwegian Secretary of State for Trade.")
    assert people["Ana Castillo"].organisation == "Norway"
    assert people["Ana Castillo"].title == "Secretary of State for Trade"


def test_definite_description_before_a_comma() -> None:
    people = people_of(
        "The Director of the Coral Office for Oceans, Tevita Fifita, will take part in the debate."
    )
    assert people["Tevita Fifita"].title == "Director"
    assert people["Tevita Fifita"].organisation == "Coral Office for Oceans"


def test_honorific_kept_apart_and_short_form_resolved() -> None:
    text = (
        "Ambassador Claire Dubois, Special Envoy for Oceans, arrived on Monday. "
        "“We must act now,” said Ambassador Dubois."
    )
    people = people_of(text)
    assert list(people) == ["Claire Dubois"]
    person = people["Claire Dubois"]
    assert person.honorific == "Ambassador"
    assert person.title == "Special Envoy for Oceans"
    assert len(person.spans) == 2


def test_academic_honorific_is_the_title_when_no_other() -> None:
    people = people_of("Associate Professor Mereana Tuhiwai of the School of Law chairs the panel.")
    person = people["Mereana Tuhiwai"]
    assert person.title == "Associate Professor"
    assert person.organisation == "School of Law"


def test_peerage_name_keeps_its_place() -> None:
    people = people_of("The reception was hosted by Baroness Whitley of Ashford and friends.")
    assert "Whitley of Ashford" in people
    assert people["Whitley of Ashford"].honorific == "Baroness"


def test_bold_speaker_list_entries() -> None:
    text = (
        "Confirmed speakers:\n\n"
        "Professor **Ingrid Halvorsen**, Director of the Centre for Arctic Studies, "
        "University of Tromsø\n\n"
        "**Kofi Asante-Mensah**, Executive Director, Sahel Futures (a regional think tank)\n"
    )
    people = people_of(text)
    assert people["Ingrid Halvorsen"].organisation == "University of Tromsø"
    assert people["Ingrid Halvorsen"].title.startswith("Director of the Centre for Arctic Studies")
    assert people["Kofi Asante-Mensah"].title == "Executive Director"
    assert people["Kofi Asante-Mensah"].organisation.startswith("Sahel Futures")


def test_organisation_in_an_apposition_chain_is_not_a_person() -> None:
    people = people_of(
        "**Ursula Brandt**, Executive Director, Tukana Moana (a community trust), Samoa\n"
    )
    assert "Tukana Moana" not in people
    assert people["Ursula Brandt"].organisation.startswith("Tukana Moana")


def test_semicolon_separated_entries() -> None:
    people = people_of(
        "Panellists: Ravi Menon, Minister of Water, Ruritania; Carla Souza, CEO, AquaBrasil; "
        "Helen Novak, Professor, University of Zagreb"
    )
    assert people["Ravi Menon"].organisation == "Ruritania"
    assert people["Carla Souza"].title == "CEO"
    assert people["Carla Souza"].organisation == "AquaBrasil"
    assert people["Helen Novak"].organisation == "University of Zagreb"


def test_names_in_quoted_titles_and_headings_are_not_people() -> None:
    people = people_of(
        "Key Challenges and Ways Forward\n"
        "The session “Grace Under Pressure: Markets in Crisis” ended at noon."
    )
    assert people == {}


def test_contact_block_joins_the_person_named_in_the_text() -> None:
    text = (
        "Minister Lena Fischer will open the forum.\n\n"
        "For more information please contact:\n"
        "Lena Fischer, Ministry of Culture, Tel: +49 30 18272 0, Email: L.Fischer@example.de\n"
    )
    people = people_of(text)
    person = people["Lena Fischer"]
    assert person.phones == ("+4930182720",)
    assert person.emails == ("l.fischer@example.de",)
    assert person.organisation == "Ministry of Culture"


def test_national_number_takes_the_documents_country() -> None:
    text = (
        "Speakers will gather in Wellington for the Southern Media Summit on 3 May 2024.\n"
        "Media enquiries:\nAroha Walker\nPhone: (04) 472 1000\n"
    )
    people = people_of(text)
    assert people["Aroha Walker"].phones == ("+6444721000",)


def test_names_with_particles() -> None:
    people = people_of(
        "The summit was opened by Ursula van der Berg, President of the Regional Commission, "
        "and Jean-Pierre de la Fontaine, Mayor of Lyon."
    )
    assert people["Ursula van der Berg"].organisation == "Regional Commission"
    assert people["Jean-Pierre de la Fontaine"].title == "Mayor of Lyon"


def test_organisations_named_after_people_or_causes_are_not_people() -> None:
    people = people_of(
        "Partners include Doctors Without Borders, Save the Children and Christian Aid. "
        "The meeting was funded by the Marie Curie Actions and the Grace Kelly Studios. "
        "Delegates then visited Victoria Falls. Said Ahmed, Minister of Water, spoke."
    )
    assert list(people) == ["Said Ahmed"]


def test_letters_after_a_name_are_neither_name_nor_title() -> None:
    people = people_of(
        "The Forum on Water opened on 3 May 2025 with remarks by the Hon. Mere Tane MP, "
        "Minister for Local Government, and by Professor Ian Dow CBE FRS, Director of the "
        "Climate Institute."
    )
    assert people["Mere Tane"].title == "Minister for Local Government"
    assert people["Ian Dow"].title == "Director"
    assert people["Ian Dow"].organisation == "Climate Institute"


def test_a_capitalised_word_after_a_name_still_makes_a_longer_proper_noun() -> None:
    assert "Marie Curie" not in people_of("The Marie Curie Fellowship funds researchers.")


def test_title_at_an_organisation_is_split() -> None:
    people = people_of(
        "The Delta Water Forum met on 3 May 2025. It was moderated by Tom Becker, Senior Editor "
        "at Field Notes, with Ana Ruiz, Director of Policy at the Rural Telecom Association, and "
        "Pia Lund, Professor at Oxford."
    )
    assert (people["Tom Becker"].title, people["Tom Becker"].organisation) == (
        "Senior Editor",
        "Field Notes",
    )
    assert (people["Ana Ruiz"].title, people["Ana Ruiz"].organisation) == (
        "Director of Policy",
        "Rural Telecom Association",
    )
    assert people["Pia Lund"].title == "Professor at Oxford"  # a place is no employer


def test_hyphenated_title_before_an_honorific_is_the_title() -> None:
    people = people_of(
        "The Harbour Lecture is on 12 September 2024. It will be introduced by the "
        "Vice-Chancellor, Professor Ian Dow, and closed by the head of the port agency, Pia Lund."
    )
    assert people["Ian Dow"].title == "Vice-Chancellor"
    assert people["Pia Lund"].title == "head of the port agency"


def test_title_given_by_a_sentence_of_its_own() -> None:
    people = people_of(
        "The Harbour Lecture is on 12 September 2024. Professor Mere Tane will deliver it. "
        "Professor Tane is Director of the Centre for Ocean Governance. Jane Roe will reply; "
        "Roe is an expert on rivers."
    )
    assert people["Mere Tane"].title == "Director"
    assert people["Mere Tane"].organisation == "Centre for Ocean Governance"
    assert people["Jane Roe"].title is None  # "an expert on rivers" is no job title


def test_countries_in_a_list_are_not_people() -> None:
    people = people_of(
        "REGIONAL MEETING ON SAFE HARBOURS\n\n"
        " The Minister, Dana Whitfield, will open the meeting.\n\n"
        " Countries participating in the meeting include: Norway, Latvia, Croatia, Samoa, "
        "San Marino, Iceland, Malta, Panama, Rwanda, Mali, Sierra Leone, Senegal and Kenya."
    )
    assert "Sierra Leone" not in people and "San Marino" not in people


def test_a_bio_sentence_gives_a_title_written_in_lower_case() -> None:
    people = people_of(
        "Keynote Speakers\n\n"
        "Marta Lindqvist\nNorthvale University\n"
        "Marta Lindqvist is an associate professor of marine biology at Northvale University "
        "and co-director of its coastal lab. She studies kelp.\n\n"
        "Tobias Renn\nHarbourline\n"
        "Tobias Renn is a final-year PhD student in the Ocean Systems group at Eastport "
        "College, advised by Dr. Ada Quill.\n\n"
        "Ines Varga\nKelpworks Institute\n"
        "Ines Varga is the Director of Applied Research at Kelpworks, where she leads "
        "the sensing team.\n"
    )
    # the title up to where the person works ("at", "in"); a year of study is no title
    assert people["Marta Lindqvist"].title == "associate professor of marine biology"
    assert people["Tobias Renn"].title == "PhD student"
    assert people["Ines Varga"].title == "Director of Applied Research"


def test_a_name_wrapped_under_its_slot_and_its_initials_later() -> None:
    people = people_of(
        "Scientific Session\n\n"
        "Time | Speaker\n"
        "10.00 am | to | 10.15 am | Prof. Ida Marsh, President, Kestrel\n"
        "Institute for Advanced Coastal\n"
        "Research, Lisbon\n"
        "10.15 am | to | 10.30 am | Dr. Paul Quint, Director, Harbour Trust,\n"
        "Oslo\n\n"
        "Panel\n"
        "Chair: | Prof. Ida Marsh, President, KIACR\n"
    )
    # the organisation goes on over the lines under the slot, and its initials later on do
    # not replace the name written out
    assert people["Ida Marsh"].organisation == "Kestrel Institute for Advanced Coastal Research"
    assert people["Paul Quint"].organisation == "Harbour Trust"


def test_semicolons_and_a_country_after_the_name_give_titles() -> None:
    people = people_of(
        "The Minister for Coastal Affairs; Dr. Helga Marsh, welcomed the guests. The visit "
        "was joined by the Finnish Ambassador Aino Lehto and Ambassador Pieter Vos of "
        "Slovenia, who spoke about ports."
    )
    assert people["Helga Marsh"].title == "Minister for Coastal Affairs"
    # what stands before "and" belongs to the person before it
    assert people["Pieter Vos"].title == "Ambassador of Slovenia"


def test_an_apposition_ends_where_the_sentence_goes_on_with_its_verb() -> None:
    people = people_of(
        "A delegation led by Prof. Ada Quill, Vice President of Northvale University and "
        "Secretary General of the “Coastal Studies Centre (CSC)” visited Lisbon from 3 to 6 "
        "May 2031."
    )
    assert (people["Ada Quill"].title, people["Ada Quill"].organisation) == (
        "Vice President",
        "Northvale University",
    )


def test_an_office_title_before_a_known_given_name() -> None:
    people = people_of("On Monday the WMTO Lisbon Director Maria Sousa opened the fair.")
    assert (people["Maria Sousa"].title, people["Maria Sousa"].organisation) == (
        "Director",
        "WMTO Lisbon",
    )


def test_an_honorific_belongs_to_the_name_on_its_own_line() -> None:
    people = people_of(
        "Committee members:\nRep. Anna Petrov, Chair\nRep. Tom Reed, Vice Chair\nSen. Laura Finch\n"
    )
    assert [(p.honorific, p.title) for p in people.values()] == [
        ("Rep", "Chair"),
        ("Rep", "Vice Chair"),
        ("Sen", None),
    ]


def test_a_name_alone_on_its_line_above_who_they_are_is_a_card() -> None:
    people = people_of(
        "Dear members,\n\nYou are invited to the Harbour Trust Annual Dinner on Friday "
        "20 November 2031 at 7 pm.\n\nKind regards,\nJane Roe\nEvents Secretary, Harbour Trust\n"
    )
    assert (people["Jane Roe"].title, people["Jane Roe"].organisation) == (
        "Events Secretary",
        "Harbour Trust",
    )


def test_a_towns_own_page_gives_its_mayor_and_councillors_the_town() -> None:
    text = (
        "City of Port Ellis\nNews Release\n\nMayor Anna Petrov and Councilmember Tom Reed will "
        "host a town hall on 4 May 2031 at the Quay Library with Jane Okafor of the Harbour "
        "Trust.\n"
    )
    people = people_of(text)
    assert people["Anna Petrov"].organisation == "City of Port Ellis"
    assert people["Tom Reed"].organisation == "City of Port Ellis"
    assert people["Jane Okafor"].organisation == "Harbour Trust"  # not an official of the town


def test_a_town_named_in_the_body_of_another_page_is_not_its_mayors() -> None:
    text = (
        "Spring fair news\n\nThe spring fair, held with the City of Port Ellis, opened on "
        "4 May 2031 with a speech by Mayor Anna Petrov.\n"
    )
    assert people_of(text)["Anna Petrov"].organisation is None
