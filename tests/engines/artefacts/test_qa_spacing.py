"""Spacing checks: doubled spaces, space before punctuation, missing space after it."""

from __future__ import annotations

import pytest

from reviewer.core.flags import Flag
from reviewer.engines.artefacts.detector import Detector
from reviewer.engines.artefacts.detectors.spacing import (
    DoubleSpace,
    MissingSpaceAfterPunctuation,
    SpaceBeforePunctuation,
)
from tests.engines.artefacts.helpers import run


def flags_of(detector: Detector, text: str) -> list[Flag]:
    return run(text, detector)[1]


def applied(text: str, flag: Flag) -> str:
    return text[: flag.start] + flag.suggestions[0] + text[flag.end :]


DOUBLE_POSITIVE = [
    "The minister  resigned on Friday.",
    "Prices rose sharply.  Analysts were surprised.",
    "The court ruled in favour of the  plaintiffs on Monday.",
    "Shares fell 4 percent  in early trading.",
    "The team won 3-1, and fans   celebrated in the streets.",
]


@pytest.mark.parametrize("text", DOUBLE_POSITIVE)
def test_double_space(text: str) -> None:
    flags = flags_of(DoubleSpace(), text)
    assert len(flags) == 1
    assert "  " not in applied(text, flags[0])


DOUBLE_NEGATIVE = [
    "The minister resigned on Friday.",
    "Prices rose sharply. Analysts were surprised.",
    "Headline\n\nThe first paragraph starts here.",
    "The score was 3 - 1 at half time.",
    "Officials said the talks were over; no date was set.",
]


@pytest.mark.parametrize("text", DOUBLE_NEGATIVE)
def test_double_space_clean(text: str) -> None:
    assert flags_of(DoubleSpace(), text) == []


BEFORE_POSITIVE = [
    ("The minister resigned , officials said.", " ,", "The minister resigned, officials said."),
    ("The vote was close ,but it passed.", " ,", "The vote was close, but it passed."),
    ("Prices rose again .", " .", "Prices rose again."),
    ("Who will pay for it ?", " ?", "Who will pay for it?"),
    ("The plan has three parts : taxes, cuts and loans.", " :", None),
    ("The court (in a 5-4 ruling ) sided with the state.", " )", None),
    (
        "The vote was close .Then the recount began.",
        " .",
        "The vote was close. Then the recount began.",
    ),
]


@pytest.mark.parametrize(("text", "span", "fixed"), BEFORE_POSITIVE)
def test_space_before_punctuation(text: str, span: str, fixed: str | None) -> None:
    flags = flags_of(SpaceBeforePunctuation(), text)
    assert [f.text for f in flags] == [span]
    if fixed is not None:
        assert applied(text, flags[0]) == fixed


BEFORE_NEGATIVE = [
    "The minister resigned, officials said.",
    "He paused ... and then he spoke again.",
    "The rate fell to .5 percent in the third quarter.",
    "The U.S. and the U.K. agreed, e.g. on tariffs.",
    "The ruling (a 5-4 decision) surprised lawyers.",
    "The leaked .pdf files were shared on Monday.",
]


@pytest.mark.parametrize("text", BEFORE_NEGATIVE)
def test_space_before_punctuation_clean(text: str) -> None:
    assert flags_of(SpaceBeforePunctuation(), text) == []


AFTER_POSITIVE = [
    ("The minister resigned,officials said.", ",", "The minister resigned, officials said."),
    ("Prices rose again.Analysts were surprised.", ".", None),
    ("Who will pay?Nobody knows.", "?", None),
    ("Talks ended;no date was set for the next round.", ";", None),
    ("The army withdrew,the rebels advanced, and the town fell.", ",", None),
]


@pytest.mark.parametrize(("text", "span", "fixed"), AFTER_POSITIVE)
def test_missing_space_after_punctuation(text: str, span: str, fixed: str | None) -> None:
    flags = flags_of(MissingSpaceAfterPunctuation(), text)
    assert [f.text for f in flags] == [span]
    assert flags[0].suggestions == (span + " ",)
    if fixed is not None:
        assert applied(text, flags[0]) == fixed


AFTER_NEGATIVE = [
    "The U.S. economy grew 3.5 percent, adding 10,000 jobs.",
    "Details are at https://www.example.com/News.Today for readers.",
    "Write to press@ministry.gov.Iq for comment, the notice said.",
    "The app, built on Node.js, failed e.g. at login and i.e. at checkout.",
    "The talks in St.Louis and Washington ended at 10.30 a.m. on Monday.",
    "The bug sat in the module idlelib.MultiCall and in pickle.PicklingError handling.",
]


@pytest.mark.parametrize("text", AFTER_NEGATIVE)
def test_missing_space_after_punctuation_clean(text: str) -> None:
    assert flags_of(MissingSpaceAfterPunctuation(), text) == []
