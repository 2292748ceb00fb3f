"""The window with the real LanguageTool engine: its state in the status bar, its flags listed."""

from __future__ import annotations

import os
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


def _process_gone(pid: int | None) -> bool:
    if pid is None:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().split(")")[-1].split()[0] == "Z"


def test_preferences_point_the_window_at_a_users_server(  # type: ignore[no-untyped-def]
    qtbot,
    lt_server: ServerManager,
    shared_local_server: ServerManager,
    seed_copy: Path,
    tmp_path: Path,
) -> None:
    """Switching to "My server" stops the local server the window started; switching back
    starts it again; closing the window stops it."""
    url = lt_server.ensure_ready().url  # the user's server: the session's, not the window's
    assert url is not None
    store = PreferenceStore(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    window = MainWindow(store=store)  # its own engines: the process's shared local server
    qtbot.addWidget(window)
    local = next(e for e in window.engines if isinstance(e, LanguageToolEngine)).local_server()
    assert local is shared_local_server
    assert local.state is ServerState.STARTING  # the window starts it at once
    qtbot.waitUntil(lambda: local.pid is not None, timeout=60_000)
    local_pid = local.pid

    window.apply_preferences(Preferences(languagetool_url=url))
    assert window.languagetool_status is not None
    assert window.languagetool_status.description == f"using {url}"
    qtbot.waitUntil(lambda: local.state is ServerState.STOPPED, timeout=30_000)
    qtbot.waitUntil(lambda: _process_gone(local_pid), timeout=30_000)
    assert local.users == 0
    window.open_path(seed_copy)
    qtbot.waitUntil(
        lambda: window.engine_states.get("languagetool", "").startswith("ready ·"), timeout=120_000
    )
    assert any(flag.engine == "languagetool" for flag in window.model.all_flags())
    assert local.state is ServerState.STOPPED  # checking with the user's server started none
    assert lt_server.state is ServerState.READY

    window.apply_preferences(Preferences())  # back to the local server
    assert local.state in (ServerState.STARTING, ServerState.READY)
    assert local.users == 1
    window.close()
    window.dispatcher.wait()
    assert local.state is ServerState.STOPPED
    assert local.users == 0
    assert lt_server.state is ServerState.READY  # a user's server is never ours to stop


def test_quitting_while_the_server_starts_does_not_wait_for_it(  # type: ignore[no-untyped-def]
    qtbot, shared_local_server: ServerManager, seed_copy: Path, tmp_path: Path
) -> None:
    assert shared_local_server.state is ServerState.STOPPED
    store = PreferenceStore(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    window = MainWindow(store=store)  # its own engines: the process's shared local server
    qtbot.addWidget(window)
    window.open_path(seed_copy)
    engine = next(e for e in window.engines if isinstance(e, LanguageToolEngine))
    server = engine.local_server()
    assert server is shared_local_server
    assert server.state is ServerState.STARTING  # started by the window, not left over
    window.close()
    assert server.state is ServerState.STOPPED
    assert window.dispatcher.pool.activeThreadCount() == 0
