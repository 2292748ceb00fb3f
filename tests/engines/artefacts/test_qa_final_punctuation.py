"""QA_MISSING_FINAL_PUNCTUATION: prose sentences need a full stop; headlines do not."""

from __future__ import annotations

import pytest

from reviewer.core.flags import Flag
from reviewer.engines.artefacts.detectors.final_punctuation import MissingFinalPunctuation
from tests.engines.artefacts.helpers import run

HEADLINE = "Council approves new budget\n\n"


def flags_of(text: str) -> list[Flag]:
    return run(text, MissingFinalPunctuation())[1]


POSITIVE = [
    (HEADLINE + "The council approved the budget on Thursday. The mayor will sign it", "it"),
    (HEADLINE + "Shares of the company fell 12 percent after the warning", "warning"),
    (HEADLINE + "The minister resigned on Friday\n\nHis deputy took over.", "Friday"),
    (HEADLINE + "Opponents said the plan relied on optimistic forecasts and would fail", "fail"),
    (HEADLINE + "“We are counting money we do not have,” said council member Tom Becker", "Becker"),
    (HEADLINE + "The first paragraph ends well. The second one was cut off by the 2020", "2020"),
]


@pytest.mark.parametrize(("text", "word"), POSITIVE)
def test_missing_final_punctuation(text: str, word: str) -> None:
    flags = flags_of(text)
    assert [f.text for f in flags] == [word]
    assert flags[0].suggestions == (word + ".",)


NEGATIVE = [
    # the first paragraph is the headline, even with a verb
    "US military resumes joint operations with Iraq\n\nThe military resumed operations.",
    # title-like lines and residue
    HEADLINE + "The vote was close.\n\nLeave a Reply\n\nRelated Articles From Our Newsroom",
    HEADLINE + "The vote was close.\n\nRequired fields are marked *",
    # a lower-case fragment is the fragments detector's job
    HEADLINE + "The vote was close, officials said. the coalition",
    # a lead-in to a list and quoted endings
    HEADLINE + "The plan has three parts:\n\nHe called it “a disaster”",
    HEADLINE + "Did the council vote? Nobody knows! The mayor said so.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_headlines_and_complete_sentences_are_not_flagged(text: str) -> None:
    assert flags_of(text) == []
