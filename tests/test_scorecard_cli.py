"""`reviewer scorecard`, `reviewer score` and `reviewer scorecards` from the command line."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sacrebleu.metrics import TER

from reviewer.cli import main
from reviewer.core.flags import Severity
from reviewer.core.review import open_review, open_review_file
from reviewer.formats.scorecard_csv import read_sections
from tests.core.scoring.support import hand_made_review

SEED_FIXES = "MT_DOUBLED_SUBJECT,MT_WEB_RESIDUE"


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def fixed_seed(capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_path: Path) -> Path:
    """The issue's scenario: `reviewer fix <seed copy> --accept ... --review R`."""
    article = tmp_path / "article.txt"
    shutil.copyfile(seed_path, article)
    review_path = tmp_path / "R.review"
    code, _, err = run_cli(
        capsys, "fix", str(article), "--accept", SEED_FIXES, "--review", str(review_path)
    )
    assert code == 0, err
    return review_path


def test_scorecard_json_reports_the_fixed_errors_and_an_hter(
    capsys: pytest.CaptureFixture[str], fixed_seed: Path
) -> None:
    code, out, err = run_cli(capsys, "scorecard", str(fixed_seed), "--format", "json")
    assert code == 0, err
    card = json.loads(out)
    errors = card["mqm"]["error_list"]
    rules = sorted(error["rule"] for error in errors)
    assert rules == ["MT_DOUBLED_SUBJECT", *["MT_WEB_RESIDUE"] * 3]
    doubled = next(e for e in errors if e["rule"] == "MT_DOUBLED_SUBJECT")
    assert (doubled["text"], doubled["correction"], doubled["severity"]) == (
        "Pompeo He",
        "Pompeo",
        "major",
    )
    assert doubled["category"] == "Fluency/Grammar"
    assert card["mqm"]["penalty"] == 5 + 3  # one major, three minor
    assert card["mqm"]["by_severity"] == {"minor": 3, "major": 1, "critical": 0}
    assert card["mqm"]["score"] == pytest.approx(100 * (1 - 8 / card["mqm"]["words"]), abs=1e-3)
    assert card["mqm"]["weights"]["severities"] == {"minor": 1, "major": 5, "critical": 25}
    assert card["post_edit_distance"]["document"]["ter"] > 0
    assert card["post_edit_distance"]["signatures"]["ter"].startswith("nrefs:1|case:mixed")
    rules_table = {row["rule"]: row for row in card["rules"]}
    assert rules_table["MT_WEB_RESIDUE"]["accepted"] == 3
    assert rules_table["MT_WEB_RESIDUE"]["precision"] == 1.0
    changed = [s for s in card["sentences"] if s["mt"] != s["corrected"]]
    assert len(changed) == 4
    assert all(s["ter"] > 0 for s in changed)
    pompeo = next(s for s in changed if "Pompeo He" in s["mt"])
    assert pompeo["ter"] == pytest.approx(
        TER(case_sensitive=True).sentence_score(pompeo["mt"], [pompeo["corrected"]]).score,
        abs=1e-3,
    )


def test_scorecard_reads_a_review_a_window_holds_open(
    capsys: pytest.CaptureFixture[str], fixed_seed: Path
) -> None:
    held = open_review_file(fixed_seed)  # as an open window holds it (the OS lock)
    try:
        code, out, err = run_cli(capsys, "scorecard", str(fixed_seed))
    finally:
        held.close()
    assert code == 0, err
    assert "QUALITY (MQM)" in out
    assert "PASS" in out
    assert "quality score = 100 × (1 − penalty ÷ words)" in out  # the formula is printed
    assert "minor 1, major 5, critical 25" in out  # and the weights


def test_scorecard_of_a_review_locked_by_another_process(fixed_seed: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from reviewer.core.review import open_review_file\n"
            f"r = open_review_file({str(fixed_seed)!r})\n"
            "print('held', flush=True)\n"
            "sys.stdin.read()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        done = subprocess.run(
            [sys.executable, "-m", "reviewer", "scorecard", str(fixed_seed), "--format", "json"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        holder.communicate("", timeout=30)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["mqm"]["errors"] == 4


def test_output_is_written_to_a_file(
    capsys: pytest.CaptureFixture[str], fixed_seed: Path, tmp_path: Path
) -> None:
    target = tmp_path / "card.csv"
    target.write_text("old", encoding="utf-8")
    code, out, err = run_cli(
        capsys, "scorecard", str(fixed_seed), "--format", "csv", "--output", str(target)
    )
    assert code == 0, err
    assert out == ""
    sections = read_sections(target.read_text(encoding="utf-8"))
    assert set(sections) == {"summary", "errors by category", "errors", "sentences", "rules"}
    summary = {row["metric"]: row["value"] for row in sections["summary"]}
    assert summary["result"] == "pass"
    assert summary["major errors"] == "1"
    assert float(summary["hter"]) > 0
    assert len(sections["errors"]) == 4
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".card")] == []


