"""QA_COMMA_SPLICE: conservative detection of two main clauses joined by a comma."""

from __future__ import annotations

import pytest

from reviewer.core.flags import Flag
from reviewer.engines.artefacts.detectors.comma_splice import CommaSplice
from tests.engines.artefacts.helpers import run


def flags_of(text: str) -> list[Flag]:
    return run(text, CommaSplice())[1]


POSITIVE = [
    (
        "On Wednesday it was not clear if someone in the Iraqi government approved the "
        "resumption of joint missions, it was the Americans who arrested them, not the Iraqis.",
        ", it",
        ("; it", ". It"),
    ),
    (
        "The minister rejected the proposal on Monday, it was the third time this year.",
        ", it",
        ("; it", ". It"),
    ),
    (
        "The company has closed two plants in Ohio, they were losing money for years.",
        ", they",
        ("; they", ". They"),
    ),
    (
        "The talks collapsed after midnight, there was no agreement on the border.",
        ", there",
        ("; there", ". There"),
    ),
    (
        "Police arrested two men near the stadium, they were carrying knives.",
        ", they",
        ("; they", ". They"),
    ),
    (
        "The president signed the decree on Friday, he will address the nation on Sunday.",
        ", he",
        ("; he", ". He"),
    ),
]


@pytest.mark.parametrize(("text", "span", "suggestions"), POSITIVE)
def test_comma_splice(text: str, span: str, suggestions: tuple[str, ...]) -> None:
    flags = flags_of(text)
    assert [f.text for f in flags] == [span]
    assert flags[0].suggestions == suggestions


def test_cleft_gets_higher_confidence() -> None:
    cleft = flags_of(POSITIVE[0][0])[0]
    plain = flags_of(POSITIVE[1][0])[0]
    assert cleft.confidence > plain.confidence


NEGATIVE = [
    # reporting clauses
    "The talks will resume next week, they said.",
    "The plan was approved in March, it was reported on Friday.",
    "The economy is slowing, it has emerged from new figures.",
    # fronted subordinate clauses and adverbials
    "If the talks fail on Monday, it will be the third collapse this year.",
    "When the minister arrived at the summit, he was greeted by protesters.",
    "Although the company was profitable last year, it has cut 500 jobs.",
    "In the years after the war ended, it was hard to find work in the north.",
    # a conjunction joins the clauses
    "The minister rejected the proposal on Monday, and it was sent back to committee.",
    # quoted speech may splice
    "“We were tired, we were hungry,” one of the rescued miners said on Tuesday.",
    # an aside after an earlier comma
    "The mayor, who was elected in May, said the budget was balanced, it is not.",
    # too short to be sure
    "Prices rose, it was expected.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_a_comma_splice(text: str) -> None:
    assert flags_of(text) == []
