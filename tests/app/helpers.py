"""Helpers for the window tests."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reviewer.app.main_window import MainWindow


def wait_until_checked(qtbot: QtBot, window: MainWindow) -> None:
    """Wait for the artefacts engine's latest check to be in the model."""
    qtbot.waitUntil(
        lambda: window.engine_states.get("artefacts", "").startswith("ready"), timeout=10_000
    )
