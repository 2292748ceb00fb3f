"""The default check: LanguageTool and the artefacts engine together, on the real server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Severity
from reviewer.engines.languagetool.engine import LanguageToolEngine

pytestmark = pytest.mark.languagetool


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:  # type: ignore[type-arg]
    assert main(["check", "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_default_check_runs_both_engines_and_reports_each_problem_once(
    lt_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "article.txt"
    path.write_text(
        "The ministers met in the the capital on Monday. The talks were suspended. the union\n",
        encoding="utf-8",
    )
    report = run_json(capsys, str(path))
    assert [(e["name"], e["status"]) for e in report["engines"]] == [
        ("languagetool", "ok"),
        ("artefacts", "ok"),
        ("source", "ok"),  # a plain text: no sources, no flags
    ]
    flags = report["flags"]
    doubled = [f for f in flags if "the the" in path.read_text()[f["start"] - 4 : f["end"] + 4]]
    assert len(doubled) == 1, doubled
    reported_by = {doubled[0]["engine"], doubled[0]["extra"]["also_reported_by"].split(":")[0]}
    assert reported_by == {"languagetool", "artefacts"}
    fragment = [f for f in flags if f["text"].strip() == "the union" or f["text"] == "the"]
    assert [f["rule"] for f in fragment] == ["MT_FRAGMENT"]
    assert "UPPERCASE_SENTENCE_START" in fragment[0]["extra"]["also_reported_by"]


def test_seed_gets_the_artefacts_and_languagetool_flags(
    lt_url: str, capsys: pytest.CaptureFixture[str], seed_path: Path
) -> None:
    report = run_json(capsys, str(seed_path))
    by_text = {(f["rule"], f["text"]): f for f in report["flags"]}
    assert ("MT_DOUBLED_SUBJECT", "Pompeo He") in by_text
    assert ("MT_FALSE_FRIEND", "arrested") in by_text
    assert any(rule == "MT_WEB_RESIDUE" and text == "Leave a Reply" for rule, text in by_text)
    assert {f["engine"] for f in report["flags"]} == {"languagetool", "artefacts"}


def test_unknown_names_are_demoted_but_real_typos_stay_major(lt_engine: LanguageToolEngine) -> None:
    text = (
        "Mr. Pompeo spoke with Qassim Suleimani on Monday. "
        "Teh talks lasted four hours, officials said."
    )
    report = lt_engine.check(Document.from_text(text), CheckOptions())
    spelling = {f.text: f for f in report.flags if f.rule.startswith("MORFOLOGIK")}
    assert spelling["Suleimani"].severity is Severity.MINOR
    assert spelling["Suleimani"].confidence == pytest.approx(0.4)
    assert "Probably a name" in spelling["Suleimani"].message
    assert spelling["Teh"].severity is Severity.MAJOR
    assert spelling["Teh"].confidence == 1.0
    # LanguageTool 6.8 (pinned) does not know "Pompeo" either: after a title, a name too
    assert spelling["Pompeo"].severity is Severity.MINOR
    assert spelling["Pompeo"].confidence == pytest.approx(0.4)
