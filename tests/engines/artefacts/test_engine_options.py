"""The artefacts engine honours the rules and categories a reviewer switched off."""

from __future__ import annotations

from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions
from reviewer.engines.artefacts.engine import ArtefactsEngine
from reviewer.engines.artefacts.registry import detector_classes

TEXT = (
    "Talks resume in Geneva\n\n"
    "Mr. Pompeo He refused to comment on the the proposal. the coalition\n\n"
    "Leave a Reply\n"
)


def rules(options: CheckOptions) -> set[str]:
    report = ArtefactsEngine().check(Document.from_text(TEXT), options)
    return {flag.rule for flag in report.flags}


def test_every_rule_fires_on_this_text_by_default() -> None:
    assert {"MT_DOUBLED_SUBJECT", "QA_REPEATED_WORD", "MT_FRAGMENT", "MT_WEB_RESIDUE"} <= rules(
        CheckOptions()
    )


def test_disabled_rule_is_not_reported() -> None:
    found = rules(CheckOptions(disabled_rules=frozenset({"QA_REPEATED_WORD"})))
    assert "QA_REPEATED_WORD" not in found
    assert "MT_DOUBLED_SUBJECT" in found


def test_disabled_mqm_category_and_whole_dimension() -> None:
    no_residue = rules(
        CheckOptions(disabled_categories=frozenset({"Other/Non-translation content"}))
    )
    assert "MT_WEB_RESIDUE" not in no_residue and "MT_FRAGMENT" in no_residue
    no_fluency = rules(CheckOptions(disabled_categories=frozenset({"Fluency"})))
    fluency_rules = {c.rule_id for c in detector_classes() if c.category.startswith("Fluency/")}
    assert not no_fluency & fluency_rules
    assert "MT_WEB_RESIDUE" in no_fluency


VARIANTS = (
    "The US envoy met the U.S. ambassador. The US embassy said so.\n\n"
    "Send an email or an e-mail, the email desk said.\n"
)


def variant_categories(options: CheckOptions) -> set[str]:
    report = ArtefactsEngine().check(Document.from_text(VARIANTS), options)
    return {flag.category for flag in report.flags if flag.rule == "MT_INCONSISTENT_VARIANT"}


def test_categories_are_disabled_per_finding_not_per_detector() -> None:
    # MT_INCONSISTENT_VARIANT reports names as Terminology and spellings as Fluency
    both = {"Terminology/Inconsistent use", "Fluency/Inconsistency"}
    assert variant_categories(CheckOptions()) == both
    no_fluency = CheckOptions(disabled_categories=frozenset({"Fluency"}))
    assert variant_categories(no_fluency) == {"Terminology/Inconsistent use"}
    no_names = CheckOptions(disabled_categories=frozenset({"Terminology/Inconsistent use"}))
    assert variant_categories(no_names) == {"Fluency/Inconsistency"}


def test_a_source_language_without_lists_is_announced() -> None:
    document = Document.from_text("The talks resumed on Monday.")
    dutch = ArtefactsEngine().check(document, CheckOptions(source_language="nl"))
    assert dutch.notices == [
        "no false-friend list for nl; MT_FALSE_FRIEND is off",
        "no untranslated-word list for nl; MT_UNTRANSLATED is off",
    ]
    assert dutch.to_json()["notices"] == dutch.notices
    assert ArtefactsEngine().check(document, CheckOptions(source_language="es")).notices == []
    assert ArtefactsEngine().check(document, CheckOptions()).notices == []
    switched_off = CheckOptions(source_language="nl", disabled_rules=frozenset({"MT_FALSE_FRIEND"}))
    assert ArtefactsEngine().check(document, switched_off).notices == [
        "no untranslated-word list for nl; MT_UNTRANSLATED is off"
    ]
