"""`reviewer check --engines languagetool` and `reviewer languagetool install|status`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.engines.languagetool.install import Installation

pytestmark = pytest.mark.languagetool


def test_check_with_languagetool_only(
    lt_url: str, capsys: pytest.CaptureFixture[str], seed_path: Path
) -> None:
    code = main(["check", "--engines", "languagetool", "--format", "json", str(seed_path)])
    out = capsys.readouterr().out
    assert code == 0
    report = json.loads(out)
    assert [e["name"] for e in report["engines"]] == ["languagetool"]
    assert report["engines"][0]["status"] == "ok"
    assert report["engines"][0]["version"] == "6.8"
    text = seed_path.read_text(encoding="utf-8")
    assert report["flags"]
    for flag in report["flags"]:
        assert flag["engine"] == "languagetool"
        assert text[flag["start"] : flag["end"]] == flag["text"]
        assert flag["severity"] in {"minor", "major", "critical"}
        assert len(flag["suggestions"]) <= 5


def test_check_options_pass_through_the_cli(
    lt_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "l2.txt"
    path.write_text("We had more sales as last year. Thiss is bad.\n", encoding="utf-8")
    args = ["check", "--engines", "languagetool", "--format", "json", str(path)]
    main([*args, "--source-language", "de", "--disable-categories", "TYPOS"])
    rules = {flag["rule"] for flag in json.loads(capsys.readouterr().out)["flags"]}
    assert "L2_THAN_AS" in rules
    assert "MORFOLOGIK_RULE_EN_US" not in rules


def test_install_is_idempotent(
    lt_installation: Installation, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["languagetool", "install"]) == 0
    assert "already installed" in capsys.readouterr().out


def test_status_reports_version_location_java_and_server(
    lt_url: str, lt_installation: Installation, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["languagetool", "status"]) == 0
    out = capsys.readouterr().out
    assert "LanguageTool version: 6.8" in out
    assert str(lt_installation.directory) in out
    assert ("Java: " in out and "17" in out) or "Java: openjdk" in out
    assert f"Server: {lt_url}" in out and "answers" in out


def test_status_with_unreachable_url_fails_clearly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("REVIEWER_LANGUAGETOOL_URL", "http://127.0.0.1:9")
    assert main(["languagetool", "status"]) == 1
    assert "does not answer: cannot reach LanguageTool" in capsys.readouterr().out
