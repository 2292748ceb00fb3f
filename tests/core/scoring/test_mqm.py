"""MQM totals of a hand-made review with known decisions and error marks."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reviewer.core.flags import Severity
from reviewer.core.scoring import build_scorecard, count_words, load_scoring_model
from reviewer.core.scoring.mqm import SOURCE_ACCEPTED, SOURCE_MARKED, SOURCE_RESOLVED
from tests.core.scoring.support import EXPECTED_PENALTY, MT_WORDS, TEXT, hand_made_review


def test_counted_errors_match_the_hand_made_decisions(tmp_path: Path) -> None:
    review = hand_made_review(tmp_path)
    card = build_scorecard(review)
    mqm = card.mqm
    found = sorted((e.rule or e.category, e.source, e.weight) for e in mqm.errors)
    assert found == sorted(
        [
            ("T_VERB", SOURCE_ACCEPTED, 5.0),
            ("T_SPACE", SOURCE_ACCEPTED, 0.1),  # minor Fluency/Punctuation: WMT's 0.1
            ("T_REPEAT", SOURCE_RESOLVED, 1.0),  # fixed by a hand edit
            ("Accuracy/Mistranslation", SOURCE_MARKED, 25.0),
            ("Non-translation", SOURCE_MARKED, 25.0),  # 25 whatever the severity
        ]
    )
    # T_SPELL was rejected, T_RESIDUE is open, T_TENSE went away with the T_VERB fix.
    assert mqm.words == MT_WORDS == count_words(TEXT)
    assert mqm.penalty == pytest.approx(EXPECTED_PENALTY)
    assert mqm.penalty_per_1000_words == pytest.approx(1000 * EXPECTED_PENALTY / MT_WORDS)
    assert mqm.score == pytest.approx(100 * (1 - EXPECTED_PENALTY / MT_WORDS))
    assert mqm.by_severity == {Severity.MINOR: 3, Severity.MAJOR: 1, Severity.CRITICAL: 1}
    assert mqm.critical_errors == 1
    assert not mqm.passed
    assert mqm.verdict() == "fail (critical error)"
    review.close()


def test_tallies_by_dimension_and_category(tmp_path: Path) -> None:
    review = hand_made_review(tmp_path)
    mqm = build_scorecard(review).mqm
    dimensions = {t.name: (t.total, t.penalty) for t in mqm.by_dimension()}
    assert dimensions == {
        "Fluency": (3, pytest.approx(6.1)),
        "Accuracy": (1, 25.0),
        "Non-translation": (1, 25.0),
    }
    categories = {t.name: dict(t.counts) for t in mqm.by_category()}
    assert categories["Fluency/Grammar"] == {
        Severity.MINOR: 1,
        Severity.MAJOR: 1,
        Severity.CRITICAL: 0,
    }
    assert categories["Fluency/Punctuation"][Severity.MINOR] == 1
    review.close()


def test_formula_and_weights_travel_with_the_score(tmp_path: Path) -> None:
    review = hand_made_review(tmp_path)
    data = build_scorecard(review, threshold=90).to_json()["mqm"]
    assert isinstance(data, dict)
    assert "100 × (1 − penalty ÷ words)" in str(data["formula"])
    weights = data["weights"]
    assert isinstance(weights, dict)
    assert weights["severities"] == {"minor": 1.0, "major": 5.0, "critical": 25.0}
    assert weights["overrides"]["Fluency/Punctuation"] == {"minor": 0.1}
    assert data["threshold"] == 90
    review.close()


def test_without_critical_errors_the_threshold_decides(tmp_path: Path) -> None:
    review = hand_made_review(tmp_path)
    critical = next(a for a in review.annotations if a.severity is Severity.CRITICAL)
    review.remove_annotation(critical.id)
    mqm = build_scorecard(review).mqm
    penalty = EXPECTED_PENALTY - 25
    assert mqm.penalty == pytest.approx(penalty)
    score = 100 * (1 - penalty / MT_WORDS)
    assert build_scorecard(review, threshold=score - 0.01).mqm.passed
    assert not build_scorecard(review, threshold=score + 0.01).mqm.passed
    review.close()


def test_resolved_flags_can_be_left_out(tmp_path: Path) -> None:
    review = hand_made_review(tmp_path)
    model = replace(load_scoring_model(), count_resolved_by_edit=False)
    rules = {e.rule for e in build_scorecard(review, model=model).mqm.errors}
    assert "T_REPEAT" not in rules
    review.close()


def test_an_untouched_review_scores_100(tmp_path: Path) -> None:
    path = tmp_path / "clean.txt"
    path.write_text("The talks resumed on Monday.\n", encoding="utf-8")
    from reviewer.core.review import open_review

    review = open_review(path)
    card = build_scorecard(review)
    assert card.mqm.errors == []
    assert card.mqm.score == 100
    assert card.mqm.passed
    assert card.distance.document.ter == 0
    review.close()


def test_weights_prefer_the_most_specific_override() -> None:
    model = load_scoring_model()
    assert model.weight("Fluency/Punctuation", Severity.MINOR) == 0.1
    assert model.weight("Fluency/Punctuation", Severity.MAJOR) == 5
    assert model.weight("Fluency/Grammar", Severity.MINOR) == 1
    assert model.weight("Non-translation", Severity.MAJOR) == 25
    assert model.weight("Accuracy/Mistranslation", Severity.CRITICAL) == 25
