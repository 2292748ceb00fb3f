"""The window with the real LanguageTool engine: its state in the status bar, its flags listed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from reviewer.app.main_window import MainWindow
from reviewer.app.preferences import Preferences, PreferenceStore
from reviewer.engines.artefacts.engine import ArtefactsEngine
from reviewer.engines.languagetool.engine import LanguageToolEngine
from reviewer.engines.languagetool.server import ServerManager, ServerState

pytestmark = [pytest.mark.languagetool, pytest.mark.gui]


def test_window_shows_languagetool_state_and_flags(  # type: ignore[no-untyped-def]
    qtbot, lt_engine: LanguageToolEngine, seed_copy: Path
) -> None:
    window = MainWindow(engines=[lt_engine, ArtefactsEngine()])
    qtbot.addWidget(window)
    window.show()
    assert window.languagetool_status is not None
    qtbot.waitUntil(
        lambda: window.languagetool_status.description.startswith("server ready"), timeout=180_000
    )
    assert window.open_path(seed_copy)
    qtbot.waitUntil(
        lambda: all(state.startswith("ready ·") for state in window.engine_states.values()),
        timeout=120_000,
    )
    engines = {flag.engine for flag in window.model.all_flags()}
    assert engines == {"languagetool", "artefacts"}
    assert "LanguageTool: ready ·" in window.engine_label.text()
    window.close()
    window.dispatcher.wait()


def test_preferences_point_the_window_at_a_users_server(  # type: ignore[no-untyped-def]
    qtbot, lt_server: ServerManager, seed_copy: Path, tmp_path: Path
) -> None:
    url = lt_server.ensure_ready().url
    assert url is not None
    store = PreferenceStore(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    window = MainWindow(store=store)
    qtbot.addWidget(window)
    window.apply_preferences(Preferences(languagetool_url=url))
    assert window.languagetool_status is not None
    assert window.languagetool_status.description == f"using {url}"
    window.open_path(seed_copy)
    qtbot.waitUntil(
        lambda: window.engine_states.get("languagetool", "").startswith("ready ·"), timeout=120_000
    )
    assert any(flag.engine == "languagetool" for flag in window.model.all_flags())
    window.close()
    window.dispatcher.wait()


def test_quitting_while_the_server_starts_does_not_wait_for_it(  # type: ignore[no-untyped-def]
    qtbot, lt_installation, seed_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REVIEWER_LANGUAGETOOL_URL", raising=False)
    store = PreferenceStore(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    window = MainWindow(store=store)  # its own engines: the process's shared local server
    qtbot.addWidget(window)
    window.open_path(seed_copy)
    engine = next(e for e in window.engines if isinstance(e, LanguageToolEngine))
    server = engine.local_server()
    assert server is not None
    qtbot.waitUntil(lambda: server.state is ServerState.STARTING, timeout=10_000)
    window.close()
    assert server.state is ServerState.STOPPED
    assert window.dispatcher.pool.activeThreadCount() == 0
