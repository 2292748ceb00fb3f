"""`reviewer check`: the JSON contract, the text format and exit codes.

These run the artefacts engine only; the same contract with LanguageTool is covered in
tests/engines/languagetool against the real server.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest

from reviewer.cli import main
from reviewer.commands.check import announce_server_progress
from reviewer.core.engine import Engine
from reviewer.engines.languagetool.server import ServerState, ServerStatus


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_contract_on_the_seed(capsys: pytest.CaptureFixture[str], seed_path: Path) -> None:
    code, out, _ = run_cli(
        capsys, "check", str(seed_path), "--format", "json", "--engines", "artefacts"
    )
    assert code == 0
    report = json.loads(out)
    text = seed_path.read_text(encoding="utf-8").replace("\r\n", "\n")
    assert report["document"] == {
        "path": str(seed_path),
        "language": "en-US",
        "source_language": None,
        "characters": len(text),
        "bilingual": False,
    }
    assert report["document"]["characters"] == 3921
    assert [(e["name"], e["status"]) for e in report["engines"]] == [
        ("artefacts", "ok"),
        ("languagetool", "disabled"),  # left out with --engines
        ("source", "disabled"),
    ]
    assert report["engines"][0]["status"] == "ok"
    sentences = report["sentences"]
    assert [s["index"] for s in sentences] == list(range(len(sentences)))
    cursor = 0
    for sentence in sentences:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
        assert text[cursor : sentence["start"]].strip() == ""
        cursor = sentence["end"]
    assert text[cursor:].strip() == ""
    assert len({s["id"] for s in sentences}) == len(sentences)
    for flag in report["flags"]:
        assert text[flag["start"] : flag["end"]] == flag["text"]
        span = sentences[flag["sentence"]]
        # a flag lies in its sentence, possibly with the whitespace before it (so that a
        # deletion leaves clean text); an insertion point may sit right at its end
        assert text[flag["start"] : span["start"]].strip() == ""
        assert span["start"] - 1 <= flag["start"] <= flag["end"] <= span["end"]
        assert flag["severity"] in {"minor", "major", "critical"}
        assert isinstance(flag["suggestions"], list)
        assert {"rule", "engine", "category", "message"} <= flag.keys()


def test_stdin_is_read_with_dash(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class FakeStdin:
        buffer = __import__("io").BytesIO(b"First sentence. Second one.\r\n")

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    code, out, _ = run_cli(capsys, "check", "-", "--format", "json", "--engines", "artefacts")
    report = json.loads(out)
    assert code == 0
    assert report["document"]["characters"] == len("First sentence. Second one.\n")
    assert [s["text"] for s in report["sentences"]] == ["First sentence.", "Second one."]


def test_text_format_is_one_linter_line_per_flag(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "article.txt"
    path.write_text("Talks resumed.\n\nLeave a Reply\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "check", str(path), "--engines", "artefacts")
    assert code == 0
    code, json_out, _ = run_cli(
        capsys, "check", str(path), "--engines", "artefacts", "--format", "json"
    )
    flags = json.loads(json_out)["flags"]
    assert flags, "the residue line is flagged"
    lines = [line for line in out.splitlines() if not line.startswith(f"{path}: note")]
    assert len(lines) == len(flags)
    for line, flag in zip(lines, flags, strict=True):
        assert line.startswith(f"{path}:{flag['line']}:{flag['column']}: {flag['severity']} ")
        assert f" {flag['rule']}: " in line


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("dir", "is a directory"),
        (b"\x00\x01\x02\x03binary\x00" * 50, "binary"),
        (b"\xff\xfe\x00\xd8", "invalid UTF-16"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_no_traceback(
    tmp_path: Path, content: bytes | str | None, message: str
) -> None:
    path = tmp_path / "input.txt"
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    result = subprocess.run(
        [sys.executable, "-m", "reviewer", "check", str(path), "--engines", "artefacts"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_unknown_engine_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], seed_path: Path
) -> None:
    code, _, err = run_cli(capsys, "check", str(seed_path), "--engines", "grammarly")
    assert code == 2
    assert "unknown engine grammarly" in err


def test_a_misspelt_rule_of_ours_to_switch_off_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], seed_path: Path
) -> None:
    """A typo switched nothing off and said nothing; LanguageTool's ids are its own."""
    code, _, err = run_cli(
        capsys,
        "check",
        str(seed_path),
        "--engines",
        "artefacts",
        "--disable-rules",
        "MT_WEB_RESIDU",
    )
    assert code == 2
    assert err.strip() == (
        "reviewer: error: unknown rule MT_WEB_RESIDU in --disable-rules; did you mean "
        "MT_WEB_RESIDUE?"
    )
    code, out, _ = run_cli(
        capsys,
        "check",
        str(seed_path),
        "--engines",
        "artefacts",
        "--disable-rules",
        "MT_WEB_RESIDUE,MT_STRAY_CAPITAL_POS,SOME_LANGUAGETOOL_RULE",
    )
    assert code == 0 and "MT_WEB_RESIDUE" not in out


def test_a_lower_case_rule_to_switch_off_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], seed_path: Path
) -> None:
    """Rule ids are matched exactly and every engine's are upper case: a lower-case one
    switched nothing off."""
    code, _, err = run_cli(
        capsys,
        "check",
        str(seed_path),
        "--engines",
        "artefacts",
        "--disable-rules",
        "en_quotes",
    )
    assert code == 2
    assert err.strip() == (
        "reviewer: error: unknown rule en_quotes in --disable-rules; did you mean EN_QUOTES?"
    )


