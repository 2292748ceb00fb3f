"""A warm LanguageTool server shared by the user's commands: `reviewer languagetool start`.

Every `reviewer check` otherwise starts its own Java server (seconds) for a check that takes a
fraction of one. `start` launches a small supervisor process, detached from the terminal,
that runs one server on 127.0.0.1 and a free port (the same jars, rules and properties as the
local server) and writes a record, `languagetool.json` in the user's runtime folder
(`platformdirs.user_runtime_dir("mt-reviewer")`, `REVIEWER_RUNTIME_DIR` overrides it), mode
0600: the supervisor's pid, the port, the version and a random token. The supervisor stops
the server and removes the record when nobody used it for the idle time (default 30 min),
on `reviewer languagetool stop` (SIGTERM) and when Java dies; Java is tied to it.

This is the deliberate exception to "the server dies with reviewer". A record is trusted
(`find_background`) only when all of these hold, so a stale record (crash, reboot, a pid
reused) or another user's is never used: the file is a regular file owned by this user and
readable by nobody else; its process is alive, owned by this user, and carries the record's
token in its environment (`/proc/PID/environ`, readable only by its owner); and the port
answers a check as LanguageTool of our version. Users of the server touch the record; its
modification time is the supervisor's idle clock.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import signal
import stat
import subprocess
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from reviewer.engines.languagetool import LANGUAGETOOL_VERSION
from reviewer.engines.languagetool.client import LanguageToolClient, LanguageToolError

RUNTIME_VARIABLE = "REVIEWER_RUNTIME_DIR"
"""Overrides the folder holding the background server's record (tests use their own)."""

BACKGROUND_VARIABLE = "REVIEWER_LANGUAGETOOL_BACKGROUND"
"""Set to `off` to never use a background server (always the command's own server)."""

IDLE_VARIABLE = "REVIEWER_LANGUAGETOOL_IDLE_MINUTES"
"""Default idle time before the background server stops (`start --idle-minutes` wins)."""

TOKEN_VARIABLE = "REVIEWER_BACKGROUND_TOKEN"
RECORD_NAME = "languagetool.json"
DEFAULT_IDLE_MINUTES = 30.0
START_TIMEOUT_SECONDS = 180.0
PROBE_TIMEOUT_SECONDS = 3.0
"""How long the check that verifies a recorded server may take (a warm server answers in
milliseconds): one that accepts connections but hangs is not used, the command falls back
to its own server instead of waiting for it."""
READ_BASE_SECONDS = 10.0
READ_SECONDS_PER_1000_CHARS = 2.0


def read_timeout(characters: int) -> float:
    """How long a check of `characters` characters may wait for the background server's
    answer before the command gives up on it and checks with its own server instead:
    READ_BASE_SECONDS + READ_SECONDS_PER_1000_CHARS per 1,000 characters (11 s for a short
    paragraph, 20 s for the engine's largest batch of 5,000 characters), not the 180 s
    (`client.READ_TIMEOUT_SECONDS`) a user's or our own server gets.

    Why these numbers. The background server is warm by definition (it answered the probe):
    on the 2-core development machine under a load of about 4 it checked fresh English at
    3,700-5,200 characters/s (a 5,000-character batch in 1.0-1.3 s) and its slowest request,
    the first after start-up, took 1.8 s for 2,000 characters. A batch shares the server's
    check threads with the other requests of the check (and of `--jobs` other files), so an
    answer may wait behind a few others: the limit leaves 8x or more over the slowest answer
    measured, in proportion to the text, so a slow but working server is never abandoned.
    Waiting much longer buys nothing: falling back costs starting our own server, 7 s on a
    quiet machine and 14 s under load, so after 10-20 s without an answer a hung server has
    already cost more than the fallback, while 180 s made a hung server look like
    "LanguageTool unavailable" three minutes later.
    """
    return READ_BASE_SECONDS + READ_SECONDS_PER_1000_CHARS * characters / 1000


@dataclass(frozen=True)
class BackgroundRecord:
    """What the record file says."""

    pid: int
    port: int
    token: str
    version: str
    idle_seconds: float
    started: float

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@dataclass(frozen=True)
class Inspection:
    """The record (if any could be read) and why it cannot be used (None: usable)."""

    record: BackgroundRecord | None
    problem: str | None
    last_used: float | None = None


def runtime_dir() -> Path:
    """The user's runtime folder for reviewer (not created here)."""
    override = os.environ.get(RUNTIME_VARIABLE)
    if override:
        return Path(override)
    import platformdirs

    with warnings.catch_warnings():  # "XDG_RUNTIME_DIR is not set, falling back to /tmp/..."
        warnings.simplefilter("ignore")
        return Path(platformdirs.user_runtime_dir("mt-reviewer"))


