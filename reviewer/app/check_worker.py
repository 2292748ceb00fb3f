"""Run engines off the GUI thread and hand their reports back as Qt signals.

Each engine runs as its own job in a thread pool of its own, so the artefacts engine's
flags appear at once while LanguageTool is still starting, also on an edit's re-check: in
one shared pool (as many threads as cores) LanguageTool jobs waiting for the server took
every thread of a two-core machine and the edit's artefacts check waited for them. Jobs
receive the immutable `Document` (never a widget) and carry a generation number; when the
user opens another document or re-checks, results of older generations are dropped by the
receiver.
"""

from __future__ import annotations

import traceback

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reviewer.app.engine_process import check_in_process, runs_in_process
from reviewer.core.checking import run_engine
from reviewer.core.document import Document
from reviewer.core.engine import (
    CheckOptions,
    Engine,
    EngineReport,
    EngineStatus,
    describe_exception,
)
from reviewer.core.problem_log import log_problem


class CheckDispatcher(QObject):
    """Lives on the GUI thread; workers emit through it (queued across threads)."""

    engineStarted = Signal(int, str)  # generation, engine name
    engineFinished = Signal(int, object)  # generation, EngineReport

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        self.pool = QThreadPool.globalInstance()  # other background work (closing engines)
        self._engine_pools: dict[str, QThreadPool] = {}

    def check(self, document: Document, engines: list[Engine], options: CheckOptions) -> int:
        """Start one job per engine; return the generation these results will carry."""
        self.generation += 1
        for engine in engines:
            job = _EngineJob(self, self.generation, engine, document, options)
            self._pool_for(engine.name).start(job)
        return self.generation

    def _pool_for(self, name: str) -> QThreadPool:
        """One engine's pool: its checks run one after the other, never queued behind
        another engine's (a superseded check's result is dropped by the receiver)."""
        pool = self._engine_pools.get(name)
        if pool is None:
            pool = self._engine_pools[name] = QThreadPool(self)
            pool.setMaxThreadCount(1)
        return pool

    def wait(self, msecs: int = 60_000) -> bool:
        """Block until running jobs end (used at shutdown and by tests)."""
        pools = [*self._engine_pools.values(), self.pool]
        return all([pool.waitForDone(msecs) for pool in pools])


class _EngineJob(QRunnable):
    def __init__(
        self,
        dispatcher: CheckDispatcher,
        generation: int,
        engine: Engine,
        document: Document,
        options: CheckOptions,
    ) -> None:
        super().__init__()
        self.dispatcher = dispatcher
        self.generation = generation
        self.engine = engine
        self.document = document
        self.options = options

    def run(self) -> None:
        self.dispatcher.engineStarted.emit(self.generation, self.engine.name)
        try:
            report: EngineReport = (
                check_in_process(self.engine, self.document, self.options)
                if runs_in_process(self.engine)
                else run_engine(self.engine, self.document, self.options)
            )
        except Exception as exc:  # never leave the window saying "checking…" for ever
            log = log_problem(f"engine {self.engine.name} failed", traceback.format_exc())
            report = EngineReport(
                name=self.engine.name,
                status=EngineStatus.UNAVAILABLE,
                reason=describe_exception(exc),
                log=str(log) if log else None,
            )
        self.dispatcher.engineFinished.emit(self.generation, report)
