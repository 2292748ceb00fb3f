"""Fixtures for driving the real review window."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reviewer.app.main_window import MainWindow
from reviewer.engines.artefacts.engine import ArtefactsEngine


@pytest.fixture(autouse=True)
def unexpected_message_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """A modal box would hang an offscreen test: record it instead, and fail the test
    unless the test patched that box itself (then its own patch wins)."""
    shown: list[str] = []

    def record(kind: str) -> Any:
        def show(_parent: object, _title: str, text: str, *_args: object) -> Any:
            shown.append(f"{kind}: {text}")
            return QMessageBox.StandardButton.Ok

        return show

    for kind in ("warning", "critical", "question", "information"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    yield shown
    assert not shown, f"unexpected message boxes: {shown}"


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    """A window with the artefacts engine only (fast, no server)."""
    window = MainWindow(engines=[ArtefactsEngine()])
    qtbot.addWidget(window)
    window.show()
    yield window
    window.dispatcher.wait()
