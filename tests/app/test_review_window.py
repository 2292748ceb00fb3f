"""The window as a review tool, driven with the keyboard: accept, reject, annotate, edit,
undo and redo, and every decision still there when the review is opened again."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QTextBrowser,
)
from pytestqt.qtbot import QtBot

from reviewer.app.flag_panel import FlagCard
from reviewer.app.main_window import MainWindow, review_file_for
from reviewer.app.preferences_dialog import PreferencesDialog
from reviewer.app.review_dialogs import MarkErrorDialog
from reviewer.core.flags import Severity
from reviewer.core.review import DecisionStatus, ReviewFlag, SentenceStatus
from reviewer.core.wordlists import ignore_everywhere
from reviewer.engines.artefacts.engine import ArtefactsEngine
from tests.app.helpers import wait_until_checked

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier

# Two identical "the the" flags, a double space and a repeated word elsewhere: a text of our
# own, so the seed is not the only document the window is tried on.
SHIPS = (
    "Harbour news\n\n"
    "We saw the the ship in the port.  It was large.\n\n"
    "Officials said the the crew was safe.\n"
)


def open_and_check(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    assert window.open_path(path)
    wait_until_checked(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.sentence_view.setFocus()


def plain(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>|&nbsp;", " ", html)).strip()


def current_flag(window: MainWindow) -> ReviewFlag | None:
    card = window.flag_panel.current_card()
    return card.review_flag if card is not None else None


def row_with(window: MainWindow, wanted: Callable[[ReviewFlag], bool]) -> int:
    return next(
        row
        for row in range(window.model.rowCount())
        if any(wanted(rf) for rf in window.model.open_review_flags_for_row(row))
    )


def card_for(window: MainWindow, wanted: Callable[[ReviewFlag], bool]) -> FlagCard:
    return next(card for card in window.flag_panel.cards if wanted(card.review_flag))


def is_pompeo(rf: ReviewFlag) -> bool:
    return rf.rule == "MT_DOUBLED_SUBJECT" and rf.text == "Pompeo He"


def is_us_variant(rf: ReviewFlag) -> bool:
    return (
        rf.rule == "MT_INCONSISTENT_VARIANT" and rf.text == "U.S." and "US" in rf.flag.suggestions
    )


def is_arrested(rf: ReviewFlag) -> bool:
    return rf.rule == "MT_FALSE_FRIEND" and rf.text == "arrested"


def select_in_editor(window: MainWindow, words: str) -> None:
    text = window.editor.editor.toPlainText()
    start = text.index(words)
    cursor = window.editor.editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(words), cursor.MoveMode.KeepAnchor)
    window.editor.editor.setTextCursor(cursor)
    window.editor.editor.setFocus()


def patch_mark_error_dialog(
    monkeypatch: pytest.MonkeyPatch, category: str, severity: Severity, note: str
) -> list[str]:
    """The dialog answers as a reviewer would: choose, type, OK. Returns the quoted texts."""
    shown: list[str] = []

    def exec_(dialog: MarkErrorDialog) -> int:
        shown.append(dialog.windowTitle())
        dialog.category.setCurrentText(category)
        dialog.severity.setCurrentIndex(dialog.severity.findData(severity))
        dialog.note.setText(note)
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(MarkErrorDialog, "exec", exec_)
    return shown


# -- the "Done when" ------------------------------------------------------------------


def test_review_session_with_the_keyboard_survives_reopening(
    qtbot: QtBot, window: MainWindow, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_and_check(qtbot, window, seed_copy)
    view = window.sentence_view

    # F8 walks the open flags, across sentences, until the doubled subject.
    for _ in range(window.model.rowCount() * 3):
        flag = current_flag(window)
        if flag is not None and is_pompeo(flag):
            break
        qtbot.keyClick(view, Qt.Key.Key_F8)
    else:
        pytest.fail("F8 never reached the MT_DOUBLED_SUBJECT flag")
    pompeo_row = window.current_row()
    pompeo_id = window.model.segment_id(pompeo_row)
    assert window.model.segment(pompeo_row).text.startswith("Mr. Pompeo He refused,")

    qtbot.keyClick(view, Qt.Key.Key_1, ALT)
    review = window.review
    assert review is not None
    assert review.segment(pompeo_id).text.startswith("Mr. Pompeo refused, saying")
    assert window.editor.editor.toPlainText().startswith("Mr. Pompeo refused,")
    wait_until_checked(qtbot, window)
    assert not any(is_pompeo(rf) for rf in review.open_flags_in(pompeo_id))

    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert review.segment(pompeo_id).text.startswith("Mr. Pompeo He refused,")
    assert not [d for d in review.decisions if d.key.rule == "MT_DOUBLED_SUBJECT"]
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert review.segment(pompeo_id).text.startswith("Mr. Pompeo refused, saying")
    (accepted,) = [d for d in review.decisions if d.key.rule == "MT_DOUBLED_SUBJECT"]
    assert accepted.status is DecisionStatus.ACCEPTED and accepted.replacement == "Pompeo"
    wait_until_checked(qtbot, window)

    # Mark an error the checkers missed: select words in the editor, Ctrl+M.
    window.select_row(pompeo_row)
    patch_mark_error_dialog(monkeypatch, "Accuracy/Mistranslation", Severity.CRITICAL, "too blunt")
    select_in_editor(window, "refused")
    qtbot.keyClick(window.editor.editor, Qt.Key.Key_M, CTRL)
    (annotation,) = review.annotations
    assert (annotation.sentence_id, annotation.text) == (pompeo_id, "refused")
    assert (annotation.category, annotation.severity, annotation.note) == (
        "Accuracy/Mistranslation",
        Severity.CRITICAL,
        "too blunt",
    )
    assert "Errors you marked" in window.flag_panel.toPlainText()

    # Reject the "U.S."/"US" inconsistency with a reason typed into its card, then Alt+R.
    us_row = row_with(window, is_us_variant)
    us_id = window.model.segment_id(us_row)
    window.select_row(us_row)
    card = card_for(window, is_us_variant)
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert current_flag(window) == card.review_flag
    assert card.reason is not None
    qtbot.keyClicks(card.reason, "house style keeps U.S. in running text")
    qtbot.keyClick(card.reason, Qt.Key.Key_R, ALT)
    (rejected,) = [d for d in review.decisions if d.key.sentence_id == us_id]
    assert rejected.status is DecisionStatus.REJECTED
    assert rejected.reason == "house style keeps U.S. in running text"
    assert "✗ Rejected: house style keeps U.S. in running text" in window.flag_panel.toPlainText()

    # Edit a sentence in the editor: type over a false friend, Enter commits, the check re-runs.
    edit_row = row_with(window, is_arrested)
    edit_id = window.model.segment_id(edit_row)
    window.select_row(edit_row)
    select_in_editor(window, "arrested")
    qtbot.keyClicks(window.editor.editor, "stopped")
    assert window.editor.has_pending_typing
    assert "arrested" in review.segment(edit_id).text  # not committed yet
    qtbot.keyClick(window.editor.editor, Qt.Key.Key_Return)
    assert "who stopped them" in review.segment(edit_id).text
    assert "who stopped them" in review.text
    assert not window.engine_states["artefacts"].startswith("ready")  # checking again
    wait_until_checked(qtbot, window)
    flags_now = review.open_flags_in(edit_id)
    assert not any(is_arrested(rf) for rf in flags_now)
    assert any(rf.rule == "QA_COMMA_SPLICE" for rf in flags_now)  # the rest stays
    (resolved,) = [d for d in review.decisions if d.key.sentence_id == edit_id]
    assert resolved.status is DecisionStatus.RESOLVED and resolved.key.text == "arrested"
    assert review.segment(edit_id).status is SentenceStatus.EDITED
    expected_text = review.text
    decisions = {d.key: (d.status, d.replacement, d.reason) for d in review.decisions}
    assert len(decisions) == 3

    window.close()
    assert window.review is None

    reopened = MainWindow(engines=[ArtefactsEngine()])
    qtbot.addWidget(reopened)
    reopened.show()
    open_and_check(qtbot, reopened, seed_copy)
    again = reopened.review
    assert again is not None
    assert again.text == expected_text
    assert {d.key: (d.status, d.replacement, d.reason) for d in again.decisions} == decisions
    assert [(a.sentence_id, a.text, a.note) for a in again.annotations] == [
        (pompeo_id, "refused", "too blunt")
    ]
    assert again.segment(pompeo_id).text.startswith("Mr. Pompeo refused, saying")
    assert reopened.current_row() == edit_row  # where the reviewer left off
    assert "who stopped them" in reopened.editor.editor.toPlainText()
    assert again.can_undo and again.undo_label == "Edit sentence"
    reopened.dispatcher.wait()


# -- keys -------------------------------------------------------------------------------------


def test_ctrl_z_undoes_uncommitted_typing_before_review_commands(
    qtbot: QtBot, window: MainWindow, seed_copy: Path
) -> None:
    open_and_check(qtbot, window, seed_copy)
    review = window.review
    assert review is not None
    headline = window.model.segment_id(0)
    qtbot.keyClick(window.sentence_view, Qt.Key.Key_1, ALT)  # "resume" -> "resumes"
    assert review.segment(headline).text == "US military resumes joint operations with Iraq"
    wait_until_checked(qtbot, window)

    window.select_row(0)
    editor = window.editor.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " today")
    assert editor.toPlainText().endswith("Iraq today") and window.editor.has_pending_typing

    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == "US military resumes joint operations with Iraq"
    assert not window.editor.has_pending_typing
    assert review.segment(headline).text == "US military resumes joint operations with Iraq"
    assert [d.key.rule for d in review.decisions] == ["QA_HEADLINE_AGREEMENT"]

    # Nothing typed is left to undo: the same key now takes back the review's last command.
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert review.segment(headline).text == "US military resume joint operations with Iraq"
    assert review.decisions == []
    assert editor.toPlainText() == "US military resume joint operations with Iraq"


def test_ctrl_enter_marks_reviewed_and_moves_to_the_next_flagged_sentence(
    qtbot: QtBot, window: MainWindow, seed_copy: Path
) -> None:
    open_and_check(qtbot, window, seed_copy)
    flagged = [r for r in range(window.model.rowCount()) if window.model.flags_for_row(r)]
    window.select_row(2)  # unflagged; the next flagged one is further down
    qtbot.keyClick(window.sentence_view, Qt.Key.Key_Return, CTRL)
    assert window.model.segment(2).status is SentenceStatus.REVIEWED
    assert window.current_row() == next(r for r in flagged if r > 2)
    assert "1 of 24 sentences reviewed (4%)" in plain(window.summary.text())
    assert "✓ Reviewed, next" in window.reviewed_action.iconText()


def test_ctrl_enter_in_the_editor_commits_the_typing_and_moves_on(
    qtbot: QtBot, window: MainWindow, seed_copy: Path
) -> None:
    open_and_check(qtbot, window, seed_copy)
    review = window.review
    assert review is not None
    window.select_row(2)
    segment_id = window.model.segment_id(2)
    editor = window.editor.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.moveCursor(editor.textCursor().MoveOperation.Left)
    qtbot.keyClicks(editor, " at once")
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    assert review.segment(segment_id).text.endswith("from the country at once.")
    assert review.segment(segment_id).status is SentenceStatus.REVIEWED
    assert window.current_row() == 6  # the next sentence with open flags
    assert "1 of 24 sentences reviewed" in plain(window.summary.text())
    wait_until_checked(qtbot, window)


def test_an_edit_that_splits_the_sentence_keeps_it_selected(
    qtbot: QtBot, window: MainWindow, seed_copy: Path
) -> None:
    """A split rebuilds the rows; the editor went blank ("Select a sentence") after it."""
    open_and_check(qtbot, window, seed_copy)
    review = window.review
    assert review is not None
    window.select_row(2)
    segment_id = window.model.segment_id(2)
    editor = window.editor.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Officials confirmed it.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # commits: the text now holds two sentences
    assert len(review.segments) == 25  # split
    assert window.current_row() == window.model.row_of(segment_id)
    assert window.editor.editor.toPlainText() == review.segment(segment_id).text
    wait_until_checked(qtbot, window)
    window.merge_with_next()
    assert len(review.segments) == 24
    assert window.current_row() == window.model.row_of(segment_id)


def test_accepting_or_rejecting_while_typing_keeps_the_typing(
    qtbot: QtBot, window: MainWindow, seed_copy: Path
) -> None:
    open_and_check(qtbot, window, seed_copy)
    review = window.review
    assert review is not None
    headline = window.model.segment_id(0)
    editor = window.editor.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " today")
    qtbot.keyClick(editor, Qt.Key.Key_1, ALT)  # "resume" -> "resumes", typing kept
    assert review.segment(headline).text == "US military resumes joint operations with Iraq today"
    assert editor.toPlainText() == review.segment(headline).text
    wait_until_checked(qtbot, window)

    window.select_row(1)
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.moveCursor(editor.textCursor().MoveOperation.Left)
    qtbot.keyClicks(editor, " on January 3")
    qtbot.keyClick(editor, Qt.Key.Key_R, ALT)
    segment = review.segment(window.model.segment_id(1))
    assert segment.text.endswith("in Baghdad on January 3.")
    assert [d.status for d in review.decisions if d.key.sentence_id == segment.id] == [
        DecisionStatus.REJECTED
    ]
    wait_until_checked(qtbot, window)


def test_apply_to_all_fixes_identical_flags_in_one_undo_step(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ships = tmp_path / "ships.txt"
    ships.write_text(SHIPS, encoding="utf-8")
    open_and_check(qtbot, window, ships)
    review = window.review
    assert review is not None
    first = row_with(window, lambda rf: rf.rule == "QA_REPEATED_WORD")
    window.select_row(first)
    card = card_for(window, lambda rf: rf.rule == "QA_REPEATED_WORD")
    apply_all = card.findChild(QPushButton, "apply-all")
    assert apply_all is not None
    assert apply_all.text() == "Apply “delete” to all 2 identical"
    qtbot.mouseClick(apply_all, Qt.MouseButton.LeftButton)
    assert "the the" not in review.text
    assert "We saw the ship in the port." in review.text
    assert "Officials said the crew was safe." in review.text
    accepted = [d for d in review.decisions if d.status is DecisionStatus.ACCEPTED]
    assert len(accepted) == 2
    assert review.undo_label == "Apply “delete” to 2"
    wait_until_checked(qtbot, window)

    window.sentence_view.setFocus()
    qtbot.keyClick(window.sentence_view, Qt.Key.Key_Z, CTRL)
    assert review.text.count("the the") == 2
    assert review.decisions == []
    assert not review.can_undo


def test_words_selected_in_the_editor_are_what_ctrl_f_finds(
    qtbot: QtBot, window: MainWindow, seed_copy: Path
) -> None:
    open_and_check(qtbot, window, seed_copy)
    window.select_row(row_with(window, is_pompeo))
    select_in_editor(window, "Pompeo")
    qtbot.keyClick(window.editor.editor, Qt.Key.Key_F, CTRL)
    dialog = window.find_dialog
    assert dialog.isVisible() and dialog.find_text.text() == "Pompeo"
    dialog.hide()


def test_replace_all_from_the_find_dialog_is_one_undo_step(
    qtbot: QtBot, window: MainWindow, seed_copy: Path
) -> None:
    open_and_check(qtbot, window, seed_copy)
    review = window.review
    assert review is not None
    original = review.text
    us_count = len(review.find("US", match_case=True, whole_words=True))
    assert us_count == 9  # "US-led" included; "U.S." and "USA"-like words are not "US"

    qtbot.keyClick(window.sentence_view, Qt.Key.Key_H, CTRL)
    dialog = window.find_dialog
    assert dialog.isVisible() and dialog.replace_all_button.isVisible()
    qtbot.keyClicks(dialog.find_text, "US")
    qtbot.keyClicks(dialog.replace_text, "U.S.")
    dialog.match_case.setChecked(True)
    dialog.whole_words.setChecked(True)
    qtbot.mouseClick(dialog.replace_all_button, Qt.MouseButton.LeftButton)

    assert review.find("US", match_case=True, whole_words=True) == []
    assert "the U.S. mission in Iraq" in review.text
    assert "United States" in review.text and "USA" not in review.text  # words, not letters
    assert dialog.status.text() == f"Replace {us_count} × “US”"
    assert review.undo_label == f"Replace {us_count} × “US”"
    wait_until_checked(qtbot, window)
    dialog.hide()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    window.sentence_view.setFocus()
    qtbot.keyClick(window.sentence_view, Qt.Key.Key_Z, CTRL)
    assert review.text == original
    assert not review.can_undo


def test_an_accepted_fix_keeps_its_card_saying_what_was_accepted(
    qtbot: QtBot, window: MainWindow, seed_copy: Path
) -> None:
    """The fix makes the flag disappear from the next check; its card must not vanish with
    it, or the reviewer reads "No flags in this sentence." right after accepting one."""
    open_and_check(qtbot, window, seed_copy)
    window.select_row(row_with(window, is_pompeo))
    window.accept_flag(card_for(window, is_pompeo).review_flag, 0)
    wait_until_checked(qtbot, window)
    card = card_for(window, lambda rf: rf.rule == "MT_DOUBLED_SUBJECT")
    assert card.reason is None  # decided: no actions but Reopen
    shown = window.flag_panel.toPlainText()
    assert "✓ Accepted “Pompeo”" in shown and "Pompeo He" in shown
    assert "No flags in this sentence." not in shown
    assert "confidence" not in shown  # no longer raised: nothing to say about it
    qtbot.keyClick(window.sentence_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_until_checked(qtbot, window)
    assert card_for(window, is_pompeo).reason is not None  # undone: open again, actions back


def test_reopened_flag_and_open_flags_only_filter(
    qtbot: QtBot, window: MainWindow, seed_copy: Path
) -> None:
    open_and_check(qtbot, window, seed_copy)
    review = window.review
    assert review is not None
    flagged = [r for r in range(window.model.rowCount()) if window.model.flags_for_row(r)]
    assert flagged[0] == 0 and len(window.model.flags_for_row(0)) == 1

    qtbot.keyClick(window.sentence_view, Qt.Key.Key_F, CTRL | SHIFT)
    assert window.flagged_only_action.isChecked()
    assert window.visible_rows.rowCount() == len(flagged)
    window.select_row(0)
    qtbot.keyClick(window.sentence_view, Qt.Key.Key_R, ALT)  # the headline's only flag
    (decision,) = review.decisions
    assert decision.status is DecisionStatus.REJECTED and decision.reason == ""
    assert window.visible_rows.rowCount() == len(flagged) - 1  # all its flags decided: hidden
    assert not window.visible_rows.mapFromSource(window.model.index(0, 0)).isValid()

    qtbot.keyClick(window.sentence_view, Qt.Key.Key_F, CTRL | SHIFT)
    assert not window.flagged_only_action.isChecked()
    assert window.visible_rows.rowCount() == window.model.rowCount()
    window.select_row(0)
    (card,) = window.flag_panel.cards
    assert card.reason is None  # decided: no actions but Reopen
    reopen = next(b for b in card.findChildren(QPushButton) if b.text() == "Reopen")
    qtbot.mouseClick(reopen, Qt.MouseButton.LeftButton)
    assert review.decisions == []
    assert window.model.flags_for_row(0)
    window.set_flagged_only(True)
    assert window.visible_rows.rowCount() == len(flagged)
    assert window.current_row() == 0  # the selection survives the filter


# -- opening ----------------------------------------------------------------------------------


def _answer_changed_text_box(monkeypatch: pytest.MonkeyPatch, button_text: str) -> list[str]:
    asked: list[str] = []

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        return 0

    def clicked(box: QMessageBox) -> QPushButton | None:
        return next((b for b in box.buttons() if b.text() == button_text), None)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "clickedButton", clicked)
    return asked


def _decide_pompeo_and_close(qtbot: QtBot, seed_copy: Path) -> str:
    first = MainWindow(engines=[ArtefactsEngine()])
    qtbot.addWidget(first)
    first.show()
    open_and_check(qtbot, first, seed_copy)
    first.select_row(row_with(first, is_pompeo))
    first.accept_flag(card_for(first, is_pompeo).review_flag, 0)
    assert first.review is not None
    text = first.review.text
    first.dispatcher.wait()
    first.close()
    return text


def test_text_changed_on_disk_can_open_the_review_as_it_was(
    qtbot: QtBot, window: MainWindow, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reviewed_text = _decide_pompeo_and_close(qtbot, seed_copy)
    with seed_copy.open("a", encoding="utf-8") as text:
        text.write("\nA paragraph added by someone else.\n")
    asked = _answer_changed_text_box(monkeypatch, "Open the Review as It Was")

    assert window.open_path(seed_copy)
    assert len(asked) == 1 and "has changed on disk" in asked[0]
    assert f"the current one is kept beside it as {seed_copy.name}.review.<date>.bak" in asked[0]
    review = window.review
    assert review is not None
    assert review.text == reviewed_text and "someone else" not in review.text
    assert [d.key.rule for d in review.decisions] == ["MT_DOUBLED_SUBJECT"]
    wait_until_checked(qtbot, window)


def test_text_changed_on_disk_can_start_a_new_review_keeping_a_backup(
    qtbot: QtBot, window: MainWindow, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _decide_pompeo_and_close(qtbot, seed_copy)
    with seed_copy.open("a", encoding="utf-8") as text:
        text.write("\nA paragraph added by someone else.\n")
    _answer_changed_text_box(monkeypatch, "Start a New Review")

    assert window.open_path(seed_copy)
    review = window.review
    assert review is not None
    assert review.decisions == [] and "someone else" in review.text
    (backup,) = seed_copy.parent.glob(f"{seed_copy.name}.review.*.bak")
    assert backup.stat().st_size > 0
    wait_until_checked(qtbot, window)


def test_text_changed_on_disk_cancel_keeps_the_window_as_it_was(
    qtbot: QtBot, window: MainWindow, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _decide_pompeo_and_close(qtbot, seed_copy)
    seed_copy.write_text("Something else entirely.\n", encoding="utf-8")
    _answer_changed_text_box(monkeypatch, "Cancel")
    assert not window.open_path(seed_copy)
    assert window.review is None
    assert window.windowTitle() == "MT Reviewer"


def test_a_second_window_on_the_same_review_is_offered_read_only_and_may_decline(
    qtbot: QtBot, window: MainWindow, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_and_check(qtbot, window, seed_copy)
    messages: list[tuple[str, str]] = []

    def question(_parent: object, title: str, text: str, *_args: object) -> object:
        messages.append((title, text))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    second = MainWindow(engines=[ArtefactsEngine()])
    qtbot.addWidget(second)
    assert not second.open_path(seed_copy)
    assert messages == [
        (
            "Review in use",
            f"{seed_copy.name}.review is already open in another MT Reviewer window or process."
            " Open it read-only (no changes can be made here)?",
        )
    ]
    assert second.review is None
    assert window.review is not None and window.model.rowCount() == 24  # the first carries on
    window.close()
    assert second.open_path(seed_copy)  # closing released the lock
    wait_until_checked(qtbot, second)
    second.dispatcher.wait()


def test_drop_a_file_then_open_recent_and_the_shortcuts_list(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    seed_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ships = tmp_path / "ships.txt"
    ships.write_text(SHIPS, encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(ships))])
    enter = QDragEnterEvent(
        window.rect().center(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(window.rect().center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    assert window.review is not None and window.review.path == review_file_for(ships)
    assert window.windowTitle() == "ships.txt - MT Reviewer"
    wait_until_checked(qtbot, window)

    assert window.open_path(seed_copy)
    wait_until_checked(qtbot, window)
    window.recent_menu.aboutToShow.emit()
    listed = [action.text() for action in window.recent_menu.actions()]
    assert listed == [str(seed_copy.resolve()), str(ships.resolve())]
    window.recent_menu.actions()[1].trigger()
    assert window.windowTitle() == "ships.txt - MT Reviewer"
    wait_until_checked(qtbot, window)

    shown: list[str] = []

    def exec_(dialog: QDialog) -> int:
        browser = dialog.findChild(QTextBrowser)
        assert browser is not None
        shown.append(browser.toPlainText())
        return 0

    monkeypatch.setattr(QDialog, "exec", exec_)
    help_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text() == "&Help" and a.menu()
    )
    next(a for a in help_menu.actions() if a.text() == "&Keyboard Shortcuts").trigger()
    (listing,) = shown
    for keys in ("Alt+1", "Alt+R", "F8", "Ctrl+Enter", "Ctrl+M", "Ctrl+F"):
        assert keys in listing
    bound = {sequence.toString() for action in window.actions() for sequence in action.shortcuts()}
    assert {"Alt+1", "Alt+9", "Alt+R", "F8", "Shift+F8", "Ctrl+M", "Ctrl+F", "Ctrl+H"} <= bound
    assert {"Ctrl+Return", "Ctrl+Enter", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Shift+F"} <= bound


def test_no_two_keys_collide(window: MainWindow) -> None:
    """An ambiguous key does nothing at all: a menu's Alt+letter must not be a command's."""
    bound = [sequence.toString() for action in window.actions() for sequence in action.shortcuts()]
    assert len(bound) == len(set(bound))
    mnemonics = {
        f"Alt+{match.group(1).upper()}"
        for action in window.menuBar().actions()
        if (match := re.search(r"&(\w)", action.text()))
    }
    assert len(mnemonics) == len(window.menuBar().actions())
    assert not mnemonics & set(bound)


def test_ctrl_o_preferences_f5_and_shift_f8_on_another_document(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ships = tmp_path / "ships.txt"
    ships.write_text(SHIPS, encoding="utf-8")
    asked: list[str] = []

    def get_open_file_name(_parent: object, caption: str, *_args: object) -> tuple[str, str]:
        asked.append(caption)
        return str(ships), "Texts and reviews (*.txt *.review)"

    monkeypatch.setattr(QFileDialog, "getOpenFileName", get_open_file_name)
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL)
    assert asked == ["Open machine-translated text or review"]
    assert window.windowTitle() == "ships.txt - MT Reviewer"
    wait_until_checked(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.sentence_view.setFocus()
    review = window.review
    assert review is not None
    assert window.current_row() == 0

    # Shift+F8 from the top wraps round to the last open flag of the document.
    flagged = [r for r in range(window.model.rowCount()) if window.model.flags_for_row(r)]
    qtbot.keyClick(window.sentence_view, Qt.Key.Key_F8, SHIFT)
    assert window.current_row() == flagged[-1]
    last = window.model.open_review_flags_for_row(flagged[-1])[-1]
    assert current_flag(window) == last
    qtbot.keyClick(window.sentence_view, Qt.Key.Key_F8, SHIFT)
    assert window.current_row() == flagged[-2]

    # Preferences (Ctrl+,): the reviewer's name goes on every decision from then on.
    def exec_(dialog: PreferencesDialog) -> int:
        dialog.reviewer_name.setText("Ana Reviewer")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(PreferencesDialog, "exec", exec_)
    qtbot.keyClick(window.sentence_view, Qt.Key.Key_Comma, CTRL)
    assert window.preferences.reviewer_name == "Ana Reviewer"
    assert window.store.load().reviewer_name == "Ana Reviewer"
    wait_until_checked(qtbot, window)  # the preferences re-check the document
    window.select_row(flagged[-1])
    qtbot.keyClick(window.sentence_view, Qt.Key.Key_R, ALT)
    (decision,) = review.decisions
    assert decision.reviewer == "Ana Reviewer"

    # F5 checks again with the word lists as they are now (changed outside this window).
    double_space = [f for f in window.model.all_flags() if f.rule == "QA_REPEATED_WORD"]
    assert double_space
    ignore_everywhere("QA_REPEATED_WORD", " the")
    qtbot.keyClick(window.sentence_view, Qt.Key.Key_F5)
    assert not window.engine_states["artefacts"].startswith("ready")
    wait_until_checked(qtbot, window)
    assert not [f for f in window.model.all_flags() if f.rule == "QA_REPEATED_WORD"]


# -- the models under Qt's tester -------------------------------------------------------------


def test_models_pass_qt_model_tester_through_a_review(
    qtbot: QtBot, window: MainWindow, seed_copy: Path
) -> None:
    fatal = QAbstractItemModelTester.FailureReportingMode.Fatal
    testers = [
        QAbstractItemModelTester(window.model, fatal),
        QAbstractItemModelTester(window.visible_rows, fatal),
    ]
    window.set_flagged_only(True)
    open_and_check(qtbot, window, seed_copy)  # opening, then the engine's flags
    review = window.review
    assert review is not None
    window.select_row(row_with(window, is_pompeo))
    window.accept_flag(card_for(window, is_pompeo).review_flag, 0)
    wait_until_checked(qtbot, window)
    window.set_flagged_only(False)

    rows = window.model.rowCount()
    segment_id = window.model.segment_id(3)
    before = review.segment(segment_id).text
    window.select_row(3)
    window.editor.editor.setPlainText(before + " It was a short pause.")
    window.editor.commit()  # one sentence became two: the list is reset
    assert window.model.rowCount() == rows + 1
    assert window.model.segment(4).origin == (segment_id,)
    assert window.model.segment(4).text == "It was a short pause."
    wait_until_checked(qtbot, window)
    window.set_flagged_only(True)

    window.undo()
    assert window.model.rowCount() == rows
    assert review.segment(segment_id).text == before
    window.undo()
    assert not any(d.key.rule == "MT_DOUBLED_SUBJECT" for d in review.decisions)
    wait_until_checked(qtbot, window)
    assert len(testers) == 2
