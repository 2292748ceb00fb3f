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
    is_high_risk,
    risk_features,
    risk_model,
    sentence_risk,
    typical_log_length,
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


# -- the high-risk mark -------------------------------------------------------------------------


def test_the_shipped_models_mark_some_risks_and_not_others() -> None:
    for bilingual in (False, True):
        model = risk_model(bilingual)
        assert 0.0 < model.high_risk < 1.0  # fitted: some sentences are marked, not all
        assert model.is_high(model.high_risk)
        assert not model.is_high(model.high_risk - 0.001)


def test_a_model_without_a_threshold_marks_nothing() -> None:
    model = RiskModel(bias=50.0, weights={})
    assert model.score({}) == 1.0
    assert not model.is_high(1.0)


LONG_CLEAN = (
    "The committee, which met on Tuesday in the old town hall, said that the plan, which "
    "had been criticised by the unions, the mayor, and several members of the council, "
    "would go ahead in spring, although no budget had been agreed, no contractor had been "
    "chosen, and no date was set."
)
SHORT = ["It was approved.", "The vote is next week.", "Nobody objected.", "Work starts soon."]


def test_a_long_sentence_among_short_ones_is_marked_and_a_short_one_is_not() -> None:
    typical = typical_log_length([LONG_CLEAN, *SHORT])
    assert is_high_risk(sentence_risk(LONG_CLEAN, typical_length=typical))
    assert not is_high_risk(sentence_risk(SHORT[0], typical_length=typical))


def test_a_sentence_with_a_major_flag_is_not_marked_the_flag_already_sends_the_reviewer() -> None:
    risk = sentence_risk(LONG_CLEAN, [flag(Severity.MAJOR)] * 3)
    assert risk > risk_model().high_risk
    assert not is_high_risk(risk, flags=[flag(Severity.MAJOR)])
    assert not is_high_risk(risk, flags=[flag(Severity.CRITICAL)])
    assert is_high_risk(risk, flags=[flag(Severity.MINOR)])  # a comma does not explain it


def test_every_json_sentence_says_whether_it_is_high_risk() -> None:
    text = " ".join([LONG_CLEAN, *SHORT])
    result = run_check(Document.from_text(text), create_engines(["artefacts"]), CheckOptions())
    report = report_dict(result)
    assert not report["flags"]
    assert [s["high_risk"] for s in report["sentences"]] == [True, False, False, False, False]
    doubled_subject = LONG_CLEAN.replace(
        "The committee, which met on Tuesday in the old town hall, said",
        "Mr. Pompeo He said on Tuesday in the old town hall",
    )
    flagged = run_check(
        Document.from_text(" ".join([doubled_subject, *SHORT])),
        create_engines(["artefacts"]),
        CheckOptions(),
    )
    first = report_dict(flagged)["sentences"][0]
    assert first["risk"] > risk_model().high_risk
    assert first["high_risk"] is False  # its major flag (the doubled subject) speaks for it


def test_the_threshold_keeps_error_free_segments_marked_within_the_budget() -> None:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
    from fit_risk import high_risk_threshold

    # ten error-free segments, one already flagged; a 30% budget leaves two marks
    risks = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05, 0.95, 0.85]
    flagged = [True] + [False] * 11
    clean = [True] * 10 + [False, False]
    threshold = high_risk_threshold(risks, flagged, clean, 0.3)
    marked = [f or r >= threshold for f, r in zip(flagged, risks, strict=True)]
    assert sum(m and c for m, c in zip(marked, clean, strict=True)) == 3
    assert threshold == 0.7
    # a tie at the cut would overshoot: the threshold steps above it
    tied = high_risk_threshold([0.5, 0.5, 0.5, 0.1], [False] * 4, [True] * 4, 0.25)
    assert tied > 0.5
    # the flags alone use the budget: nothing is marked
    assert high_risk_threshold(risks, [True] * 12, clean, 0.3) > 1.0


def test_length_counts_against_the_documents_typical_sentence() -> None:
    sentence = (
        "The council said on Tuesday that the budget, which the mayor had proposed in "
        "March, would be voted on next week after a long debate."
    )
    short_talk = ["We did it.", "It works.", "Thank you very much.", sentence]
    long_report = [sentence, sentence.replace("Tuesday", "Monday"), sentence + " " + sentence]
    among_short = sentence_risk(sentence, typical_length=typical_log_length(short_talk))
    among_long = sentence_risk(sentence, typical_length=typical_log_length(long_report))
    assert among_short > among_long
    assert typical_log_length([]) == 0.0
    # a long document is judged on an even sample of its sentences, blank ones left out
    many = ["One two three."] * 5000 + ["   "] * 10
    assert typical_log_length(many) == typical_log_length(["One two three."])
