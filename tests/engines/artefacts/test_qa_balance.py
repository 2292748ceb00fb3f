"""QA_UNBALANCED_QUOTES_BRACKETS: unpaired quotation marks and brackets, per paragraph."""

from __future__ import annotations

import pytest

from reviewer.core.flags import Flag
from reviewer.engines.artefacts.detectors.balance import UnbalancedQuotesAndBrackets
from tests.engines.artefacts.helpers import run


def flags_of(text: str) -> list[Flag]:
    return run(text, UnbalancedQuotesAndBrackets())[1]


# (text, flagged marks in order, word expected in the message)
POSITIVE = [
    ("The minister called the plan “a disaster and left the room.", ["“"], "Unclosed"),
    ("The plan was “a disaster,” he said, adding that it “would fail.", ["“"], "Unclosed"),
    ("The court (in a 5-4 ruling sided with the state on Monday.", ["("], "Unclosed"),
    ("The firm cut jobs in Ohio and Texas) and closed two plants.", [")"], "Unmatched"),
    ('He called it "a betrayal and walked out of the meeting.', ['"'], "straight"),
    ("The report [published on Monday said emissions had risen.", ["["], "Unclosed"),
    ("She described the deal as ‘a gift to the banks and voted against it.", ["‘"], "Unclosed"),
    ("“We will not give up,” she said.” The crowd cheered.", ["”"], "Unmatched"),
]


@pytest.mark.parametrize(("text", "marks", "word"), POSITIVE)
def test_unbalanced_marks_are_flagged(text: str, marks: list[str], word: str) -> None:
    flags = flags_of(text)
    assert [f.text for f in flags] == marks
    assert word in flags[0].message


NEGATIVE = [
    "The government said it would comply with Parliament’s order, officials said.",
    "Farmers’ groups and the pilots’ union said they had warned about the problem.",
    "She called the plan “a disaster” and said the party would “fight it all the way.”",
    "He said the ‘silent majority’ backed him (a claim polls do not support).",
    "The options are a) a new vote, b) a coalition or c) early elections.",
    'The TV has a 55" screen and costs $400, the retailer said.',
    "Sales peaked in the ’90s, the company’s founder said [in an interview].",
    # a quotation continued in the next paragraph opens again with “
    "“We will rebuild the port,” the mayor said. “It will take years.\n\n"
    "“But we have no choice,” she added.",
    '"We will rebuild the port," the mayor said. "It will take years.\n\n"But we must," she said.',
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_balanced_text_and_apostrophes_are_not_flagged(text: str) -> None:
    assert flags_of(text) == []
