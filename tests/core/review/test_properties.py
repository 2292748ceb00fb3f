"""Random documents, random command sequences: the review never loses track of its text.

After every command each live sentence sits in the rendered text exactly where the layout
says, and each flag shown slices the text to its own words. Undoing everything gives the
original text and open flags back, and the `.review` file holds what memory holds.
"""

from __future__ import annotations

import contextlib
import itertools
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.core.flags import Severity
from reviewer.core.review import Review, ReviewCommandError, open_review, open_review_file
from tests.core.review.support import assert_consistent, check, open_flags, write_text

SENTENCES = [
    "Officials met on Monday.",
    "Mr. Pompeo He refused to comment.",
    "The talks went well.",
    "the coalition",  # a lower-case fragment: flagged after a full stop
    "Prices rose by 5% in May.",
    "Dr. Lee spoke first.",
    "Nobody knew why",
    "The minister he said no.",
]
LINES = ["Leave a Reply", "Share this:", "Ministers Meet In Doha"]

EDITS = [
    "",
    "The talks went well.",
    "A short new sentence.",
    "Two parts now. And a second one.",
    "Mr. Pompeo He said no. the coalition",
    "  spaced   out words  ",
    "broken\nacross lines.",
    "Dr. Lee left. Mr. Smith stayed. Nobody spoke.",
]
NEEDLES = ["the", "Pompeo He", "talks", "He", "."]
REPLACEMENTS = ["", "THE", "Pompeo", "talks. New sentence", "!"]
CATEGORIES = ["Fluency/Grammar", "Accuracy/Mistranslation", "Style/Awkward"]
OPERATIONS = [
    "accept",
    "apply_to_all",
    "reject",
    "edit",
    "delete",
    "annotate",
    "review",
    "unreview",
    "replace_all",
    "merge",
    "undo",
    "undo",
    "redo",
    "check",
]


@st.composite
def documents(draw: st.DrawFn) -> str:
    paragraphs = draw(
        st.lists(
            st.one_of(
                st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=5),
                st.sampled_from(LINES).map(lambda line: [line]),
            ),
            min_size=1,
            max_size=5,
        )
    )
    pieces = [draw(st.sampled_from(["", "", "\n", "  ", "\n\n "]))]
    for index, sentences in enumerate(paragraphs):
        if index:
            pieces.append(draw(st.sampled_from(["\n", "\n\n", "\n\n\n", " \n", "\n  "])))
        line = sentences[0]
        for sentence in sentences[1:]:
            line += draw(st.sampled_from([" ", " ", "  ", "\t"])) + sentence
        pieces.append(line)
    pieces.append(draw(st.sampled_from(["", "\n", "\n\n", " \n"])))
    return "".join(pieces)


commands = st.lists(
    st.tuples(
        st.sampled_from(OPERATIONS),
        st.integers(0, 11),  # small numbers: commands often meet the same sentence
        st.integers(0, 11),
        st.sampled_from(EDITS),
    ),
    min_size=1,
    max_size=16,
)


def open_flag_summary(review: Review) -> list[tuple[object, ...]]:
    return sorted(
        (rf.key.sentence_id, rf.key.rule, rf.key.text, rf.key.occurrence, rf.start, rf.end)
        for rf in open_flags(review)
    )


def assert_invariants(review: Review) -> None:
    assert_consistent(review)
    for segment in review.segments:
        assert segment.text == segment.text.strip(), segment
        assert "\n" not in segment.text, segment


def step(review: Review, operation: str, a: int, b: int, edit: str) -> None:
    segments = review.segments
    live = [s for s in segments if s.text]
    if operation in {"accept", "apply_to_all", "reject"}:
        flags = open_flags(review)
        if not flags:
            return
        flag = flags[a % len(flags)]
        if operation == "accept" and flag.flag.suggestions:
            review.accept(flag, b % len(flag.flag.suggestions))
        elif operation == "apply_to_all" and flag.flag.suggestions:
            review.apply_to_all(flag, b % len(flag.flag.suggestions))
        else:
            review.reject(flag, "not an error here")
    elif operation in {"edit", "delete"}:
        text = edit if operation == "edit" else ""
        review.edit_sentence(segments[a % len(segments)].id, text)
    elif operation == "annotate":
        if not live:
            return
        segment = live[a % len(live)]
        start = a % len(segment.text)
        end = start + 1 + b % (len(segment.text) - start)
        review.annotate(
            segment.id,
            start=start,
            end=end,
            category=CATEGORIES[b % len(CATEGORIES)],
            severity=list(Severity)[a % len(Severity)],
        )
    elif operation in {"review", "unreview"}:
        review.mark_reviewed(segments[a % len(segments)].id, operation == "review")
    elif operation == "replace_all":
        review.replace_all(
            NEEDLES[a % len(NEEDLES)],
            REPLACEMENTS[b % len(REPLACEMENTS)],
            match_case=bool(a % 2),
            whole_words=bool(b % 2),
        )
    elif operation == "merge":
        joinable = [
            segment
            for segment, following in itertools.pairwise(segments)
            if segment.paragraph == following.paragraph
        ]
        deleted = [segment for segment in joinable if not segment.text]
        if deleted and b % 2:  # merging into a sentence deleted just before is a classic
            review.merge_with_next(deleted[a % len(deleted)].id)
            return
        if joinable and b % 4:
            review.merge_with_next(joinable[a % len(joinable)].id)
            return
        with contextlib.suppress(ReviewCommandError):  # the last sentence of a paragraph
            review.merge_with_next(segments[a % len(segments)].id)
    elif operation == "undo":
        review.undo()
    elif operation == "redo":
        review.redo()
    else:
        check(review)


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=documents(), sequence=commands)
def test_random_commands_keep_the_review_consistent(
    text: str, sequence: list[tuple[str, int, int, str]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        review = open_review(write_text(Path(folder), text))
        try:
            assert review.text == text
            check(review)
            original_flags = open_flag_summary(review)
            assert_invariants(review)
            for operation, a, b, edit in sequence:
                step(review, operation, a, b, edit)
                assert_invariants(review)
            final_text, final_segments = review.text, review.segments
            final_decisions = {d.key: d for d in review.decisions}
            path = review.path
        finally:
            review.close()

        review = open_review_file(path)
        try:
            assert review.text == final_text
            assert review.segments == final_segments
            assert {d.key: d for d in review.decisions} == final_decisions
            undone = 0
            while review.can_undo:
                review.undo()
                undone += 1
                assert_invariants(review)
            assert review.text == text
            assert all(not s.origin for s in review.segments)
            assert review.annotations == []
            check(review)
            assert open_flag_summary(review) == original_flags
            for _ in range(undone):
                review.redo()
                assert_invariants(review)
            assert review.text == final_text
            assert [s.text for s in review.segments] == [s.text for s in final_segments]
        finally:
            review.close()
