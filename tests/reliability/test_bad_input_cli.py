"""Bad input through the command line: a sensible result or one line on stderr, exit 2.

Every input is generated here. Each case runs `reviewer.cli.main` in-process, as a user's
command would, and checks that no traceback escapes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.reliability.helpers import (
    PNG_BYTES,
    assert_one_line_error,
    check_json,
    run_cli,
    set_schema_version,
)

# -- texts ---------------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  \r\n"], ids=["empty", "whitespace-only"])
def test_empty_and_blank_texts_give_an_empty_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    report = check_json(capsys, path)
    assert report["sentences"] == []
    assert report["flags"] == []


@pytest.mark.parametrize(
    "content",
    [PNG_BYTES, b"Hello\x00world. A sentence.\x00\x00"],
    ids=["png-image", "nul-bytes"],
)
def test_binary_files_are_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "picture.txt"
    path.write_bytes(content)
    code, out, err = run_cli(capsys, "check", str(path), "--engines", "artefacts")
    assert_one_line_error(code, out, err, "binary")


def test_utf16_with_bom_is_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = "The minister said the the plan works. It’s “fine”."
    path = tmp_path / "utf16.txt"
    path.write_bytes(text.encode("utf-16"))  # BOM + native order
    report = check_json(capsys, path)
    sentences = report["sentences"]
    assert isinstance(sentences, list)
    assert " ".join(s["text"] for s in sentences) == text
    flags = report["flags"]
    assert isinstance(flags, list)
    assert [(f["rule"], text[f["start"] : f["end"]]) for f in flags] == [
        ("QA_REPEATED_WORD", " the")
    ]


def test_cp1252_with_curly_quotes_is_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = "He said “hello” – it’s the café’s day."
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    report = check_json(capsys, path)
    sentences = report["sentences"]
    assert isinstance(sentences, list)
    assert [s["text"] for s in sentences] == [text]


def test_mixed_line_endings_are_normalised(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"First line here.\r\nSecond  line.\nThird line.\r\n\r\nFourth.\r")
    report = check_json(capsys, path)
    text = "First line here.\nSecond  line.\nThird line.\n\nFourth.\n"
    sentences = report["sentences"]
    flags = report["flags"]
    assert isinstance(sentences, list) and isinstance(flags, list)
    assert [s["text"] for s in sentences] == [
        "First line here.",
        "Second  line.",
        "Third line.",
        "Fourth.",
    ]
    for sentence in sentences:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
    assert [(f["rule"], f["start"]) for f in flags] == [("QA_DOUBLE_SPACE", text.index("  "))]
    code, out, _ = run_cli(capsys, "check", str(path), "--engines", "artefacts")
    assert code == 0
    assert out.startswith(f"{path}:2:7: ")  # line/column count CRLF and LF alike


def test_unicode_edge_cases_keep_exact_offsets(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Emoji (astral, with a skin-tone modifier), a combining accent, Hebrew (right-to-left)
    and a zero-width space before the flags: offsets are Python string offsets, exact."""
    text = (
        "\U0001f600\U0001f44d\U0001f3fd Cafe\u0301 owners said the the plan works.\n"
        "The \u05e9\u05dc\u05d5\u05dd word, zero\u200bwidth and  double space here.\n"
    )
    path = tmp_path / "unicode.txt"
    path.write_text(text, encoding="utf-8")
    report = check_json(capsys, path)
    flags = report["flags"]
    assert isinstance(flags, list)
    found = {(f["rule"], f["start"], f["end"], f["text"]) for f in flags}
    repeated = text.index(" the the") + len(" the")
    spaces = text.index("  ")
    assert found == {
        ("QA_REPEATED_WORD", repeated, repeated + 4, " the"),
        ("QA_DOUBLE_SPACE", spaces, spaces + 2, "  "),
    }
    sentences = report["sentences"]
    assert isinstance(sentences, list)
    for sentence in sentences:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]


