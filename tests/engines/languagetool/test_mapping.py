"""Mapping a recorded LanguageTool 6.8 answer to flags, and options to request fields.

`tests/data/languagetool/check_emoji_accents.json` is a real `/v2/check` answer recorded
from the LanguageTool 6.8 server this engine starts (the text is stored in `_recorded`).
"""

from __future__ import annotations

import json
from pathlib import Path

from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Severity, is_mqm_category
from reviewer.engines.languagetool.engine import request_parameters
from reviewer.engines.languagetool.mapping import (
    MAX_SUGGESTIONS,
    CategoryTable,
    category_table,
    matches_to_flags,
)
from reviewer.resources import load_yaml

RECORDED = (
    Path(__file__).resolve().parents[2] / "data" / "languagetool" / "check_emoji_accents.json"
)


def _recorded() -> tuple[str, list[dict[str, object]]]:
    payload = json.loads(RECORDED.read_text(encoding="utf-8"))
    return payload["_recorded"]["text"], payload["matches"]


def test_every_table_entry_is_a_valid_mqm_category_and_severity() -> None:
    data = load_yaml("languagetool", "categories.yaml")
    table = CategoryTable(data)  # raises on an invalid entry
    for section in ("categories", "issue_types", "rules"):
        for entry in data[section].values():
            assert is_mqm_category(entry["mqm"])
            assert entry["severity"] in {"minor", "major", "critical"}
    assert table.classify("X", "TYPOS", "").category == "Fluency/Spelling"
    assert table.classify("X", "GRAMMAR", "").category == "Fluency/Grammar"
    assert table.classify("X", "PUNCTUATION", "").category == "Fluency/Punctuation"
    assert table.classify("X", "STYLE", "").category.startswith("Style")
    assert table.classify("X", "CASING", "").category == "Fluency/Spelling"
    assert table.classify("X", "UNLISTED", "grammar").category == "Fluency/Grammar"
    assert table.classify("X", "UNLISTED", "unlisted") == table.default


def test_recorded_answer_maps_to_exact_python_offsets() -> None:
    text, matches = _recorded()
    flags = matches_to_flags(matches, text, category_table())
    assert [(flag.text, flag.rule) for flag in flags] == [
        ("Thé", "MORFOLOGIK_RULE_EN_US"),
        ("Tuesdy", "MORFOLOGIK_RULE_EN_US"),
        ("go", "HE_VERB_AGR"),
        ("the the", "ENGLISH_WORD_REPEAT_RULE"),
    ]
    for flag in flags:
        assert text[flag.start : flag.end] == flag.text
        assert len(flag.suggestions) <= MAX_SUGGESTIONS
        assert flag.engine == "languagetool"
    by_rule = {flag.rule: flag for flag in flags}
    assert by_rule["HE_VERB_AGR"].category == "Fluency/Grammar"
    assert by_rule["HE_VERB_AGR"].severity is Severity.MAJOR
    assert "goes" in by_rule["HE_VERB_AGR"].suggestions
    # the rule override wins over LanguageTool's MISC category
    assert by_rule["ENGLISH_WORD_REPEAT_RULE"].category == "Fluency/Grammar"
    assert by_rule["ENGLISH_WORD_REPEAT_RULE"].extra["languagetool_category"] == "MISC"


def test_suggestions_are_capped_at_five() -> None:
    text, matches = _recorded()
    match = dict(matches[0])
    match["replacements"] = [{"value": f"s{i}"} for i in range(9)]
    (flag,) = matches_to_flags([match], text, category_table())
    assert flag.suggestions == ("s0", "s1", "s2", "s3", "s4")


def test_request_parameters_carry_every_option() -> None:
    options = CheckOptions(
        language="en-GB",
        source_language="es",
        picky=True,
        disabled_rules=frozenset({"B_RULE", "A_RULE"}),
        disabled_categories=frozenset({"TYPOGRAPHY", "Style/Awkward"}),
    )
    assert request_parameters(options, category_table()) == {
        "language": "en-GB",
        "motherTongue": "es",
        "level": "picky",
        "disabledRules": "A_RULE,B_RULE",
        "disabledCategories": "TYPOGRAPHY",  # MQM names are filtered after mapping
        "enabledRules": "ARTICLE_UNNECESSARY,BLEND_TOGETHER,CANT_HELP_BUT,"
        "EMPHATIC_REFLEXIVE_PRONOUNS",
    }


def test_default_options_switch_off_picky_only_rules_and_on_the_profile_rules() -> None:
    table = category_table()
    parameters = request_parameters(CheckOptions(), table)
    assert set(parameters) == {"language", "disabledRules", "enabledRules"}
    assert parameters["language"] == "en-US"
    assert set(parameters["disabledRules"].split(",")) == table.picky_only
    assert {"OUTSIDE_OF", "COMMA_COMPOUND_SENTENCE"} <= table.picky_only
    assert set(parameters["enabledRules"].split(",")) == table.switched_on == {"BLEND_TOGETHER"}


def test_picky_sends_every_rule_and_the_picky_profile_rules() -> None:
    table = category_table()
    parameters = request_parameters(CheckOptions(picky=True), table)
    assert set(parameters) == {"language", "level", "enabledRules"}
    assert parameters["level"] == "picky"
    assert set(parameters["enabledRules"].split(",")) == table.switched_on | table.switched_on_picky
    assert "CANT_HELP_BUT" in table.switched_on_picky


def test_a_rule_the_reviewer_switched_off_is_not_switched_on_by_the_profile() -> None:
    options = CheckOptions(picky=True, disabled_rules=frozenset({"CANT_HELP_BUT"}))
    parameters = request_parameters(options, category_table())
    assert "CANT_HELP_BUT" in parameters["disabledRules"].split(",")
    assert "CANT_HELP_BUT" not in parameters["enabledRules"].split(",")
    only_one = CheckOptions(disabled_rules=frozenset({"BLEND_TOGETHER"}))
    assert "enabledRules" not in request_parameters(only_one, category_table())


def test_a_probable_name_keeps_only_common_word_suggestions() -> None:
    text = "The shop closed on Tuesdy, said Rorslett."
    matches = [
        {
            "offset": text.index(word),
            "length": len(word),
            "message": "Possible spelling mistake found.",
            "replacements": [{"value": value} for value in replacements],
            "rule": {"id": "MORFOLOGIK_RULE_EN_US", "category": {"id": "TYPOS"}},
        }
        for word, replacements in (("Tuesdy", ["Tuesday"]), ("Rorslett", ["Rowlett", "Bartlett"]))
    ]
    tuesdy, name = matches_to_flags(matches, text, category_table())
    assert tuesdy.suggestions == ("Tuesday",)
    assert name.suggestions == ()
    assert name.confidence < 0.5 and "Probably a name" in name.message
