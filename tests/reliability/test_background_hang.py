"""A recorded background LanguageTool that accepts connections but never answers: the short
probe that verifies the record gives up, and `reviewer check` uses its own server instead of
waiting minutes for the hung one. One that answers the probe and then hangs on the real
checks: the check gives up on it after `background.read_timeout` (not the 180 s other servers
get), checks with its own server, never asks the hung one again in that run, and says so once
on stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from reviewer.cli import main
from reviewer.engines.languagetool import background, client
from reviewer.engines.languagetool.background import (
    TOKEN_VARIABLE,
    find_background,
    inspect_background,
    record_path,
)
from reviewer.engines.languagetool.engine import BATCH_MAX_CHARS, LanguageToolEngine
from reviewer.engines.languagetool.server import ServerManager
from tests.reliability.fake_languagetool import fake_languagetool

TOKEN = "e" * 32


@pytest.fixture
def hung_background() -> Iterator[str]:
    """A valid record (our live process, its token, mode 0600) whose port is a fake server
    that reads each request and then hangs; yields the server's URL."""
    with _recorded_fake("hang", hang_seconds=60, received=None) as url:
        yield url


@pytest.fixture
def probe_then_hang() -> Iterator[list[str]]:
    """A valid record whose fake server answers the probe as LanguageTool 6.8 and hangs on
    every other check, longer than the 180 s read timeout of other servers (released when
    the test ends); yields the texts it received."""
    received: list[str] = []
    with (
        pytest.MonkeyPatch.context() as patch,
        _recorded_fake("hang-after-probe", hang_seconds=600, received=received),
    ):
        patch.setenv("REVIEWER_LANGUAGETOOL_CACHE", "off")  # no paragraph from earlier tests
        yield received


@contextmanager
def _recorded_fake(mode: str, hang_seconds: float, received: list[str] | None) -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(600)"],
        env={**os.environ, TOKEN_VARIABLE: TOKEN},
    )
    try:
        with fake_languagetool(mode, hang_seconds=hang_seconds, received=received) as url:
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


def test_the_background_servers_read_timeout_grows_with_the_text_far_below_the_default() -> None:
    short, largest = background.read_timeout(200), background.read_timeout(BATCH_MAX_CHARS)
    assert background.PROBE_TIMEOUT_SECONDS < short < largest
    assert largest < client.READ_TIMEOUT_SECONDS / 4
    assert background.read_timeout(4 * BATCH_MAX_CHARS) > largest


def _fallback_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if "background server" in line]


@pytest.mark.languagetool
def test_a_background_server_that_hangs_mid_check_is_replaced_by_a_private_one(
    probe_then_hang: list[str],
    shared_local_server: ServerManager,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    seed_path: Path,
) -> None:
    assert find_background() is not None, "the record verifies: the probe is answered"
    code = main(["check", str(seed_path), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    report = json.loads(out)
    engines = {engine["name"]: engine for engine in report["engines"]}
    lt = engines["languagetool"]
    assert lt["status"] == "ok", lt
    assert lt["covers"], "our pattern rules ran: a server of ours answered"
    assert any(flag["engine"] == "languagetool" for flag in report["flags"])
    assert any(text != "." for text in probe_then_hang), "the background server was asked"
    lines = _fallback_lines(err)
    assert len(lines) == 1, err
    assert lines[0].startswith("reviewer: warning: languagetool: the background server at ")
    assert "did not answer" in lines[0] and "private server" in lines[0]

    monkeypatch.setenv("REVIEWER_LANGUAGETOOL_BACKGROUND", "off")
    assert main(["check", str(seed_path), "--format", "json"]) == 0
    without_background = json.loads(capsys.readouterr().out)
    assert [engine["status"] for engine in without_background["engines"]] == [
        engine["status"] for engine in report["engines"]
    ]
    assert report["flags"] == without_background["flags"], (
        "every engine's flags are those of a check that never met the hung server"
    )


@pytest.mark.languagetool
def test_in_a_batch_the_hung_background_server_is_left_for_the_rest_of_the_run(
    probe_then_hang: list[str],
    shared_local_server: ServerManager,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(
            f"Document {name} was sentt to the ofice yesterday.\n", encoding="utf-8"
        )
    code = main(
        ["check", str(tmp_path), "--engines", "languagetool", "--jobs", "1", "--format", "jsonl"]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    documents = [json.loads(line) for line in out.splitlines()]
    assert [entry["engines"][0]["status"] for entry in documents] == ["ok"] * 3, documents
    assert all(entry["flags"] for entry in documents), "each checked by a real server"
    checks = [text for text in probe_then_hang if text != "."]
    assert checks and all("Document a" in text for text in checks), (
        "after the first file's timeout the hung server is never asked again"
    )
    assert len(_fallback_lines(err)) == 1, err
