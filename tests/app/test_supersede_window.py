"""The window applies LanguageTool's custom-rule verdict like `reviewer check` does, in
either finishing order (fake LanguageTool engine, real detectors, no server)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reviewer.app.main_window import MainWindow
from reviewer.core.checking import twin_rules
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, EngineReport, EngineStatus
from reviewer.core.flags import Flag, Severity
from reviewer.engines.artefacts.detectors.doubled_subject import DoubledSubjectDetector
from reviewer.engines.artefacts.engine import ArtefactsEngine

TEXT = "Mr. Pompeo He refused to comment. The minister she said the plan would work.\n"


class FakeLanguageTool:
    """Confirms the first doubled subject only, with our custom rules loaded."""

    name = "languagetool"

    def __init__(self, delay: float) -> None:
        self.delay = delay

    def check(self, document: Document, options: CheckOptions) -> EngineReport:
        time.sleep(self.delay)
        start = document.text.index("Pompeo He")
        flag = Flag(
            start=start,
            end=start + len("Pompeo He"),
            text="Pompeo He",
            rule="MT_DOUBLED_SUBJECT_POS",
            engine="languagetool",
            category="Fluency/Grammar",
            severity=Severity.MAJOR,
            message="Doubled subject",
            suggestions=("Pompeo",),
        )
        return EngineReport(
            "languagetool", EngineStatus.OK, flags=[flag], covers=frozenset(twin_rules())
        )

    def close(self) -> None:
        pass


class SlowArtefacts(ArtefactsEngine):
    def __init__(self, delay: float) -> None:
        super().__init__(detectors=[DoubledSubjectDetector()])
        self.delay = delay

    def check(self, document: Document, options: CheckOptions) -> EngineReport:
        time.sleep(self.delay)
        return super().check(document, options)


@pytest.mark.gui
@pytest.mark.parametrize(
    ("languagetool_delay", "artefacts_delay"),
    [(0.6, 0.0), (0.0, 0.6)],
    ids=["detectors-first", "languagetool-first"],
)
def test_the_window_keeps_confirmed_findings_and_drops_the_others(
    qtbot: QtBot, tmp_path: Path, languagetool_delay: float, artefacts_delay: float
) -> None:
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    window = MainWindow(
        engines=[FakeLanguageTool(languagetool_delay), SlowArtefacts(artefacts_delay)]
    )
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.open_path(path)
        qtbot.waitUntil(
            lambda: all(
                window.engine_states.get(name, "").startswith("ready")
                for name in ("languagetool", "artefacts")
            ),
            timeout=10_000,
        )
        flags = window.model.all_flags()
        assert [(f.rule, f.text) for f in flags] == [("MT_DOUBLED_SUBJECT", "Pompeo He")]
        assert flags[0].extra["also_reported_by"] == "languagetool:MT_DOUBLED_SUBJECT_POS"
    finally:
        window.dispatcher.wait()
