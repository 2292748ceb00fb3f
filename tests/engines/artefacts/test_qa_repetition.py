"""QA_REPEATED_WORD: "the the" is flagged, grammatical doubles and names are not."""

from __future__ import annotations

import pytest

from reviewer.core.flags import Flag
from reviewer.engines.artefacts.detectors.repetition import RepeatedWord
from tests.engines.artefacts.helpers import run


def flags_of(text: str) -> list[Flag]:
    return run(text, RepeatedWord())[1]


POSITIVE = [
    ("The minister said the the budget would be cut.", " the"),
    ("Police arrested two men in in the capital on Sunday.", " in"),
    ("The The company denied the report on Tuesday.", " The"),
    ("Shares fell after the firm cut its its forecast for the year.", " its"),
    ("Rescue teams worked through the night to to reach the village.", " to"),
    ("“We are are not giving up,” the coach said after the defeat.", " are"),
]


@pytest.mark.parametrize(("text", "span"), POSITIVE)
def test_repeated_word_is_flagged_with_delete_suggestion(text: str, span: str) -> None:
    flags = flags_of(text)
    assert [f.text for f in flags] == [span]
    assert flags[0].suggestions == ("",)
    assert span.strip() in flags[0].message


NEGATIVE = [
    "By the time the vote came, the coalition had had enough of the delays.",
    "He argued that that decision was taken without a vote in parliament.",
    "What the plan is is a way to delay the vote until after the election.",
    "The resort island of Bora Bora reopened to tourists on Monday.",
    "The firm said it would close the plant, then the union said it would strike.",
    "The winners were: Chelsea, Chelsea’s rivals and the holders.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_grammatical_doubles_and_names_are_not_flagged(text: str) -> None:
    assert flags_of(text) == []
