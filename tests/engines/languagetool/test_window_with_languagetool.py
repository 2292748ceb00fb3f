"""The window with the real LanguageTool engine: its state in the status bar, its flags listed."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.app.main_window import MainWindow
from reviewer.engines.artefacts.engine import ArtefactsEngine
from reviewer.engines.languagetool.engine import LanguageToolEngine

pytestmark = [pytest.mark.languagetool, pytest.mark.gui]


def test_window_shows_languagetool_state_and_flags(  # type: ignore[no-untyped-def]
    qtbot, lt_engine: LanguageToolEngine, seed_path: Path
) -> None:
    window = MainWindow(engines=[lt_engine, ArtefactsEngine()])
    qtbot.addWidget(window)
    window.show()
    assert window.languagetool_status is not None
    qtbot.waitUntil(
        lambda: window.languagetool_status.description.startswith("server ready"), timeout=180_000
    )
    assert window.open_path(seed_path)
    qtbot.waitUntil(
        lambda: all(state.startswith("ready ·") for state in window.engine_states.values()),
        timeout=120_000,
    )
    engines = {flag.engine for flag in window.model.all_flags()}
    assert engines == {"languagetool", "artefacts"}
    assert "LanguageTool: ready ·" in window.engine_label.text()
    window.close()
    window.dispatcher.wait()
