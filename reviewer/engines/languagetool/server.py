"""One LanguageTool server process per MT Reviewer process, started in the background.

The GUI shows the document at once and LanguageTool's flags when the server is ready, so
starting never blocks: `ServerManager.start()` returns immediately and a background thread
launches Java, waits until the server answers, warms the English pipeline, and moves the
state from STARTING to READY (or FAILED with a reason). Listeners are plain callables,
called from that thread; the GUI forwards them to its event loop itself (core code never
imports Qt).

`shared_server()` is the per-process instance: it is stopped at interpreter exit and, when
its process died, `start()` starts a new one. Engines that check with it `acquire()` it and
`release()` it when closed; when the last one lets go the shared server stops, so a window
switched to the user's own server does not keep a gigabyte of idle Java. The GUI's use:

    server = shared_server()
    remove = server.add_listener(lambda status: bridge.state_changed.emit(status))
    server.start()                      # returns at once; READY or FAILED arrives later
    ...
    engine = LanguageToolEngine()       # checks with the same server (waits if still starting)

Skip `start()` when `settings.configured_url()` is set: the engine then uses that server.
"""

from __future__ import annotations

import atexit
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from reviewer.engines.languagetool.client import LanguageToolClient
from reviewer.engines.languagetool.install import (
    Installation,
    InstallError,
    find_installation,
    java_problem_description,
)
from reviewer.engines.languagetool.serverconfig import (
    server_command,
    tuned_properties,
    write_properties,
)
from reviewer.engines.languagetool.spawn import spawn_tied_to_this_process

READY_TIMEOUT_SECONDS = 180.0
POLL_SECONDS = 0.2
START_ATTEMPTS = 3


class ServerState(StrEnum):
    """Where the local server is in its life."""

    STOPPED = "stopped"
    STARTING = "starting"
    READY = "ready"
    FAILED = "failed"


@dataclass(frozen=True)
class ServerStatus:
    """A snapshot handed to listeners: state, URL when ready, reason when failed."""

    state: ServerState
    url: str | None = None
    reason: str | None = None
    start_seconds: float | None = None


Listener = Callable[[ServerStatus], None]


def describe_status(status: ServerStatus) -> str:
    """Words a reviewer understands for each state (status bar, terminal)."""
    if status.state is ServerState.STARTING:
        return "starting server…"
    if status.state is ServerState.READY:
        took = f" in {status.start_seconds:.1f} s" if status.start_seconds else ""
        return f"server ready{took}"
    if status.state is ServerState.FAILED:
        return f"failed: {status.reason or 'unknown reason'}"
    return "server stopped"


