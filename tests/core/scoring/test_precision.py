"""Checker precision per rule: raised, accepted, rejected, resolved, open."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reviewer.core.flags import Flag, Severity
from reviewer.core.review import open_review
from reviewer.core.scoring import build_scorecard, load_scoring_model, rule_precision
from tests.core.scoring.support import FLAGS, flag, hand_made_review, record


def test_every_rule_is_counted_under_what_became_of_its_flags(tmp_path: Path) -> None:
    review = hand_made_review(tmp_path)
    rows = {row.rule: row for row in rule_precision(review, load_scoring_model())}
    assert set(rows) == set(FLAGS)
    counts = {
        rule: (row.raised, row.accepted, row.rejected, row.resolved, row.open)
        for rule, row in rows.items()
    }
    assert counts == {
        "T_VERB": (1, 1, 0, 0, 0),  # accepted: its flag is gone, its decision counts
        "T_TENSE": (1, 0, 0, 1, 0),
        "T_SPELL": (1, 0, 1, 0, 0),
        "T_SPACE": (1, 1, 0, 0, 0),
        "T_REPEAT": (1, 0, 0, 1, 0),
        "T_RESIDUE": (1, 0, 0, 0, 1),
    }
    assert rows["T_VERB"].precision == 1.0
    assert rows["T_SPELL"].precision == 0.0
    assert rows["T_REPEAT"].precision is None  # resolved flags are left out of precision
    assert rows["T_REPEAT"].lenient_precision == 1.0
    assert rows["T_RESIDUE"].precision is None
    assert rows["T_VERB"].engine == "test"
    assert build_scorecard(review).open_flags == 1
    review.close()


def test_a_rule_reviewers_keep_rejecting_is_suggested_for_switching_off(tmp_path: Path) -> None:
    text = "Their was a storm. Their was rain. Their was wind. Their was snow.\n"
    review = hand_made_review(tmp_path)
    review.close()
    path = tmp_path / "other.txt"
    path.write_text(text, encoding="utf-8")

    review = open_review(path)
    flags = []
    for index in range(4):
        start = review.text.index("Their", index * 10 if index else 0)
        start = [i for i in range(len(text)) if text.startswith("Their", i)][index]
        flags.append(
            Flag(
                start,
                start + 5,
                "Their",
                "T_NOISY",
                "test",
                "Fluency/Spelling",
                Severity.MINOR,
                "noisy",
                ("There",),
            )
        )
    review.record_flags("test", review.document, flags)
    for _ in range(3):
        review.reject(flag(review, "T_NOISY"))
    model = load_scoring_model()
    (row,) = rule_precision(review, model)
    assert (row.raised, row.rejected, row.open) == (4, 3, 1)
    assert row.precision == 0.0
    assert row.suggest_switch_off
    strict = replace(model, switch_off_min_decided=4)
    assert not rule_precision(review, strict)[0].suggest_switch_off
    assert rule_precision(review, model, frozenset({"T_NOISY"}))[0].disabled
    review.close()


def test_a_re_raised_flag_is_counted_once(tmp_path: Path) -> None:
    review = hand_made_review(tmp_path)
    record(review, ["T_SPELL", "T_RESIDUE"])
    record(review, ["T_SPELL", "T_RESIDUE"])
    rows = {row.rule: row for row in rule_precision(review, load_scoring_model())}
    assert rows["T_SPELL"].raised == 1
    assert rows["T_RESIDUE"].raised == 1
    assert rows["T_SPELL"].precision == pytest.approx(0.0)
    review.close()


def test_a_twin_from_another_engine_is_not_left_open_once_the_flag_is_decided(
    tmp_path: Path,
) -> None:
    """The window shows two engines' flags on the same words as one card; rejecting it
    leaves no open flag there, and the scorecard's "still open" agrees with the window."""
    path = tmp_path / "article.txt"
    path.write_text("the talks resumed on Monday.\n", encoding="utf-8")
    review = open_review(path)
    for engine, rule in (("languagetool", "UPPERCASE_SENTENCE_START"), ("artefacts", "MT_X")):
        found = Flag(0, 3, "the", rule, engine, "Fluency/Spelling", Severity.MINOR, "m", ("The",))
        review.record_flags(engine, review.document, [found])
    segment = review.segments[0].id
    (merged,) = review.open_flags_in(segment)
    review.reject(merged)
    assert review.open_flags_in(segment) == []
    assert build_scorecard(review).open_flags == 0
    review.close()


def test_a_twin_merged_into_a_decided_card_takes_its_decision_in_the_rule_table(
    tmp_path: Path,
) -> None:
    """Both rules were judged with the one card the window showed: neither stays open in
    the checker-precision table, and a flag on other words of the sentence stays open."""
    path = tmp_path / "article.txt"
    path.write_text("the talks resumed on Monday in Genevaa.\n", encoding="utf-8")
    review = open_review(path)
    capital = {"languagetool": "UPPERCASE_SENTENCE_START", "artefacts": "MT_X"}
    for engine, rule in capital.items():
        found = [Flag(0, 3, "the", rule, engine, "Fluency/Spelling", Severity.MINOR, "m", ("The",))]
        if engine == "languagetool":
            found.append(
                Flag(31, 38, "Genevaa", "SPELL", engine, "Fluency/Spelling", Severity.MINOR, "m")
            )
        review.record_flags(engine, review.document, found)
    segment = review.segments[0].id
    twins = review.merged_twins(segment)
    assert len(twins) == 1
    merged = next(rf for rf in review.open_flags_in(segment) if rf.flag.text == "the")
    review.reject(merged)
    rows = {row.rule: row for row in rule_precision(review, load_scoring_model())}
    for rule in capital.values():
        assert (rows[rule].rejected, rows[rule].open) == (1, 0), rule
    assert rows["SPELL"].open == 1
    review.close()
