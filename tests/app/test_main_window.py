"""Drive the real window: open the seed, see flags, move with the keyboard, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from reviewer.app.main_window import MainWindow
from reviewer.core.flags import Severity
from reviewer.engines.artefacts.engine import ArtefactsEngine

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    window = MainWindow(engines=[ArtefactsEngine()])
    qtbot.addWidget(window)
    window.show()
    yield window
    window.dispatcher.wait()


def wait_until_checked(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: window.engine_states.get("artefacts", "").startswith("ready"), timeout=10_000
    )


def test_opening_the_seed_lists_every_sentence(qtbot, window: MainWindow, seed_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert window.open_path(seed_path)
    wait_until_checked(qtbot, window)
    assert window.model.rowCount() == len(window.model.document.sentences) == 24
    assert window.windowTitle().startswith("000_04f21086b02ac016.txt")
    assert "24</b> sentences" in window.summary.text()
    assert "MT artefacts: ready" in window.engine_label.text()


def test_selecting_a_flagged_sentence_shows_its_flags(
    qtbot, window: MainWindow, seed_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window.open_path(seed_path)
    wait_until_checked(qtbot, window)
    flagged_rows = [r for r in range(window.model.rowCount()) if window.model.flags_for_row(r)]
    assert flagged_rows, "the artefacts engine flags the seed's residue and fragments"
    window.sentence_view.setFocus()
    window.select_row(0)
    qtbot.keyClick(window.sentence_view, Qt.Key.Key_F8)
    row = window.current_row()
    assert row == next(r for r in flagged_rows if r > 0) if 0 in flagged_rows else flagged_rows[0]
    first_flag = window.model.flags_for_row(row)[0]
    assert first_flag.message in window.flag_panel.toPlainText()


def test_arrow_keys_move_between_sentences(qtbot, window: MainWindow, seed_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.open_path(seed_path)
    wait_until_checked(qtbot, window)
    window.sentence_view.setFocus()
    qtbot.keyClick(window.sentence_view, Qt.Key.Key_Down)
    assert window.current_row() == 1
    assert "Sentence 2" in window.flag_panel.toPlainText()


def test_bad_file_shows_one_line_and_keeps_the_open_document(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_path(seed_path)
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


def test_flagged_only_hides_clean_sentences_and_keeps_navigation(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, seed_path: Path
) -> None:
    window.open_path(seed_path)
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


def test_minimum_severity_keeps_only_sentences_with_serious_flags(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, seed_path: Path
) -> None:
    window.open_path(seed_path)
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
        r
        for r in range(window.model.rowCount())
        if window.model.document.sentences[r].text == "Leave a Reply"
    )
    assert residue_row not in shown  # web residue is minor
    window.set_flagged_only(False)
    assert window.visible_rows.rowCount() == window.model.rowCount()
