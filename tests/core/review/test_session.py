"""Review commands on a small machine-translated article: what each does to the text, the
decisions and the undo history."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.flags import Flag, Severity
from reviewer.core.review import (
    DecisionStatus,
    FlagKey,
    Review,
    ReviewCommandError,
    SentenceStatus,
    open_review,
)
from tests.core.review.support import (
    ARTICLE,
    DOUBLED,
    FRAGMENT,
    RESIDUE,
    all_flags,
    assert_consistent,
    check,
    flag_of,
    open_flags,
    segment_with,
    write_text,
)


@pytest.fixture
def review(tmp_path: Path) -> Review:
    opened = open_review(write_text(tmp_path), reviewer="tester")
    check(opened)
    yield opened  # type: ignore[misc]
    opened.close()


def open_article(folder: Path, text: str) -> Review:
    opened = open_review(write_text(folder, text), reviewer="tester")
    check(opened)
    return opened


def texts(review: Review) -> dict[str, str]:
    return {s.id: s.text for s in review.segments}


# -- the article and its flags -------------------------------------------------------------


def test_a_new_review_renders_the_article_and_finds_the_three_artefacts(review: Review) -> None:
    assert review.text == ARTICLE
    assert {rf.rule for rf in all_flags(review)} >= {DOUBLED, FRAGMENT, RESIDUE}
    assert flag_of(review, DOUBLED).text == "Pompeo He"
    assert flag_of(review, FRAGMENT).text == " the coalition"
    assert flag_of(review, FRAGMENT).start == -1  # reaches into the space before the fragment
    assert flag_of(review, RESIDUE).text == "Leave a Reply"
    assert all(s.status is SentenceStatus.OPEN for s in review.segments)
    assert_consistent(review)


# -- accept, reject, reopen ----------------------------------------------------------------


def test_accepting_a_suggestion_changes_the_text_and_records_the_decision(review: Review) -> None:
    flag = flag_of(review, DOUBLED)
    sid = flag.key.sentence_id
    before = texts(review)
    others = {s.id: review.layout.span_of(s.id) for s in review.segments if s.id != sid}
    shift = len("Pompeo") - len("Pompeo He")

    changes = review.accept(flag, 0)

    fixed = "Mr. Pompeo refused to say which countries had already agreed."
    assert review.segment(sid).text == fixed
    assert review.segment(sid).status is SentenceStatus.EDITED
    assert review.segment(sid).mt == before[sid]
    assert "Mr. Pompeo refused to say" in review.text
    decision = review.decision(flag.key)
    assert decision is not None
    assert decision.status is DecisionStatus.ACCEPTED
    assert (decision.suggestion, decision.replacement) == (0, "Pompeo")
    assert decision.engine == "artefacts"
    assert decision.reviewer == "tester"
    assert decision.offset == flag.start
    assert changes.text_changed == frozenset({sid})
    assert flag.key in changes.decisions
    assert {k: v for k, v in texts(review).items() if k != sid} == {
        k: v for k, v in before.items() if k != sid
    }
    position = review.position_of(sid)
    for other, (start, end) in others.items():
        moved = review.position_of(other) > position
        assert review.layout.span_of(other) == (
            (start + shift, end + shift) if moved else (start, end)
        )
    assert flag.key not in {rf.key for rf in review.open_flags_in(sid)}
    assert_consistent(review)


def test_accepting_the_fragment_deletion_removes_the_sentence_and_its_space(
    review: Review,
) -> None:
    flag = flag_of(review, FRAGMENT)
    review.accept(flag)
    assert review.segment(flag.key.sentence_id).deleted
    assert "by officials.\nThe ministry did not comment" in review.text
    assert "the coalition" not in review.text
    assert_consistent(review)


def test_accepting_the_web_residue_deletion_removes_its_line(review: Review) -> None:
    review.accept(flag_of(review, RESIDUE))
    assert review.text == ARTICLE.replace("\n\nLeave a Reply\n", "\n")
    assert_consistent(review)


def test_accept_replacement_uses_the_reviewers_words(review: Review) -> None:
    flag = flag_of(review, DOUBLED)
    review.accept_replacement(flag, "Secretary Pompeo")
    assert "Mr. Secretary Pompeo refused" in review.text
    decision = review.decision(flag.key)
    assert decision is not None
    assert (decision.status, decision.suggestion, decision.replacement) == (
        DecisionStatus.ACCEPTED,
        None,
        "Secretary Pompeo",
    )


def test_accepting_a_suggestion_that_does_not_exist_is_refused(review: Review) -> None:
    before = review.text
    with pytest.raises(ReviewCommandError):
        review.accept(flag_of(review, DOUBLED), 5)
    assert review.text == before
    assert not review.can_undo


def test_reject_with_a_reason_leaves_the_text_and_reopen_withdraws_it(review: Review) -> None:
    flag = flag_of(review, DOUBLED)
    before = review.text

    review.reject(flag, "  He is a quotation here  ")

    assert review.text == before
    decision = review.decision(flag.key)
    assert decision is not None
    assert decision.status is DecisionStatus.REJECTED
    assert decision.reason == "He is a quotation here"
    assert flag.key not in {rf.key for rf in open_flags(review)}
    assert flag.key in {rf.key for rf in all_flags(review)}  # still listed, as decided

    review.reopen_flag(flag)

    assert review.decision(flag.key) is None
    assert flag.key in {rf.key for rf in open_flags(review)}
    review.undo()
    assert review.decision(flag.key) is not None
    assert review.decision(flag.key).status is DecisionStatus.REJECTED  # type: ignore[union-attr]
    review.undo()
    assert review.decision(flag.key) is None
    assert review.text == before


def test_accepting_a_flag_whose_text_is_gone_is_refused(review: Review) -> None:
    flag = flag_of(review, DOUBLED)
    review.edit_sentence(
        flag.key.sentence_id, "Mr. Pompeo would not say which countries had agreed."
    )
    before = review.text
    with pytest.raises(ReviewCommandError, match="no longer"):
        review.accept(flag)
    assert review.text == before
    assert review.decision(flag.key) is None


# -- editing, splitting and merging -------------------------------------------------------


def test_edit_sentence_changes_only_that_sentence(review: Review) -> None:
    sid = segment_with(review, "ministry")
    before = texts(review)
    changes = review.edit_sentence(sid, "The ministry declined to comment on the report.")
    assert changes is not None
    assert changes.text_changed == frozenset({sid})
    assert not changes.structure_changed
    after = texts(review)
    assert after[sid] == "The ministry declined to comment on the report."
    assert {k: v for k, v in after.items() if k != sid} == {
        k: v for k, v in before.items() if k != sid
    }
    assert review.segment(sid).status is SentenceStatus.EDITED
    assert_consistent(review)


def test_an_edit_that_changes_nothing_is_no_command(review: Review) -> None:
    sid = segment_with(review, "ministry")
    assert review.edit_sentence(sid, "  " + review.segment(sid).text + " ") is None
    assert not review.can_undo


def test_an_edit_holding_two_sentences_splits_and_undo_merges_back(review: Review) -> None:
    sid = segment_with(review, "ministry")
    before_segments = review.segments
    before_text = review.text

    changes = review.edit_sentence(
        sid, "The ministry did not comment.  It gave no reason for the silence."
    )

    assert changes is not None and changes.structure_changed
    position = review.position_of(sid)
    first, second = review.segments[position], review.segments[position + 1]
    assert first.id == sid
    assert first.text == "The ministry did not comment."
    assert second.text == "It gave no reason for the silence."
    assert second.lead == "  "
    assert second.origin == (sid,)
    assert second.mt == ""
    assert second.paragraph == first.paragraph
    assert second.status is SentenceStatus.EDITED
    assert len(review.segments) == len(before_segments) + 1
    assert "did not comment.  It gave no reason for the silence. Observers" in review.text
    assert_consistent(review)

    review.undo()

    assert review.segments == before_segments
    assert review.text == before_text
    assert_consistent(review)
    review.redo()
    assert review.segments[position + 1].text == "It gave no reason for the silence."


def test_an_edit_with_a_line_break_stays_one_line(review: Review) -> None:
    sid = segment_with(review, "ministry")
    review.edit_sentence(sid, "The ministry\ndid not comment.")
    assert review.segment(sid).text == "The ministry did not comment."
    assert review.text.count("\n") == ARTICLE.count("\n")


def test_editing_a_sentence_to_nothing_deletes_it(review: Review) -> None:
    sid = segment_with(review, "Observers")
    review.edit_sentence(sid, "   ")
    assert review.segment(sid).deleted
    assert "on the report.\n\nLeave a Reply" in review.text
    assert_consistent(review)
    review.undo()
    assert review.text == ARTICLE


def test_merge_with_next_joins_two_sentences_and_undo_splits_them(review: Review) -> None:
    first = segment_with(review, "ministry")
    second = segment_with(review, "Observers")
    before = review.segments

    changes = review.merge_with_next(first)

    assert changes.structure_changed
    merged = review.segment(first)
    assert merged.text == (
        "The ministry did not comment on the report. Observers expect a decision next week."
    )
    assert merged.origin == (first, second)
    assert merged.status is SentenceStatus.EDITED
    assert second not in {s.id for s in review.segments}
    assert review.text == ARTICLE
    assert_consistent(review)

    review.undo()
    assert review.segments == before


def test_merging_a_deleted_sentence_with_the_next_leaves_no_stray_space(
    review: Review,
) -> None:
    first = segment_with(review, "ministry")
    review.edit_sentence(first, "")
    review.merge_with_next(first)
    merged = review.segment(first)
    assert merged.text == "Observers expect a decision next week."
    assert "officials. the coalition\nObservers expect" in review.text
    assert_consistent(review)
    review.undo()
    review.undo()
    assert review.text == ARTICLE


def test_merge_with_next_stops_at_the_end_of_a_paragraph(review: Review) -> None:
    with pytest.raises(ReviewCommandError):
        review.merge_with_next(segment_with(review, "Observers"))
    with pytest.raises(ReviewCommandError):
        review.merge_with_next(review.segments[-1].id)
    assert not review.can_undo


# -- annotations and status ---------------------------------------------------------------


def test_annotate_records_the_span_and_validates_category_and_span(review: Review) -> None:
    sid = segment_with(review, "naval mission")
    text = review.segment(sid).text
    start = text.index("naval mission")

    changes = review.annotate(
        sid,
        start=start,
        end=start + len("naval mission"),
        category="Accuracy/Mistranslation",
        severity=Severity.MAJOR,
        note=" should be maritime operation ",
    )

    (annotation,) = review.annotations_in(sid)
    assert annotation.text == "naval mission"
    assert annotation.category == "Accuracy/Mistranslation"
    assert annotation.severity is Severity.MAJOR
    assert annotation.note == "should be maritime operation"
    assert annotation.reviewer == "tester"
    assert changes.annotations == frozenset({annotation.id})
    assert review.text == ARTICLE

    with pytest.raises(ReviewCommandError, match="category"):
        review.annotate(sid, start=0, end=4, category="Fluency/Vibes", severity=Severity.MINOR)
    with pytest.raises(ValueError):
        review.annotate(
            sid,
            start=0,
            end=4,
            category="Fluency/Grammar",
            severity="catastrophic",  # type: ignore[arg-type]
        )
    for start_, end_ in ((3, 3), (5, 2), (-1, 4), (0, len(text) + 1)):
        with pytest.raises(ReviewCommandError):
            review.annotate(
                sid, start=start_, end=end_, category="Fluency/Grammar", severity=Severity.MINOR
            )
    assert len(review.annotations) == 1

    review.annotate(sid, start=0, end=10, category="Style/Wordy", severity=Severity.MINOR)
    assert len(review.annotations) == 2  # Style/... refinements are accepted

    review.remove_annotation(annotation.id)
    assert [a.category for a in review.annotations] == ["Style/Wordy"]
    with pytest.raises(ReviewCommandError):
        review.remove_annotation(annotation.id)
    review.undo()
    assert annotation in review.annotations
    review.undo()
    review.undo()
    assert review.annotations == []


def test_mark_reviewed_toggles_and_remembers_edits(review: Review) -> None:
    sid = segment_with(review, "Observers")
    assert review.mark_reviewed(sid) is not None
    assert review.segment(sid).status is SentenceStatus.REVIEWED
    assert review.mark_reviewed(sid) is None  # already reviewed: no command
    assert review.mark_reviewed(sid, False) is not None
    assert review.segment(sid).status is SentenceStatus.OPEN
    assert review.mark_reviewed(sid, False) is None

    review.edit_sentence(sid, "Observers expect a ruling next week.")
    review.mark_reviewed(sid)
    review.edit_sentence(sid, "Observers expect a ruling within days.")
    assert review.segment(sid).status is SentenceStatus.REVIEWED  # an edit keeps it done
    review.mark_reviewed(sid, False)
    assert review.segment(sid).status is SentenceStatus.EDITED
    for _ in range(3):
        review.undo()
    assert review.segment(sid).status is SentenceStatus.EDITED
    assert review.undo_label == "Edit sentence"


# -- apply to all, replace all, find ------------------------------------------------------

REPEATED = (
    "Mr. Pompeo He refused to say which countries had agreed. The talks went on.\n"
    "Later Mr. Pompeo He met the foreign minister in Riyadh.\n"
    "\n"
    "Officials said Mr. Pompeo He would return in May.\n"
)


def test_apply_to_all_fixes_every_identical_flag_in_one_undo_step(tmp_path: Path) -> None:
    review = open_article(tmp_path, REPEATED)
    try:
        doubled = [rf for rf in open_flags(review) if rf.rule == DOUBLED]
        assert len(doubled) == 3
        assert len({rf.key.sentence_id for rf in doubled}) == 3
        assert review.identical_open_flags(doubled[0]) == doubled

        review.apply_to_all(doubled[1])

        assert "Pompeo He" not in review.text
        assert review.text.count("Mr. Pompeo ") == 3
        for rf in doubled:
            decision = review.decision(rf.key)
            assert decision is not None and decision.status is DecisionStatus.ACCEPTED
        assert review.undo_label.startswith("Apply")
        assert_consistent(review)

        review.undo()

        assert review.text == REPEATED
        assert all(review.decision(rf.key) is None for rf in doubled)
        assert not review.can_undo
    finally:
        review.close()


def test_apply_to_all_skips_flags_already_decided(tmp_path: Path) -> None:
    review = open_article(tmp_path, REPEATED)
    try:
        doubled = [rf for rf in open_flags(review) if rf.rule == DOUBLED]
        review.reject(doubled[2], "a quotation")
        review.apply_to_all(doubled[0])
        assert review.text.count("Pompeo He") == 1
        decision = review.decision(doubled[2].key)
        assert decision is not None and decision.status is DecisionStatus.REJECTED
    finally:
        review.close()


def test_replace_all_is_one_undo_step_and_counts_the_matches(review: Review) -> None:
    before = review.segments
    changes = review.replace_all("the", "THE", whole_words=True)
    assert changes is not None
    expected = ARTICLE.replace(" the ", " THE ").replace("The ", "THE ")
    expected = expected.replace(". the coalition", ". THE coalition")
    assert review.text == expected
    count = len(review.find("THE", match_case=True, whole_words=True))
    assert changes.label == f"Replace {count} × “the”"
    assert len(changes.text_changed) == len({sid for sid, _, _ in review.find("THE")})
    assert_consistent(review)

    review.undo()
    assert review.segments == before
    assert not review.can_undo


def test_replace_all_respects_case_and_reports_nothing_to_replace(review: Review) -> None:
    assert review.replace_all("ministry", "Ministry", match_case=True) is not None
    assert "The Ministry did not" in review.text
    assert review.replace_all("no such words", "x") is None
    assert review.replace_all("", "x") is None
    assert review.replace_all("ministry", "department", match_case=True) is None
    assert review.undo_label.startswith("Replace 1 ")


def test_replace_all_leaves_sentences_it_would_not_change_alone(review: Review) -> None:
    washington = segment_with(review, "Washington")
    talks = segment_with(review, "talks were")
    changes = review.replace_all("the", "The", whole_words=True)
    assert changes is not None
    assert changes.label == "Replace 3 × “the”"  # the two that read "The" already stay
    assert talks not in changes.sentence_ids
    assert review.segment(talks).status is SentenceStatus.OPEN
    assert review.segment(washington).status is SentenceStatus.EDITED
    assert "in The region" in review.text
    assert review.replace_all("The", "The") is None  # nothing left to change
    assert review.undo_label == "Replace 3 × “the”"


def test_replace_all_can_delete_and_split(review: Review) -> None:
    count = len(review.segments)
    review.replace_all("on the report.", "today. It said nothing on the report.")
    assert len(review.segments) == count + 1
    assert "did not comment today. It said nothing on the report. Observers" in review.text
    assert_consistent(review)
    review.replace_all("Leave a Reply", "")
    assert "Leave a Reply" not in review.text
    assert review.text.endswith("next week.\n")
    assert_consistent(review)
    review.undo()
    review.undo()
    assert review.text == ARTICLE
    assert len(review.segments) == count


def test_find_with_match_case_and_whole_words(review: Review) -> None:
    def words(found: list[tuple[str, int, int]]) -> list[str]:
        return [review.segment(sid).text[start:end] for sid, start, end in found]

    assert words(review.find("the")) == ["the", "The", "the", "The", "the"]
    assert words(review.find("the", match_case=True)) == ["the", "the", "the"]
    assert words(review.find("The", match_case=True)) == ["The", "The"]
    assert len(review.find("the", whole_words=True)) == 5
    assert words(review.find("on", whole_words=True)) == ["on", "on"]
    assert len(review.find("on")) > 2  # Washington, mission, region, comment ...
    assert words(review.find("REPLY")) == ["Reply"]
    assert review.find("REPLY", match_case=True) == []
    assert review.find("") == []
    assert review.find("a.b") == []  # the needle is plain text, not a pattern
    sid, start, end = review.find("Pompeo He")[0]
    assert sid == flag_of(review, DOUBLED).key.sentence_id
    assert (start, end) == (4, 13)


# -- undo and redo ------------------------------------------------------------------------


def test_undo_and_redo_go_in_order_across_sentences(review: Review) -> None:
    a = segment_with(review, "Washington")
    b = segment_with(review, "ministry")
    c = segment_with(review, "Observers")
    states = [review.text]
    review.edit_sentence(b, "The ministry stayed silent.")
    states.append(review.text)
    review.accept(flag_of(review, DOUBLED))
    states.append(review.text)
    review.edit_sentence(a, "Washington asked its partners to join a naval mission.")
    states.append(review.text)
    review.mark_reviewed(c)
    states.append(review.text)
    review.edit_sentence(c, "Observers expect a decision soon.")
    states.append(review.text)
    labels = ["Edit sentence", "Accept “Pompeo”", "Edit sentence", "Mark reviewed"]

    assert review.undo_label == "Edit sentence"
    for expected in reversed(states[:-1]):
        assert review.undo() is not None
        assert review.text == expected
        assert_consistent(review)
    assert not review.can_undo
    assert review.undo() is None
    assert review.segment(c).status is SentenceStatus.OPEN
    assert review.redo_label == "Edit sentence"

    for expected, label in zip(states[1:3], labels[:2], strict=True):
        assert review.redo_label == label
        review.redo()
        assert review.text == expected
    review.undo()
    assert review.text == states[1]
    for expected in states[2:]:
        review.redo()
        assert review.text == expected
        assert_consistent(review)
    assert not review.can_redo
    assert review.redo() is None
    assert review.segment(c).status is SentenceStatus.REVIEWED


def test_a_new_command_clears_redo(review: Review) -> None:
    a = segment_with(review, "Washington")
    b = segment_with(review, "ministry")
    review.edit_sentence(a, "Washington asked its partners for help.")
    review.edit_sentence(b, "The ministry stayed silent.")
    review.undo()
    review.undo()
    assert review.can_redo
    review.mark_reviewed(b)
    assert not review.can_redo
    assert review.redo() is None
    assert review.text == ARTICLE
    review.undo()
    assert not review.can_undo


def test_undo_restores_decisions_made_by_the_command(review: Review) -> None:
    flag = flag_of(review, FRAGMENT)
    review.accept(flag)
    review.undo()
    assert review.decision(flag.key) is None
    assert flag.key in {rf.key for rf in review.open_flags_in(flag.key.sentence_id)}
    assert review.text == ARTICLE
    assert_consistent(review)


# -- re-checking ----------------------------------------------------------------------------


def test_an_edit_that_removes_a_flag_resolves_it_and_undo_withdraws_that(review: Review) -> None:
    flag = flag_of(review, DOUBLED)
    sid = flag.key.sentence_id
    review.edit_sentence(sid, "Mr. Pompeo refused to name the countries that had agreed.")
    # Until the next check the flag cannot be placed in the new text and is not shown.
    assert flag.key not in {rf.key for rf in review.flags_in(sid)}

    changed = check(review)

    assert sid in changed
    decision = review.decision(flag.key)
    assert decision is not None
    assert decision.status is DecisionStatus.RESOLVED
    assert decision.engine == "artefacts"
    assert review.undo_label == "Edit sentence"  # the resolution is no undo step

    review.undo()
    check(review)

    assert review.decision(flag.key) is None
    assert flag.key in {rf.key for rf in review.open_flags_in(sid)}


def test_a_deleted_sentence_resolves_its_flags(review: Review) -> None:
    flag = flag_of(review, RESIDUE)
    review.edit_sentence(flag.key.sentence_id, "")
    check(review)
    decision = review.decision(flag.key)
    assert decision is not None and decision.status is DecisionStatus.RESOLVED
    review.undo()
    check(review)
    assert review.decision(flag.key) is None


def test_a_stale_check_leaves_an_edited_sentence_alone(review: Review) -> None:
    from reviewer.core.checking import run_check
    from tests.core.review.support import artefacts_engine

    flag = flag_of(review, DOUBLED)
    stale = review.document
    result = run_check(stale, [artefacts_engine()])
    review.edit_sentence(flag.key.sentence_id, "Mr. Pompeo did not say.")
    review.record_flags("artefacts", stale, result.flags)
    assert review.decision(flag.key) is None  # not resolved: the check predates the edit
    assert_consistent(review)


def test_a_decision_follows_its_flag_after_an_edit_elsewhere_in_the_sentence(
    review: Review,
) -> None:
    flag = flag_of(review, DOUBLED)
    sid = flag.key.sentence_id
    review.reject(flag, "kept on purpose")
    review.edit_sentence(
        sid, "As expected, Mr. Pompeo He declined to say which countries had agreed."
    )
    check(review)

    decision = review.decision(flag.key)
    assert decision is not None and decision.status is DecisionStatus.REJECTED
    (placed,) = [rf for rf in review.flags_in(sid) if rf.rule == DOUBLED]
    assert placed.key == flag.key
    assert placed.start == flag.start + len("As expected, ")
    assert review.open_flags_in(sid) == []
    assert_consistent(review)


def test_record_flags_reports_the_sentences_whose_flags_changed(review: Review) -> None:
    assert check(review) == set()  # same findings again: nothing changed
    sid = segment_with(review, "Observers")
    review.edit_sentence(sid, "Observers expect a decision next week. the alliance")
    changed = check(review)
    assert segment_with(review, "Observers") in changed or any(
        s.origin == (sid,) for s in review.segments if s.id in changed
    )


def test_hand_made_flags_from_another_engine_are_merged_into_the_sentence(
    review: Review,
) -> None:
    document = review.document
    sentence = next(s for s in document.sentences if "naval mission" in s.text)
    start = document.text.index("naval mission")
    flag = Flag(
        start=start,
        end=start + len("naval mission"),
        text="naval mission",
        rule="TERM_NAVAL",
        engine="terms",
        category="Terminology",
        severity=Severity.MAJOR,
        message="Use the client's term",
        suggestions=("maritime operation",),
    )
    assert review.record_flags("terms", document, [flag]) == {sentence.id}
    (listed,) = review.flags_in(sentence.id)
    assert listed.key == FlagKey(sentence.id, "TERM_NAVAL", "naval mission", 1)
    review.accept(listed)
    assert "join a maritime operation in the region" in review.text
    assert_consistent(review)


def test_flags_follow_a_sentence_when_an_earlier_one_changes_length(review: Review) -> None:
    review.edit_sentence(segment_with(review, "Washington"), "Washington asked for help.")
    for rule in (DOUBLED, FRAGMENT, RESIDUE):
        flag = flag_of(review, rule)
        assert review.text[flag.flag.start : flag.flag.end] == flag.text
    review.accept(flag_of(review, DOUBLED))
    assert "Mr. Pompeo refused" in review.text


@pytest.mark.parametrize("headline", ["", "Talks In Doha\n\n"])
def test_a_fragment_flag_is_dropped_when_the_sentence_before_it_is_deleted(
    tmp_path: Path, headline: str
) -> None:
    text = headline + "Officials met on Monday. the coalition\nLeave a Reply\n"
    review = open_article(tmp_path, text)
    try:
        fragment = flag_of(review, FRAGMENT)
        review.edit_sentence(segment_with(review, "Officials"), "")
        assert review.text == headline + "the coalition\nLeave a Reply\n"
        # " the coalition" no longer stands in the text: the space before it went too.
        assert [rf.rule for rf in review.flags_in(fragment.key.sentence_id)] == []
        assert_consistent(review)
    finally:
        review.close()


# -- identity of sentences ------------------------------------------------------------------

TWINS = "The talks resumed on Monday.\n\nOfficials gave no details. The talks resumed on Monday.\n"


def test_identical_sentences_keep_separate_ids_and_edits(tmp_path: Path) -> None:
    review = open_article(tmp_path, TWINS)
    try:
        twins = [s for s in review.segments if s.text == "The talks resumed on Monday."]
        assert len(twins) == 2
        assert twins[0].id != twins[1].id
        review.edit_sentence(twins[1].id, "The talks resumed on Tuesday.")
        assert review.segment(twins[0].id).text == "The talks resumed on Monday."
        assert review.segment(twins[0].id).status is SentenceStatus.OPEN
        assert review.text == TWINS[: TWINS.rindex("Monday")] + "Tuesday.\n"
        review.edit_sentence(twins[0].id, "The talks resumed on Tuesday.")
        assert [s.id for s in review.segments if "Tuesday" in s.text] == [
            twins[0].id,
            twins[1].id,
        ]
        assert_consistent(review)
    finally:
        review.close()


def test_an_unknown_sentence_id_is_a_command_error(review: Review) -> None:
    with pytest.raises(ReviewCommandError):
        review.edit_sentence("s000000000000", "Anything.")
    with pytest.raises(ReviewCommandError):
        review.mark_reviewed("nope")
