"""Flags as a review sees them: attached to a segment, keyed for decisions.

An engine reports flags with document offsets. The review stores them relative to their
sentence (a negative start reaches into the space before it, as " the coalition" does), so
editing one sentence moves no other sentence's flags, and keys each by `FlagKey`, so a
decision finds its flag again after any later check.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from reviewer.core.document import Document
from reviewer.core.flags import Flag
from reviewer.core.review.model import FlagKey


@dataclass(frozen=True, slots=True)
class ReviewFlag:
    """One flag of one sentence.

    `start`/`end` are relative to the sentence text it was raised on (`sentence_text`);
    `flag` carries the engine's finding with document offsets of the layout it was listed
    for.
    """

    key: FlagKey
    start: int
    end: int
    sentence_text: str
    flag: Flag

    @property
    def rule(self) -> str:
        return self.flag.rule

    @property
    def text(self) -> str:
        return self.flag.text


def attach_flags(document: Document, flags: Iterable[Flag]) -> dict[str, list[ReviewFlag]]:
    """Group a check's flags by sentence id, with relative offsets and keys.

    A flag that lies wholly between sentences (nothing of any sentence in it) has no
    sentence to belong to and is left out, as the window has always done.
    """
    grouped: dict[str, list[tuple[Flag, int]]] = {}
    for flag in sorted(flags, key=lambda f: (f.start, f.end, f.rule)):
        sentence = document.sentence_for_span(flag.start, flag.end)
        if sentence is None:
            continue
        grouped.setdefault(sentence.id, []).append((flag, flag.start - sentence.start))
    attached: dict[str, list[ReviewFlag]] = {}
    texts = {sentence.id: sentence.text for sentence in document.sentences}
    for sentence_id, members in grouped.items():
        seen: Counter[tuple[str, str]] = Counter()
        listed = []
        for flag, start in members:
            seen[(flag.rule, flag.text)] += 1
            key = FlagKey(sentence_id, flag.rule, flag.text, seen[(flag.rule, flag.text)])
            listed.append(ReviewFlag(key, start, start + len(flag.text), texts[sentence_id], flag))
        attached[sentence_id] = listed
    return attached


def placed(
    review_flag: ReviewFlag, lead: str, text: str, sentence_start: int | None
) -> ReviewFlag | None:
    """The flag positioned in the sentence as it reads now, or None if its text is gone.

    When the sentence was edited after the check, the flagged words may have moved; the
    occurrence nearest the old offset is taken. A flag reaching into the space before the
    sentence is kept only while the sentence and that space are unchanged. With
    `sentence_start` the flag's document offsets are updated too.
    """
    start, end = review_flag.start, review_flag.end
    flagged = review_flag.flag.text
    if text != review_flag.sentence_text:
        if start < 0 or not flagged:
            return None
        found = _nearest(text, flagged, start)
        if found is None:
            return None
        start, end = found, found + len(flagged)
    elif start < 0 and (len(lead) < -start or lead[len(lead) + start :] != flagged[:-start]):
        return None
    flag = review_flag.flag
    if sentence_start is not None:
        flag = replace(flag, start=sentence_start + start, end=sentence_start + end)
    return replace(review_flag, start=start, end=end, sentence_text=text, flag=flag)


def _nearest(text: str, needle: str, near: int) -> int | None:
    best: int | None = None
    position = text.find(needle)
    while position >= 0:
        if best is None or abs(position - near) < abs(best - near):
            best = position
        position = text.find(needle, position + 1)
    return best
