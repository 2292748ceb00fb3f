"""`reviewer check --engines languagetool` and `reviewer languagetool install|status`."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.commands.check import announce_server_progress
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, EngineStatus
from reviewer.engines.languagetool.cache import ParagraphCache
from reviewer.engines.languagetool.engine import LanguageToolEngine
from reviewer.engines.languagetool.install import MINIMUM_JAVA, Installation
from reviewer.engines.languagetool.server import ServerManager

pytestmark = pytest.mark.languagetool


def test_check_with_languagetool_only(
    lt_url: str, capsys: pytest.CaptureFixture[str], seed_path: Path
) -> None:
    code = main(["check", "--engines", "languagetool", "--format", "json", str(seed_path)])
    out = capsys.readouterr().out
    assert code == 0
    report = json.loads(out)
    assert [(e["name"], e["status"]) for e in report["engines"]] == [
        ("languagetool", "ok"),
        ("artefacts", "disabled"),  # left out with --engines
        ("source", "disabled"),
    ]
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
    java = re.search(r'^Java: .*\bversion "(\d+)(?:\.(\d+))?', out, re.MULTILINE)
    assert java is not None, out
    major = int(java.group(1))
    if major == 1 and java.group(2):  # "1.8.0_392": Java 8 spelled the old way
        major = int(java.group(2))
    assert major >= MINIMUM_JAVA, out
    assert f"Server: {lt_url}" in out and "answers" in out


def test_status_with_unreachable_url_fails_clearly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("REVIEWER_LANGUAGETOOL_URL", "http://127.0.0.1:9")
    assert main(["languagetool", "status"]) == 1
    assert "does not answer: cannot reach LanguageTool" in capsys.readouterr().out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_terminal_hears_when_the_local_server_starts(lt_installation: Installation) -> None:
    server = ServerManager(lt_installation)
    engine = LanguageToolEngine(server=server, cache=ParagraphCache())
    terminal = _Terminal()
    stop = announce_server_progress([engine], terminal)
    try:
        report = engine.check(Document.from_text("The talks resumed."), CheckOptions())
    finally:
        stop()
        engine.close()
        server.stop()
    assert report.status is EngineStatus.OK
    lines = terminal.getvalue().splitlines()
    assert lines[0] == "reviewer: LanguageTool starting server…"
    assert lines[-1].startswith("reviewer: LanguageTool server ready in ")
