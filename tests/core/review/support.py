"""Shared material for the review tests: a small machine-translated article and checks.

The article is written for these tests (not taken from the data folder). It holds the
three artefacts the review is built around: a doubled subject ("Mr. Pompeo He refused"),
a stray fragment after a full stop (". the coalition") and web residue ("Leave a Reply").
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reviewer.core.checking import run_check
from reviewer.core.engine import Engine
from reviewer.core.review import Review, ReviewFlag
from reviewer.engines import create_engine

ARTICLE = (
    "Gulf Talks Resume After Long Pause\n"
    "\n"
    "Washington asked its partners on Tuesday to join a naval mission in the region. "
    "Mr. Pompeo He refused to say which countries had already agreed. "
    "The talks were described as productive by officials. the coalition\n"
    "The ministry did not comment on the report. Observers expect a decision next week.\n"
    "\n"
    "Leave a Reply\n"
)

DOUBLED = "MT_DOUBLED_SUBJECT"
FRAGMENT = "MT_FRAGMENT"
RESIDUE = "MT_WEB_RESIDUE"


@cache
def artefacts_engine() -> Engine:
    return create_engine("artefacts")


def write_text(folder: Path, text: str = ARTICLE, name: str = "article.txt") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def check(review: Review) -> set[str]:
    """Run the artefacts engine on the review's current text and record its flags."""
    document = review.document
    result = run_check(document, [artefacts_engine()])
    return review.record_flags("artefacts", document, result.flags)


def all_flags(review: Review) -> list[ReviewFlag]:
    return [rf for segment in review.segments for rf in review.flags_in(segment.id)]


def open_flags(review: Review) -> list[ReviewFlag]:
    return [rf for segment in review.segments for rf in review.open_flags_in(segment.id)]


def flag_of(review: Review, rule: str, occurrence: int = 0) -> ReviewFlag:
    found = [rf for rf in all_flags(review) if rf.rule == rule]
    assert len(found) > occurrence, f"no {rule} flag #{occurrence} in {review.text!r}"
    return found[occurrence]


def segment_with(review: Review, words: str) -> str:
    """The id of the one live segment whose text contains `words`."""
    ids = [s.id for s in review.segments if words in s.text]
    assert len(ids) == 1, f"{len(ids)} segments contain {words!r}"
    return ids[0]


def assert_consistent(review: Review) -> None:
    """Every live segment sits in the text at its span; every flag slices to its text."""
    layout = review.layout
    text = layout.document.text
    live = [s for s in review.segments if s.text]
    assert [s.id for s in layout.document.sentences] == [s.id for s in live]
    for segment in review.segments:
        start, end = layout.span_of(segment.id)
        assert text[start:end] == segment.text, segment
    for sentence in layout.document.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    for segment in live:
        for rf in review.flags_in(segment.id):
            assert text[rf.flag.start : rf.flag.end] == rf.flag.text, (segment, rf)
