"""`reviewer fix`: accepting one rule's suggestions everywhere, into the document's review.

Only our own rules are accepted here, so only the artefacts engine runs (no Java server).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.commands.fix import parse_accepted_rules
from reviewer.core.review import DecisionStatus, open_review_file

SEED_FIXES = "MT_DOUBLED_SUBJECT,MT_WEB_RESIDUE"


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def article(tmp_path: Path, seed_path: Path) -> Path:
    path = tmp_path / "article.txt"
    shutil.copyfile(seed_path, path)
    return path


def test_fix_accepts_the_rules_in_the_review(
    capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path
) -> None:
    review_path = tmp_path / "out.review"
    original = article.read_bytes()
    code, out, err = run_cli(
        capsys, "fix", str(article), "--accept", SEED_FIXES, "--review", str(review_path)
    )
    assert code == 0
    lines = out.splitlines()
    assert f"{article}:21:5: MT_DOUBLED_SUBJECT: “Pompeo He” -> “Pompeo”" in lines
    assert f"{article}:35:1: MT_WEB_RESIDUE: “Leave a Reply” -> delete" in lines
    assert len(lines) == 4  # the doubled subject and three residue lines
    assert err.strip() == (
        "reviewer: 4 fixes applied (MT_DOUBLED_SUBJECT 1, MT_WEB_RESIDUE 3), "
        f"review saved in {review_path}"
    )
    assert article.read_bytes() == original  # the text file itself is never changed

    review = open_review_file(review_path)
    try:
        assert "Mr. Pompeo refused" in review.text
        assert "Pompeo He" not in review.text
        assert "Leave a Reply" not in review.text
        accepted = Counter(
            d.key.rule for d in review.decisions if d.status is DecisionStatus.ACCEPTED
        )
        assert accepted == {"MT_DOUBLED_SUBJECT": 1, "MT_WEB_RESIDUE": 3}
        # the check after the fixes was recorded: nothing of those rules is open any more
        assert not [
            rf
            for segment in review.segments
            for rf in review.open_flags_in(segment.id)
            if rf.rule in SEED_FIXES.split(",")
        ]
    finally:
        review.close()


def test_a_second_run_applies_nothing(
    capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path
) -> None:
    review_path = tmp_path / "out.review"
    args = ("fix", str(article), "--accept", SEED_FIXES, "--review", str(review_path))
    assert run_cli(capsys, *args)[0] == 0
    code, out, err = run_cli(capsys, *args)
    assert code == 0
    assert out == ""
    assert err.strip() == f"reviewer: 0 fixes applied, review saved in {review_path}"


def test_the_review_goes_beside_the_file_by_default(
    capsys: pytest.CaptureFixture[str], article: Path
) -> None:
    code, _, err = run_cli(capsys, "fix", str(article), "--accept", "MT_WEB_RESIDUE")
    assert code == 0
    beside = article.with_name("article.txt.review")
    assert beside.is_file()
    assert err.strip().endswith(f"review saved in {beside}")


def test_json_output(capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path) -> None:
    review_path = tmp_path / "out.review"
    code, out, _ = run_cli(
        capsys,
        "fix",
        str(article),
        "--accept",
        SEED_FIXES,
        "--review",
        str(review_path),
        "--format",
        "json",
    )
    assert code == 0
    report = json.loads(out)
    assert report["review"] == str(review_path)
    assert report["skipped"] == 0
    assert len(report["fixes"]) == 4
    for fix in report["fixes"]:
        assert set(fix) == {"sentence_id", "rule", "text", "replacement", "line", "column"}
    doubled = next(f for f in report["fixes"] if f["rule"] == "MT_DOUBLED_SUBJECT")
    assert (doubled["text"], doubled["replacement"]) == ("Pompeo He", "Pompeo")
    assert (doubled["line"], doubled["column"]) == (21, 5)
    lines = article.read_text(encoding="utf-8").splitlines()
    for fix in report["fixes"]:  # positions are in the text as it read before the fixes
        line = lines[fix["line"] - 1]
        assert line[fix["column"] - 1 :].startswith(fix["text"])


def test_undo_restores_the_original(
    capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path
) -> None:
    review_path = tmp_path / "out.review"
    code, _, _ = run_cli(
        capsys, "fix", str(article), "--accept", SEED_FIXES, "--review", str(review_path)
    )
    assert code == 0
    review = open_review_file(review_path)
    try:
        assert review.text != review.original_text
        steps = 0
        while review.undo() is not None:
            steps += 1
        assert steps == 4  # one undo step per fix, as if accepted in the window
        assert review.text == review.original_text
    finally:
        review.close()


def test_spacing_and_repeated_words_in_a_small_article(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "talks.txt"
    path.write_text(
        "Geneva talks to resume next week\n\n"
        "Officials said the the talks would resume on Monday, after a  pause of two weeks.\n\n"
        "The minister told reporters that  the agreement was was still possible, "
        "but he gave no date.\n",
        encoding="utf-8",
    )
    code, out, err = run_cli(
        capsys, "fix", str(path), "--accept", "QA_DOUBLE_SPACE,QA_REPEATED_WORD"
    )
    assert code == 0
    assert out.splitlines() == [
        f"{path}:3:19: QA_REPEATED_WORD: “ the” -> delete",
        f"{path}:3:61: QA_DOUBLE_SPACE: “  ” -> “ ”",
        f"{path}:5:33: QA_DOUBLE_SPACE: “  ” -> “ ”",
        f"{path}:5:52: QA_REPEATED_WORD: “ was” -> delete",
    ]
    assert "4 fixes applied (QA_DOUBLE_SPACE 2, QA_REPEATED_WORD 2)" in err
    review = open_review_file(path.with_name("talks.txt.review"))
    try:
        assert review.text == (
            "Geneva talks to resume next week\n\n"
            "Officials said the talks would resume on Monday, after a pause of two weeks.\n\n"
            "The minister told reporters that the agreement was still possible, "
            "but he gave no date.\n"
        )
    finally:
        review.close()


def test_only_our_rules_need_only_our_engine(
    capsys: pytest.CaptureFixture[str], article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewer.engines import create_engines

    created: list[list[str]] = []

    def recording(names: list[str]) -> object:
        created.append(list(names))
        return create_engines(names)

    # `reviewer fix` creates its engines as `reviewer check` does (`project_engines`)
    monkeypatch.setattr("reviewer.commands.check.create_engines", recording)
    assert run_cli(capsys, "fix", str(article), "--accept", "QA_DOUBLE_SPACE")[0] == 0
    assert created == [["artefacts"]]


def assert_one_line_error(code: int, out: str, err: str, *needles: str) -> None:
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("reviewer: error: ")
    for needle in needles:
        assert needle in err


def test_a_missing_file_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere.txt"
    code, out, err = run_cli(capsys, "fix", str(missing), "--accept", "MT_WEB_RESIDUE")
    assert_one_line_error(code, out, err, "no such file")
    assert not missing.with_name("nowhere.txt.review").exists()


@pytest.mark.parametrize(
    ("accept", "needle"),
    [
        ("MT WEB RESIDUE", "invalid rule id"),
        (",", "at least one rule"),
        ("MT_WEB_RESIDU", "did you mean MT_WEB_RESIDUE"),
    ],
)
def test_a_bad_rule_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], article: Path, accept: str, needle: str
) -> None:
    code, out, err = run_cli(capsys, "fix", str(article), "--accept", accept)
    assert_one_line_error(code, out, err, needle)


@pytest.mark.parametrize(
    ("accept", "message"),
    [
        ("lowercase", "unknown rule lowercase in --accept; did you mean MT_LOWERCASE_START?"),
        (
            "MT_WEB_RESIDUE,uppercase_sentence_start",
            "unknown rule uppercase_sentence_start in --accept; did you mean "
            "UPPERCASE_SENTENCE_START?",
        ),
        (
            "SRC_NUMBER_MISMATC",
            "unknown rule SRC_NUMBER_MISMATC in --accept; did you mean SRC_NUMBER_MISMATCH?",
        ),
    ],
)
def test_a_rule_no_engine_knows_is_refused_before_anything_runs(
    capsys: pytest.CaptureFixture[str],
    article: Path,
    monkeypatch: pytest.MonkeyPatch,
    accept: str,
    message: str,
) -> None:
    """A lower-case id went to LanguageTool (started for it) and fixed nothing: ours and
    LanguageTool's ids are upper case and matched exactly."""

    def no_engines(*_: object) -> None:
        raise AssertionError("no engine may start for a rule no engine knows")

    monkeypatch.setattr("reviewer.commands.fix.project_engines", no_engines)
    code, out, err = run_cli(capsys, "fix", str(article), "--accept", accept)
    assert (code, out, err.strip()) == (2, "", f"reviewer: error: {message}")
    assert not article.with_name("article.txt.review").exists()


