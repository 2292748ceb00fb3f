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


# No rewrite offered: a noun subject, or a splice after an opener or an earlier comma.
UNSURE = [
    (
        "The protest was entirely peaceful on Saturday, the police were not needed.",
        ", the police",
    ),
    (
        "The talks lasted three days in Vienna, the minister said it was a success.",
        ", the minister",
    ),
    (
        "The mayor, who took office in May, said the budget was ready, it will be debated"
        " next week.",
        ", it",
    ),
    (
        "After the vote, the minister said the reform was over, it would not be revived.",
        ", it",
    ),
    (
        "Another study of the region is expected within ten years, this study will map it.",
        ", this study",
    ),
]


@pytest.mark.parametrize(("text", "span"), UNSURE)
def test_possible_splice_explains_without_rewrite(text: str, span: str) -> None:
    flags = flags_of(text)
    assert [f.text for f in flags] == [span]
    assert flags[0].suggestions == ()
    assert "no fix is suggested" in flags[0].message


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
    # participial and adverbial openers
    "Asked about the delay on Monday, she was unable to give a date.",
    "Having lost the confidence vote, he has resigned as party leader.",
    "Founded by two students in 1998, it has grown into a large charity.",
    "Despite the fact that it was raining heavily, they were in good spirits.",
    "Speaking to reporters after the meeting, she would not rule out sanctions.",
    "The fire spread through the old town and, fanned by strong winds, it was soon out of control.",
    "Officials admitted that, although the dam had held, it was badly damaged.",
    "The report concludes that in most rural areas, there are too few doctors.",
    "Two weeks after the old bridge collapsed, it was closed to all traffic.",
    "The plan was so expensive to run, it was abandoned after a year.",
    "The dinosaurs were real animals - in fact, they were the ancestors of birds.",
    # parentheticals and tags
    "The minister has admitted mistakes, it is true, but she refuses to resign.",
    "The strategy had been approved by the board, we were told, long before the vote.",
    "The figures for the first quarter are incomplete, it is true.",
    # noun subjects: reporting tags, series, comparatives
    "Prices rose 5 percent in October, the statistics office said on Tuesday.",
    "The talks lasted three days, the minister said, and ended without an agreement.",
    "The car was very old, the tyres were worn and the brakes had failed.",
    "The more the government borrows, the more it will have to pay in interest.",
    "In a statement issued on Friday, the ministry said it was reviewing the case.",
    # later commas: clauses in a series, openers
    "If we go back far enough, we can see the first stars, we can even date them, but not"
    " all of them.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_a_comma_splice(text: str) -> None:
    assert flags_of(text) == []
