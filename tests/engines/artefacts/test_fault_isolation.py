"""One failing detector never silences the others; invalid flags are counted, not hidden."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.core.checking import run_check
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, DetectorError, EngineStatus
from reviewer.core.flags import Flag
from reviewer.engines.artefacts import registry
from reviewer.engines.artefacts.detector import Detector
from reviewer.engines.artefacts.detectors.repetition import RepeatedWord
from reviewer.engines.artefacts.engine import ArtefactsEngine
from reviewer.formats.report_json import report_dict

TEXT = "Officials said the the talks had ended.\n"


class BrokenData(Detector):
    """A detector whose data file was edited badly"""

    rule_id = "QA_BROKEN_DATA"
    category = "Fluency/Grammar"

    def detect(self, document: Document, options: CheckOptions) -> Iterable[Flag]:
        return self._load_rules()

    def _load_rules(self) -> Iterable[Flag]:
        raise ValueError("variants.yaml: groups[3] has no forms")


class WrongSpan(Detector):
    """A detector that reports a span whose text is not the document's"""

    rule_id = "QA_WRONG_SPAN"
    category = "Fluency/Grammar"

    def detect(self, document: Document, options: CheckOptions) -> Iterator[Flag]:
        yield Flag(0, 9, "Officers", self.rule_id, "artefacts", self.category, self.severity, "x")
        yield Flag(0, 9, "Officials", self.rule_id, "artefacts", self.category, self.severity, "y")


def test_a_failing_detector_is_named_and_logged_and_the_others_still_flag(
    isolated_problem_log: Path,
) -> None:
    document = Document.from_text(TEXT)
    engine = ArtefactsEngine(detectors=[BrokenData(), RepeatedWord()])
    result = run_check(document, [engine], CheckOptions())
    (report,) = result.engines
    assert report.status is EngineStatus.OK
    assert report.errors == [
        DetectorError("QA_BROKEN_DATA", "ValueError: variants.yaml: groups[3] has no forms")
    ]
    assert [flag.rule for flag in result.flags] == ["QA_REPEATED_WORD"]
    entry = report_dict(result)["engines"][0]
    assert entry["status"] == "ok"
    assert entry["errors"] == [
        {"detector": "QA_BROKEN_DATA", "error": "ValueError: variants.yaml: groups[3] has no forms"}
    ]
    log = isolated_problem_log / "problems.log"
    assert entry["log"] == str(log)
    logged = log.read_text(encoding="utf-8")
    assert "detector QA_BROKEN_DATA failed" in logged
    assert "Traceback (most recent call last)" in logged
    assert "in _load_rules" in logged
    assert "ValueError: variants.yaml: groups[3] has no forms" in logged


def test_an_engine_whose_every_detector_failed_is_unavailable() -> None:
    report = ArtefactsEngine(detectors=[BrokenData()]).check(
        Document.from_text(TEXT), CheckOptions()
    )
    assert report.status is EngineStatus.UNAVAILABLE
    assert [error.detector for error in report.errors] == ["QA_BROKEN_DATA"]


def test_a_flag_that_does_not_match_its_text_is_dropped_counted_and_logged(
    isolated_problem_log: Path,
) -> None:
    document = Document.from_text(TEXT)
    engine = ArtefactsEngine(detectors=[WrongSpan(), RepeatedWord()])
    result = run_check(document, [engine], CheckOptions())
    assert sorted((flag.rule, flag.text) for flag in result.flags) == [
        ("QA_REPEATED_WORD", " the"),
        ("QA_WRONG_SPAN", "Officials"),
    ]
    entry = report_dict(result)["engines"][0]
    assert entry["flag_count"] == 2
    assert entry["dropped_flags"] == [
        {"rule": "QA_WRONG_SPAN", "reason": "span does not match text", "start": 0, "end": 9}
    ]
    logged = (isolated_problem_log / "problems.log").read_text(encoding="utf-8")
    assert "1 invalid flag left out" in logged
    assert "'Officers'" in logged and "'Officials'" in logged


def test_check_warns_on_stderr_and_reports_errors_in_json(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(self: RepeatedWord, document: Document, options: CheckOptions) -> list[Flag]:
        raise KeyError("min_gap")

    monkeypatch.setattr(RepeatedWord, "detect", broken)
    monkeypatch.setenv("REVIEWER_ENGINE_PROCESS", "0")
    path = tmp_path / "article.txt"
    path.write_text("Officials said the the talks had ended.\n\nLeave a Reply\n", encoding="utf-8")
    assert main(["check", str(path), "--engines", "artefacts"]) == 0
    out, err = capsys.readouterr()
    warnings = [line for line in err.splitlines() if "QA_REPEATED_WORD" in line]
    assert len(warnings) == 1
    assert warnings[0].startswith("reviewer: warning: artefacts: detector QA_REPEATED_WORD failed")
    assert "KeyError: 'min_gap'" in warnings[0]
    assert "MT_WEB_RESIDUE" in out
    assert main(["check", str(path), "--engines", "artefacts", "--format", "json"]) == 0
    out, _ = capsys.readouterr()
    report = json.loads(out)
    artefacts = next(e for e in report["engines"] if e["name"] == "artefacts")
    assert artefacts["status"] == "ok"
    assert artefacts["errors"] == [{"detector": "QA_REPEATED_WORD", "error": "KeyError: 'min_gap'"}]
    assert {flag["rule"] for flag in report["flags"]} == {"MT_WEB_RESIDUE"}


def test_a_detector_module_that_fails_to_import_is_reported(
    monkeypatch: pytest.MonkeyPatch, isolated_problem_log: Path
) -> None:
    real_import = registry.import_module

    def import_module(name: str) -> object:
        if name.endswith(".repetition"):
            raise SyntaxError("invalid syntax (repetition.py, line 12)")
        return real_import(name)

    registry._scan.cache_clear()
    monkeypatch.setattr(registry, "import_module", import_module)
    try:
        assert "QA_REPEATED_WORD" not in {cls.rule_id for cls in registry.detector_classes()}
        assert "MT_WEB_RESIDUE" in {cls.rule_id for cls in registry.detector_classes()}
        report = ArtefactsEngine().check(
            Document.from_text("The the talks ended.\n\nLeave a Reply\n"), CheckOptions()
        )
    finally:
        registry._scan.cache_clear()
    assert report.status is EngineStatus.OK
    assert report.errors == [
        DetectorError("module repetition", "SyntaxError: invalid syntax (repetition.py, line 12)")
    ]
    assert {flag.rule for flag in report.flags} >= {"MT_WEB_RESIDUE"}
    assert "repetition failed to import" in (isolated_problem_log / "problems.log").read_text()