class ServerManager:
    """Runs one LanguageTool HTTP server on 127.0.0.1 and a free port; thread-safe.

    `installation` defaults to the one `reviewer languagetool install` made; `properties`
    default to `serverconfig.tuned_properties()`; `warm_language` is checked once before the
    state becomes READY, so the first real check does not pay for building the pipeline.
    With `stop_when_unused`, the `release()` of the last engine that `acquire()`d the server
    stops it.
    """

    def __init__(
        self,
        installation: Installation | None = None,
        properties: dict[str, str] | None = None,
        warm_language: str = "en-US",
        stop_when_unused: bool = False,
    ) -> None:
        self._installation = installation
        self._stop_when_unused = stop_when_unused
        self._users = 0
        self._properties = properties
        self._warm_language = warm_language
        self._lock = threading.RLock()
        self._listeners: list[Listener] = []
        self._status = ServerStatus(ServerState.STOPPED)
        self._process: subprocess.Popen[bytes] | None = None
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None
        self._workdir: tempfile.TemporaryDirectory[str] | None = None
        self._generation = 0
        self._log_path: Path | None = None

    # -- observation -------------------------------------------------------------------

    @property
    def status(self) -> ServerStatus:
        """The current state, URL and failure reason."""
        with self._lock:
            return self._status

    @property
    def state(self) -> ServerState:
        """The current state (STOPPED, STARTING, READY, FAILED)."""
        return self.status.state

    @property
    def url(self) -> str | None:
        """`http://127.0.0.1:PORT` while READY, else None."""
        status = self.status
        return status.url if status.state is ServerState.READY else None

    @property
    def pid(self) -> int | None:
        """The Java process id (tests kill it to simulate a crash)."""
        with self._lock:
            return self._process.pid if self._process is not None else None

    @property
    def users(self) -> int:
        """How many engines hold the server (see `acquire`)."""
        with self._lock:
            return self._users

    @property
    def log_path(self) -> Path | None:
        """The current server's console log (the GUI can offer it when a start failed)."""
        with self._lock:
            return self._log_path

    def add_listener(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(status)` on every state change; returns a function that removes it.

        The listener is called once immediately with the current status, so a GUI that
        subscribes late still shows the right state. Later calls come from the starting
        thread, in order, while the manager's lock is held: a listener must return quickly
        and must not wait for another thread (emitting a queued Qt signal is right).
        """
        with self._lock:
            self._listeners.append(listener)
            current = self._status
        _call_safely(listener, current)

        def remove() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return remove

    # -- control -----------------------------------------------------------------------

    def start(self) -> None:
        """Start the server in the background unless it is starting or running; never blocks.

        A server whose process has exited is marked FAILED and started again.
        """
        with self._lock:
            self._mark_dead_process()
            if self._status.state in (ServerState.STARTING, ServerState.READY):
                return
            self._generation += 1
            generation = self._generation
            self._ready.clear()
            self._set_status(ServerStatus(ServerState.STARTING))
            self._thread = threading.Thread(
                target=self._run_start, args=(generation,), name="languagetool-start", daemon=True
            )
            self._thread.start()

    def wait_ready(self, timeout: float | None = READY_TIMEOUT_SECONDS) -> ServerStatus:
        """Block until READY or FAILED (or the timeout) and return the status then."""
        self._ready.wait(timeout)
        return self.status

    def ensure_ready(self, timeout: float | None = READY_TIMEOUT_SECONDS) -> ServerStatus:
        """Start if needed (or restart a dead server) and wait for the outcome."""
        self.start()
        return self.wait_ready(timeout)

    def is_alive(self) -> bool:
        """True while the Java process runs (a READY state alone can be stale)."""
        with self._lock:
            return self._process is not None and self._process.poll() is None

    def notice_failure(self) -> ServerStatus:
        """Called by a client whose request failed: mark the server FAILED if it died."""
        with self._lock:
            self._mark_dead_process()
            return self._status

    def stop(self) -> None:
        """Terminate the server (waiting briefly) and return to STOPPED."""
        with self._lock:
            process, workdir = self._detach()
        _dispose(process, workdir)

    def acquire(self) -> None:
        """Count one more engine checking with this server (it calls `release()` when closed)."""
        with self._lock:
            self._users += 1

    def release(self) -> None:
        """One engine no longer uses this server; with `stop_when_unused`, the last one stops it.

        Deciding and detaching happen under one lock, so an engine that acquires the server
        meanwhile gets a new server from its next `start()`, never a dying one.
        """
        with self._lock:
            self._users = max(0, self._users - 1)
            if self._users or not self._stop_when_unused:
                return
            if self._process is None and self._status.state is ServerState.STOPPED:
                return
            process, workdir = self._detach()
        _dispose(process, workdir)

    # -- internals ---------------------------------------------------------------------

    def _detach(
        self,
    ) -> tuple[subprocess.Popen[bytes] | None, tempfile.TemporaryDirectory[str] | None]:
        """With the lock held: supersede any start, enter STOPPED, hand back what to dispose."""
        self._generation += 1
        process, self._process = self._process, None
        workdir, self._workdir = self._workdir, None
        self._set_status(ServerStatus(ServerState.STOPPED))
        self._ready.set()
        return process, workdir

    def _run_start(self, generation: int) -> None:
        began = time.perf_counter()
        try:
            url = self._launch_and_wait(generation)
        except _SupersededError:
            return
        except Exception as exc:  # every failure becomes a FAILED state with its reason
            reason = str(exc) if isinstance(exc, _StartError | InstallError) else repr(exc)
            with self._lock:
                if generation == self._generation:
                    process, self._process = self._process, None
                    _terminate(process)
                    self._set_status(ServerStatus(ServerState.FAILED, reason=reason))
                    self._ready.set()
            return
        with self._lock:
            if generation != self._generation:
                return
            self._set_status(
                ServerStatus(ServerState.READY, url=url, start_seconds=time.perf_counter() - began)
            )
            self._ready.set()
            process = self._process
        if process is not None:
            threading.Thread(
                target=self._watch, args=(process,), name="languagetool-watch", daemon=True
            ).start()

    def _watch(self, process: subprocess.Popen[bytes]) -> None:
        """Turn a crash into a FAILED state at once, so the GUI never shows a dead server
        as ready; the next `start()` (every check calls it) starts a new one."""
        process.wait()
        with self._lock:
            if self._process is process:
                self._mark_dead_process()

    def _launch_and_wait(self, generation: int) -> str:
        installation = self._installation or find_installation()
        if installation is None:
            problem = java_problem_description()
            raise _StartError(
                problem
                or "LanguageTool is not installed: run `reviewer languagetool install`"
                " (or set REVIEWER_LANGUAGETOOL_URL to your own server)"
            )
        with self._lock:
            if self._workdir is None:
                self._workdir = tempfile.TemporaryDirectory(prefix="reviewer-languagetool-")
            workdir = Path(self._workdir.name)
        properties = write_properties(
            workdir / "server.properties",
            self._properties if self._properties is not None else tuned_properties(),
        )
        last_error = "no attempt"
        for _attempt in range(START_ATTEMPTS):
            port = _free_port()
            log_path = workdir / f"server-{port}.log"
            with self._lock:
                self._log_path = log_path
            with log_path.open("wb") as log:
                process = spawn_tied_to_this_process(
                    server_command(installation.classpath, port, properties),
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            with self._lock:
                if generation != self._generation:
                    _terminate(process)
                    raise _SupersededError
                self._process = process
            url = f"http://127.0.0.1:{port}"
            client = LanguageToolClient(url)
            deadline = time.monotonic() + READY_TIMEOUT_SECONDS
            while time.monotonic() < deadline:
                if generation != self._generation:
                    raise _SupersededError
                if process.poll() is not None:
                    last_error = _exit_reason(process, log_path)
                    if not _lost_port_race(log_path):
                        raise _StartError(last_error)
                    break  # another program took the port: try a new one
                if client.answers(self._warm_language):  # also warms the pipeline
                    return url
                time.sleep(POLL_SECONDS)
            else:
                raise _StartError(
                    f"LanguageTool did not answer within {READY_TIMEOUT_SECONDS:.0f} s"
                    f" (log: {log_path})"
                )
        raise _StartError(last_error)

    def _mark_dead_process(self) -> None:
        """With the lock held: a READY/STARTING server whose process exited is FAILED."""
        process = self._process
        if process is None or process.poll() is None:
            return
        if self._status.state is ServerState.READY:
            self._process = None
            self._set_status(
                ServerStatus(
                    ServerState.FAILED,
                    reason=f"LanguageTool server exited (code {process.returncode})",
                )
            )
            self._ready.set()

    def _set_status(self, status: ServerStatus) -> None:
        """With the lock held: store and broadcast a new status."""
        if status == self._status:
            return
        self._status = status
        for listener in list(self._listeners):
            _call_safely(listener, status)


class _StartError(Exception):
    """The server could not be started; the message is the user-facing reason."""


class _SupersededError(Exception):
    """A newer start() or a stop() replaced this start attempt."""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _exit_reason(process: subprocess.Popen[bytes], log_path: Path) -> str:
    try:
        lines = log_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    except OSError:
        lines = []
    errors = [line for line in lines if "Exception" in line or "Error" in line]
    detail = (errors or lines or ["no output"])[-1].strip()
    return f"LanguageTool server exited with code {process.returncode}: {detail[:300]}"


def _lost_port_race(log_path: Path) -> bool:
    try:
        log = log_path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return "BindException" in log or "Address already in use" in log


def _terminate(process: subprocess.Popen[bytes] | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def _dispose(
    process: subprocess.Popen[bytes] | None,
    workdir: tempfile.TemporaryDirectory[str] | None,
) -> None:
    _terminate(process)
    if workdir is not None:
        workdir.cleanup()


def _call_safely(listener: Listener, status: ServerStatus) -> None:
    try:
        listener(status)
    except Exception:  # a broken listener must not stop the server from reporting
        import logging

        logging.getLogger(__name__).exception("LanguageTool state listener failed")


_shared: ServerManager | None = None
_shared_lock = threading.Lock()


def shared_server() -> ServerManager:
    """The per-process server (created on first use, stopped at interpreter exit)."""
    global _shared  # noqa: PLW0603  # one server per process is the point
    with _shared_lock:
        if _shared is None:
            _shared = ServerManager(stop_when_unused=True)
            atexit.register(_shared.stop)
        return _shared