def test_every_engine_s_rules_can_be_accepted() -> None:
    """Our LanguageTool pattern rules and the source-aware checks are ours too; other
    upper-case ids are LanguageTool's, which cannot be listed offline."""
    rules = "MT_STRAY_CAPITAL_POS,SRC_NUMBER_MISMATCH,EN_A_VS_AN,MT_WEB_RESIDUE"
    assert parse_accepted_rules(rules) == rules.split(",")


def test_a_changed_text_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path
) -> None:
    review_path = tmp_path / "out.review"
    args = ("fix", str(article), "--accept", SEED_FIXES, "--review", str(review_path))
    assert run_cli(capsys, *args)[0] == 0
    with article.open("a", encoding="utf-8") as handle:
        handle.write("\nA paragraph added after the review began.\n")
    code, out, err = run_cli(capsys, *args)
    assert_one_line_error(code, out, err, "has changed", "open it in the window", "remove")


def test_a_locked_review_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path
) -> None:
    review_path = tmp_path / "out.review"
    args = ("fix", str(article), "--accept", SEED_FIXES, "--review", str(review_path))
    assert run_cli(capsys, *args)[0] == 0
    held = open_review_file(review_path)  # as an open window holds it
    try:
        code, out, err = run_cli(capsys, *args)
    finally:
        held.close()
    assert_one_line_error(code, out, err, "already open")