def test_threshold_and_idle_limit_options(
    capsys: pytest.CaptureFixture[str], fixed_seed: Path
) -> None:
    args = ("scorecard", str(fixed_seed), "--format", "json")
    code, out, _ = run_cli(capsys, *args, "--threshold", "99.5", "--idle-limit", "60")
    assert code == 0
    card = json.loads(out)
    assert card["mqm"]["threshold"] == 99.5
    assert card["mqm"]["passed"] is False
    assert card["effort"]["idle_limit_seconds"] == 60


def test_html_report_escapes_document_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "x<script>.txt"
    path.write_text(
        "The page said <script>alert(1)</script> twice.\n\nThe talks resumed.\n", "utf-8"
    )
    review = open_review(path, reviewer="<script>alert(1)</script>")
    first = review.segments[0]
    review.edit_sentence(first.id, "The page said <script>alert(2)</script> once.")
    start = review.segment(first.id).text.index("<script>")
    review.annotate(
        first.id,
        start,
        start + len("<script>"),
        category="Other",
        severity=Severity.MINOR,
        note="<script>alert(3)</script>",
    )
    review.close()
    code, out, err = run_cli(capsys, "scorecard", str(path) + ".review", "--format", "html")
    assert code == 0, err
    assert "<script" not in out.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in out
    assert "x&lt;script&gt;.txt" in out
    assert out.count("<svg") == 3  # the three charts, inline
    assert "Content-Security-Policy" in out
    assert "1 edit · " in out  # one edit, in the singular
    # no sentence was opened in a window: the time chart says so instead of an empty grid
    assert "No time recorded" in out and "No sentence was changed" not in out
    code, out, err = run_cli(capsys, "scorecard", str(path) + ".review")
    assert "  Edits           1 in 0 sentence visits" in out.splitlines()  # not "visit(s)"


def test_html_of_the_hand_made_review_has_charts_and_weights(tmp_path: Path) -> None:
    from reviewer.core.scoring import build_scorecard
    from reviewer.formats.scorecard_html import render_scorecard_html

    review = hand_made_review(tmp_path)
    html = render_scorecard_html(build_scorecard(review))
    review.close()
    assert "Errors by category and severity" in html
    assert "HTER per sentence" in html
    assert "Time per sentence" in html
    assert "Fluency/Punctuation: minor 0.1" in html
    assert "FAIL (CRITICAL ERROR)" in html
    assert "http:" not in html.replace("http://www.w3.org/2000/svg", "")  # nothing external
    assert "https:" not in html


