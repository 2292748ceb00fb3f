"""A second process on the same `.review`: the window offers to open it read-only (write
actions off, a banner), never a second writer. The lock is held by a real other process."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reviewer.app.main_window import MainWindow
from reviewer.core.review import ReviewWriteError, open_review
from reviewer.core.review.model import SentenceStatus
from tests.app.helpers import wait_until_checked

pytestmark = pytest.mark.gui

HOLDER = """
import sys
from reviewer.core.review import open_review
review = open_review(sys.argv[1])
review.mark_reviewed(review.segments[0].id)
print("holding", flush=True)
sys.stdin.read()  # until the test closes our stdin
review.close()
"""


@pytest.fixture
def held(seed_copy: Path) -> Iterator[Path]:
    """The seed's review, open for writing in another process (which marked sentence 1)."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(seed_copy)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdin is not None
    try:
        assert process.stdout.readline().strip() == "holding"
        yield seed_copy
    finally:
        process.stdin.close()
        process.wait(30)


def _answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_a_review_held_by_another_process_opens_read_only(
    qtbot: QtBot,
    window: MainWindow,
    messages: list[tuple[str, str, str]],
    monkeypatch: pytest.MonkeyPatch,
    held: Path,
) -> None:
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Open)
    assert window.open_path(held)
    wait_until_checked(qtbot, window)
    assert len(asked) == 1 and "already open in another" in asked[0]
    review = window.review
    assert review is not None and review.store.read_only
    assert window.model.rowCount() == 24
    assert window.model.reviewed_count() == 1  # what the other process committed
    assert window.read_only_reason is not None and "Read-only" in window.read_only_reason
    assert window.read_only_banner.isVisible()
    assert not window.read_only_banner.retry_button.isVisible()
    assert not window.accept_actions[0].isEnabled()
    assert not window.reviewed_action.isEnabled()
    assert window.editor.editor.isReadOnly()
    window.select_row(3)  # moving around writes nothing and raises nothing
    with pytest.raises(ReviewWriteError):
        review.mark_reviewed(review.segments[3].id)
    assert window.execute(lambda: review.mark_reviewed(review.segments[3].id)) is None
    assert "Not done" in window.statusBar().currentMessage()
    assert messages == []


def test_declining_read_only_keeps_the_window_empty(
    window: MainWindow,
    messages: list[tuple[str, str, str]],
    monkeypatch: pytest.MonkeyPatch,
    held: Path,
) -> None:
    _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not window.open_path(held)
    assert window.review is None
    assert messages == []


def test_after_the_other_process_ends_the_review_opens_for_writing(
    qtbot: QtBot, window: MainWindow, messages: list[tuple[str, str, str]], seed_copy: Path
) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(seed_copy)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "holding"
    process.kill()  # a crash: the OS lock dies with the process
    process.wait(30)
    assert window.open_path(seed_copy)
    wait_until_checked(qtbot, window)
    assert window.read_only_reason is None
    review = window.review
    assert review is not None and not review.store.read_only
    assert window.execute(lambda: review.mark_reviewed(review.segments[3].id)) is not None
    assert messages == []
    window.close()
    reopened = open_review(seed_copy)
    try:
        assert reopened.segments[3].status is SentenceStatus.REVIEWED
    finally:
        reopened.close()
