"""The status bar names failed detectors, left-out flags and missing source-language lists."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from reviewer.app.engine_state import engine_state
from reviewer.app.main_window import MainWindow
from reviewer.app.preferences import Preferences, PreferenceStore
from reviewer.core.document import Document
from reviewer.core.engine import (
    CheckOptions,
    DetectorError,
    DroppedFlag,
    EngineReport,
    EngineStatus,
)
from reviewer.core.flags import Flag
from reviewer.engines.artefacts.detector import Detector
from reviewer.engines.artefacts.detectors.repetition import RepeatedWord
from reviewer.engines.artefacts.engine import ArtefactsEngine
from tests.app.helpers import wait_until_checked


class BrokenData(Detector):
    """A detector whose data file was edited badly"""

    rule_id = "MT_BROKEN_DATA"
    category = "Fluency/Grammar"

    def detect(self, document: Document, options: CheckOptions) -> Iterable[Flag]:
        raise ValueError("bad YAML")


def test_state_text_names_what_went_wrong() -> None:
    report = EngineReport(
        "artefacts",
        EngineStatus.OK,
        seconds=0.4,
        errors=[DetectorError("MT_X", "ValueError: bad")],
        dropped_flags=[DroppedFlag("MT_Y", "span does not match text", 0, 3)],
        notices=["no false-friend list for nl; MT_FALSE_FRIEND is off"],
    )
    assert engine_state(report, 12) == (
        "ready · 12 flags in 0.4 s · 1 detector failed (MT_X) · 1 invalid flag left out"
        " · no false-friend list for nl; MT_FALSE_FRIEND is off"
    )
    assert engine_state(EngineReport("artefacts", EngineStatus.OK, seconds=0.04), 1) == (
        "ready · 1 flag in 0.0 s"
    )
    unavailable = EngineReport(
        "artefacts",
        EngineStatus.UNAVAILABLE,
        reason="every detector failed",
        errors=[DetectorError("MT_X", "E"), DetectorError("MT_Z", "E")],
    )
    assert engine_state(unavailable, 0) == (
        "unavailable: every detector failed · 2 detectors failed (MT_X, MT_Z)"
    )


@pytest.mark.gui
def test_window_status_bar_names_the_failed_detector_and_missing_lists(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "article.txt"
    path.write_text("Officials said the the talks had ended.\n", encoding="utf-8")
    engine = ArtefactsEngine(detectors=[BrokenData(), RepeatedWord()])
    window = MainWindow(engines=[engine], store=_dutch_source())
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.open_path(path)
        wait_until_checked(qtbot, window)
        label = window.engine_label.text()
        assert "MT artefacts: ready · 1 flag in " in label
        assert "· 1 detector failed (MT_BROKEN_DATA)" in label
        assert len(window.model.all_flags()) == 1
    finally:
        window.dispatcher.wait()


@pytest.mark.gui
def test_window_status_bar_says_when_the_source_language_has_no_lists(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REVIEWER_ENGINE_PROCESS", "0")
    path = tmp_path / "article.txt"
    path.write_text("The talks resumed on Monday.\n", encoding="utf-8")
    window = MainWindow(engines=[ArtefactsEngine()], store=_dutch_source())
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.open_path(path)
        wait_until_checked(qtbot, window)
        label = window.engine_label.text()
        assert "no false-friend list for nl; MT_FALSE_FRIEND is off" in label
        assert "no untranslated-word list for nl; MT_UNTRANSLATED is off" in label
    finally:
        window.dispatcher.wait()


def _dutch_source() -> PreferenceStore:
    """Preferences that say the texts were translated from Dutch (no word lists for it)."""
    store = PreferenceStore()
    store.save(Preferences(source_language="nl"))
    return store


class StartingServer:
    """An engine whose server is still starting: its checks wait until it is released."""

    name = "slow"

    def __init__(self) -> None:
        self.release = threading.Event()

    def check(self, document: Document, options: CheckOptions) -> EngineReport:
        self.release.wait(60)
        return EngineReport(self.name, EngineStatus.OK)

    def close(self) -> None:
        self.release.set()


@pytest.mark.gui
def test_an_edits_artefacts_check_does_not_wait_for_a_starting_server(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """On a two-core machine the shared pool's two threads both waited for LanguageTool's
    server after an edit, and the artefacts flags of the edit showed "queued" until it was
    up (10-20 s)."""
    path = tmp_path / "article.txt"
    path.write_text("Officials said the the talks had ended.\n", encoding="utf-8")
    shared = QThreadPool.globalInstance()
    threads = shared.maxThreadCount()
    shared.setMaxThreadCount(2)
    slow = StartingServer()
    window = MainWindow(engines=[slow, ArtefactsEngine()])
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.open_path(path)
        qtbot.waitUntil(lambda: window.engine_states["artefacts"].startswith("ready"))
        window.recheck()  # as an edit does, the server still starting
        assert window.engine_states["artefacts"] == "queued"
        qtbot.waitUntil(
            lambda: window.engine_states["artefacts"].startswith("ready"), timeout=10_000
        )
        assert not window.engine_states["slow"].startswith("ready")
    finally:
        slow.release.set()
        window.dispatcher.wait()
        shared.setMaxThreadCount(threads)


class StartingBridge:
    """LanguageTool's status, as the window's bridge reports it while the server starts."""

    description = "starting server…"

    def close(self) -> None:
        pass

    def deleteLater(self) -> None:  # noqa: N802 - Qt's name
        pass


@pytest.mark.gui
def test_a_recheck_while_the_server_starts_says_so_not_queued(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text("Officials said the the talks had ended.\n", encoding="utf-8")
    slow = StartingServer()
    slow.name = "languagetool"
    window = MainWindow(engines=[slow, ArtefactsEngine()])
    window.languagetool_status = StartingBridge()  # type: ignore[assignment]
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.open_path(path)
        window.recheck()  # an edit's check waits behind the first one for the server
        assert window.engine_states["languagetool"] == "starting server…"
        assert "LanguageTool: starting server…" in window.engine_label.text()
    finally:
        slow.release.set()
        window.dispatcher.wait()
