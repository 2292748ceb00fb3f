"""Opening a review read-only (exports, reports): beside a window that holds it, with no
lock, no writes, and without disturbing the window's own locks."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.core.review import (
    Review,
    ReviewFileError,
    ReviewLockedError,
    ReviewWriteError,
    open_review,
    open_review_file,
)
from tests.core.review.support import DOUBLED, RESIDUE, check, flag_of, write_text

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def review(tmp_path: Path) -> Iterator[Review]:
    opened = open_review(write_text(tmp_path), reviewer="window")
    check(opened)
    yield opened
    opened.close()


def is_locked_elsewhere(path: Path) -> bool:
    """Whether another process would be refused a normal (writing) open."""
    probe = (
        "import sys\n"
        "from reviewer.core.review import ReviewLockedError, open_review_file\n"
        "try:\n"
        "    open_review_file(sys.argv[1]).close()\n"
        "except ReviewLockedError:\n"
        "    sys.exit(3)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(path)], cwd=ROOT, timeout=60, check=False
    )
    assert done.returncode in (0, 3)
    return done.returncode == 3


def test_a_held_review_opens_read_only_with_its_latest_state(review: Review) -> None:
    review.accept(flag_of(review, DOUBLED))
    with pytest.raises(ReviewLockedError):
        open_review_file(review.path)
    reader = open_review_file(review.path, read_only=True)
    try:
        assert reader.text == review.text
        assert "Mr. Pompeo refused" in reader.text
        assert reader.decisions == review.decisions
        assert reader.store.original() == review.store.original()
    finally:
        reader.close()


def test_a_read_only_review_refuses_every_change(review: Review) -> None:
    reader = open_review_file(review.path, read_only=True)
    try:
        before = reader.text
        with pytest.raises(ReviewWriteError, match="read-only"):
            reader.accept(flag_of(reader, RESIDUE))
        assert reader.text == before  # memory rolled back with the refused write
        with pytest.raises(ReviewWriteError):
            reader.enter(reader.segments[0].id)
    finally:
        reader.close()


def test_closing_a_reader_leaves_the_window_its_lock_and_its_writes(review: Review) -> None:
    reader = open_review_file(review.path, read_only=True)
    reader.close()
    review.accept(flag_of(review, RESIDUE))  # the window still writes
    assert is_locked_elsewhere(review.path)  # and still holds its lock
    again = open_review_file(review.path, read_only=True)
    try:
        assert "Leave a Reply" not in again.text
    finally:
        again.close()


def test_a_read_only_open_takes_no_lock(review: Review) -> None:
    path = review.path
    review.close()
    reader = open_review_file(path, read_only=True)
    try:
        assert not is_locked_elsewhere(path)
        with_lock = open_review_file(path)  # a window can still open it meanwhile
        with_lock.close()
    finally:
        reader.close()


def test_a_dangling_visit_is_left_as_it_is(review: Review) -> None:
    review.enter(review.segments[1].id)  # the window is on a sentence: an open visit
    reader = open_review_file(review.path, read_only=True)
    try:
        assert reader.visits()[-1][2] is None
    finally:
        reader.close()
    assert review.visits()[-1][2] is None


def test_read_only_refuses_what_a_normal_open_refuses(tmp_path: Path) -> None:
    with pytest.raises(ReviewFileError, match="no such review file"):
        open_review_file(tmp_path / "missing.review", read_only=True)
    other = tmp_path / "notes.review"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (body TEXT)")
    db.close()
    with pytest.raises(ReviewFileError, match="not an MT Reviewer review"):
        open_review_file(other, read_only=True)
    junk = tmp_path / "junk.review"
    junk.write_text("This is not a database.\n" * 200, encoding="utf-8")
    with pytest.raises(ReviewFileError) as caught:
        open_review_file(junk, read_only=True)
    assert "\n" not in str(caught.value)


def test_a_newer_review_is_refused_read_only_too(review: Review) -> None:
    path = review.path
    review.close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(ReviewFileError, match="newer"):
        open_review_file(path, read_only=True)
