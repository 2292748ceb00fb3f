"""Orphan fragments and lower-case sentence starts: table-driven passes and fails."""

from __future__ import annotations

import pytest

from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Flag
from reviewer.engines.artefacts.detectors.fragments import (
    FragmentDetector,
    LowercaseStartDetector,
)
from reviewer.engines.artefacts.engine import ArtefactsEngine
from tests.core.test_segmentation import ONE_SENTENCE_WITH_ABBREVIATIONS
from tests.engines.artefacts.helpers import run

HEADLINE = "Storm closes ports along the northern coast\n\n"


def flags_for(text: str) -> tuple[Document, list[Flag]]:
    return run(text, FragmentDetector(), LowercaseStartDetector())


PASSES = [
    # headline (first paragraph, title case, no final punctuation) and a dateline
    "Ministers Agree New Fishing Quotas\n\nBRUSSELS – Ministers agreed new quotas on Monday.",
    # a sub-heading between paragraphs
    "The port reopened on Monday.\n\nWhat comes next\n\nOfficials expect traffic to recover.",
    # short quoted answers and verbless but punctuated replies
    "Was the plan ever discussed with the unions? “No.”",
    "The ministry was asked whether talks would resume. Not yet, a spokesman said.",
    # lower-case brands and quotation continuations
    "Sales rose 4 percent. iPhone shipments fell, however.",
    "The firm sells mostly online. eBay remains its largest channel.",
    "“Why should we pay?” asked one resident at the meeting.",
    # list items
    "The plan has three parts:\n- the new levy\n- a hiring freeze",
    # a hard-wrapped paragraph continues on the next line
    "The council said the repairs would cost more than\nthe budget allowed.",
    # abbreviations that the segmenter keeps inside the sentence
    "Trucks, vans, buses etc. were stuck for hours on the bridge.",
    # the segmenter split after an abbreviation, not after a sentence
    "Polls close at 8 p.m. ET",
    "The contract went to Acme Inc. Chief Executive",
    # a hard-wrapped line after an abbreviation of resources/abbreviations.yaml
    "Shares of Acme Inc.\nrose 4 percent on Tuesday after the earnings report.",
    "The deal values Brightwater Corp.\nat $3 billion, including debt.",
    # residue belongs to the web-residue detector
    "The port reopened on Monday.\n\nLeave a Reply",
]

FAILS = [
    # (text, flagged span, suggestion, rule)
    (
        "Rescue teams worked through the night, the fire service said. the firefighters",
        " the firefighters",
        "",
        "MT_FRAGMENT",
    ),
    (
        "The deal still needs approval from the regulator. the shareholders\n\nMore text here.",
        " the shareholders",
        "",
        "MT_FRAGMENT",
    ),
    (
        "Prices fell for a third month.\n\nof the central bank",
        "of the central bank",
        "",
        "MT_FRAGMENT",
    ),
    # "no." continues a sentence only before a number
    (
        "Asked whether talks would resume, the minister said no. the coalition",
        " the coalition",
        "",
        "MT_FRAGMENT",
    ),
    (
        "He said no.\nthe coalition",
        "the coalition",
        "",
        "MT_FRAGMENT",
    ),
    (
        "The bridge was closed on Monday. engineers said the cracks had widened overnight.",
        "engineers",
        "Engineers",
        "MT_LOWERCASE_START",
    ),
    (
        "Turnout was low. the electoral commission will publish final figures on Friday.",
        "the",
        "The",
        "MT_LOWERCASE_START",
    ),
    (
        "The strike ended. workers return to the factory on Monday after two weeks at home.",
        "workers",
        "Workers",
        "MT_LOWERCASE_START",
    ),
    (
        "The vote was postponed. lawmakers will meet again on Thursday to discuss the bill.",
        "lawmakers",
        "Lawmakers",
        "MT_LOWERCASE_START",
    ),
    (
        "Shares fell sharply on Monday. investors were worried about the new tariffs on steel.",
        "investors",
        "Investors",
        "MT_LOWERCASE_START",
    ),
]


@pytest.mark.parametrize("text", PASSES)
def test_not_flagged(text: str) -> None:
    _, flags = flags_for(HEADLINE + text)
    assert flags == []


@pytest.mark.parametrize(("text", "span", "suggestion", "rule"), FAILS)
def test_flagged_with_fix(text: str, span: str, suggestion: str, rule: str) -> None:
    _, flags = flags_for(HEADLINE + text)
    assert [(f.text, f.suggestions, f.rule) for f in flags] == [(span, (suggestion,), rule)]


# Capitalised verbless tails: flagged, but a deletion is not offered (a credit line or a
# caption looks the same).
CAPITALISED = [
    ("The talks ended without a deal, according to diplomats. The negotiators", " The negotiators"),
    ("Troops left the base on Monday, the ministry said in Iraq. The convoy", " The convoy"),
    ("The full statement was published on Monday. Additional reporting by Ana Costa", None),
]


@pytest.mark.parametrize(("text", "span"), CAPITALISED)
def test_capitalised_fragment_is_explained_not_deleted(text: str, span: str | None) -> None:
    _, flags = flags_for(HEADLINE + text)
    assert all(f.suggestions == () for f in flags)
    if span is not None:
        assert [(f.text, f.rule) for f in flags] == [(span, "MT_FRAGMENT")]
        assert "no fix is suggested" in flags[0].message


def test_deleting_a_fragment_leaves_clean_text() -> None:
    document, flags = flags_for("Rescue teams worked through the night. the firefighters")
    (flag,) = flags
    fixed = document.text[: flag.start] + flag.suggestions[0] + document.text[flag.end :]
    assert fixed == "Rescue teams worked through the night."


def test_message_quotes_the_fragment() -> None:
    _, flags = flags_for("Rescue teams worked through the night. the firefighters")
    assert "“the firefighters”" in flags[0].message


@pytest.mark.parametrize("text", ONE_SENTENCE_WITH_ABBREVIATIONS)
def test_abbreviation_mid_sentence_gets_no_flag_from_the_whole_engine(text: str) -> None:
    document = Document.from_text(HEADLINE + text)
    report = ArtefactsEngine().check(document, CheckOptions())
    assert [(f.rule, f.text) for f in report.flags] == []
