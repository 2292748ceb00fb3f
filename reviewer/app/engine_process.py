"""Run CPU-bound engines in a helper process, so the window never waits for them.

Our MT-artefact detectors are pure Python: 0.4 s of CPU on a 50,000-word document. Run on
a thread beside the GUI they hold the interpreter lock for long stretches (regular
expressions over the whole text), and the window froze for 500-850 ms after every edit.
In a helper process (`reviewer.app.engine_worker`) they cost the window only the pickling
of the document.

One helper serves every window of the application. It is started from the GUI thread when
the first window opens (Linux ties its life to that thread) and warmed up at once, so the
first check does not pay for imports and word tables. Requests go one at a time. If the
helper cannot be started or dies, the engine runs on a thread as before: flags always
appear, and the next check starts a new helper.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import subprocess
import sys
import threading
from typing import IO

from reviewer.app.engine_worker import read_message, write_message
from reviewer.core.checking import run_engine
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, Engine, EngineReport
from reviewer.engines.artefacts.engine import ArtefactsEngine

_lock = threading.Lock()
_worker: subprocess.Popen[bytes] | None = None


def runs_in_process(engine: Engine) -> bool:
    """Only our stock artefacts engine moves out: the helper re-creates it by name, so an
    engine built with custom detectors (tests, plug-ins) stays in this process."""
    if os.environ.get("REVIEWER_ENGINE_PROCESS", "1") == "0":
        return False
    return type(engine) is ArtefactsEngine and engine.stock


def start_engine_process() -> None:
    """Start the helper (once) and warm it up in the background; call from the GUI thread."""
    with _lock:
        worker = _running_worker()
    if worker is not None:
        threading.Thread(target=_warm_up, name="engine-warm-up", daemon=True).start()


def check_in_process(engine: Engine, document: Document, options: CheckOptions) -> EngineReport:
    """Check in the helper process; on any trouble with it, check here instead."""
    report = _ask(engine.name, document, options)
    return report if report is not None else run_engine(engine, document, options)


def _ask(name: str, document: Document, options: CheckOptions) -> EngineReport | None:
    """The helper's report, or None when the helper cannot be used (it is then stopped)."""
    with _lock:
        worker = _running_worker()
        if worker is None or worker.stdin is None or worker.stdout is None:
            return None
        try:
            # A copy without the document's cached lookups: the GUI thread may be filling
            # them in (`sentence_at`) while this thread pickles, and a dict that grows during
            # pickling fails ("dictionary changed size during iteration", seen at 100,000
            # sentences). The copy shares the immutable text, paragraphs and sentences.
            write_message(worker.stdin, (name, dataclasses.replace(document), options))
            report: EngineReport = read_message(worker.stdout)
        except (OSError, EOFError, ValueError):
            _stop(worker)
            return None
        return report


def stop_engine_process() -> None:
    """End the helper (the application is quitting; closing its input ends it)."""
    with _lock:
        if _worker is not None:
            _stop(_worker)


def _running_worker() -> subprocess.Popen[bytes] | None:
    """The live helper, started if needed; None if it cannot run here. Hold `_lock`."""
    global _worker  # noqa: PLW0603 - one helper process per application, by design
    if _worker is not None and _worker.poll() is None:
        return _worker
    try:
        _worker = subprocess.Popen(
            [sys.executable, "-m", "reviewer.app.engine_worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            close_fds=True,
        )
    except OSError:
        _worker = None
    return _worker


def _warm_up() -> None:
    _ask(ArtefactsEngine.name, Document.from_text("The talks resumed on Monday."), CheckOptions())


def _stop(worker: subprocess.Popen[bytes]) -> None:
    global _worker  # noqa: PLW0603
    pipes: list[IO[bytes] | None] = [worker.stdin, worker.stdout]
    for pipe in pipes:
        with contextlib.suppress(OSError):
            if pipe is not None:
                pipe.close()
    with contextlib.suppress(OSError):
        worker.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        worker.wait(timeout=5)
    if _worker is worker:
        _worker = None
