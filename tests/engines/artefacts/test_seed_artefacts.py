"""The seed article: every MT artefact the issue names is flagged with a useful fix.

Only our four detector modules are checked here (doubled subject, false friends, fragments,
web residue); the whole-engine false-flag rate is tested on tests/data/clean_news.txt.
"""

from __future__ import annotations

import pytest

from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Flag
from reviewer.engines.artefacts.detector import Detector
from reviewer.engines.artefacts.detectors.doubled_subject import (
    DoubledSubjectDetector,
    StrayCapitalDetector,
)
from reviewer.engines.artefacts.detectors.false_friends import FalseFriendDetector
from reviewer.engines.artefacts.detectors.fragments import (
    FragmentDetector,
    LowercaseStartDetector,
)
from reviewer.engines.artefacts.detectors.web_residue import WebResidueDetector

DETECTORS: list[Detector] = [
    DoubledSubjectDetector(),
    StrayCapitalDetector(),
    FalseFriendDetector(),
    FragmentDetector(),
    LowercaseStartDetector(),
    WebResidueDetector(),
]

# Every flag we expect, as (rule, flagged text, first suggestion); nothing else.
EXPECTED = {
    ("MT_DOUBLED_SUBJECT", "Pompeo He", "Pompeo"),
    ("MT_FALSE_FRIEND", "arrested", "halted"),
    ("MT_FALSE_FRIEND", "movements", "moves"),
    ("MT_FALSE_FRIEND", "remains", "remnants"),
    ("MT_FRAGMENT", " the coalition", ""),
    ("MT_WEB_RESIDUE", "Leave a Reply", ""),
    ("MT_WEB_RESIDUE", "Your email address will not be published.", ""),
    ("MT_WEB_RESIDUE", "Required fields are marked *", ""),
}


def seed_flags(document: Document, source_language: str | None) -> list[Flag]:
    options = CheckOptions(source_language=source_language)
    return [flag for detector in DETECTORS for flag in detector.detect(document, options)]


@pytest.mark.parametrize("source_language", [None, "es"])
def test_seed_flags_are_exactly_the_artefacts(
    seed_document: Document, source_language: str | None
) -> None:
    flags = seed_flags(seed_document, source_language)
    for flag in flags:
        assert flag.text == seed_document.text[flag.start : flag.end]
    assert {(f.rule, f.text, f.suggestions[0]) for f in flags} == EXPECTED
    assert len(flags) == len(EXPECTED)


def test_arrested_gets_every_intended_sense(seed_document: Document) -> None:
    (flag,) = [f for f in seed_flags(seed_document, "es") if f.text == "arrested"]
    assert flag.suggestions == ("halted", "stopped", "suspended")
    assert "missions" in flag.message


def test_doubled_subject_fix_reads_well(seed_document: Document) -> None:
    (flag,) = [f for f in seed_flags(seed_document, None) if f.rule == "MT_DOUBLED_SUBJECT"]
    text = seed_document.text
    fixed = text[: flag.start] + flag.suggestions[0] + text[flag.end :]
    assert "Mr. Pompeo refused, saying" in fixed
    assert "“Mr. Pompeo”" in flag.message and "“He”" in flag.message


def test_deleting_the_stray_fragment_ends_the_paragraph_cleanly(seed_document: Document) -> None:
    (flag,) = [f for f in seed_flags(seed_document, None) if f.rule == "MT_FRAGMENT"]
    text = seed_document.text
    fixed = text[: flag.start] + text[flag.end :]
    assert "according to senior military officials.\n" in fixed
