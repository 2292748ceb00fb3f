"""LanguageTool's custom rules decide for the Python detectors they stand in for.

Hand-made reports, no server: `supersede` (what `reviewer check` runs) and
`flags_after_supersede` (what the window runs per engine, in either finishing order).
"""

from __future__ import annotations

import pytest

from reviewer.core.checking import (
    flags_after_supersede,
    merge_flags,
    supersede,
    superseded_rules,
    twin_rules,
)
from reviewer.core.engine import EngineReport, EngineStatus
from reviewer.core.flags import Flag, Severity

TEXT = "Mr. Pompeo He refused. The minister she said the plan would work. Leave a Reply"
CUSTOM = frozenset(twin_rules())


def flag(rule: str, text: str, engine: str, category: str = "Fluency/Grammar") -> Flag:
    start = TEXT.index(text)
    return Flag(
        start=start,
        end=start + len(text),
        text=text,
        rule=rule,
        engine=engine,
        category=category,
        severity=Severity.MAJOR,
        message=rule,
        suggestions=(text.split(maxsplit=1)[0],),
    )


def python_flags() -> list[Flag]:
    return [
        flag("MT_DOUBLED_SUBJECT", "Pompeo He", "artefacts"),
        flag("MT_DOUBLED_SUBJECT", "minister she", "artefacts"),
        flag("MT_WEB_RESIDUE", "Leave a Reply", "artefacts", "Other"),
    ]


def reports(
    lt_flags: list[Flag],
    covers: frozenset[str] = CUSTOM,
    status: EngineStatus = EngineStatus.OK,
) -> list[EngineReport]:
    return [
        EngineReport("languagetool", status, flags=lt_flags, covers=covers),
        EngineReport("artefacts", EngineStatus.OK, flags=python_flags()),
    ]


def test_the_mapping_names_python_rules_for_each_custom_rule() -> None:
    assert twin_rules()["MT_DOUBLED_SUBJECT_POS"] == {"MT_DOUBLED_SUBJECT"}
    assert superseded_rules(reports([])) == {
        "MT_DOUBLED_SUBJECT": {"MT_DOUBLED_SUBJECT_POS"},
        "QA_HEADLINE_AGREEMENT": {"MT_HEADLINE_AGREEMENT_POS"},
        "MT_PERFECT_WITH_PAST_TIME": {"MT_PERFECT_WITH_PAST_TIME_POS"},
        "MT_STRAY_CAPITAL": {"MT_STRAY_CAPITAL_POS"},
    }


def test_a_finding_the_twin_did_not_confirm_is_dropped_a_confirmed_one_merged() -> None:
    # LanguageTool's rule flags the whole subject: another span, and it still is one problem
    lt = [flag("MT_DOUBLED_SUBJECT_POS", "Mr. Pompeo He", "languagetool")]
    checked = reports(lt)
    supersede(checked)
    assert [f.text for f in checked[1].flags] == ["Pompeo He", "Leave a Reply"]
    merged = merge_flags(f for report in checked for f in report.flags)
    assert [(f.rule, f.text) for f in merged] == [
        ("MT_DOUBLED_SUBJECT", "Pompeo He"),  # the detector's flag, so decisions stay put
        ("MT_WEB_RESIDUE", "Leave a Reply"),
    ]
    assert merged[0].extra["also_reported_by"] == "languagetool:MT_DOUBLED_SUBJECT_POS"


def test_twins_of_different_categories_are_still_one_flag() -> None:
    python = flag("MT_STRAY_CAPITAL", "He", "artefacts", "Fluency/Spelling")
    lt = flag("MT_DOUBLED_SUBJECT_POS", "Pompeo He", "languagetool")
    assert len(merge_flags([python, lt])) == 2  # not twins: two problems
    twin = flag("MT_STRAY_CAPITAL_POS", "Pompeo He", "languagetool", "Fluency/Grammar")
    assert [f.rule for f in merge_flags([python, twin])] == ["MT_STRAY_CAPITAL"]


@pytest.mark.parametrize(
    ("covers", "status"),
    [
        (frozenset(), EngineStatus.OK),  # a user's server without our rule folder
        (CUSTOM, EngineStatus.UNAVAILABLE),  # no Java, a dead server
        (CUSTOM - {"MT_DOUBLED_SUBJECT_POS"}, EngineStatus.OK),  # the rule was disabled
    ],
    ids=["server-without-rules", "languagetool-unavailable", "custom-rule-disabled"],
)
def test_without_the_custom_rule_the_detectors_are_the_fallback(
    covers: frozenset[str], status: EngineStatus
) -> None:
    checked = reports([], covers, status)
    supersede(checked)
    assert checked[1].flags == python_flags()


def test_the_window_gets_the_same_result_whichever_engine_finishes_first() -> None:
    lt = [flag("MT_DOUBLED_SUBJECT_POS", "minister she", "languagetool")]
    artefacts_first = flags_after_supersede(list(reversed(reports(lt))))
    languagetool_first = flags_after_supersede(reports(lt))
    assert artefacts_first == languagetool_first
    assert [f.text for f in languagetool_first["artefacts"]] == ["minister she", "Leave a Reply"]
    assert languagetool_first["languagetool"] == lt
    alone = flags_after_supersede([reports(lt)[1]])  # LanguageTool still starting
    assert alone["artefacts"] == python_flags()
