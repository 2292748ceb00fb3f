"""`reviewer check`: what the engine entries and stderr say beyond the flags."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.cli import main

NOTICES = [
    "no false-friend list for nl; MT_FALSE_FRIEND is off",
    "no untranslated-word list for nl; MT_UNTRANSLATED is off",
]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text("The talks resumed on Monday.\n", encoding="utf-8")
    return path


def test_an_engine_left_out_with_engines_is_listed_as_disabled(
    capsys: pytest.CaptureFixture[str], article: Path
) -> None:
    assert main(["check", str(article), "--engines", "artefacts", "--format", "json"]) == 0
    engines = {e["name"]: e for e in json.loads(capsys.readouterr().out)["engines"]}
    assert engines["artefacts"]["status"] == "ok"
    assert engines["languagetool"]["status"] == "disabled"
    assert engines["languagetool"]["flag_count"] == 0


def test_a_source_language_without_lists_is_said_in_json_and_on_stderr(
    capsys: pytest.CaptureFixture[str], article: Path
) -> None:
    args = ["check", str(article), "--engines", "artefacts", "--source-language", "nl"]
    assert main([*args, "--format", "json"]) == 0
    out, err = capsys.readouterr()
    (artefacts,) = [e for e in json.loads(out)["engines"] if e["name"] == "artefacts"]
    assert artefacts["notices"] == NOTICES
    assert err == ""  # JSON to a pipe: stderr stays quiet (not a terminal)
    assert main(args) == 0  # the text format always says it
    _, err = capsys.readouterr()
    assert err.splitlines() == [f"reviewer: note: artefacts: {notice}" for notice in NOTICES]
    assert main(["check", str(article), "--engines", "artefacts", "--source-language", "es"]) == 0
    assert capsys.readouterr().err == ""


def test_json_on_a_terminal_says_it_on_stderr(article: Path) -> None:
    """A pseudo-terminal as stderr, as a reviewer running the command sees it."""
    leader, follower = pty.openpty()
    try:
        result = subprocess.run(
            [
                *(sys.executable, "-m", "reviewer", "check", str(article)),
                *("--engines", "artefacts", "--source-language", "nl", "--format", "json"),
            ],
            stdout=subprocess.PIPE,
            stderr=follower,
            check=False,
            timeout=60,
        )
        os.close(follower)
        follower = -1
        said = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            said += chunk
    finally:
        if follower >= 0:
            os.close(follower)
        os.close(leader)
    assert result.returncode == 0
    assert json.loads(result.stdout)["engines"][0]["notices"] == NOTICES
    assert said.decode().splitlines() == [
        f"reviewer: note: artefacts: {notice}" for notice in NOTICES
    ]
