"""QA_DOUBLE_HYPHEN: "--" used as a dash is flagged; options, rules and single hyphens are not."""

from __future__ import annotations

import pytest

from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Flag
from reviewer.engines.artefacts.detectors.dashes import DoubleHyphen
from tests.engines.artefacts.helpers import run


def flags_of(text: str, language: str = "en-US", picky: bool = True) -> list[Flag]:
    return run(text, DoubleHyphen(), options=CheckOptions(language=language, picky=picky))[1]


def test_a_default_check_leaves_double_hyphens_alone() -> None:
    """House style: only --picky proposes a dash (transcripts write "--" on purpose)."""
    assert flags_of("The bridge was closed -- again -- on Monday.", picky=False) == []


POSITIVE = [
    ("The bridge was closed -- again -- on Monday.", [" -- ", " -- "]),
    ("Prices rose sharply--faster than wages.", ["--"]),
    ("She had one goal -- to win the race.", [" -- "]),
    ("The vote, held on Friday -- passed easily.", [" -- "]),
    ("It was late, -- too late, she said.", [" -- "]),
    ("Three towns--Ely, Wells and Bath--were flooded.", ["--", "--"]),
]


@pytest.mark.parametrize(("text", "spans"), POSITIVE)
def test_double_hyphen_is_flagged_with_a_dash(text: str, spans: list[str]) -> None:
    flags = flags_of(text)
    assert [f.text for f in flags] == spans
    assert all(f.suggestions == ("—",) for f in flags)


def test_british_english_gets_a_spaced_en_dash() -> None:
    assert flags_of("It rained -- all day.", "en-GB")[0].suggestions == (" – ",)


NEGATIVE = [
    "Run the installer with --verbose to see every step.",
    "The bridge was closed — again — on Monday.",
    "A well-known author signed the long-term deal.",
    "The score was 3-2 after extra time.",
    "The notes ended with a rule of hyphens: ---",
    "Prices rose sharply – faster than wages.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_options_dashes_and_single_hyphens_are_not_flagged(text: str) -> None:
    assert flags_of(text) == []