def test_score_aligns_by_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    mt, corrected = tmp_path / "mt.txt", tmp_path / "corrected.txt"
    mt.write_text("Mr. Pompeo He refused.\nThe talks resumed.\n\nLeave a Reply\n", "utf-8")
    corrected.write_text("Mr. Pompeo refused.\nThe talks resumed.\n\n\n", "utf-8")
    code, out, err = run_cli(capsys, "score", str(mt), str(corrected), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["alignment"] == "lines"
    assert [s["line"] for s in data["sentences"]] == [1, 2, 4]  # both-empty lines skipped
    ter = TER(case_sensitive=True)
    assert data["sentences"][0]["ter"] == pytest.approx(
        ter.sentence_score("Mr. Pompeo He refused.", ["Mr. Pompeo refused."]).score, abs=1e-3
    )
    assert data["sentences"][1]["ter"] == 0
    assert data["sentences"][2]["ter"] == 100  # deleted
    code, out, _ = run_cli(capsys, "score", str(mt), str(corrected))
    assert "Alignment: by line" in out


def test_score_falls_back_to_the_whole_document(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    mt, corrected = tmp_path / "mt.txt", tmp_path / "corrected.txt"
    mt.write_text("Mr. Pompeo He refused. The talks resumed.\n", "utf-8")
    corrected.write_text("Mr. Pompeo refused.\nThe talks resumed.\n", "utf-8")
    code, out, _ = run_cli(capsys, "score", str(mt), str(corrected), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["alignment"] == "document"
    assert "line counts differ (1 vs 2)" in data["reason"]
    assert "sentences" not in data
    expected = TER(case_sensitive=True).corpus_score(
        ["Mr. Pompeo He refused. The talks resumed."],
        [["Mr. Pompeo refused. The talks resumed."]],
    )
    assert data["document"]["ter"] == pytest.approx(expected.score, abs=1e-3)
    code, out, _ = run_cli(capsys, "score", str(mt), str(corrected))
    assert "Alignment: whole document: the line counts differ (1 vs 2)" in out


def test_scorecards_summarises_every_review_under_a_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_path: Path
) -> None:
    for name in ("alpha", "beta/deeper"):
        folder = tmp_path / "reviews" / name
        folder.mkdir(parents=True)
        article = folder / "article.txt"
        shutil.copyfile(seed_path, article)
        code, _, err = run_cli(capsys, "fix", str(article), "--accept", SEED_FIXES)
        assert code == 0, err
        assert (folder / "article.txt.review").is_file()
    (tmp_path / "reviews" / "broken.review").write_bytes(b"not a database")
    root = tmp_path / "reviews"
    code, out, err = run_cli(capsys, "scorecards", str(root), "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [row["review"] for row in rows] == [
        "alpha/article.txt.review",
        "beta/deeper/article.txt.review",
    ]
    assert rows[0]["document"] == "article.txt"
    assert (rows[0]["critical"], rows[0]["major"], rows[0]["minor"]) == (0, 1, 3)
    assert rows[0]["result"] == "pass"
    assert rows[0]["hter"] > 0
    assert set(rows[0]) >= {"reviewer", "words", "mqm_score", "seconds"}
    assert "broken.review: skipped" in err
    code, out, _ = run_cli(capsys, "scorecards", str(root))
    assert "2 reviews, 2 pass, 0 fail" in out and "(s)" not in out
    assert "alpha/article.txt.review" in out
    _, out, _ = run_cli(capsys, "scorecards", str(root / "beta"))
    assert out.endswith("\n1 review, 1 pass, 0 fail\n")
    code, out, _ = run_cli(capsys, "scorecards", str(root), "--format", "csv")
    assert out.splitlines()[0].startswith("document,reviewer,words,critical,major,minor")
    assert len(out.splitlines()) == 3


@pytest.mark.parametrize(
    "args",
    [
        ("scorecard", "{tmp}/nowhere.review"),
        ("scorecard", "{tmp}"),
        ("score", "{tmp}/nowhere.txt", "{tmp}/nowhere.txt"),
        ("scorecards", "{tmp}/nowhere"),
    ],
)
def test_bad_input_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: tuple[str, ...]
) -> None:
    code, out, err = run_cli(capsys, *(a.format(tmp=tmp_path) for a in args))
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("reviewer: error:")


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium package")
def test_the_html_report_renders_in_headless_chromium(
    capsys: pytest.CaptureFixture[str], fixed_seed: Path, tmp_path: Path
) -> None:
    report = tmp_path / "card.html"
    code, _, err = run_cli(
        capsys, "scorecard", str(fixed_seed), "--format", "html", "--output", str(report)
    )
    assert code == 0, err
    shot = tmp_path / "card.png"
    browser = [
        "chromium",
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    subprocess.run(
        [*browser, "--window-size=1280,2000", f"--screenshot={shot}", report.as_uri()],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert shot.is_file() and shot.stat().st_size > 20_000  # a page with charts, not a blank
    dom = subprocess.run(
        [*browser, "--dump-dom", report.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    ).stdout
    assert dom.count("<svg") == 3
    assert "Pompeo He" in dom


def test_the_charts_of_an_untouched_review_say_there_is_nothing_to_draw(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "article.txt"
    path.write_text("The talks resumed on Monday.\n", encoding="utf-8")
    open_review(path).close()
    code, out, err = run_cli(capsys, "scorecard", str(path) + ".review", "--format", "html")
    assert code == 0, err
    assert "No sentence was changed" in out and "No time recorded" in out
