"""`reviewer export`: the issue's seed scenario, formats by extension, one-line errors, and
a review that a window in another process holds."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.core.review import open_review_file
from tests.core.review.support import ARTICLE
from tests.formats.export_support import review_of

ROOT = Path(__file__).resolve().parents[2]
SEED_FIXES = "MT_DOUBLED_SUBJECT,MT_WEB_RESIDUE"


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def fixed_seed(
    tmp_path: Path, seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[Path, Path]:
    """The issue's scenario: `reviewer fix <seed copy> --accept ... --review R`."""
    article = tmp_path / seed_path.name
    shutil.copyfile(seed_path, article)
    review_path = tmp_path / "R.review"
    code, _, err = run_cli(
        capsys, "fix", str(article), "--accept", SEED_FIXES, "--review", str(review_path)
    )
    assert code == 0, err
    return article, review_path


def expected_seed_export(seed: bytes) -> bytes:
    """The seed with the doubled subject fixed and the residue block gone, nothing else."""
    assert seed.count(b"Mr. Pompeo He refused") == 1
    fixed = seed.replace(b"Mr. Pompeo He refused", b"Mr. Pompeo refused")
    return fixed[: fixed.index(b"\n\nLeave a Reply")]


def test_the_fixed_seed_exports_as_the_seed_with_only_the_fixes(
    fixed_seed: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article, review_path = fixed_seed
    out = tmp_path / "out.txt"
    code, stdout, err = run_cli(capsys, "export", str(review_path), "--to", str(out))
    assert code == 0, err
    assert stdout == ""
    assert err == f"reviewer: exported 24 sentences to {out}\n"
    data = out.read_bytes()
    assert b"Mr. Pompeo refused" in data
    assert b"Leave a Reply" not in data
    assert data == expected_seed_export(article.read_bytes())


@pytest.mark.parametrize("name", ["out.docx", "out.tmx", "out.csv", "out.jsonl", "OUT.TXT"])
def test_every_format_is_chosen_by_extension(
    fixed_seed: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    _, review_path = fixed_seed
    out = tmp_path / name
    code, _, err = run_cli(capsys, "export", str(review_path), "--to", str(out))
    assert code == 0, err
    data = out.read_bytes()
    start = {".docx": b"PK", ".tmx": b"<?xml", ".csv": b"\xef\xbb\xbfsentence_id,", ".jsonl": b"{"}
    assert data.startswith(start.get(out.suffix.lower(), b"US military"))


def test_the_text_path_finds_its_review(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    review_of(tmp_path, ARTICLE.encode()).close()
    code, _, err = run_cli(
        capsys, "export", str(tmp_path / "article.txt"), "--to", str(tmp_path / "out.txt")
    )
    assert code == 0, err
    assert (tmp_path / "out.txt").read_bytes() == ARTICLE.encode()


def assert_one_line_error(code: int, err: str, *words: str) -> None:
    assert code == 2
    assert err.startswith("reviewer: error: ")
    assert err.count("\n") == 1
    for word in words:
        assert word in err


@pytest.mark.parametrize(
    ("target", "extra", "words"),
    [
        ("out.pdf", [], ["“.pdf”", ".txt, .docx, .tmx, .csv, .jsonl, or for a bilingual"]),
        ("out", [], ["no extension"]),
        ("a-folder", [], ["is a folder; name the file to write"]),
        ("out.txt", ["--tracked-changes"], ["tracked changes", ".docx"]),
    ],
)
def test_bad_targets_are_one_line_errors(
    fixed_seed: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    *,
    target: str,
    extra: list[str],
    words: list[str],
) -> None:
    _, review_path = fixed_seed
    (tmp_path / "a-folder").mkdir()
    code, _, err = run_cli(
        capsys, "export", str(review_path), "--to", str(tmp_path / target), *extra
    )
    assert_one_line_error(code, err, *words)
    assert ".sdlxliff" not in err  # never written: not offered
    assert not (tmp_path / target).is_file()


def test_a_missing_review_and_an_unwritable_target_are_one_line_errors(
    fixed_seed: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, review_path = fixed_seed
    code, _, err = run_cli(
        capsys, "export", str(tmp_path / "none.review"), "--to", str(tmp_path / "o.txt")
    )
    assert_one_line_error(code, err, "no such review file")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    code, _, err = run_cli(capsys, "export", str(review_path), "--to", str(blocker / "out.txt"))
    assert_one_line_error(code, err, "cannot write", "no such folder")


def test_the_encoding_notice_goes_to_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    review = review_of(tmp_path, ARTICLE.replace("Washington", "Señor Pérez").encode("cp1252"))
    try:
        [sid] = [s.id for s in review.segments if "Pompeo He" in s.text]
        review.edit_sentence(sid, "Mr. Pompeo (in Łódź) refused to say.")
        path = review.path
    finally:
        review.close()
    out = tmp_path / "out.txt"
    code, _, err = run_cli(capsys, "export", str(path), "--to", str(out))
    assert code == 0
    warning, summary = err.splitlines()
    assert warning.startswith("reviewer: warning: the original file is cp1252")
    assert summary.startswith("reviewer: exported")
    assert "Łódź" in out.read_text(encoding="utf-8")


HOLDER = """
import sys
from reviewer.core.review import open_review_file

review = open_review_file(sys.argv[1], reviewer="window")
review.enter(review.segments[0].id)
print("ready", flush=True)
for line in sys.stdin:
    if line.strip() == "edit":
        [segment] = [s for s in review.segments if "on Wednesday, military" in s.text]
        review.edit_sentence(segment.id, segment.text.replace("Wednesday", "Friday"))
        print("edited", flush=True)
    else:
        break
review.close()
print("closed", flush=True)
"""


@pytest.fixture
def held_elsewhere(fixed_seed: tuple[Path, Path]) -> Iterator[subprocess.Popen[str]]:
    """Another process (a window) holding R open, with its lock."""
    _, review_path = fixed_seed
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(review_path)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "ready"
    yield holder
    if holder.poll() is None:
        holder.kill()
    holder.wait(timeout=30)


def tell(holder: subprocess.Popen[str], command: str) -> str:
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.write(command + "\n")
    holder.stdin.flush()
    return holder.stdout.readline().strip()


def test_a_review_open_in_another_process_exports(
    fixed_seed: tuple[Path, Path],
    held_elsewhere: subprocess.Popen[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    article, review_path = fixed_seed
    out = tmp_path / "out.txt"
    code, _, err = run_cli(capsys, "export", str(review_path), "--to", str(out))
    assert code == 0, err
    assert out.read_bytes() == expected_seed_export(article.read_bytes())

    assert tell(held_elsewhere, "edit") == "edited"  # the window goes on writing
    code, _, err = run_cli(capsys, "export", str(review_path), "--to", str(tmp_path / "2.jsonl"))
    assert code == 0, err
    assert "Friday" in (tmp_path / "2.jsonl").read_text(encoding="utf-8")  # its latest edit
    assert tell(held_elsewhere, "quit") == "closed"
    assert held_elsewhere.wait(timeout=30) == 0
    assert not review_path.with_name("R.review-wal").exists()  # the window closed cleanly


def test_a_review_open_in_this_process_exports(
    fixed_seed: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article, review_path = fixed_seed
    window = open_review_file(review_path, reviewer="window")
    try:
        out = tmp_path / "out.txt"
        code, _, err = run_cli(capsys, "export", str(review_path), "--to", str(out))
        assert code == 0, err
        assert out.read_bytes() == expected_seed_export(article.read_bytes())
        window.mark_reviewed(window.segments[0].id)  # still writable after the export
    finally:
        window.close()


def test_an_export_of_a_closed_review_leaves_no_sqlite_files(
    fixed_seed: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, review_path = fixed_seed
    before = sorted(p.name for p in tmp_path.iterdir())
    code, _, _ = run_cli(capsys, "export", str(review_path), "--to", str(tmp_path / "o.csv"))
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*before, "o.csv"])