def test_the_installed_command_exit_codes(article: Path, tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("reviewer")
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "reviewer"]
    review_path = tmp_path / "out.review"
    done = subprocess.run(
        [*command, "fix", str(article), "--accept", SEED_FIXES, "--review", str(review_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 4
    assert "4 fixes applied" in done.stderr
    failed = subprocess.run(
        [*command, "fix", str(tmp_path / "nowhere.txt"), "--accept", "MT_WEB_RESIDUE"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert failed.returncode == 2
    assert failed.stderr.count("\n") == 1


def test_fix_applies_the_project_file_and_the_command_line_wins(
    capsys: pytest.CaptureFixture[str], article: Path
) -> None:
    """A rule the project switches off is neither seen nor fixed; --disable-rules replaces
    the project's list, as in `reviewer check`."""
    (article.parent / "reviewer.toml").write_text(
        'disable-rules = ["MT_WEB_RESIDUE"]\n', encoding="utf-8"
    )
    code, out, err = run_cli(capsys, "fix", str(article), "--accept", SEED_FIXES)
    assert code == 0, err
    assert [line.split(": ")[1] for line in out.splitlines()] == ["MT_DOUBLED_SUBJECT"]
    review_path = article.with_name("article.txt.review")
    review = open_review_file(review_path)
    try:
        assert "Leave a Reply" in review.text, "the switched-off rule fixed nothing"
        assert not any(
            rf.rule == "MT_WEB_RESIDUE"
            for segment in review.segments
            for rf in review.open_flags_in(segment.id)
        ), "the switched-off rule's flags are not even recorded"
    finally:
        review.close()

    code, out, err = run_cli(
        capsys, "fix", str(article), "--accept", SEED_FIXES, "--disable-rules", "QA_DOUBLE_SPACE"
    )
    assert code == 0, err
    assert Counter(line.split(": ")[1] for line in out.splitlines()) == {"MT_WEB_RESIDUE": 3}


def test_fix_uses_the_projects_languagetool_language_and_dictionary(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.reliability.fake_languagetool import spelling_languagetool

    monkeypatch.delenv("REVIEWER_LANGUAGETOOL_URL", raising=False)
    article = tmp_path / "project" / "article.txt"
    article.parent.mkdir()
    article.write_text(
        "The team will geolocate the convoy and check the adress today.\n", encoding="utf-8"
    )
    corrections = {"geolocate": "geo locate", "adress": "address"}
    with spelling_languagetool(corrections) as (url, received):
        (article.parent / "reviewer.toml").write_text(
            f'language = "en-GB"\nlanguagetool-url = "{url}"\ndictionary = ["geolocate"]\n'
            'disable-rules = ["EN_QUOTES"]\n',
            encoding="utf-8",
        )
        code, out, err = run_cli(
            capsys, "fix", str(article), "--accept", "MORFOLOGIK_RULE_EN_US", "--format", "json"
        )
    assert code == 0, err
    fixes = json.loads(out)["fixes"]
    assert [(fix["text"], fix["replacement"]) for fix in fixes] == [("adress", "address")], (
        "the project's dictionary hides its word; the other spelling flag is fixed"
    )
    checks = [form for form in received if form.get("text") != "."]
    assert checks, "the project's LanguageTool URL was used"
    assert all(form["language"] == "en-GB" for form in checks)
    assert all("EN_QUOTES" in form.get("disabledRules", "") for form in checks)
    review = open_review_file(article.with_name("article.txt.review"))
    try:
        assert "check the address today" in review.text
        assert "will geolocate the convoy" in review.text
        assert review.language == "en-GB"
    finally:
        review.close()
