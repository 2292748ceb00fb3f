"""QA_DOUBLE_HYPHEN: "--" used as a dash is flagged; options, rules and single hyphens are not."""

from __future__ import annotations

import pytest

from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Flag
from reviewer.engines.artefacts.detectors.dashes import DoubleHyphen, HyphenAsDash
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


# -- QA_HYPHEN_AS_DASH: one hyphen where a dash was meant ---------------------------------


def hyphen_flags(text: str, language: str = "en-US") -> list[Flag]:
    return run(text, HyphenAsDash(), options=CheckOptions(language=language))[1]


HYPHEN_POSITIVE = [
    ("The engineers finally understood-this was never a software fault.", "understood-this"),
    ("Rescuers reached the village-a small place of forty houses-by noon.", "village-a"),
    ("Two reactors were shut down-each had a cracked pipe.", "down-each"),
    ("The ministry announced a review-which critics called overdue.", "review-which"),
    ("Nobody expected the vote-maybe the polls were wrong.", "vote-maybe"),
    ("The bridge opened in 1932-it still carries trains today.", "1932-it"),
]


@pytest.mark.parametrize(("text", "words"), HYPHEN_POSITIVE)
def test_a_hyphen_before_a_function_word_is_a_dash(text: str, words: str) -> None:
    (flag,) = hyphen_flags(text)
    assert flag.text == "-"
    assert text[flag.start - words.index("-") : flag.start - words.index("-") + len(words)] == (
        words
    )
    assert flag.suggestions == ("—",)
    assert flag.category == "Fluency/Punctuation"


def test_british_english_gets_a_spaced_en_dash_for_a_single_hyphen_too() -> None:
    (flag,) = hyphen_flags("The council met again-this time in public.", "en-GB")
    assert flag.suggestions == (" – ",)


HYPHEN_NEGATIVE = [
    "The self-repair mechanism failed after the check-in at the built-in terminal.",
    "She sold the flat as-is and sent a thank-you note to the agent.",
    "His state-of-the-art lab keeps up-to-date records of every face-to-face meeting.",
    "Type-A personalities dominated the add-on sales at the drive-in.",
    "The drum-like sound came from a well-known spin-off of the T-shirt brand.",
    "It was a no-no for the either-or question in the how-to guide.",
    "Her mother-in-law and his brother-in-law were at the all-in meeting.",
    "Clause 3-a of the contract and item 12-a of the annex were amended.",
]


@pytest.mark.parametrize("text", HYPHEN_NEGATIVE)
def test_compounds_are_not_dashes(text: str) -> None:
    assert hyphen_flags(text) == []
