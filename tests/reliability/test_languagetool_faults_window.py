"""The window with a misbehaving LanguageTool (the fake server): the status bar says
LanguageTool is unavailable, the artefacts flags are shown, and the event loop never stalls
while the server hangs."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from reviewer.app.main_window import MainWindow
from reviewer.engines.artefacts.engine import ArtefactsEngine
from reviewer.engines.languagetool import client
from reviewer.engines.languagetool.cache import ParagraphCache
from reviewer.engines.languagetool.engine import LanguageToolEngine
from tests.reliability.fake_languagetool import fake_languagetool

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("mode", ["http-500", "garbage", "bad-matches", "hang"])
def test_the_window_says_languagetool_is_unavailable_and_keeps_responding(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str, str]],
    seed_copy: Path,
    mode: str,
) -> None:
    monkeypatch.setattr(client, "READ_TIMEOUT_SECONDS", 3.0)
    with fake_languagetool(mode) as url:
        engine = LanguageToolEngine(url=url, cache=ParagraphCache(enabled=False))
        window = MainWindow(engines=[ArtefactsEngine(), engine])
        qtbot.addWidget(window)
        window.show()
        gaps: list[float] = []
        last = [time.monotonic()]

        def tick() -> None:
            now = time.monotonic()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(20)
        timer.timeout.connect(tick)
        timer.start()
        try:
            assert window.open_path(seed_copy)
            last[0] = time.monotonic()
            qtbot.waitUntil(
                lambda: (
                    window.engine_states.get("languagetool", "").startswith("unavailable")
                    and window.engine_states.get("artefacts", "").startswith("ready")
                ),
                timeout=30_000,
            )
        finally:
            timer.stop()
        assert url in window.engine_states["languagetool"]
        assert "LanguageTool: unavailable" in window.engine_label.text()
        assert {flag.engine for flag in window.model.all_flags()} == {"artefacts"}
        assert gaps and max(gaps) < 1.0, f"the event loop stalled {max(gaps):.2f} s"
        assert messages == []
        window.close()
        window.dispatcher.wait()
        engine.close()
