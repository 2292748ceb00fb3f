"""`--disable-categories`: one filter, per finding, for every engine."""

from __future__ import annotations

from reviewer.core.engine import CheckOptions, category_disabled, is_mqm_name, without_disabled
from reviewer.core.flags import Flag, Severity


def flag(rule: str, category: str) -> Flag:
    return Flag(0, 3, "the", rule, "test", category, Severity.MINOR, "m")


def test_a_category_is_off_by_its_name_or_its_dimension() -> None:
    assert category_disabled("Fluency/Grammar", {"Fluency/Grammar"})
    assert category_disabled("Fluency/Grammar", {"Fluency"})
    assert not category_disabled("Fluency/Grammar", {"Fluency/Spelling"})
    assert not category_disabled("Fluency/Grammar", {"Flu"})
    assert not category_disabled("Terminology/Inconsistent use", {"Fluency"})
    assert category_disabled("Terminology", {"Terminology"})
    assert not category_disabled("Fluency/Grammar", set())


def test_flags_are_filtered_by_their_own_rule_and_category() -> None:
    flags = [
        flag("MT_INCONSISTENT_VARIANT", "Terminology/Inconsistent use"),
        flag("MT_INCONSISTENT_VARIANT", "Fluency/Inconsistency"),
        flag("QA_REPEATED_WORD", "Fluency/Grammar"),
        flag("MT_WEB_RESIDUE", "Other/Non-translation content"),
    ]
    kept = without_disabled(
        flags,
        CheckOptions(
            disabled_rules=frozenset({"MT_WEB_RESIDUE"}),
            disabled_categories=frozenset({"Fluency", "TYPOS"}),
        ),
    )
    assert [(f.rule, f.category) for f in kept] == [
        ("MT_INCONSISTENT_VARIANT", "Terminology/Inconsistent use")
    ]
    assert without_disabled(flags, CheckOptions()) == flags


def test_mqm_names_are_told_from_languagetool_ids() -> None:
    assert is_mqm_name("Fluency/Spelling")
    assert is_mqm_name("Fluency")
    assert is_mqm_name("Locale convention")
    assert is_mqm_name("Style/House rules")
    assert not is_mqm_name("TYPOS")
    assert not is_mqm_name("STYLE")
