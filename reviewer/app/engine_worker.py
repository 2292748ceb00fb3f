"""The helper process that runs our CPU-bound detectors for the window.

Started by `reviewer.app.engine_process` as `python -m reviewer.app.engine_worker`, it reads
requests from standard input and writes reports to standard output, each a length-prefixed
pickle (the two processes are ours and the pipe is private; no user file is unpickled). It
imports no Qt and no user script, so it starts the same way whatever program embeds the
window, and it ends when the application does: Linux sends it SIGTERM when its parent dies
(PR_SET_PDEATHSIG), and end of input ends it everywhere else.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import pickle
import signal
import struct
import sys
from typing import IO, Any

from reviewer.core.checking import run_engine
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, Engine, EngineReport, EngineStatus
from reviewer.engines import create_engine

_PR_SET_PDEATHSIG = 1
_HEADER = struct.Struct("!Q")


def write_message(stream: IO[bytes], message: Any) -> None:
    """Send one message: its length, then its pickle."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def read_message(stream: IO[bytes]) -> Any:
    """Receive one message; EOFError when the other side has gone."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        raise EOFError("the other process closed the pipe")
    size = _HEADER.unpack(header)[0]
    data = stream.read(size)
    if len(data) < size:
        raise EOFError("the other process closed the pipe mid-message")
    return pickle.loads(data)


def main() -> int:
    parent = os.getppid()
    for stop in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the application's to handle
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError, ctypes.ArgumentError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM))
    if os.getppid() != parent:  # the application died before the request took effect
        return 0
    engines: dict[str, Engine] = {}
    requests, replies = sys.stdin.buffer, sys.stdout.buffer
    while True:
        try:
            name, document, options = read_message(requests)
        except EOFError:
            return 0
        write_message(replies, _check(engines, name, document, options))


def _check(
    engines: dict[str, Engine], name: str, document: Document, options: CheckOptions
) -> EngineReport:
    try:
        engine = engines.get(name) or engines.setdefault(name, create_engine(name))
    except Exception as exc:  # reported like any engine failure, never a dead worker
        return EngineReport(name, EngineStatus.UNAVAILABLE, reason=f"{type(exc).__name__}: {exc}")
    return run_engine(engine, document, options)


if __name__ == "__main__":
    raise SystemExit(main())
