"""Our MT-artefact pattern rules (resources/languagetool/rules/) on a real LanguageTool server.

Every `<example>` of grammar_custom.xml is one paragraph of one check with the engine, on the
session's server (started by our `ServerManager`, so with our rule folder on its class path):
an example with `correction` must get a flag of its rule on the marked words with that first
suggestion, a plain example no flag of its rule. That LanguageTool answers with our rule ids at
all proves it loaded the file.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest

from reviewer.core.checking import run_check, twin_rules
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, EngineStatus
from reviewer.core.flags import Flag
from reviewer.engines.artefacts.engine import ArtefactsEngine
from reviewer.engines.artefacts.registry import detector_classes
from reviewer.engines.languagetool.cache import ParagraphCache
from reviewer.engines.languagetool.engine import LanguageToolEngine
from reviewer.engines.languagetool.mapping import category_table
from reviewer.engines.languagetool.server import ServerManager
from reviewer.engines.languagetool.serverconfig import (
    CUSTOM_RULES_FILE,
    CUSTOM_RULES_VARIABLE,
    custom_rule_ids,
    custom_rules_dir,
    server_command,
)


@dataclass(frozen=True)
class Example:
    rule: str
    text: str
    marked: str | None  # the words the rule must flag (None: a correct sentence)
    correction: str | None  # its first suggestion ("" when the rule offers none)


def _examples() -> list[Example]:
    folder = custom_rules_dir()
    assert folder is not None, "resources/languagetool/rules/ lost grammar_custom.xml"
    root = ElementTree.parse(folder.joinpath(*CUSTOM_RULES_FILE)).getroot()
    found: list[Example] = []
    for group in root.iter():
        if group.tag not in ("rule", "rulegroup") or not group.get("id"):
            continue
        for example in group.iter("example"):
            marker = example.find("marker")
            found.append(
                Example(
                    rule=str(group.get("id")),
                    text="".join(example.itertext()),
                    marked="".join(marker.itertext()) if marker is not None else None,
                    correction=example.get("correction"),
                )
            )
    return found


EXAMPLES = _examples()


def test_each_rule_has_five_examples_to_flag_and_five_to_leave_alone() -> None:
    positives = Counter(e.rule for e in EXAMPLES if e.correction is not None)
    negatives = Counter(e.rule for e in EXAMPLES if e.correction is None)
    assert set(positives) == set(negatives) == custom_rule_ids()
    assert min(positives.values()) >= 5, positives
    assert min(negatives.values()) >= 5, negatives


def test_each_custom_rule_stands_in_for_a_detector_and_is_classified_like_it() -> None:
    detectors = {cls.rule_id: cls for cls in detector_classes()}
    table = category_table()
    assert set(twin_rules()) == custom_rule_ids()
    for custom, covered in twin_rules().items():
        classification = table.rules[custom]
        for rule in covered:
            detector = detectors[rule]
            assert (classification.category, classification.severity) == (
                detector.category,
                detector.severity,
            ), custom


def test_the_server_command_appends_the_rule_folder_to_the_class_path(tmp_path: Path) -> None:
    command = server_command("/opt/lt/lib/*", 8081, tmp_path / "server.properties")
    classpath = command[command.index("-cp") + 1]
    assert classpath.split(os.pathsep) == ["/opt/lt/lib/*", str(custom_rules_dir())]


@pytest.fixture(scope="module")
def flags_by_example(lt_server: ServerManager) -> Iterator[dict[str, list[Flag]]]:
    """One check of every example, each its own paragraph; flags of our rules per example."""
    texts = list(dict.fromkeys(e.text for e in EXAMPLES))
    document = Document.from_text("\n\n".join(texts))
    engine = LanguageToolEngine(server=lt_server, cache=ParagraphCache())
    try:
        report = engine.check(document, CheckOptions())
    finally:
        engine.close()
    assert report.status is EngineStatus.OK, report.reason
    assert report.covers == custom_rule_ids()
    found: dict[str, list[Flag]] = {text: [] for text in texts}
    for paragraph, text in zip(document.paragraphs, texts, strict=True):
        assert paragraph.text == text
        found[text] = [
            flag.shifted(-paragraph.start)
            for flag in report.flags
            if flag.rule.startswith("MT_") and paragraph.start <= flag.start < paragraph.end
        ]
    yield found


@pytest.mark.languagetool
@pytest.mark.parametrize(
    "example",
    EXAMPLES,
    ids=[
        f"{e.rule}:{'flag' if e.correction is not None else 'ok'}:{e.text[:40]}" for e in EXAMPLES
    ],
)
def test_example(example: Example, flags_by_example: dict[str, list[Flag]]) -> None:
    flags = [f for f in flags_by_example[example.text] if f.rule == example.rule]
    if example.correction is None:
        assert flags == [], f"{example.rule} flagged correct text: {flags}"
        return
    assert [f.text for f in flags] == [example.marked], flags
    expected = (example.correction,) if example.correction else ()
    assert flags[0].suggestions[:1] == expected


@pytest.mark.languagetool
def test_a_users_server_runs_our_rules_only_when_the_user_says_so(
    lt_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = Document.from_text("Mr. Pompeo He refused to comment on the report.")
    engine = LanguageToolEngine(cache=ParagraphCache())
    try:
        assert engine.check(document, CheckOptions()).covers == frozenset()
        monkeypatch.setenv(CUSTOM_RULES_VARIABLE, "1")
        assert engine.check(document, CheckOptions()).covers == custom_rule_ids()
        disabled = CheckOptions(disabled_rules=frozenset({"MT_STRAY_CAPITAL_POS"}))
        assert "MT_STRAY_CAPITAL_POS" not in engine.check(document, disabled).covers
    finally:
        engine.close()


@pytest.mark.languagetool
def test_the_seeds_doubled_subject_is_flagged_once_with_both_engines(
    lt_server: ServerManager, seed_copy: Path
) -> None:
    document = Document.from_file(seed_copy)
    engines = [LanguageToolEngine(server=lt_server, cache=ParagraphCache()), ArtefactsEngine()]
    try:
        result = run_check(document, engines)
    finally:
        for engine in engines:
            engine.close()
    assert result.engines[0].covers == custom_rule_ids()
    doubled = [f for f in result.flags if "Pompeo He" in f.text]
    assert [(f.rule, f.text, f.suggestions[:1]) for f in doubled] == [
        ("MT_DOUBLED_SUBJECT", "Pompeo He", ("Pompeo",))
    ]
    assert doubled[0].extra["also_reported_by"] == "languagetool:MT_DOUBLED_SUBJECT_POS"
    headline = [f for f in result.flags if f.text == "resume"]
    assert [f.rule for f in headline] == ["QA_HEADLINE_AGREEMENT"]
    assert "MT_HEADLINE_AGREEMENT_POS" in headline[0].extra["also_reported_by"]
