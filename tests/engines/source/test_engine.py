"""The source engine as a whole: registration, plain text, defaults, language."""

from __future__ import annotations

from pathlib import Path

from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, EngineStatus
from reviewer.core.project_config import load_project_config, project_options
from reviewer.engines import ENGINE_NAMES, create_engine, parse_engine_names
from reviewer.engines.source.check import SourceCheck
from reviewer.engines.source.engine import SourceEngine, default_checks
from reviewer.engines.source.language import detect, resolve, script_language
from tests.engines.source.helpers import units_of


def test_registered_and_in_the_default_set() -> None:
    assert "source" in ENGINE_NAMES
    assert parse_engine_names("source") == ["source"]
    assert create_engine("source").name == "source"


def test_plain_text_is_ok_with_no_flags() -> None:
    report = SourceEngine().check(Document.from_text("Hello world. It is 5 pm."), CheckOptions())
    assert report.status is EngineStatus.OK
    assert report.flags == []


def test_every_check_has_settings_and_a_unique_rule() -> None:
    checks = default_checks()
    rules = [check.rule_id for check in checks]
    assert len(rules) == len(set(rules)) == 10
    for check in checks:
        assert isinstance(check, SourceCheck)
        assert isinstance(check.default_on(), bool)


def test_disabled_rules_and_picky_decide_what_runs() -> None:
    units = units_of([("¿Vienes mañana a las 8?", "Are you coming tomorrow at 9.")])
    document = Document.from_units(units, source_language="es")
    rules = {f.rule for f in SourceEngine().check(document, CheckOptions(picky=True)).flags}
    assert rules == {"SRC_NUMBER_MISMATCH", "SRC_END_PUNCTUATION"}
    options = CheckOptions(picky=True, disabled_rules=frozenset({"SRC_NUMBER_MISMATCH"}))
    assert {f.rule for f in SourceEngine().check(document, options).flags} == {
        "SRC_END_PUNCTUATION"
    }


def test_source_language_from_file_then_options_then_detection() -> None:
    assert resolve("de-DE", "es", ["Hola"]) == "de"
    assert resolve("", "es_ES", ["Guten Tag"]) == "es"
    assert resolve(None, None, ["这是一个测试。"]) == "zh"
    assert script_language("Это проверка.") == "ru"
    assert detect(["Guvernul a aprobat bugetul pentru anul viitor și noile taxe."]) == "ro"
    assert detect(["", "  "]) == ""


def test_the_project_file_names_the_glossary(tmp_path: Path) -> None:
    (tmp_path / "reviewer.toml").write_text('glossary = "terms/main.csv"\n', encoding="utf-8")
    project = load_project_config(tmp_path / "reviewer.toml")
    expected = str((tmp_path / "terms" / "main.csv").resolve())
    assert project.glossary == expected
    assert project_options(project).glossary == expected


def test_checks_below_the_precision_bar_run_only_when_picky() -> None:
    units = units_of([("¿Vienes mañana a las 8?", "Are you coming tomorrow at 9.")])
    document = Document.from_units(units, source_language="es")
    rules = {f.rule for f in SourceEngine().check(document, CheckOptions()).flags}
    assert rules == {"SRC_NUMBER_MISMATCH"}  # SRC_END_PUNCTUATION measured 36%: picky only


def test_a_detected_source_language_is_said() -> None:
    units = units_of([("Guvernul a aprobat ieri bugetul pentru anul viitor.", "The budget.")])
    report = SourceEngine().check(Document.from_units(units), CheckOptions())
    assert report.notices == ["source language detected as ro (give --source-language if not)"]
    stated = SourceEngine().check(Document.from_units(units, source_language="ro"), CheckOptions())
    assert stated.notices == []
