"""LanguageTool misbehaving: the check completes, LanguageTool `unavailable`, the artefacts
flags intact, in bounded time. A fake server (127.0.0.1, in a thread) answers HTTP 500,
garbage, or hangs past the client's read timeout."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from reviewer.engines.languagetool import client
from tests.reliability.fake_languagetool import fake_languagetool
from tests.reliability.helpers import run_cli

TEXT = (
    "Mr. Pompeo He refused the the offer.  Leave a Reply\n"
    "The minister said the plan was good.\n"
    "A third paragraph follows here, with its own words.\n"
)


@pytest.fixture
def text_path(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _flags(report: dict[str, object]) -> list[tuple[object, ...]]:
    flags = report["flags"]
    assert isinstance(flags, list)
    return [(f["rule"], f["start"], f["end"], f["text"]) for f in flags]


@pytest.mark.parametrize("mode", ["http-500", "garbage", "wrong-json", "bad-matches", "hang"])
def test_a_misbehaving_server_leaves_languagetool_unavailable_and_the_rest_intact(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    text_path: Path,
    mode: str,
) -> None:
    code, out, err = run_cli(
        capsys, "check", str(text_path), "--engines", "artefacts", "--format", "json"
    )
    assert code == 0, err
    expected = _flags(json.loads(out))
    assert expected  # the artefacts engine has something to say about TEXT

    monkeypatch.setattr(client, "READ_TIMEOUT_SECONDS", 1.0)
    with fake_languagetool(mode) as url:
        monkeypatch.setenv("REVIEWER_LANGUAGETOOL_URL", url)
        began = time.monotonic()
        code, out, err = run_cli(capsys, "check", str(text_path), "--format", "json")
        elapsed = time.monotonic() - began
    assert code == 0, err
    assert "Traceback" not in err
    assert elapsed < 20, f"the check took {elapsed:.1f} s"
    report = json.loads(out)
    engines = {e["name"]: e for e in report["engines"]}
    assert engines["languagetool"]["status"] == "unavailable"
    reason = engines["languagetool"]["reason"]
    assert reason and "\n" not in reason
    if mode != "bad-matches":  # malformed matches surface as the mapping's own TypeError
        assert url in reason
    assert engines["artefacts"]["status"] == "ok"
    assert _flags(report) == expected
