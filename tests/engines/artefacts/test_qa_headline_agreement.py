"""QA_HEADLINE_AGREEMENT: singular subject + base verb in a headline ("US military resume")."""

from __future__ import annotations

import pytest

from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Flag
from reviewer.engines.artefacts.detectors.headline_agreement import (
    HeadlineAgreement,
    third_person,
)
from tests.engines.artefacts.helpers import run

BODY = "\n\nThe story follows here, and it is written in full sentences."


def flags_of(text: str, options: CheckOptions | None = None) -> list[Flag]:
    return run(text, HeadlineAgreement(), options=options)[1]


POSITIVE = [
    ("US military resume joint operations with Iraq", "resume", "resumes"),
    ("Iraqi government reject US request for troop talks", "reject", "rejects"),
    ("Supreme Court refuse to hear appeal over voting maps", "refuse", "refuses"),
    ("UN warn of famine in drought-hit region", "warn", "warns"),
    ("Army deploy extra troops to northern border", "deploy", "deploys"),
    ("Coalition try to rescue budget deal before deadline", "try", "tries"),
    ("Ministry have no plans for new tax, spokesman says", "have", "has"),
    ("EU go ahead with tariffs on steel imports", "go", "goes"),
]


@pytest.mark.parametrize(("headline", "span", "suggestion"), POSITIVE)
def test_headline_agreement(headline: str, span: str, suggestion: str) -> None:
    flags = flags_of(headline + BODY)
    assert [f.text for f in flags] == [span]
    assert flags[0].suggestions == (suggestion,)


NEGATIVE = [
    "US military resumes joint operations with Iraq",
    # police is plural
    "Police arrest two men after stadium attack",
    # past tense identical to the base form is not in the verb list
    "Government cut welfare spending by 4 percent",
    # a noun after the subject, not a verb
    "Government plan to cut emissions faces legal challenge",
    # coordinated subject is plural
    "EU and US agree on steel tariffs",
    # only headlines: body sentences are LanguageTool's job
    "Talks resume\n\nThe court refuse to hear appeals, officials said on Monday.",
    "US forces resume patrols near Syrian border",
]


@pytest.mark.parametrize("headline", NEGATIVE)
def test_correct_or_ambiguous_headlines_are_not_flagged(headline: str) -> None:
    assert flags_of(headline + BODY) == []


def test_british_english_accepts_plural_collective_nouns() -> None:
    text = "Government have no plans for new tax" + BODY
    assert flags_of(text, CheckOptions(language="en-GB")) == []
    assert [f.text for f in flags_of(text)] == ["have"]
    uk = "UN warn of famine in drought-hit region" + BODY
    assert [f.text for f in flags_of(uk, CheckOptions(language="en-GB"))] == ["warn"]


@pytest.mark.parametrize(
    ("verb", "expected"),
    [
        ("resume", "resumes"),
        ("push", "pushes"),
        ("try", "tries"),
        ("go", "goes"),
        ("have", "has"),
        ("say", "says"),
        ("veto", "vetoes"),
        ("fix", "fixes"),
        ("reach", "reaches"),
        ("be", "is"),
    ],
)
def test_third_person(verb: str, expected: str) -> None:
    assert third_person(verb) == expected
