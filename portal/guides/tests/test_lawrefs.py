import pytest
from django.core.exceptions import ValidationError

from portal.core.lawrefs import (
    LAWS,
    LAWS_BY_ABBREVIATION,
    Law,
    find_law_references,
    law_abbreviation,
    paragraph_sort_key,
    parse_law_reference,
    parse_law_reference_list,
)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Efter LAB § 16 skal jobcentret give et tilbud.", [("LAB", "16")]),
        ("Det står i LAB §16, så det er klart.", [("LAB", "16")]),
        ("Det følger af § 16 i LAB, at borgeren skal indkaldes.", [("LAB", "16")]),
        ("Reglen i LAS § 7, stk. 2, gælder også her.", [("LAS", "7")]),
        ("Se sygedagpengeloven § 7 om arbejdsgiverperioden.", [("SDL", "7")]),
        ("Jf. § 7, stk. 2, i sygedagpengeloven skal der ...", [("SDL", "7")]),
        ("Efter lov om aktiv socialpolitik § 34 a kan ...", [("LAS", "34 a")]),
        (
            "Reglerne i LAB §§ 16-18 og ASL § 62 a",
            [("LAB", "16"), ("LAB", "17"), ("LAB", "18"), ("LAF", "62 a")],
        ),
        (
            "FVL § 19 og §§ 22 og 24 i forvaltningsloven",
            [("FVL", "19"), ("FVL", "22"), ("FVL", "24")],
        ),
        ("Efter beskæftigelsesloven § 10 fra 2025 ...", [("LBR", "10")]),
        ("Partshøring efter forvaltningsloven § 19 og RSL § 4", [("FVL", "19"), ("RSL", "4")]),
        ("LAB § 16 og igen LAB § 16", [("LAB", "16")]),
        ("i LAB § 5, 2025-udgaven", [("LAB", "5")]),
        ("Vi talte om lab § 16 på labbet", []),
        ("Ingen henvisning her, kun § 16 uden lov.", []),
        ("Borgeren fik 16 timer efter LAB.", []),
    ],
)
def test_citations_in_danish_sentences_are_found_and_normalised(sentence, expected):
    assert find_law_references(sentence) == expected


def test_a_typed_list_accepts_whole_laws_and_lower_case():
    assert parse_law_reference_list("LAB § 16, LAS § 7, stk. 2; sdl") == [
        ("LAB", "16"),
        ("LAS", "7"),
        ("SDL", ""),
    ]
    assert parse_law_reference_list("") == []


@pytest.mark.parametrize("text", ["LAB § 16, hej", "xyz", "LAB §", "§ 16"])
def test_a_typed_list_with_something_unreadable_is_refused_naming_it(text):
    with pytest.raises(ValidationError) as error:
        parse_law_reference_list(text)
    assert error.value.code == "invalid_law_reference"


def test_one_reference_is_a_law_or_a_paragraph():
    assert parse_law_reference("lab") == ("LAB", "")
    assert parse_law_reference("LAB § 16") == ("LAB", "16")
    assert parse_law_reference("Sygedagpengeloven") == ("SDL", "")
    with pytest.raises(ValidationError):
        parse_law_reference("LAB § 16, LAS § 7")


def test_law_names_map_to_abbreviations():
    assert law_abbreviation("arbejdsløshedsforsikringsloven") == "LAF"


def test_the_genitive_of_a_law_name_is_a_citation():
    assert find_law_references("Efter sygedagpengelovens § 27 kan forlængelse ske.") == [
        ("SDL", "27")
    ]
    assert law_abbreviation("LAS") == "LAS"
    assert law_abbreviation("nonsens") is None


def test_paragraphs_sort_as_numbers_with_the_letter_after_the_number():
    paragraphs = ["10", "16 a", "2", "", "16", "100", "16 b", "17", "9"]
    assert sorted(paragraphs, key=paragraph_sort_key) == [
        "",
        "2",
        "9",
        "10",
        "16",
        "16 a",
        "16 b",
        "17",
        "100",
    ]


def test_every_law_is_named_in_full_and_found_on_retsinformation():
    assert LAWS_BY_ABBREVIATION["LAB"].full_name == "LAB – lov om en aktiv beskæftigelsesindsats"
    for law in LAWS:
        assert law.retsinformation_url.startswith("https://www.retsinformation.dk/")
        # No ELI address has been checked yet: every law is a search for its name.
        assert law.retsinformation_is_search
    assert LAWS_BY_ABBREVIATION["SDL"].retsinformation_url == (
        "https://www.retsinformation.dk/documents?t=sygedagpengeloven"
    )
    assert LAWS_BY_ABBREVIATION["LAB"].retsinformation_url == (
        "https://www.retsinformation.dk/documents?t=lov+om+en+aktiv+besk%C3%A6ftigelsesindsats"
    )


def test_a_checked_eli_address_is_linked_directly():
    law = Law("XYZ", "eksempelloven", retsinformation_eli="/eli/lta/2024/1")
    assert law.retsinformation_url == "https://www.retsinformation.dk/eli/lta/2024/1"
    assert not law.retsinformation_is_search