@pytest.mark.slow
@pytest.mark.timeout(900)  # ~2-3 minutes on the 2-core machine, more when it is busy
def test_a_20_mb_text_is_checked(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    paragraph = (
        "The minister said on Tuesday that the plan would be reviewed. "
        "Officials in the capital declined to comment further on the matter.\n"
    )
    path = tmp_path / "big.txt"
    repeats = 20_000_000 // len(paragraph)
    path.write_text(paragraph * repeats, encoding="utf-8")
    code, out, err = run_cli(capsys, "check", str(path), "--engines", "artefacts")
    assert code == 0, err
    assert "Traceback" not in err
    assert out == ""  # clean prose: no flags


# -- paths ---------------------------------------------------------------------------------


def test_a_directory_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run_cli(capsys, "check", str(tmp_path), "--engines", "artefacts")
    assert_one_line_error(code, out, err, "is a directory")


def test_a_missing_path_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run_cli(capsys, "check", str(tmp_path / "nope.txt"), "--engines", "artefacts")
    assert_one_line_error(code, out, err, "no such file")


def test_an_unreadable_file_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """chmod 000 does not stop root, so the refusal the OS would give is simulated."""
    path = tmp_path / "secret.txt"
    path.write_text("A sentence.", encoding="utf-8")
    real_read_bytes = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    code, out, err = run_cli(capsys, "check", str(path), "--engines", "artefacts")
    assert_one_line_error(code, out, err, "cannot read", "Permission denied")


# -- .review files -------------------------------------------------------------------------


@pytest.fixture
def review(capsys: pytest.CaptureFixture[str], seed_copy: Path) -> Path:
    """A real review of the seed, with three fixes in it."""
    code, _, err = run_cli(capsys, "fix", str(seed_copy), "--accept", "MT_WEB_RESIDUE")
    assert code == 0, err
    path = seed_copy.with_name(seed_copy.name + ".review")
    assert path.is_file()
    return path


def _damaged(review: Path, kind: str) -> Path:
    target = review.with_name(f"{kind}.review")
    data = review.read_bytes()
    if kind == "truncated":
        target.write_bytes(data[: len(data) // 2])
    elif kind == "header-only":
        target.write_bytes(data[:100])
    elif kind == "not-sqlite":
        target.write_bytes(b"this is not a database\n" * 200)
    elif kind == "newer-schema":
        shutil.copyfile(review, target)
        set_schema_version(target, 99)
    return target


@pytest.mark.parametrize(
    ("kind", "fragment"),
    [
        ("truncated", "not a usable review file"),
        ("header-only", "review"),
        ("not-sqlite", "not a usable review file"),
        ("newer-schema", "newer MT Reviewer"),
    ],
)
@pytest.mark.parametrize("command", ["export", "scorecard"])
def test_damaged_review_files_are_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], review: Path, kind: str, fragment: str, command: str
) -> None:
    damaged = _damaged(review, kind)
    before = damaged.read_bytes()
    target = review.parent / "out.txt"
    extra = ["--to", str(target)] if command == "export" else []
    code, out, err = run_cli(capsys, command, str(damaged), *extra)
    assert_one_line_error(code, out, err, damaged.name, fragment)
    assert damaged.read_bytes() == before  # refused, not "repaired"
    assert not target.exists()


def test_a_text_changed_on_disk_is_refused_by_fix(
    capsys: pytest.CaptureFixture[str], seed_copy: Path, review: Path
) -> None:
    before = review.read_bytes()
    with seed_copy.open("a", encoding="utf-8") as handle:
        handle.write("A sentence added later.\n")
    code, out, err = run_cli(capsys, "fix", str(seed_copy), "--accept", "MT_WEB_RESIDUE")
    assert_one_line_error(code, out, err, "has changed since its review")
    assert review.read_bytes() == before


def test_a_text_changed_on_disk_still_exports_its_review(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_copy: Path, review: Path
) -> None:
    """The review holds the text it was made on: exporting it needs no text file."""
    seed_copy.write_text("Something else entirely.\n", encoding="utf-8")
    out_path = tmp_path / "out.txt"
    code, _, err = run_cli(capsys, "export", str(review), "--to", str(out_path))
    assert code == 0, err
    assert "Leave a Reply" not in out_path.read_text(encoding="utf-8")
    assert "Something else" not in out_path.read_text(encoding="utf-8")