def test_empty_file_checks_cleanly(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    code, out, _ = run_cli(capsys, "check", str(path), "--format", "json", "--engines", "artefacts")
    assert code == 0
    report = json.loads(out)
    assert report["sentences"] == [] and report["flags"] == []


WORD_LIST_ARTICLE = (
    "The minister said the reform was muy important for the economy.\n"
    "Forward Carlos Jiménez scored twice. The coach praised Jiménez, and fans chanted for "
    "Jimenez after the match.\n"
    "The the talks ended on Monday.\n"
)


def flags_of(capsys: pytest.CaptureFixture[str], path: Path) -> list[tuple[str, str]]:
    code, out, _ = run_cli(capsys, "check", str(path), "--engines", "artefacts", "--format", "json")
    assert code == 0
    return [(flag["rule"], flag["text"]) for flag in json.loads(out)["flags"]]


def test_check_honours_the_dictionary_and_ignored_flags(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from reviewer.core.wordlists import add_to_dictionary, ignore_everywhere

    path = tmp_path / "article.txt"
    path.write_text(WORD_LIST_ARTICLE, encoding="utf-8")
    before = flags_of(capsys, path)
    rules = [rule for rule, _ in before]
    assert ("MT_UNTRANSLATED", "muy") in before
    assert ("MT_INCONSISTENT_NAME", "Jimenez") in before
    assert "QA_REPEATED_WORD" in rules

    add_to_dictionary("muy")
    add_to_dictionary("Jimenez")
    after_dictionary = flags_of(capsys, path)
    assert after_dictionary == [
        f
        for f in before
        if f not in {("MT_UNTRANSLATED", "muy"), ("MT_INCONSISTENT_NAME", "Jimenez")}
    ]

    repeated = next(f for f in before if f[0] == "QA_REPEATED_WORD")
    ignore_everywhere(*repeated)
    assert flags_of(capsys, path) == [f for f in after_dictionary if f != repeated]

    # the text format and a fresh process (the real command) agree
    result = subprocess.run(
        [sys.executable, "-m", "reviewer", "check", str(path), "--engines", "artefacts"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    for rule in ("MT_UNTRANSLATED", "MT_INCONSISTENT_NAME", "QA_REPEATED_WORD"):
        assert rule not in result.stdout


def test_check_applies_the_team_lists_and_survives_an_unreachable_team_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "article.txt"
    path.write_text(WORD_LIST_ARTICLE, encoding="utf-8")
    team = tmp_path / "team"
    team.mkdir()
    (team / "dictionary.txt").write_text("# shared names\nmuy\n", encoding="utf-8")
    monkeypatch.setenv("REVIEWER_TEAM_FOLDER", str(team))
    assert ("MT_UNTRANSLATED", "muy") not in flags_of(capsys, path)

    monkeypatch.setenv("REVIEWER_TEAM_FOLDER", str(tmp_path / "unmounted"))
    code, out, err = run_cli(capsys, "check", str(path), "--engines", "artefacts")
    assert code == 0
    assert "MT_UNTRANSLATED" in out
    assert err.count("\n") == 1 and "warning: team folder" in err and "unmounted" in err


class _StartingServer:
    """Stands in for the local LanguageTool server: it reports the states a start goes
    through to whoever listens, as `ServerManager.add_listener` does (current state first)."""

    def __init__(self, current: ServerState = ServerState.STOPPED) -> None:
        self.listeners: list[Callable[[ServerStatus], None]] = []
        self.current = ServerStatus(current)

    def add_listener(self, listener: Callable[[ServerStatus], None]) -> Callable[[], None]:
        self.listeners.append(listener)
        listener(self.current)
        return lambda: self.listeners.remove(listener)

    def go_through_a_start(self) -> None:
        for status in (
            ServerStatus(ServerState.STARTING),
            ServerStatus(ServerState.READY, url="http://127.0.0.1:1", start_seconds=3.5),
        ):
            for listener in list(self.listeners):
                listener(status)


def _languagetool_on(server: _StartingServer) -> Engine:
    return cast(Engine, SimpleNamespace(name="languagetool", local_server=lambda: server))


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_hears_the_local_server_start() -> None:
    server = _StartingServer()
    terminal = _Terminal()
    stop = announce_server_progress([_languagetool_on(server)], terminal)
    server.go_through_a_start()
    stop()
    server.go_through_a_start()  # after stop() nothing more is printed
    assert terminal.getvalue().splitlines() == [
        "reviewer: LanguageTool starting server…",
        "reviewer: LanguageTool server ready in 3.5 s",
    ]


def test_a_terminal_hears_nothing_when_the_server_was_already_up() -> None:
    server = _StartingServer(ServerState.READY)
    terminal = _Terminal()
    stop = announce_server_progress([_languagetool_on(server)], terminal)
    stop()
    assert terminal.getvalue() == ""


def test_pipes_and_logs_hear_nothing(tmp_path: Path) -> None:
    """The same start as on a terminal, but stderr is a pipe (a script) or a log file."""
    read_end, write_end = os.pipe()
    with (
        os.fdopen(read_end, "r", encoding="utf-8") as reader,
        os.fdopen(write_end, "w", encoding="utf-8") as pipe,
        (tmp_path / "ci.log").open("w", encoding="utf-8") as log,
    ):
        for stream in (pipe, log):
            server = _StartingServer()
            stop = announce_server_progress([_languagetool_on(server)], stream)
            server.go_through_a_start()
            stop()
        pipe.close()
        assert reader.read() == ""
    assert (tmp_path / "ci.log").read_text(encoding="utf-8") == ""
