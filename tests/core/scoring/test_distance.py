"""The scorecard's TER/chrF/BLEU are sacrebleu's own figures, signatures included."""

from __future__ import annotations

from pathlib import Path

import pytest
from sacrebleu.metrics import BLEU, CHRF, TER

from reviewer.core.review import open_review
from reviewer.core.scoring import build_scorecard, post_edit_distance, sentence_units
from tests.core.scoring.support import hand_made_review

MT = [
    "Mr. Pompeo He refused to say which countries had agreed.",
    "The missions were arrested in January.",
    "Leave a Reply",
    "Officials said The talks went well.",
]
CORRECTED = [
    "Mr. Pompeo refused to say which countries had agreed.",
    "The missions were halted in January.",
    "",
    "Officials said the talks went well.",
]


def test_sentence_and_document_figures_match_sacrebleu() -> None:
    report = post_edit_distance(MT, CORRECTED)
    ter, chrf = TER(case_sensitive=True), CHRF()
    sentence_bleu, document_bleu = BLEU(effective_order=True), BLEU()
    for hypothesis, reference, figures in zip(MT, CORRECTED, report.sentences, strict=True):
        assert figures.ter == pytest.approx(ter.sentence_score(hypothesis, [reference]).score)
        assert figures.chrf == pytest.approx(chrf.sentence_score(hypothesis, [reference]).score)
        assert figures.bleu == pytest.approx(
            sentence_bleu.sentence_score(hypothesis, [reference]).score
        )
    assert report.document.ter == pytest.approx(ter.corpus_score(MT, [CORRECTED]).score)
    assert report.document.chrf == pytest.approx(chrf.corpus_score(MT, [CORRECTED]).score)
    assert report.document.bleu == pytest.approx(document_bleu.corpus_score(MT, [CORRECTED]).score)
    assert report.signatures.ter == str(ter.get_signature())
    assert report.signatures.chrf == str(chrf.get_signature())
    assert report.signatures.bleu_sentence == str(sentence_bleu.get_signature())
    assert report.signatures.bleu_document == str(document_bleu.get_signature())
    assert "case:mixed" in report.signatures.ter  # a fixed capital is an edit


def test_a_capital_fixed_by_the_post_editor_is_an_edit() -> None:
    report = post_edit_distance([MT[3]], [CORRECTED[3]])
    assert report.sentences[0].ter > 0
    assert report.sentences[0].edits == 1


def test_the_review_scorecard_scores_mt_against_the_corrected_sentences(tmp_path: Path) -> None:
    review = hand_made_review(tmp_path)
    card = build_scorecard(review)
    units = sentence_units(review)
    mt = [unit.mt for unit in units]
    corrected = [unit.corrected for unit in units]
    assert corrected != mt
    ter, chrf = TER(case_sensitive=True), CHRF()
    assert card.distance.document.ter == pytest.approx(ter.corpus_score(mt, [corrected]).score)
    assert card.distance.document.chrf == pytest.approx(chrf.corpus_score(mt, [corrected]).score)
    assert card.distance.document.bleu == pytest.approx(BLEU().corpus_score(mt, [corrected]).score)
    for row in card.rows:
        expected = ter.sentence_score(row.unit.mt, [row.unit.corrected]).score
        assert row.distance.ter == pytest.approx(expected)
    assert card.distance.document.ter > 0
    review.close()


def test_a_split_sentence_is_compared_as_one_unit_with_its_pieces(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text("Talks resumed on Monday and officials said they went well.\n", "utf-8")
    from reviewer.core.review import open_review

    review = open_review(path)
    (segment,) = review.segments
    review.edit_sentence(segment.id, "Talks resumed on Monday. Officials said they went well.")
    assert len(review.segments) == 2
    (unit,) = sentence_units(review)
    assert unit.mt == "Talks resumed on Monday and officials said they went well."
    assert unit.corrected == "Talks resumed on Monday. Officials said they went well."
    assert len(unit.segment_ids) == 2
    card = build_scorecard(review)
    assert card.rows[0].distance.ter > 0
    review.close()


def test_an_empty_document_scores_without_error(tmp_path: Path) -> None:
    """`reviewer fix` on an empty file leaves a review of no sentences; its scorecard (and
    `reviewer scorecards` over the folder) raised sacrebleu's "evaluate the metric first"."""
    report = post_edit_distance([], [])
    assert report.sentences == []
    assert "nrefs:1" in report.signatures.bleu_sentence
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    review = open_review(empty)
    card = build_scorecard(review)
    review.close()
    assert card.sentences == 0 and card.open_flags == 0
