"""Doubled subjects and mid-sentence capitals: table-driven passes and fails."""

from __future__ import annotations

import pytest

from reviewer.core.flags import Flag
from reviewer.engines.artefacts.detectors.doubled_subject import (
    DoubledSubjectDetector,
    StrayCapitalDetector,
)
from tests.engines.artefacts.helpers import run


def flags_for(text: str) -> list[Flag]:
    return run(text, DoubledSubjectDetector(), StrayCapitalDetector())[1]


PASSES = [
    # title-case headlines: their capitals mean nothing ("with" stays lower case in a title)
    "Minister Pedro Gil He Resigns over Budget",
    "Talks with Rebels Resume as Envoy Maria Soto She Warns of Delays",
    "the film Us They saw twice was released in March.",
    "Mr. Rivera, he said, refused to sign the agreement.",
    "The minister herself said the figures were wrong.",
    "Police arrested the man who he said was responsible for the fire.",
    "In Washington He Jiankui was not mentioned at all during the hearing.",
    "Vice Premier He said on Friday that the talks had been constructive.",
    "China’s chief negotiator, Liu He, said the talks had been constructive.",
    "Negotiator Liu He said the talks had been constructive.",
    "The scientist He Jiankui was sentenced to three years in prison.",
    "The minister told reporters: “We will not give up.”",
    "She starred in the film It Follows before moving to television.",
    "Patients with hepatitis A are usually treated at home.",
    "The guide covers the tax rules from A to Z in plain language.",
    "The minister he appointed resigned after two weeks.",
    "Trump Says He Will Sign Spending Bill",
    "Yesterday he said the plan would be ready by March.",
    "When Ms. Okafor arrived, she said, the building was already empty.",
    "Stephen King’s It is being adapted again for television.",
    "The officials they met in Geneva were not authorized to negotiate.",
    "The soldiers they captured were released on Friday.",
    "According to a report by the United Nations It was the worst drought in decades.",
    "The minister she said was corrupt resigned on Friday.",
    "The vice premier He said the talks with Washington had gone well.",
    "The officials she said had been briefed declined to comment.",
    # after an abbreviated title of resources/abbreviations.yaml, "He" is a surname
    "Gen He said the naval drills would continue into next week.",
    "Mr He told the court in Shenzhen that he was innocent.",
    # reduced relative clauses: the pronoun's verb has no object of its own
    "The lawyer she hired specialises in tax law.",
    "The company they founded in 2009 now employs 300 people.",
    "The team he coaches won the cup in May.",
    "The judge she appeared before dismissed the case.",
    "The minister he appointed this year has already resigned.",
    "The soldiers we spoke to described heavy fighting.",
]

FAILS = [
    # (text, flagged span, suggestion, rule)
    # a short sentence full of names is no title-case headline: "resigned" is lower case
    (
        "Pedro Gil He resigned on Monday.",
        "Gil He",
        "Gil",
        "MT_DOUBLED_SUBJECT",
    ),
    # a job before the name does not make the name a work's title, as "the film" would
    (
        "The minister Pedro Gil He resigned on Monday.",
        "Gil He",
        "Gil",
        "MT_DOUBLED_SUBJECT",
    ),
    (
        "The professor Clara Moss She refused to comment on the findings.",
        "Moss She",
        "Moss",
        "MT_DOUBLED_SUBJECT",
    ),
    (
        "Ms. Okafor She said the company would appeal the ruling.",
        "Okafor She",
        "Okafor",
        "MT_DOUBLED_SUBJECT",
    ),
    (
        "Officials said Governor Marsh He had signed the order on Tuesday.",
        "Marsh He",
        "Marsh",
        "MT_DOUBLED_SUBJECT",
    ),
    (
        "Angela Ruiz She promised to review the budget before the vote.",
        "Ruiz She",
        "Ruiz",
        "MT_DOUBLED_SUBJECT",
    ),
    (
        "Health Minister Ana Duarte She announced the new rules on Monday.",
        "Duarte She",
        "Duarte",
        "MT_DOUBLED_SUBJECT",
    ),
    # titles from resources/abbreviations.yaml belong to the subject
    (
        "Sen. Okafor she said the bill would pass before the summer recess.",
        "Okafor she",
        "Okafor",
        "MT_DOUBLED_SUBJECT",
    ),
    (
        "Officials said Sgt. Reyes He had left the base before dawn.",
        "Reyes He",
        "Reyes",
        "MT_DOUBLED_SUBJECT",
    ),
    (
        "The minister she said on Monday that the reform would go ahead.",
        "minister she",
        "minister",
        "MT_DOUBLED_SUBJECT",
    ),
    (
        "The union leaders they rejected the offer late on Friday.",
        "leaders they",
        "leaders",
        "MT_DOUBLED_SUBJECT",
    ),
    (
        "The company it reported a loss of $3 million for the quarter.",
        "company it",
        "company",
        "MT_DOUBLED_SUBJECT",
    ),
    (
        "The police they arrested two men near the border.",
        "police they",
        "police",
        "MT_DOUBLED_SUBJECT",
    ),
    (
        "The minister She explained that the budget would be cut by a tenth.",
        "minister She",
        "minister",
        "MT_DOUBLED_SUBJECT",
    ),
    (
        "The minister she said the plan would be presented to parliament in May.",
        "minister she",
        "minister",
        "MT_DOUBLED_SUBJECT",
    ),
    (
        "The spokesman he told reporters that the negotiations had collapsed.",
        "spokesman he",
        "spokesman",
        "MT_DOUBLED_SUBJECT",
    ),
    (
        "Officials said The government would publish the report next week.",
        "The",
        "the",
        "MT_STRAY_CAPITAL",
    ),
    (
        "The court annulled the contract and The judges ordered a new hearing.",
        "The",
        "the",
        "MT_STRAY_CAPITAL",
    ),
]


@pytest.mark.parametrize("text", PASSES)
def test_not_flagged(text: str) -> None:
    assert flags_for(text) == []


@pytest.mark.parametrize(("text", "span", "suggestion", "rule"), FAILS)
def test_flagged_with_local_fix(text: str, span: str, suggestion: str, rule: str) -> None:
    flags = flags_for(text)
    assert [(f.text, f.suggestions, f.rule) for f in flags] == [(span, (suggestion,), rule)]


def test_message_names_subject_and_pronoun() -> None:
    (flag,) = flags_for("Ms. Okafor She said the company would appeal the ruling.")
    assert "“Ms. Okafor”" in flag.message
    assert "“She”" in flag.message
    assert flag.category == "Fluency/Grammar"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Col. Ahmed He told reporters the base was secure.", "“Col. Ahmed”"),
        ("Brig. Gen. Haddad He ordered the convoy to turn back.", "“Gen. Haddad”"),
        ("Rev. Mbeki He led the funeral service on Sunday.", "“Rev. Mbeki”"),
    ],
)
def test_listed_titles_are_part_of_the_subject(text: str, subject: str) -> None:
    (flag,) = flags_for(text)
    assert subject in flag.message
