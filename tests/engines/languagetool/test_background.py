"""The user's warm background server (`reviewer languagetool start|stop|status`): start,
reuse by `reviewer check` and the engine, idle stop, a stale record after a crash, and
records that are not ours (another user's, readable by others, a wrong token) never used."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, EngineStatus
from reviewer.engines.languagetool import background
from reviewer.engines.languagetool.background import (
    TOKEN_VARIABLE,
    find_background,
    inspect_background,
    record_path,
)
from reviewer.engines.languagetool.cache import ParagraphCache
from reviewer.engines.languagetool.engine import LanguageToolEngine
from reviewer.engines.languagetool.install import Installation
from reviewer.engines.languagetool.server import ServerManager, ServerState


def _wait_gone(pid: int, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def started(
    lt_installation: Installation, capsys: pytest.CaptureFixture[str]
) -> Iterator[background.BackgroundRecord]:
    """A background server of this test's own (REVIEWER_RUNTIME_DIR is per test)."""
    assert main(["languagetool", "start", "--idle-minutes", "10"]) == 0, capsys.readouterr()
    capsys.readouterr()
    record = find_background()
    assert record is not None
    yield record
    with contextlib.suppress(ProcessLookupError):
        os.kill(record.pid, signal.SIGTERM)
    _wait_gone(record.pid)


@pytest.mark.languagetool
def test_start_writes_a_private_record_and_a_second_start_reuses_the_server(
    started: background.BackgroundRecord, capsys: pytest.CaptureFixture[str]
) -> None:
    path = record_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["pid"] == started.pid and data["version"] == "6.8"
    assert len(data["token"]) >= 32
    assert main(["languagetool", "start"]) == 0
    out = capsys.readouterr().out
    assert f"pid {started.pid}" in out, "the running server is reused"
    assert main(["languagetool", "status"]) == 0
    out = capsys.readouterr().out
    assert f"Background server: {started.url} (pid {started.pid})" in out
    assert f"Server: the background server answers on {started.url}" in out
    assert main(["languagetool", "stop"]) == 0
    assert "stopped the background server" in capsys.readouterr().out
    assert _wait_gone(started.pid)
    assert not path.exists()
    assert main(["languagetool", "stop"]) == 0
    assert "no background server is running" in capsys.readouterr().out


@pytest.mark.languagetool
def test_check_uses_the_background_server_and_falls_back_when_it_crashes(
    started: background.BackgroundRecord,
    shared_local_server: ServerManager,
    capsys: pytest.CaptureFixture[str],
    seed_path: Path,
) -> None:
    before = record_path().stat().st_mtime
    time.sleep(0.05)
    code = main(["check", str(seed_path), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    lt = report["engines"][0]
    assert (lt["name"], lt["status"], lt["version"]) == ("languagetool", "ok", "6.8")
    assert any(flag["engine"] == "languagetool" for flag in report["flags"])
    assert lt["covers"], "the background server runs our pattern rules"
    assert shared_local_server.state is ServerState.STOPPED, "no server of its own"
    assert record_path().stat().st_mtime > before, "the use restarts the idle clock"

    engine = LanguageToolEngine(cache=ParagraphCache(enabled=False))
    try:
        document = Document.from_file(seed_path)
        options = CheckOptions(language="en-US")
        assert engine.background_url() == started.url
        assert engine.check(document, options).status is EngineStatus.OK
        assert shared_local_server.state is ServerState.STOPPED
        os.kill(started.pid, signal.SIGKILL)  # a crash: the record stays behind
        assert _wait_gone(started.pid)
        assert record_path().exists()
        deadline = time.monotonic() + 30
        while _answers(started.url) and time.monotonic() < deadline:
            time.sleep(0.2)  # Java follows its supervisor (PR_SET_PDEATHSIG)
        report = engine.check(document, options)  # still trusts it for a while: fails over
        assert report.status is EngineStatus.OK, report.reason
        assert report.flags
        assert shared_local_server.state is ServerState.READY, "its own server took over"
    finally:
        engine.close()
    inspection = inspect_background()
    assert inspection.problem is not None and inspection.problem.startswith("stale record")
    assert find_background() is None
    assert main(["languagetool", "stop"]) == 0
    assert "removed a stale record" in capsys.readouterr().out
    assert not record_path().exists()


def _answers(url: str) -> bool:
    from reviewer.engines.languagetool.client import LanguageToolClient

    return LanguageToolClient(url).answers()


@pytest.mark.languagetool
def test_idle_server_stops_by_itself(
    lt_installation: Installation, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["languagetool", "start", "--idle-minutes", "0.05"]) == 0  # 3 s
    record = find_background(touch=False)
    assert record is not None
    assert _wait_gone(record.pid, timeout=30), "the idle server stopped"
    assert not record_path().exists()
    log = (record_path().parent / "languagetool-background.log").read_text(encoding="utf-8")
    assert "stopped: idle for" in log


# -- records that must never be used (no Java needed) ------------------------------------


def _write(record: dict[str, object], mode: int = 0o600) -> Path:
    path = record_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record), encoding="utf-8")
    path.chmod(mode)
    return path


