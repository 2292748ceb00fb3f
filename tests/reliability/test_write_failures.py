"""The disk refusing writes: the command raises `ReviewWriteError` and memory is unchanged;
the window says so in one line, shows nothing as done, and stays read-only (write actions
off, a banner) until "Try Again" manages a real write.

Failures are injected at the SQLite connection (COMMIT answers "disk I/O error" or SQLite's
"database or disk is full", as ENOSPC surfaces), so the real rollback path runs."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from reviewer.app.main_window import MainWindow
from reviewer.core.review import Review, ReviewWriteError, open_review
from tests.app.helpers import wait_until_checked

ERRORS = ["disk I/O error", "database or disk is full"]


class FailingConnection:
    """A connection whose COMMITs fail while `failing` is set; everything else is real."""

    def __init__(self, real: sqlite3.Connection, message: str) -> None:
        self.real = real
        self.message = message
        self.failing = False

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if self.failing and sql.strip().upper().startswith("COMMIT"):
            raise sqlite3.OperationalError(self.message)
        return self.real.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def _inject(review: Review, message: str) -> FailingConnection:
    failing = FailingConnection(review.store.db, message)
    review.store.db = failing  # type: ignore[assignment]
    return failing


def _segments(review: Review) -> list[tuple[str, str]]:
    return [(segment.id, segment.text) for segment in review.segments]


@pytest.mark.parametrize("message", ERRORS)
def test_a_failed_write_raises_and_leaves_memory_and_disk_unchanged(
    seed_copy: Path, message: str
) -> None:
    review = open_review(seed_copy)
    try:
        first = review.segments[0]
        review.mark_reviewed(review.segments[1].id)  # something committed before
        before = (_segments(review), review.text, review.can_undo, review.undo_label)
        failing = _inject(review, message)
        failing.failing = True
        with pytest.raises(ReviewWriteError, match=message):
            review.edit_sentence(first.id, "A different sentence.")
        with pytest.raises(ReviewWriteError, match=message):
            review.mark_reviewed(first.id)
        assert (_segments(review), review.text, review.can_undo, review.undo_label) == before
        failing.failing = False
        assert review.edit_sentence(first.id, "A different sentence.") is not None  # works again
        after = _segments(review)
    finally:
        review.close()
    reopened = open_review(seed_copy)
    try:
        assert _segments(reopened) == after
    finally:
        reopened.close()


def _open(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    assert window.open_path(path)
    wait_until_checked(qtbot, window)


@pytest.mark.gui
@pytest.mark.parametrize("message", ERRORS)
def test_the_window_goes_read_only_until_try_again_writes(
    qtbot: QtBot,
    window: MainWindow,
    messages: list[tuple[str, str, str]],
    seed_copy: Path,
    message: str,
) -> None:
    _open(qtbot, window, seed_copy)
    review = window.review
    assert review is not None
    row = next(
        row
        for row in range(window.model.rowCount())
        if any(
            rf.rule == "MT_DOUBLED_SUBJECT" for rf in window.model.open_review_flags_for_row(row)
        )
    )
    window.select_row(row)
    card = next(c for c in window.flag_panel.cards if c.review_flag.rule == "MT_DOUBLED_SUBJECT")
    text_before, decisions_before = review.text, list(review.decisions)
    failing = _inject(review, message)
    failing.failing = True

    window.accept_flag(card.review_flag, 0)
    assert len(messages) == 1
    kind, title, text = messages[0]
    assert (kind, title) == ("warning", "Not saved")
    assert message in text and "read-only" in text and "\n" not in text
    assert review.text == text_before and review.decisions == decisions_before  # not done
    assert any(
        c.review_flag.rule == "MT_DOUBLED_SUBJECT" and c.reason is not None
        for c in window.flag_panel.cards
    )  # the card still offers Accept: the flag is open
    assert window.read_only_reason is not None
    assert window.read_only_banner.isVisible()
    assert window.read_only_banner.retry_button.isVisible()
    assert not window.accept_actions[0].isEnabled()
    assert not window.reject_action.isEnabled()
    assert not window.undo_action.isEnabled()
    assert window.editor.editor.isReadOnly()

    window.accept_flag(card.review_flag, 0)  # refused at once, no second box, no write
    assert len(messages) == 1
    assert "Not done" in window.statusBar().currentMessage()

    assert not window.retry_writes()  # the disk still refuses
    assert window.read_only_reason is not None

    failing.failing = False
    window.read_only_banner.retry_button.click()
    assert window.read_only_reason is None
    assert not window.read_only_banner.isVisible()
    assert window.accept_actions[0].isEnabled()
    assert not window.editor.editor.isReadOnly()
    window.accept_flag(card.review_flag, 0)
    assert [d.key.rule for d in review.decisions] == ["MT_DOUBLED_SUBJECT"]
    assert len(messages) == 1
