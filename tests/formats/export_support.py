"""Reviews made from bytes the tests write themselves, for the export tests."""

from __future__ import annotations

from pathlib import Path

from reviewer.core.review import Review, open_review
from tests.core.review.support import check


def review_of(folder: Path, data: bytes, name: str = "article.txt") -> Review:
    """Write `data` as a text file in `folder` and open (create) its review, checked."""
    path = folder / name
    path.write_bytes(data)
    review = open_review(path, reviewer="Ana")
    check(review)
    return review


def segment_id(review: Review, words: str) -> str:
    ids = [segment.id for segment in review.segments if words in segment.text]
    assert len(ids) == 1, f"{len(ids)} segments contain {words!r}"
    return ids[0]


def edit(review: Review, words: str, old: str, new: str) -> None:
    """Replace `old` by `new` in the one sentence holding `words`."""
    sid = segment_id(review, words)
    text = review.segment(sid).text
    assert old in text
    review.edit_sentence(sid, text.replace(old, new))
