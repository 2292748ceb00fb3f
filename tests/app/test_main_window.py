"""Drive the real window: open the seed, see flags, move with the keyboard, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reviewer.app.main_window import MainWindow, review_file_for
from reviewer.core.errors import ReviewerError
from reviewer.core.flags import Severity
from tests.app.helpers import wait_until_checked

pytestmark = pytest.mark.gui


def test_opening_the_seed_lists_every_sentence(
    qtbot: QtBot, window: MainWindow, seed_copy: Path
) -> None:
    assert window.open_path(seed_copy)
    wait_until_checked(qtbot, window)
    assert window.model.rowCount() == len(window.model.document.sentences) == 24
    assert window.windowTitle() == "000_04f21086b02ac016.txt - MT Reviewer"
    summary = window.summary.text()
    assert "<b>0</b> of <b>24</b> sentences reviewed" in summary
    assert f"<b>{len(window.model.all_flags())}</b> open flags" in summary
    assert "MT artefacts: ready" in window.engine_label.text()
    assert review_file_for(seed_copy) == seed_copy.with_name(seed_copy.name + ".review")
    assert review_file_for(seed_copy).is_file()


def test_the_header_counts_one_sentence_and_one_flag_in_the_singular(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    residue = tmp_path / "residue.txt"
    residue.write_text("Leave a Reply\n", encoding="utf-8")
    assert window.open_path(residue)
    wait_until_checked(qtbot, window)
    summary = window.summary.text()
    assert "<b>0</b> of <b>1</b> sentence reviewed" in summary
    assert "<b>1</b> open flag &nbsp;" in summary


def test_an_empty_document_says_it_has_nothing_to_review(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert window.open_path(empty)
    wait_until_checked(qtbot, window)
    assert window.model.rowCount() == 0
    assert "Nothing to review: the document has no text." in window.flag_panel.toPlainText()


def test_selecting_a_flagged_sentence_shows_its_flags(
    qtbot: QtBot, window: MainWindow, seed_copy: Path
) -> None:
    window.open_path(seed_copy)
    wait_until_checked(qtbot, window)
    flagged_rows = [r for r in range(window.model.rowCount()) if window.model.flags_for_row(r)]
    # The headline (row 0) has one flag; BAGHDAD's "U.S." (row 1) is the next flagged row.
    assert flagged_rows[:2] == [0, 1]
    assert len(window.model.flags_for_row(0)) == 1
    window.select_row(0)
    window.sentence_view.setFocus()
    qtbot.keyClick(window.sentence_view, Qt.Key.Key_F8)
    assert window.current_row() == 1
    first_flag = window.model.flags_for_row(1)[0]
    assert first_flag.message in window.flag_panel.toPlainText()


def test_arrow_keys_move_between_sentences(
    qtbot: QtBot, window: MainWindow, seed_copy: Path
) -> None:
    window.open_path(seed_copy)
    wait_until_checked(qtbot, window)
    assert window.current_row() == 0  # a new review starts at the top
    window.sentence_view.setFocus()
    qtbot.keyClick(window.sentence_view, Qt.Key.Key_Down)
    assert window.current_row() == 1
    assert "Sentence 2 of 24" in window.flag_panel.toPlainText()


def test_bad_file_shows_one_line_and_keeps_the_open_document(
    qtbot: QtBot,
    window: MainWindow,
    seed_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.open_path(seed_copy)
    wait_until_checked(qtbot, window)
    messages: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _parent, _title, text: messages.append(text)
    )
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 100)
    assert not window.open_path(binary)
    assert messages == [f"{binary}: this is a binary file, not text"]
    assert window.model.rowCount() == 24
    assert window.review is not None and window.review.path == review_file_for(seed_copy)
    assert not review_file_for(binary).exists()


def test_flagged_only_hides_clean_sentences_and_keeps_navigation(
    qtbot: QtBot, window: MainWindow, seed_copy: Path
) -> None:
    window.open_path(seed_copy)
    wait_until_checked(qtbot, window)
    flagged = [r for r in range(window.model.rowCount()) if window.model.flags_for_row(r)]
    qtbot.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.flagged_only_action.isChecked()
    assert window.visible_rows.rowCount() == len(flagged) < window.model.rowCount()
    window.select_row(flagged[0])
    window.sentence_view.setFocus()
    qtbot.keyClick(window.sentence_view, Qt.Key.Key_F8)
    assert window.current_row() == flagged[1]
    assert window.model.flags_for_row(flagged[1])[0].message in window.flag_panel.toPlainText()


def test_minimum_severity_keeps_only_sentences_with_serious_flags(
    qtbot: QtBot, window: MainWindow, seed_copy: Path
) -> None:
    window.open_path(seed_copy)
    wait_until_checked(qtbot, window)
    window.set_flagged_only(True)
    window.severity_box.setCurrentIndex(window.severity_box.findData(Severity.MAJOR))
    shown = [
        window.visible_rows.mapToSource(window.visible_rows.index(r, 0)).row()
        for r in range(window.visible_rows.rowCount())
    ]
    assert shown, "the seed has major flags (doubled subject, false friends)"
    for row in shown:
        assert any(f.severity is not Severity.MINOR for f in window.model.flags_for_row(row))
    residue_row = next(
        r for r in range(window.model.rowCount()) if window.model.segment(r).text == "Leave a Reply"
    )
    assert residue_row not in shown  # web residue is minor
    window.set_flagged_only(False)
    assert window.visible_rows.rowCount() == window.model.rowCount()


class _AcceptedError(Exception):
    """Raised instead of opening a display: the file was accepted."""


def test_reviewer_opens_a_word_document_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`reviewer memo.docx` refused the file as "a binary file, not text" before the window
    (which reads Word documents) ever saw it."""
    import docx

    from reviewer.app import main

    memo = tmp_path / "memo.docx"
    document = docx.Document()
    document.add_paragraph("The minister Pablo Ruiz He said so.")
    document.save(str(memo))

    def stop() -> None:
        raise _AcceptedError

    monkeypatch.setattr(main, "ensure_display_available", stop)
    with pytest.raises(_AcceptedError):
        main.run_app(str(memo))
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01binary\x00" * 50)
    with pytest.raises(ReviewerError, match="binary"):
        main.run_app(str(tmp_path / "binary.txt"))
