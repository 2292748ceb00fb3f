"""QA_NUMBER_WITHOUT_SEPARATOR: "48000 people" is flagged with "48,000"; codes, decimals,
years and identifiers are not."""

from __future__ import annotations

import pytest

from reviewer.core.flags import Flag
from reviewer.engines.artefacts.detectors.numbers import NumberWithoutSeparator, grouped
from tests.engines.artefacts.helpers import run


def flags_of(text: str) -> list[Flag]:
    return run(text, NumberWithoutSeparator())[1]


POSITIVE = [
    ("About 48000 people attended the rally in the capital.", "48000", "48,000"),
    ("The dam holds 1250000 cubic meters of water.", "1250000", "1,250,000"),
    ("Officials said 15000 homes were still without power.", "15000", "15,000"),
    ("The company paid a fine of 730000 dollars last year.", "730000", "730,000"),
    ("The glacier has retreated for more than 12000 years.", "12000", "12,000"),
    ("Ticket sales reached 99999, a record for the club.", "99999", "99,999"),
]


@pytest.mark.parametrize(("text", "span", "fix"), POSITIVE)
def test_long_number_is_flagged_with_grouped_digits(text: str, span: str, fix: str) -> None:
    flags = flags_of(text)
    assert [f.text for f in flags] == [span]
    assert flags[0].suggestions == (fix,)


NEGATIVE = [
    "About 48,000 people attended the rally in the capital.",
    "The office moved to zip code 90210 in 2019.",
    "Flight 10234 landed safely after a two-hour delay.",
    "Pi begins 3.14159 and never repeats.",
    "The part number is A12345-B, according to the manual.",
    "Call the helpline on 08001 for advice.",
    "The museum holds 5000 objects from the period.",
    "Order No. 55621 was shipped on Monday.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_grouped_small_and_identifier_numbers_are_not_flagged(text: str) -> None:
    assert flags_of(text) == []


def test_grouped_inserts_commas_every_three_digits() -> None:
    assert grouped("1234567") == "1,234,567"
