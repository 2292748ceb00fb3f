"""Start the Java server so that it dies with us, even when we crash or are SIGKILLed.

`atexit` and the stop-signal handlers cover a normal exit, Ctrl+C, `kill` and a closed
terminal, but not `kill -9` or a crash inside a native library (Qt can abort the process).
Linux can send a child a signal when its parent dies (PR_SET_PDEATHSIG); util-linux's
`setpriv --pdeathsig TERM` sets it right before it executes Java, so no Python runs between
fork and exec. The kernel sends that signal when the *thread* that forked exits, not the
process, so every server is forked from one daemon thread that lives as long as we do.
Where `setpriv` is missing (macOS, minimal containers) the server is started plainly.
"""

from __future__ import annotations

import queue
import shutil
import subprocess
import threading
from concurrent.futures import Future
from functools import cache
from typing import Any, cast

_Request = tuple[list[str], dict[str, Any], "Future[subprocess.Popen[bytes]]"]
_requests: queue.SimpleQueue[_Request] = queue.SimpleQueue()
_spawner_lock = threading.Lock()
_spawner: threading.Thread | None = None


def spawn_tied_to_this_process(
    command: list[str], **popen_arguments: Any
) -> subprocess.Popen[bytes]:
    """`subprocess.Popen(command, ...)`, with the child ended when this process ends."""
    wrapper = _pdeathsig_wrapper()
    if wrapper is None:
        return subprocess.Popen(command, **popen_arguments)
    result: Future[subprocess.Popen[bytes]] = Future()
    _ensure_spawner()
    _requests.put(([*wrapper, *command], popen_arguments, result))
    return result.result()


@cache
def _pdeathsig_wrapper() -> list[str] | None:
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    try:
        usage = subprocess.run(
            [setpriv, "--help"], capture_output=True, text=True, timeout=5, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return [setpriv, "--pdeathsig", "TERM", "--"] if "--pdeathsig" in usage else None


def _ensure_spawner() -> None:
    global _spawner  # noqa: PLW0603  # one thread per process, started on first use
    with _spawner_lock:
        if _spawner is None or not _spawner.is_alive():
            _spawner = threading.Thread(target=_serve, name="languagetool-spawner", daemon=True)
            _spawner.start()


def _serve() -> None:
    while True:
        command, arguments, result = _requests.get()
        try:
            # the server's output goes to a log file: a bytes-mode Popen
            result.set_result(
                cast("subprocess.Popen[bytes]", subprocess.Popen(command, **arguments))
            )
        except BaseException as exc:  # hand every failure back to the caller
            result.set_exception(exc)
