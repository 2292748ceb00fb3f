"""Load: a 100,000-sentence document opens in the window, is checked by the artefacts engine
all through and by LanguageTool (its real server) on a sample, scrolls to its end, and opens
again with the same flags. The document is the one `benchmarks/bench_load.py` builds; the
figures (time to first paint, stalls, memory) are that benchmark's, not asserted here.

At this size the window once never finished: the document was pickled for the detectors'
helper while the GUI thread filled in its lookups, and the artefacts engine stayed
"checking…" (see test_engine_helper.py)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
from pytestqt.qtbot import QtBot

from reviewer.app.main_window import MainWindow
from reviewer.core.engine import Engine
from reviewer.engines.artefacts.engine import ArtefactsEngine
from reviewer.engines.languagetool.server import ServerManager

pytestmark = [pytest.mark.slow, pytest.mark.gui, pytest.mark.languagetool]

SENTENCES = 100_000
SAMPLE = 300  # sentences LanguageTool checks, from the top


@cache
def _bench_load() -> ModuleType:
    """benchmarks/bench_load.py (not a package), for its document and sampled engine."""
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_load.py"
    spec = importlib.util.spec_from_file_location("bench_load", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_load", module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def load_text(tmp_path: Path) -> Path:
    path = tmp_path / "load-article.txt"
    path.write_text(_bench_load().build_text(round(SENTENCES * 1.01)), encoding="utf-8")
    return path


def _engines() -> list[Engine]:
    return [_bench_load().SampledLanguageTool(SAMPLE), ArtefactsEngine()]


@contextmanager
def _opened(qtbot: QtBot, path: Path) -> Iterator[MainWindow]:
    """A new window on `path`, once both engines have reported."""
    window = MainWindow(engines=_engines())
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    try:
        assert window.open_path(path)
        qtbot.waitUntil(
            lambda: all(
                window.engine_states.get(name, "").startswith("ready")
                for name in ("languagetool", "artefacts")
            ),
            timeout=1_200_000,
        )
        yield window
    finally:
        window.close()  # closes the engines too
        window.dispatcher.wait()


@pytest.mark.timeout(2400)
def test_a_100000_sentence_document_opens_checks_scrolls_and_reopens(
    qtbot: QtBot,
    shared_local_server: ServerManager,
    messages: list[tuple[str, str, str]],
    load_text: Path,
) -> None:
    with _opened(qtbot, load_text) as window:
        model = window.model
        rows = model.rowCount()
        assert rows >= SENTENCES
        flags_by_engine: dict[str, list[int]] = {"artefacts": [], "languagetool": []}
        for row in range(rows):
            for flag in model.flags_for_row(row):
                flags_by_engine[flag.engine].append(row)
        counts = model.worst_severity_counts()
        assert sum(counts.values()) == sum(len(r) for r in flags_by_engine.values())
        # our detectors went through the whole document, LanguageTool through its sample
        assert max(flags_by_engine["artefacts"]) > rows * 0.99
        assert flags_by_engine["languagetool"]
        assert max(flags_by_engine["languagetool"]) < SAMPLE * 1.2
        view = window.sentence_view
        last = view.model().index(view.model().rowCount() - 1, 0)

        def at_the_end() -> bool:  # the list lays rows out in batches: scroll until there
            view.scrollTo(last)
            return view.viewport().rect().intersects(view.visualRect(last))

        qtbot.waitUntil(at_the_end, timeout=600_000)
        first_counts = counts
    with _opened(qtbot, load_text) as window:  # the review exists now
        assert window.model.rowCount() == rows
        assert window.model.worst_severity_counts() == first_counts
    assert messages == []
