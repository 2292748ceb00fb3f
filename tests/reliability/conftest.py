"""Fixtures of the reliability suite.

The real LanguageTool fixtures of tests/engines/languagetool serve the fault and safety tests
here (`shared_local_server` stops the process's server before and after each test); the
window fixtures record message boxes instead of blocking an offscreen test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reviewer.app.main_window import MainWindow
from reviewer.engines.artefacts.engine import ArtefactsEngine
from tests.engines.languagetool.conftest import lt_installation, shared_local_server

__all__ = ["lt_installation", "messages", "shared_local_server", "window"]


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """Every message box the window shows, recorded instead of blocking the test."""
    shown: list[tuple[str, str, str]] = []

    def record(kind: str) -> object:
        def show(_parent: object, title: str, text: str, *_args: object) -> object:
            shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return show

    for kind in ("warning", "critical", "question", "information"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    return shown


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    window = MainWindow(engines=[ArtefactsEngine()])
    qtbot.addWidget(window)
    window.show()
    yield window
    window.dispatcher.wait()
