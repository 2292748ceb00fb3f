"""The window's engine jobs under load: a document whose cached lookups are being filled in
by the GUI thread while it is sent to the helper process still reaches it (found by the
100,000-sentence load benchmark), and a job that fails unexpectedly still reports, so the
window never says "checking…" for ever."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from reviewer.app import check_worker, engine_process
from reviewer.app.check_worker import CheckDispatcher
from reviewer.core.checking import run_engine
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, EngineReport, EngineStatus
from reviewer.engines.artefacts.engine import ArtefactsEngine

TEXT = "Mr. Pompeo He refused the the offer.  Leave a Reply\nThe minister said the plan was good.\n"


class _Meddling(str):
    """A path that, when pickled, makes the document fill in a cached lookup, as the GUI
    thread does (`sentence_at`) while a worker thread pickles the same document."""

    __slots__ = ()
    document: Document | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        if _Meddling.document is not None:
            _Meddling.document.sentence_at(0)  # adds `_sentence_starts` to its __dict__
        return (str, (str(self),))


def _flags(report: EngineReport) -> list[tuple[str, int, int]]:
    return [(f.rule, f.start, f.end) for f in report.flags]


def test_a_document_whose_lookups_are_filled_while_it_is_sent_is_checked_in_the_helper(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("REVIEWER_ENGINE_PROCESS", "1")
    document = replace(Document.from_text(TEXT), path=_Meddling("article.txt"))
    monkeypatch.setattr(_Meddling, "document", document)
    engine = ArtefactsEngine()
    assert engine_process.runs_in_process(engine)
    asked: list[EngineReport | None] = []
    real_ask = engine_process._ask

    def ask(name: str, doc: Document, options: CheckOptions) -> EngineReport | None:
        asked.append(real_ask(name, doc, options))
        return asked[-1]

    monkeypatch.setattr(engine_process, "_ask", ask)
    try:
        report = engine_process.check_in_process(engine, document, CheckOptions())
    finally:
        engine_process.stop_engine_process()
    assert asked and asked[0] is not None  # the helper answered (no fallback to this process)
    assert "_sentence_starts" in vars(document)  # the lookup was filled in mid-pickle
    assert report.status is EngineStatus.OK
    expected = run_engine(ArtefactsEngine(), Document.from_text(TEXT), CheckOptions())
    assert _flags(report) == _flags(expected)
    assert expected.flags


@pytest.mark.gui
def test_a_job_that_fails_unexpectedly_reports_the_engine_unavailable(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> EngineReport:
        raise RuntimeError("dictionary changed size during iteration")

    monkeypatch.setattr(check_worker, "check_in_process", broken)
    monkeypatch.setattr(check_worker, "runs_in_process", lambda _engine: True)
    dispatcher = CheckDispatcher()
    with qtbot.waitSignal(dispatcher.engineFinished, timeout=10_000) as finished:
        generation = dispatcher.check(Document.from_text(TEXT), [ArtefactsEngine()], CheckOptions())
    assert dispatcher.wait(10_000)
    got_generation, report = finished.args or (None, None)
    assert got_generation == generation
    assert isinstance(report, EngineReport)
    assert report.status is EngineStatus.UNAVAILABLE
    assert report.reason is not None
    assert "dictionary changed size during iteration" in report.reason
