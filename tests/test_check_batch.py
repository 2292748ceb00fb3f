"""`reviewer check PATH...`: several files and folders in one call, JSON/JSONL shapes,
unreadable inputs, the summary line and `--fail-on` exit codes (artefacts engine only; the
same with LanguageTool is in tests/engines/languagetool/test_batch.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.cli import main

CLEAN = "The committee met on Tuesday. It approved the budget.\n"


def timeless(value: object) -> object:
    """The report without engines' timings (the only field that differs between runs)."""
    if isinstance(value, dict):
        return {k: timeless(v) for k, v in value.items() if k != "seconds"}
    if isinstance(value, list):
        return [timeless(v) for v in value]
    return value


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def corpus(tmp_path: Path, seed_path: Path) -> Path:
    """A folder: the seed at the top and in a subfolder, a clean text, files to skip."""
    folder = tmp_path / "batch"
    (folder / "sub").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    shutil.copyfile(seed_path, folder / "a_seed.txt")
    shutil.copyfile(seed_path, folder / "sub" / "c_seed.txt")
    (folder / "b_clean.txt").write_text(CLEAN, encoding="utf-8")
    (folder / "notes.md").write_text("Not checked by default.\n", encoding="utf-8")
    (folder / ".hidden" / "x.txt").write_text("Hidden.\n", encoding="utf-8")
    return folder


def test_folder_json_has_one_entry_per_file_each_with_the_single_file_contract(
    capsys: pytest.CaptureFixture[str], corpus: Path, seed_path: Path
) -> None:
    code, out, err = run_cli(
        capsys, "check", str(corpus), "--format", "json", "--engines", "artefacts"
    )
    assert code == 0
    documents = json.loads(out)["documents"]
    assert [d["document"]["path"] for d in documents] == [
        str(corpus / "a_seed.txt"),
        str(corpus / "b_clean.txt"),
        str(corpus / "sub" / "c_seed.txt"),
    ]
    code, single, _ = run_cli(
        capsys, "check", str(seed_path), "--format", "json", "--engines", "artefacts"
    )
    expected = json.loads(single)
    for entry in (documents[0], documents[2]):
        assert entry.keys() == expected.keys()
        assert timeless(entry["engines"]) == timeless(expected["engines"])
        assert entry["sentences"] == expected["sentences"]
        assert entry["flags"] == expected["flags"]
    assert documents[1]["flags"] == []
    assert err.strip().splitlines()[-1].startswith("reviewer: 3 files, ")


