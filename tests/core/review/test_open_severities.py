"""`Review.open_severities` counts what `open_flags_in` lists, by its faster path or not."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from reviewer.core.flags import Flag, Severity
from reviewer.core.review import Review, open_review
from tests.core.review.support import DOUBLED, check, flag_of, write_text


def assert_counts_agree(review: Review) -> None:
    for segment in review.segments:
        expected = Counter(rf.flag.severity for rf in review.open_flags_in(segment.id))
        assert Counter(review.open_severities(segment.id)) == expected, segment.text


def test_counts_agree_after_a_check_a_decision_an_edit_and_a_second_engine(
    tmp_path: Path,
) -> None:
    review = open_review(write_text(tmp_path))
    try:
        check(review)
        assert_counts_agree(review)
        review.reject(flag_of(review, DOUBLED), "a name, not a doubled subject")
        assert_counts_agree(review)
        segment = review.segments[2]
        review.edit_sentence(segment.id, segment.text.replace("partners", "allies"))
        assert_counts_agree(review)  # flags of the edited sentence are placed anew

        document = review.document
        sentence = document.sentences[2]
        word = sentence.text.split()[0]
        other = Flag(
            sentence.start,
            sentence.start + len(word),
            word,
            "OTHER_RULE",
            "other",
            "Fluency/Grammar",
            Severity.CRITICAL,
            "m",
        )
        review.record_flags("other", document, [other])
        assert_counts_agree(review)  # two engines on one sentence: merged as listed
        assert Severity.CRITICAL in review.open_severities(sentence.id)
    finally:
        review.close()
