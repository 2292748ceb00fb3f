"""No LanguageTool server outlives the `reviewer` process that started it.

A left-over Java server holds a gigabyte of memory; these tests stop real `reviewer`
processes the ways users do (a `kill`, a closed terminal, quitting) and look for orphans.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewer.engines.languagetool.install import Installation

pytestmark = pytest.mark.languagetool


def java_children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == pid and b"org.languagetool.server.HTTPServer" in cmdline:
            found.append(int(entry.name))
    return found


def wait_for(condition, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return (
        Path(f"/proc/{pid}").exists()
        and "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]
    )


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGHUP])
@pytest.mark.parametrize("mode", ["gui", "check"])
def test_stop_signal_takes_the_java_server_down(
    lt_installation: Installation, seed_copy: Path, stop_signal: int, mode: str
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("REVIEWER_LANGUAGETOOL_URL", None)
    args = (
        [str(seed_copy)]
        if mode == "gui"
        else ["check", "--engines", "languagetool", str(seed_copy)]
    )
    command = [
        sys.executable,
        "-c",
        "from reviewer.cli import main; raise SystemExit(main())",
        *args,
    ]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    servers: list[int] = []
    try:
        assert wait_for(lambda: java_children(process.pid), 60), "the server was never started"
        servers = java_children(process.pid)
        (java,) = servers
        process.send_signal(stop_signal)
        process.wait(timeout=30)
        assert wait_for(lambda: not alive(java), 20), "the Java server outlived reviewer"
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for pid in servers:  # an orphan is no longer our child: kill what we saw
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize("violent_signal", [signal.SIGKILL, signal.SIGABRT])
def test_even_a_killed_or_crashed_reviewer_takes_the_server_down(
    lt_installation: Installation, seed_path: Path, violent_signal: int
) -> None:
    """No handler runs on SIGKILL or a native crash; the kernel ends the child (setpriv)."""
    env = {**os.environ}
    env.pop("REVIEWER_LANGUAGETOOL_URL", None)
    command = [
        sys.executable,
        "-c",
        "from reviewer.cli import main; raise SystemExit(main())",
        "check",
        "--engines",
        "languagetool",
        str(seed_path),
    ]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    servers: list[int] = []
    try:
        assert wait_for(lambda: java_children(process.pid), 60), "the server was never started"
        servers = java_children(process.pid)
        process.send_signal(violent_signal)
        process.wait(timeout=30)
        assert wait_for(lambda: not any(alive(pid) for pid in servers), 20), (
            "the Java server outlived a killed reviewer"
        )
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for pid in servers:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