def _record(pid: int, token: str = "a" * 32, port: int = 1) -> dict[str, object]:
    return {
        "pid": pid,
        "port": port,
        "token": token,
        "version": "6.8",
        "idle_seconds": 60.0,
        "started": time.time(),
    }


@pytest.fixture
def tokened_process() -> Iterator[subprocess.Popen[bytes]]:
    """A live process of ours carrying a token in its environment (not a server)."""
    process = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(60)"],
        env={**os.environ, TOKEN_VARIABLE: "b" * 32},
    )
    yield process
    process.kill()
    process.wait()


def test_a_record_readable_by_others_is_refused(tokened_process: subprocess.Popen[bytes]) -> None:
    _write(_record(tokened_process.pid, "b" * 32), mode=0o644)
    inspection = inspect_background()
    assert inspection.problem is not None and "readable by other users" in inspection.problem
    assert find_background() is None


def test_another_users_record_is_refused(
    tokened_process: subprocess.Popen[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(_record(tokened_process.pid, "b" * 32))
    real = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real + 1)  # as seen by a second user
    inspection = inspect_background()
    assert inspection.problem is not None and "another user" in inspection.problem
    assert find_background() is None
    assert LanguageToolEngine().background_url() is None


def test_a_wrong_token_is_refused_and_that_process_is_not_stopped(
    tokened_process: subprocess.Popen[bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    _write(_record(tokened_process.pid, "c" * 32))
    inspection = inspect_background()
    assert inspection.problem is not None and "token mismatch" in inspection.problem
    assert find_background() is None
    assert main(["languagetool", "stop"]) == 1
    assert "token mismatch" in capsys.readouterr().err
    assert tokened_process.poll() is None, "a process we cannot vouch for is left alone"
    assert record_path().exists()


def test_the_right_process_that_does_not_answer_as_languagetool_is_not_used(
    tokened_process: subprocess.Popen[bytes],
) -> None:
    from reviewer.engines.languagetool.server import _free_port

    _write(_record(tokened_process.pid, "b" * 32, port=_free_port()))
    inspection = inspect_background()
    assert inspection.problem is not None and "does not answer" in inspection.problem
    assert find_background() is None


def test_a_stale_record_is_not_used_and_stop_removes_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    _write(_record(process.pid))
    inspection = inspect_background()
    assert inspection.problem is not None and inspection.problem.startswith("stale record")
    assert find_background() is None
    assert main(["languagetool", "stop"]) == 0
    assert "removed a stale record" in capsys.readouterr().out
    assert not record_path().exists()


def test_background_use_can_be_switched_off(
    tokened_process: subprocess.Popen[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REVIEWER_LANGUAGETOOL_BACKGROUND", "off")
    _write(_record(tokened_process.pid, "b" * 32))
    assert find_background() is None


@pytest.mark.languagetool
def test_start_replaces_a_stale_record_left_by_a_crash(
    lt_installation: Installation, capsys: pytest.CaptureFixture[str]
) -> None:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    _write(_record(process.pid, "d" * 32))
    assert main(["languagetool", "start", "--idle-minutes", "1"]) == 0, capsys.readouterr()
    record = find_background(touch=False)
    try:
        assert record is not None
        assert record.pid != process.pid and record.token != "d" * 32
    finally:
        assert main(["languagetool", "stop"]) == 0
    assert record is not None and _wait_gone(record.pid)
    assert not record_path().exists()