def test_include_filters_folder_files_but_named_files_are_always_checked(
    capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    code, out, _ = run_cli(
        capsys,
        "check",
        str(corpus),
        str(corpus / "b_clean.txt"),
        "--include",
        "*.md,b_*.txt",
        "--format",
        "json",
        "--engines",
        "artefacts",
    )
    assert code == 0
    paths = [d["document"]["path"] for d in json.loads(out)["documents"]]
    assert paths == [str(corpus / "b_clean.txt"), str(corpus / "notes.md")]


def test_jsonl_streams_one_compact_document_per_line(
    capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    code, out, _ = run_cli(
        capsys, "check", str(corpus), "--format", "jsonl", "--engines", "artefacts", "--jobs", "2"
    )
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 3
    entries = [json.loads(line) for line in lines]
    assert {e["document"]["path"] for e in entries} == {
        str(corpus / "a_seed.txt"),
        str(corpus / "b_clean.txt"),
        str(corpus / "sub" / "c_seed.txt"),
    }
    assert all({"document", "engines", "sentences", "flags"} <= e.keys() for e in entries)


def test_text_lines_name_each_file_in_input_order(
    capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    code, out, err = run_cli(capsys, "check", str(corpus), "--engines", "artefacts", "--jobs", "3")
    assert code == 0
    names = [line.split(":", 1)[0] for line in out.splitlines()]
    assert names, "the seed copies are flagged"
    assert set(names) == {str(corpus / "a_seed.txt"), str(corpus / "sub" / "c_seed.txt")}
    first_c = names.index(str(corpus / "sub" / "c_seed.txt"))
    assert all(name == str(corpus / "a_seed.txt") for name in names[:first_c])
    summary = err.strip().splitlines()[-1]
    assert summary.startswith("reviewer: 3 files, ")
    assert " sentences, flags: " in summary and " critical, " in summary and " s" in summary


def test_jobs_do_not_change_the_results(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_path: Path
) -> None:
    for index in range(8):
        shutil.copyfile(seed_path, tmp_path / f"copy{index}.txt")
    _, one, _ = run_cli(
        capsys, "check", str(tmp_path), "--format", "json", "--engines", "artefacts", "--jobs", "1"
    )
    _, four, _ = run_cli(
        capsys, "check", str(tmp_path), "--format", "json", "--engines", "artefacts", "--jobs", "4"
    )
    assert timeless(json.loads(one)) == timeless(json.loads(four))


def test_an_unreadable_file_is_reported_the_others_checked_exit_2(
    capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    binary = corpus / "broken.txt"
    binary.write_bytes(b"\x00\x01\x02\x03binary\x00" * 50)
    missing = corpus / "missing.txt"
    code, out, err = run_cli(
        capsys, "check", str(corpus), str(missing), "--format", "json", "--engines", "artefacts"
    )
    assert code == 2
    documents = json.loads(out)["documents"]
    assert len(documents) == 5
    by_path = {d["document"]["path"]: d for d in documents}
    assert "binary" in by_path[str(binary)]["error"]
    assert "no such file" in by_path[str(missing)]["error"]
    assert by_path[str(missing)]["flags"] == []
    assert by_path[str(corpus / "a_seed.txt")]["flags"], "the others are still checked"
    assert "error" not in by_path[str(corpus / "a_seed.txt")]
    errors = [line for line in err.splitlines() if line.startswith("reviewer: error: ")]
    assert len(errors) == 2
    assert "(2 unreadable)" in err.strip().splitlines()[-1]


def test_an_empty_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reviewer", "check", str(tmp_path), "--engines", "artefacts"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip() == (
        f"reviewer: error: {tmp_path}: is a directory with no files matching *.txt"
    )


@pytest.mark.parametrize(
    ("fail_on", "expected"), [(None, 0), ("minor", 1), ("major", 1), ("critical", 0)]
)
def test_fail_on_for_one_file_and_for_a_folder(
    capsys: pytest.CaptureFixture[str],
    corpus: Path,
    seed_path: Path,
    fail_on: str | None,
    expected: int,
) -> None:
    # the seed has major and minor flags and no critical one (artefacts engine)
    option = ["--fail-on", fail_on] if fail_on else []
    code, out, _ = run_cli(capsys, "check", str(seed_path), "--engines", "artefacts", *option)
    severities = {line.split(": ", 1)[1].split()[0] for line in out.splitlines()}
    assert severities == {"major", "minor"}
    assert code == expected
    code, _, _ = run_cli(capsys, "check", str(corpus), "--engines", "artefacts", *option)
    assert code == expected


def test_fail_on_is_not_triggered_by_a_clean_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    code, out, err = run_cli(
        capsys, "check", str(clean), "--engines", "artefacts", "--fail-on", "minor"
    )
    assert (code, out, err) == (0, "", "")


def test_unreadable_wins_over_fail_on(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    code, _, _ = run_cli(
        capsys,
        "check",
        str(corpus),
        str(corpus / "nope.txt"),
        "--engines",
        "artefacts",
        "--fail-on",
        "minor",
    )
    assert code == 2


def test_single_file_jsonl_is_the_json_report_on_one_line(
    capsys: pytest.CaptureFixture[str], seed_path: Path
) -> None:
    _, as_json, _ = run_cli(
        capsys, "check", str(seed_path), "--format", "json", "--engines", "artefacts"
    )
    _, as_jsonl, _ = run_cli(
        capsys, "check", str(seed_path), "--format", "jsonl", "--engines", "artefacts"
    )
    assert as_jsonl.count("\n") == 1
    assert timeless(json.loads(as_jsonl)) == timeless(json.loads(as_json))


def test_no_summary_or_progress_on_a_pipe_for_one_file(
    capsys: pytest.CaptureFixture[str], seed_path: Path
) -> None:
    _, _, err = run_cli(capsys, "check", str(seed_path), "--engines", "artefacts")
    assert err == ""


def test_progress_bar_on_a_terminal_only(
    capsys: pytest.CaptureFixture[str], corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, _, err = run_cli(capsys, "check", str(corpus), "--engines", "artefacts")
    assert "\r[" not in err
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    _, _, err = run_cli(capsys, "check", str(corpus), "--engines", "artefacts")
    assert "\r[" in err and "3/3 files" in err
    assert err.strip().splitlines()[-1].lstrip("\r\x1b[K").startswith("reviewer: 3 files")
