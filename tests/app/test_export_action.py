"""File > Export… in the window: the chosen file and format are written; a failure is one
line in a message box."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from reviewer.app.main_window import MainWindow
from tests.app.helpers import wait_until_checked


def test_file_export_writes_the_chosen_format(
    qtbot: QtBot,
    window: MainWindow,
    seed_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert window.open_path(seed_copy)
    wait_until_checked(qtbot, window)
    review = window.review
    assert review is not None
    [doubled] = [
        rf
        for segment in review.segments
        for rf in review.open_flags_in(segment.id)
        if rf.rule == "MT_DOUBLED_SUBJECT"
    ]
    window.accept_flag(doubled, 0)

    answers = [
        (str(tmp_path / "tracked"), "Word document, changes shown (*.docx)"),  # no extension
        (str(tmp_path / "corrected.txt"), "Corrected text (*.txt)"),
        (str(seed_copy / "inside.txt"), "Corrected text (*.txt)"),  # a path under a file
    ]
    asked: list[tuple[str, str]] = []

    def get_save_file_name(
        _parent: object, caption: str, directory: str, filters: str, *_args: object
    ) -> tuple[str, str]:
        asked.append((caption, directory))
        assert "TMX 1.4 sentence pairs (*.tmx)" in filters.split(";;")
        return answers.pop(0)

    warnings: list[str] = []

    def warning(_parent: object, title: str, text: str, *_args: object) -> object:
        warnings.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    file_menu = window.menuBar().actions()[0].menu()
    [export] = [action for action in file_menu.actions() if action.text() == "&Export…"]

    export.trigger()
    assert asked[0] == ("Export", str(seed_copy.with_name(f"{seed_copy.stem}.corrected.txt")))
    tracked = docx.Document(str(tmp_path / "tracked.docx"))
    struck = [run.text for p in tracked.paragraphs for run in p.runs if run.font.strike]
    assert any(text.strip() == "He" for text in struck)
    assert "tracked.docx" in window.statusBar().currentMessage()

    export.trigger()
    corrected = (tmp_path / "corrected.txt").read_bytes()
    assert corrected == seed_copy.read_bytes().replace(b"Pompeo He refused", b"Pompeo refused")

    export.trigger()
    [message] = warnings
    assert message.startswith("Export failed: cannot write")
    assert "\n" not in message
