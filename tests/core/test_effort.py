"""Effort figures: active time with idle gaps left out, edits, words changed."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from reviewer.core.effort import active_seconds, sentence_efforts
from reviewer.core.review import open_review

T0 = datetime(2026, 11, 27, 9, 0, 0)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_gaps_longer_than_the_idle_limit_are_left_out() -> None:
    moments = [at(0), at(20), at(50), at(50 + 3600), at(50 + 3610)]
    assert active_seconds(moments, idle_limit=300) == pytest.approx(20 + 30 + 10)
    assert active_seconds(moments, idle_limit=4000) == pytest.approx(3660)


def test_no_moments_or_one_moment_is_no_time() -> None:
    assert active_seconds([]) == 0
    assert active_seconds([at(5)]) == 0


def test_review_efforts_count_visits_edits_and_words(tmp_path: Path) -> None:
    text = tmp_path / "article.txt"
    text.write_text("Mr. Pompeo He refused the offer.\n\nTalks resumed on Monday.\n", "utf-8")
    review = open_review(text, reviewer="ann")
    first, second = review.segments
    review.enter(first.id)
    review.edit_sentence(first.id, "Mr. Pompeo refused the offer.")
    review.edit_sentence(first.id, "Mr. Pompeo declined the offer.")
    review.undo()
    review.enter(second.id)
    review.leave()
    efforts = sentence_efforts(review)
    assert list(efforts) == [first.id, second.id]
    assert efforts[first.id].visits == 1
    assert efforts[first.id].edits == 2  # the undo is not the reviewer's edit
    assert efforts[first.id].words.deleted == 1  # "He"
    assert efforts[first.id].seconds >= 0
    assert efforts[second.id].edits == 0
    assert efforts[second.id].words.total == 0
    review.close()
