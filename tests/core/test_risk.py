"""Sentence risk: bounded, raised by flags and by signs of trouble, in every JSON sentence."""

from __future__ import annotations

from reviewer.core.checking import run_check
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Flag, Severity
from reviewer.core.risk import (
    FEATURES,
    RiskModel,
    flags_by_sentence,
    risk_features,
    risk_model,
    sentence_risk,
)
from reviewer.engines import create_engines
from reviewer.formats.report_json import report_dict

TEXT = "The council approved the new budget on Tuesday."


def flag(severity: Severity, confidence: float = 1.0) -> Flag:
    return Flag(
        start=4,
        end=11,
        text="council",
        rule="X",
        engine="test",
        category="Fluency/Grammar",
        severity=severity,
        message="m",
        confidence=confidence,
    )


def test_the_fitted_model_uses_known_features_and_scores_within_bounds() -> None:
    model = risk_model()
    assert set(model.weights) <= set(FEATURES)
    assert 0.0 <= sentence_risk(TEXT) <= 1.0
    assert 0.0 <= sentence_risk(TEXT * 20, [flag(Severity.MAJOR)] * 30) <= 1.0


def test_features_count_flags_repeats_dashes_and_long_numbers() -> None:
    text = "The the plan -- which cost 250000 dollars -- was the plan, officials said."
    values = risk_features(text, [flag(Severity.MAJOR), flag(Severity.MINOR, 0.4)])
    assert values["major_flags"] == 1.0
    assert values["minor_flags"] == 1.0
    assert values["max_confidence"] == 1.0
    assert values["dashes"] == 2.0
    assert values["long_numbers"] == 1.0
    assert values["repeated_words"] == 1.0  # "plan" twice (short words are left out)
    assert set(values) == set(FEATURES)


def test_a_major_flag_raises_the_risk_under_a_positive_weight() -> None:
    model = RiskModel(bias=-1.0, weights={"major_flags": 1.0})
    assert sentence_risk(TEXT, [flag(Severity.MAJOR)], model) > sentence_risk(TEXT, [], model)


def test_flags_go_to_the_sentence_they_start_in() -> None:
    document = Document.from_text("First sentence here. Second one there.")
    second = Flag(
        start=21,
        end=27,
        text="Second",
        rule="X",
        engine="t",
        category="Other",
        severity=Severity.MINOR,
        message="m",
    )
    assert flags_by_sentence(document, [second]) == [[], [second]]


def test_every_json_sentence_has_a_risk() -> None:
    document = Document.from_text("Officials said the the plan was ready. It was approved.")
    result = run_check(document, create_engines(["artefacts"]), CheckOptions())
    sentences = report_dict(result)["sentences"]
    assert all(0.0 <= s["risk"] <= 1.0 for s in sentences)
    assert sentences[0]["risk"] > sentences[1]["risk"]


# -- with the source (bilingual files) ---------------------------------------------------------


def test_source_features_see_missing_numbers_and_names() -> None:
    from reviewer.core.risk import source_features

    kept = source_features(
        "El Gobierno aprobó 2.400 millones para Iberdrola.",
        "The government approved 2,400 million for Iberdrola.",
        0.0,
    )
    assert kept["source_numbers_missing"] == 0.0
    lost = source_features(
        "El Gobierno aprobó 2.400 millones para Iberdrola.",
        "The government approved 24 million.",
        0.0,
    )
    assert lost["source_numbers_missing"] == 1.0
    assert lost["source_names_missing"] == 0.0  # a Latin source: names are not counted
    chinese = source_features("苹果公司发布了iPhone和AirPods", "Apple released the iPhone.", 0.0)
    assert chinese["source_names_missing"] == 1.0  # AirPods


def test_the_length_ratio_is_judged_against_the_document() -> None:
    from reviewer.core.risk import source_features, typical_log_ratio

    pairs = [("Una frase de longitud media.", "A sentence of medium length.")] * 5
    typical = typical_log_ratio(pairs)
    usual = source_features(*pairs[0], typical)["length_ratio_deviation"]
    omitted = source_features(
        "Una frase mucho más larga que dice muchas cosas importantes sobre el tema.",
        "A sentence.",
        typical,
    )["length_ratio_deviation"]
    assert usual < 0.01
    assert omitted > 1.0


def test_the_bilingual_model_weighs_the_source_features() -> None:
    from reviewer.core.risk import SOURCE_FEATURES, risk_model, sentence_risk

    model = risk_model(bilingual=True)
    assert set(SOURCE_FEATURES) <= set(model.weights)
    text = "The government approved 24 million."
    fine = dict.fromkeys(SOURCE_FEATURES, 0.0)
    lost = {**fine, "source_numbers_missing": 1.0, "length_ratio_deviation": 1.0}
    assert sentence_risk(text, source=lost) > sentence_risk(text, source=fine)
