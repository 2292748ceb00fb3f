"""`reviewer check`: the JSON contract, the text format and exit codes.

These run the artefacts engine only; the same contract with LanguageTool is covered in
tests/engines/languagetool against the real server.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.cli import main


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
    }
    assert report["document"]["characters"] == 3921
    assert [e["name"] for e in report["engines"]] == ["artefacts"]
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


def test_empty_file_checks_cleanly(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    code, out, _ = run_cli(capsys, "check", str(path), "--format", "json", "--engines", "artefacts")
    assert code == 0
    report = json.loads(out)
    assert report["sentences"] == [] and report["flags"] == []
