"""Turn "please stop" signals into a normal exit, so clean-up code runs.

The LanguageTool server is a Java child process stopped by an `atexit` hook. Python's default
reaction to SIGTERM (a `kill`, a logout) and SIGHUP (a closed terminal) ends the process
without running `atexit`, which would leave a 1 GB Java server behind. Here those signals
raise `SystemExit` in the CLI, or quit the Qt event loop in the GUI.
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from types import FrameType

STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def exit_on_stop_signals() -> None:
    """CLI: raise SystemExit(128 + signal) so `finally` blocks and `atexit` hooks run."""

    def handler(signum: int, _frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    for stop_signal in STOP_SIGNALS:
        signal.signal(stop_signal, handler)


def call_on_stop_signals(callback: Callable[[], None]) -> None:
    """GUI: call `callback` (e.g. the app's quit) when a stop signal or Ctrl+C arrives.

    Python runs signal handlers only when the interpreter gets control, so the GUI must also
    wake Python periodically while Qt's event loop runs (see reviewer.app.main).
    """

    def handler(_signum: int, _frame: FrameType | None) -> None:
        callback()

    for stop_signal in (*STOP_SIGNALS, signal.SIGINT):
        signal.signal(stop_signal, handler)
