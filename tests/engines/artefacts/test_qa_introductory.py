"""QA_INTRODUCTORY_COMMA (--picky): an opener without its comma; clause-internal uses pass."""

from __future__ import annotations

import pytest

from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Flag
from reviewer.engines.artefacts.detectors.introductory import IntroductoryComma
from tests.engines.artefacts.helpers import run


def flags_of(text: str, picky: bool = True) -> list[Flag]:
    return run(text, IntroductoryComma(), options=CheckOptions(picky=picky))[1]


POSITIVE = [
    ("So we decided to wait for the report.", "So"),
    ("Today I want to talk about river dams.", "Today"),
    ("The mill closed. Last year the town lost its bakery too.", "Last year"),
    ("In fact the bridge had been repaired twice.", "In fact"),
    ("“Basically we ran out of money,” the mayor said.", "Basically"),
    ("However the council rejected the plan.", "However"),
]


@pytest.mark.parametrize(("text", "opener"), POSITIVE)
def test_an_opener_without_a_comma_is_flagged(text: str, opener: str) -> None:
    (flag,) = flags_of(text)
    assert flag.text == opener
    assert flag.suggestions == (opener + ",",)


NEGATIVE = [
    "So far the company has hired forty engineers.",
    "Now is the time to decide on the budget.",
    "Then came the rain, and the match was called off.",
    "So, we decided to wait for the report.",
    "However hard they tried, the engine would not start.",
    "The plan worked. So that settled it.",
    "Also known as the Iron Lady, she led for eleven years.",
    "The council met today and approved the plan.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_clause_openers_and_commas_are_not_flagged(text: str) -> None:
    assert flags_of(text) == []


def test_a_default_check_leaves_it_alone() -> None:
    assert flags_of("So we decided to wait for the report.", picky=False) == []
