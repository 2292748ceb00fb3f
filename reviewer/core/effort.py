"""How much work a review took: active time, edits and words changed, per sentence.

Time comes from the review file: when the reviewer entered and left each sentence, and the
moments inside those visits when they did something (an edit, a decision, an error mark).
A reviewer who leaves the window open over lunch has not worked for an hour, so any gap
between two of those moments longer than `idle_limit` seconds is left out entirely. Words
inserted, deleted and substituted compare the machine translation with the final text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from reviewer.core.diff import WordEdits, count_word_edits
from reviewer.core.review import Review

DEFAULT_IDLE_LIMIT = 300.0  # seconds; a longer pause is not work


@dataclass(frozen=True)
class SentenceEffort:
    """The work spent on one sentence."""

    sentence_id: str
    seconds: float  # active time, idle gaps left out
    visits: int
    edits: int  # text changes the reviewer made (undo and redo not counted)
    words: WordEdits  # machine translation against the final text


def sentence_efforts(
    review: Review, idle_limit: float = DEFAULT_IDLE_LIMIT
) -> dict[str, SentenceEffort]:
    """Effort per segment id, in document order, for every segment of the review."""
    moments: dict[str, list[datetime]] = defaultdict(list)
    edits: dict[str, int] = defaultdict(int)
    for sentence_id, at, cause in review.store.query("SELECT sentence_id, at, cause FROM edits"):
        moments[str(sentence_id)].append(_time(str(at)))
        if cause == "edit":
            edits[str(sentence_id)] += 1
    for decision in review.decisions:
        if decision.decided_at:
            moments[decision.key.sentence_id].append(_time(decision.decided_at))
    for annotation in review.annotations:
        if annotation.created_at:
            moments[annotation.sentence_id].append(_time(annotation.created_at))
    seconds: dict[str, float] = defaultdict(float)
    visits: dict[str, int] = defaultdict(int)
    for sentence_id, entered, left in review.visits():
        if left is None:
            continue
        start, end = _time(entered), _time(left)
        inside = sorted(m for m in moments.get(sentence_id, ()) if start <= m <= end)
        seconds[sentence_id] += active_seconds([start, *inside, end], idle_limit)
        visits[sentence_id] += 1
    return {
        segment.id: SentenceEffort(
            sentence_id=segment.id,
            seconds=seconds.get(segment.id, 0.0),
            visits=visits.get(segment.id, 0),
            edits=edits.get(segment.id, 0),
            words=count_word_edits(segment.mt, segment.text),
        )
        for segment in review.segments
    }


def active_seconds(moments: list[datetime], idle_limit: float = DEFAULT_IDLE_LIMIT) -> float:
    """Sum the gaps between consecutive moments, leaving out gaps over `idle_limit`."""
    total = 0.0
    for before, after in pairwise(moments):
        gap = (after - before).total_seconds()
        if 0 < gap <= idle_limit:
            total += gap
    return total


def _time(value: str) -> datetime:
    return datetime.fromisoformat(value)
