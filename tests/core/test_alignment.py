"""Numbers and names of a target selection found in the source."""

from __future__ import annotations

import pytest

from reviewer.core.alignment import matching_source_spans, normalise_number, selected_tokens


def spans_text(source: str, target: str, selected: str) -> list[str]:
    start = target.index(selected)
    spans = matching_source_spans(source, target, start, start + len(selected))
    return [source[a:b] for a, b in spans]


@pytest.mark.parametrize(
    ("source", "target", "selected", "expected"),
    [
        ("Llegaron 1.500 soldados.", "1,500 soldiers arrived.", "1,500", ["1.500"]),
        ("Llegaron 1 500 soldados.", "1500 soldiers arrived.", "1500 soldiers", ["1 500"]),
        ("Subió un 3,5 %.", "It rose by 3.5%.", "3.5", ["3,5"]),
        ("Pompeo visitó Bagdad.", "Pompeo visited Baghdad.", "Pompeo visited", ["Pompeo"]),
        ("La OTAN y la nato.", "NATO said", "NATO", ["nato"]),
        (
            "El iPhone 15 cuesta 999 dólares.",
            "The IPHONE 15 costs $999.",
            "IPHONE 15",
            ["iPhone", "15"],
        ),
        ("Tenía ٢٠ años.", "He was 20.", "20", ["٢٠"]),
        ("Dijo que no.", "He said no.", "sai", []),  # part of a word not in the source
        ("Llegaron 1.500 soldados.", "1,600 soldiers arrived.", "1,600", []),
        ("Pompeo llegó.", "Pompeo arrived.", "", []),
    ],
)
def test_numbers_and_names_of_the_selection_are_found_in_the_source(
    source: str, target: str, selected: str, expected: list[str]
) -> None:
    if not selected:
        assert matching_source_spans(source, target, 3, 3) == []
        return
    assert spans_text(source, target, selected) == expected


def test_a_partly_selected_word_counts_and_single_letters_do_not() -> None:
    target = "Pompeo y a"
    assert [t.key for t in selected_tokens(target, 2, 4)] == ["pompeo"]
    assert selected_tokens(target, 7, 10) == []


def test_numbers_are_normalised_to_their_digits() -> None:
    assert normalise_number("1.500,25") == "150025"
    assert normalise_number("١٢") == "12"


def test_words_in_other_scripts_are_not_names() -> None:
    assert matching_source_spans("Москва Moscow", "Moscow Москва", 0, 13) == [(7, 13)]


def test_a_space_groups_only_thousands() -> None:
    found = selected_tokens("de 15 20 y 1 500", 0, 16)
    assert [t.key for t in found if t.number] == ["15", "20", "1500"]
