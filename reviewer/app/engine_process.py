"""Run CPU-bound engines in a helper process, so the window never waits for them.

Our MT-artefact detectors are pure Python: 0.4 s of CPU on a 50,000-word document. Run on
a thread beside the GUI they hold the interpreter lock for long stretches (regular
expressions over the whole text), and the window froze for 500-700 ms after every edit.
In a helper process they cost the window only the pickling of the document.

One process serves every window of the application, started from the GUI thread when the
first window opens (Linux ties it to that thread with PR_SET_PDEATHSIG, so it ends with
the application even after a crash) and warmed up at once, so the first check does not pay
for imports and word tables. If the process cannot be used, the engine runs on a thread
as before: flags always appear.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from concurrent.futures import Future, ProcessPoolExecutor

from reviewer.core.checking import run_engine
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, Engine, EngineReport
from reviewer.engines import create_engine
from reviewer.engines.artefacts.engine import ArtefactsEngine

_PR_SET_PDEATHSIG = 1
_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()
_child_engines: dict[str, Engine] = {}


def runs_in_process(engine: Engine) -> bool:
    """Only our stock artefacts engine moves out: a process re-creates it by name, so an
    engine built with custom detectors (tests, plug-ins) stays in this process."""
    if os.environ.get("REVIEWER_ENGINE_PROCESS", "1") == "0":
        return False
    return type(engine) is ArtefactsEngine and engine.stock


def start_engine_process() -> None:
    """Start (once) and warm up the helper process; call from the GUI thread."""
    pool = _shared_pool()
    if pool is not None:
        with contextlib.suppress(Exception):
            pool.submit(_warm_up, "artefacts")


def check_in_process(engine: Engine, document: Document, options: CheckOptions) -> EngineReport:
    """Check in the helper process; on any trouble with it, check here instead."""
    pool = _shared_pool()
    if pool is not None:
        try:
            future: Future[EngineReport] = pool.submit(_check, engine.name, document, options)
            return future.result()
        except Exception:  # a broken pool, a pickling problem: the flags must still come
            _discard_pool()
    return run_engine(engine, document, options)


def stop_engine_process() -> None:
    """End the helper process (the application is quitting)."""
    _discard_pool()


def _shared_pool() -> ProcessPoolExecutor | None:
    global _pool  # noqa: PLW0603 - one helper process per application, by design
    with _pool_lock:
        if _pool is None:
            try:
                _pool = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_die_with_parent,
                    initargs=(os.getpid(),),
                )
            except (OSError, ValueError):
                return None
        return _pool


def _discard_pool() -> None:
    global _pool
    with _pool_lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


# -- in the helper process ----------------------------------------------------------------


def _die_with_parent(parent: int) -> None:
    """Ask Linux to end this process when the application ends, however it ends."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # the application died before the request took effect
        os._exit(0)


def _engine(name: str) -> Engine:
    engine = _child_engines.get(name)
    if engine is None:
        engine = _child_engines[name] = create_engine(name)
    return engine


def _warm_up(name: str) -> None:
    run_engine(_engine(name), Document.from_text("The talks resumed on Monday."), CheckOptions())


def _check(name: str, document: Document, options: CheckOptions) -> EngineReport:
    return run_engine(_engine(name), document, options)
