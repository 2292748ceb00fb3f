"""A recorded background LanguageTool that accepts connections but never answers: the short
probe that verifies the record gives up, and `reviewer check` uses its own server instead of
waiting minutes for the hung one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from reviewer.cli import main
from reviewer.engines.languagetool import background
from reviewer.engines.languagetool.background import (
    TOKEN_VARIABLE,
    find_background,
    inspect_background,
    record_path,
)
from reviewer.engines.languagetool.engine import LanguageToolEngine
from reviewer.engines.languagetool.server import ServerManager
from tests.reliability.fake_languagetool import fake_languagetool

TOKEN = "e" * 32


@pytest.fixture
def hung_background() -> Iterator[str]:
    """A valid record (our live process, its token, mode 0600) whose port is a fake server
    that reads each request and then hangs; yields the server's URL."""
    process = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(120)"],
        env={**os.environ, TOKEN_VARIABLE: TOKEN},
    )
    try:
        with fake_languagetool("hang", hang_seconds=60) as url:
            path = record_path()
            path.parent.mkdir(parents=True, exist_ok=True)
            record = {
                "pid": process.pid,
                "port": urlsplit(url).port,
                "token": TOKEN,
                "version": "6.8",
                "idle_seconds": 600.0,
                "started": time.time(),
            }
            path.write_text(json.dumps(record), encoding="utf-8")
            path.chmod(0o600)
            yield url
    finally:
        process.kill()
        process.wait()


def test_a_hanging_background_server_is_not_used_after_a_short_probe(
    hung_background: str,
) -> None:
    began = time.monotonic()
    inspection = inspect_background()
    took = time.monotonic() - began
    assert inspection.problem is not None and "does not answer" in inspection.problem
    assert took < background.PROBE_TIMEOUT_SECONDS + 3, f"the probe waited {took:.1f} s"
    began = time.monotonic()
    assert find_background() is None
    assert LanguageToolEngine().background_url() is None
    assert time.monotonic() - began < 2 * (background.PROBE_TIMEOUT_SECONDS + 3)


@pytest.mark.languagetool
def test_check_falls_back_to_its_own_server_when_the_background_one_hangs(
    hung_background: str,
    shared_local_server: ServerManager,
    capsys: pytest.CaptureFixture[str],
    seed_path: Path,
) -> None:
    began = time.monotonic()
    code = main(["check", str(seed_path), "--engines", "languagetool", "--format", "json"])
    took = time.monotonic() - began
    out, err = capsys.readouterr()
    assert code == 0, err
    engine = json.loads(out)["engines"][0]
    assert engine["status"] == "ok", engine
    assert engine["covers"], "our pattern rules ran: a server of ours answered"
    assert json.loads(out)["flags"], "checked by its own server (the hung one never answers)"
    assert took < 120, f"took {took:.0f} s"