def record_path() -> Path:
    """Where the background server's record lives."""
    return runtime_dir() / RECORD_NAME


def background_enabled() -> bool:
    """False when the user switched the background server's use off."""
    value = os.environ.get(BACKGROUND_VARIABLE, "").strip().lower()
    return value not in {"0", "off", "no", "false"}


def idle_minutes_default() -> float:
    """The idle time `start` uses without `--idle-minutes`."""
    try:
        return float(os.environ.get(IDLE_VARIABLE, "") or DEFAULT_IDLE_MINUTES)
    except ValueError:
        return DEFAULT_IDLE_MINUTES


def inspect_background(path: Path | None = None, verify_server: bool = True) -> Inspection:
    """Read and verify the record; `problem` says why it cannot be used."""
    path = path or record_path()
    try:
        info = path.lstat()
    except FileNotFoundError:
        return Inspection(None, "not running")
    except OSError as exc:
        return Inspection(None, f"cannot read {path}: {exc.strerror}")
    if not stat.S_ISREG(info.st_mode):
        return Inspection(None, f"{path} is not a regular file")
    if info.st_uid != os.getuid():
        return Inspection(None, f"{path} belongs to another user (uid {info.st_uid})")
    if info.st_mode & 0o077:
        return Inspection(None, f"{path} is readable by other users (mode {info.st_mode:o})")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        record = BackgroundRecord(
            pid=int(data["pid"]),
            port=int(data["port"]),
            token=str(data["token"]),
            version=str(data["version"]),
            idle_seconds=float(data["idle_seconds"]),
            started=float(data["started"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return Inspection(None, f"{path} is not a background server record")
    problem = _process_problem(record)
    if problem is None and verify_server:
        problem = _server_problem(record)
    return Inspection(record, problem, info.st_mtime)


def find_background(touch: bool = True) -> BackgroundRecord | None:
    """The user's verified background server, or None; `touch` marks it as used now."""
    if not background_enabled():
        return None
    inspection = inspect_background()
    if inspection.problem is not None or inspection.record is None:
        return None
    if touch:
        with contextlib.suppress(OSError):
            os.utime(record_path())
    return inspection.record


def touch_background() -> None:
    """Mark the background server as used (its idle clock starts again)."""
    with contextlib.suppress(OSError):
        os.utime(record_path())


def _process_problem(record: BackgroundRecord) -> str | None:
    try:
        os.kill(record.pid, 0)
    except ProcessLookupError:
        return f"stale record: process {record.pid} is not running"
    except PermissionError:
        return f"process {record.pid} belongs to another user"
    proc = Path(f"/proc/{record.pid}")
    try:
        if proc.stat().st_uid != os.getuid():
            return f"process {record.pid} belongs to another user"
        environment = (proc / "environ").read_bytes().split(b"\0")
    except OSError:
        return f"cannot verify process {record.pid} (no /proc)"
    if f"{TOKEN_VARIABLE}={record.token}".encode() not in environment:
        return f"process {record.pid} is not the recorded server (token mismatch)"
    return None


def _server_problem(record: BackgroundRecord) -> str | None:
    try:
        response = LanguageToolClient(record.url, read_timeout=PROBE_TIMEOUT_SECONDS).check(
            ".", {"language": "en-US"}
        )
    except LanguageToolError as exc:
        return f"the recorded server does not answer: {exc}"
    if response.version != LANGUAGETOOL_VERSION:
        return (
            f"the server on port {record.port} answers as LanguageTool"
            f" {response.version or '?'}, not {LANGUAGETOOL_VERSION}"
        )
    return None


# -- start and stop (the `reviewer languagetool` commands) --------------------------------


class BackgroundError(Exception):
    """Starting or stopping failed; the message is one line for the user."""


def start_background(idle_minutes: float, timeout: float = START_TIMEOUT_SECONDS) -> Inspection:
    """Start the supervisor unless a verified server runs; wait until its record verifies.

    A stale record (its process gone) is removed first; a record that is not ours or not
    verifiable is left alone and reported.
    """
    current = inspect_background()
    if current.problem is None:
        return current
    folder = _private_runtime_dir()
    path = folder / RECORD_NAME
    if current.record is not None:
        if not current.problem.startswith("stale record") and not current.problem.startswith(
            "the recorded server does not answer"
        ):
            raise BackgroundError(f"a background server record is in the way: {current.problem}")
        _remove_record(path, current.record.token)
    token = secrets.token_hex(16)
    log_path = folder / "languagetool-background.log"
    environment = {**os.environ, TOKEN_VARIABLE: token}
    with log_path.open("ab") as log:
        os.chmod(log_path, 0o600)
        process = subprocess.Popen(  # our own module, fixed arguments
            [
                sys.executable,
                "-m",
                "reviewer.engines.languagetool.background",
                "--idle-seconds",
                str(idle_minutes * 60),
                "--record",
                str(path),
            ],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=environment,
            start_new_session=True,  # not ended by the terminal's hang-up or Ctrl+C
        )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BackgroundError(
                f"the background server did not start (exit {process.returncode}; log:"
                f" {log_path}): {_last_line(log_path)}"
            )
        inspection = inspect_background(path)
        record = inspection.record
        if record is not None and record.token == token and inspection.problem is None:
            return inspection
        time.sleep(0.2)
    process.terminate()
    raise BackgroundError(f"the background server did not start within {timeout:.0f} s")


def stop_background(timeout: float = 20.0) -> str:
    """Stop the verified background server; remove a stale record. Returns what happened."""
    path = record_path()
    inspection = inspect_background(path, verify_server=False)
    record = inspection.record
    if record is None:
        if inspection.problem == "not running":
            return "no background server is running"
        raise BackgroundError(inspection.problem or "unreadable record")
    if inspection.problem is not None:
        if inspection.problem.startswith("stale record"):
            _remove_record(path, record.token)
            return f"no background server is running (removed a {inspection.problem})"
        raise BackgroundError(f"not stopping it: {inspection.problem}")
    os.kill(record.pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(record.pid, 0)
        except ProcessLookupError:
            break
        _reap(record.pid)
        time.sleep(0.1)
    else:
        raise BackgroundError(f"process {record.pid} did not stop within {timeout:.0f} s")
    _remove_record(path, record.token)
    return f"stopped the background server on port {record.port} (pid {record.pid})"


def _reap(pid: int) -> None:
    """Collect the supervisor if it is our own child (`start` then `stop` in one process)."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def _private_runtime_dir() -> Path:
    folder = runtime_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = folder.stat()
    if info.st_uid != os.getuid():
        raise BackgroundError(f"{folder} belongs to another user")
    if info.st_mode & 0o077:
        os.chmod(folder, 0o700)
    return folder


def _remove_record(path: Path, token: str) -> None:
    """Remove the record if it is still the one with `token` (never a newer server's)."""
    try:
        if json.loads(path.read_text(encoding="utf-8")).get("token") == token:
            path.unlink()
    except (OSError, ValueError, AttributeError):
        pass


def _write_record(path: Path, record: BackgroundRecord) -> None:
    """Write the record atomically, mode 0600 from the start."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(record.__dict__, handle)
    os.replace(temporary, path)


def _last_line(path: Path) -> str:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    except OSError:
        return ""
    return lines[-1] if lines else ""


# -- the supervisor process ----------------------------------------------------------------


def serve(record: Path, idle_seconds: float) -> int:
    """Run the server until idle, stopped or dead; the record exists while it is usable."""
    from urllib.parse import urlsplit

    from reviewer.engines.languagetool.server import ServerManager, ServerState

    token = os.environ.get(TOKEN_VARIABLE, "")
    if not token:
        print("reviewer: error: no token given", file=sys.stderr)
        return 2
    manager = ServerManager()
    stopping = False

    def on_signal(_signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    status = manager.ensure_ready()
    if status.state is not ServerState.READY or status.url is None:
        print(f"reviewer: error: LanguageTool did not start: {status.reason}", file=sys.stderr)
        manager.stop()
        return 1
    port = urlsplit(status.url).port or 0
    _write_record(
        record,
        BackgroundRecord(
            pid=os.getpid(),
            port=port,
            token=token,
            version=LANGUAGETOOL_VERSION,
            idle_seconds=idle_seconds,
            started=time.time(),
        ),
    )
    print(f"background LanguageTool ready on {status.url} (pid {os.getpid()})", flush=True)
    poll = max(0.2, min(5.0, idle_seconds / 4))
    reason = "stopped"
    try:
        while not stopping:
            time.sleep(poll)
            if not manager.is_alive():
                reason = "LanguageTool exited"
                break
            try:
                idle = time.time() - record.stat().st_mtime
                current = json.loads(record.read_text(encoding="utf-8")).get("token")
            except (OSError, ValueError, AttributeError):
                reason = "record removed"
                break
            if current != token:
                reason = "record replaced by another server"
                break
            if idle > idle_seconds:
                reason = f"idle for {idle:.0f} s"
                break
    finally:
        _remove_record(record, token)
        manager.stop()
    print(f"background LanguageTool stopped: {reason}", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    """`python -m reviewer.engines.languagetool.background` (started by `start_background`)."""
    parser = argparse.ArgumentParser(prog="reviewer-languagetool-background")
    parser.add_argument("--idle-seconds", type=float, required=True)
    parser.add_argument("--record", required=True)
    args = parser.parse_args(argv)
    return serve(Path(args.record), args.idle_seconds)


if __name__ == "__main__":
    raise SystemExit(main())
