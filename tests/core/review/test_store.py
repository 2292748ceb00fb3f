"""The `.review` file: where it goes, what survives closing it, and how bad files,
changed texts, second windows and failing writes are met."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.core.flags import Severity
from reviewer.core.review import (
    DecisionStatus,
    Review,
    ReviewFileError,
    ReviewLockedError,
    ReviewWriteError,
    SentenceStatus,
    TextChangedError,
    open_review,
    open_review_file,
    opening,
    review_path_for,
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
    segment_with,
    write_text,
)


@pytest.fixture
def text_path(tmp_path: Path) -> Path:
    return write_text(tmp_path)


@pytest.fixture
def review(text_path: Path) -> Iterator[Review]:
    opened = open_review(text_path, reviewer="tester")
    check(opened)
    yield opened
    opened.close()


def snapshot(review: Review) -> dict[str, object]:
    return {
        "text": review.text,
        "segments": review.segments,
        "decisions": {d.key: d for d in review.decisions},
        "annotations": {a.id: a for a in review.annotations},
        "flags": [(rf.key, rf.start, rf.end, rf.flag) for rf in all_flags(review)],
        "undo": review.undo_label,
        "redo": review.redo_label,
    }


# -- where the review goes ----------------------------------------------------------------


def test_the_review_sits_beside_the_text_named_after_the_whole_file_name(
    text_path: Path,
) -> None:
    assert review_path_for(text_path) == text_path.parent / "article.txt.review"
    other = write_text(text_path.parent, "Other text.", name="article.xlf")
    assert review_path_for(other).name == "article.xlf.review"
    review = open_review(text_path)
    try:
        assert review.path == text_path.parent / "article.txt.review"
        assert review.path.is_file()
        assert review.text_path == str(text_path.resolve())
    finally:
        review.close()
    leftovers = [p.name for p in text_path.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_a_read_only_folder_sends_the_review_to_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    text = write_text(folder)
    data = tmp_path / "data"
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(data))
    real_access = os.access

    def access(path: object, mode: int, *args: object, **kwargs: object) -> bool:
        if Path(str(path)) == folder and mode & os.W_OK:
            return False  # as root chmod would not stop us, so the folder "is" read-only
        return real_access(path, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(opening.os, "access", access)

    target = review_path_for(text)
    assert target.parent == data / "reviews"
    assert target.name.startswith("article.txt.") and target.name.endswith(".review")
    review = open_review(text)
    try:
        assert review.path == target
        check(review)
        review.accept(flag_of(review, DOUBLED))
    finally:
        review.close()
    assert sorted(p.name for p in folder.iterdir()) == ["article.txt"]

    # Found again on reopening (even once the folder is writable again).
    monkeypatch.setattr(opening.os, "access", real_access)
    assert review_path_for(text) == target
    again = open_review(text)
    try:
        assert "Mr. Pompeo refused" in again.text
    finally:
        again.close()


def test_two_texts_of_the_same_name_get_separate_fallback_reviews(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = write_text(tmp_path / "a"), write_text(tmp_path / "b")
    assert opening.fallback_review_path(first) != opening.fallback_review_path(second)


# -- what survives closing ----------------------------------------------------------------


def test_closing_and_reopening_restores_everything(text_path: Path, review: Review) -> None:
    review.accept(flag_of(review, DOUBLED))
    review.reject(flag_of(review, RESIDUE), "site footer, keep for now")
    sid = segment_with(review, "ministry")
    review.edit_sentence(sid, "The ministry did not comment. It gave no reason.")
    review.annotate(
        segment_with(review, "naval"),
        start=0,
        end=10,
        category="Fluency/Grammar",
        severity=Severity.MINOR,
        note="word order",
    )
    review.mark_reviewed(segment_with(review, "Observers"))
    review.undo()  # leaves one step to redo
    review.enter(sid)
    before = snapshot(review)
    undone_text = review.text
    review.close()

    again = open_review(text_path, reviewer="tester")
    try:
        assert snapshot(again) == before
        assert again.current_sentence == sid
        assert again.segment(sid).text == "The ministry did not comment."
        assert again.can_undo and again.can_redo
        assert_consistent(again)

        again.redo()
        observers = again.segment(segment_with(again, "Observers"))
        assert observers.status is SentenceStatus.REVIEWED
        again.undo()
        assert again.text == undone_text
        for _ in range(4):
            again.undo()
        assert not again.can_undo
        assert again.text == ARTICLE
        assert again.decisions == []
        assert again.annotations == []
    finally:
        again.close()


def test_undo_after_reopening_survives_another_reopen(text_path: Path, review: Review) -> None:
    review.accept(flag_of(review, FRAGMENT))
    review.close()
    second = open_review(text_path)
    second.undo()
    second.close()
    third = open_review(text_path)
    try:
        assert third.text == ARTICLE
        assert not third.can_undo
        assert third.can_redo
        third.redo()
        assert "the coalition" not in third.text
    finally:
        third.close()


def test_visits_are_recorded_and_closed(text_path: Path, review: Review) -> None:
    first = segment_with(review, "Washington")
    second = segment_with(review, "ministry")
    review.enter(first)
    review.enter(second)
    visits = review.visits()
    assert [v[0] for v in visits] == [first, second]
    assert visits[0][2] is not None and visits[1][2] is None
    review.close()
    again = open_review(text_path)
    try:
        assert all(left is not None for _, _, left in again.visits())
        assert again.current_sentence == second
    finally:
        again.close()


# -- the text on disk ------------------------------------------------------------------------


def test_a_changed_text_is_refused_unless_accepted(text_path: Path, review: Review) -> None:
    review.accept(flag_of(review, DOUBLED))
    expected = review.text
    review.close()
    text_path.write_text(ARTICLE.replace("Tuesday", "Wednesday"), encoding="utf-8")

    with pytest.raises(TextChangedError) as caught:
        open_review(text_path)
    assert caught.value.text_path == text_path
    assert caught.value.review_path == text_path.parent / "article.txt.review"

    again = open_review(text_path, accept_changed_text=True)
    try:
        assert again.text == expected
        assert "Tuesday" in again.text
        assert again.original_text == ARTICLE
    finally:
        again.close()
    # The refusal left the review unlocked and unchanged.
    with pytest.raises(TextChangedError):
        open_review(text_path)


def test_a_deleted_or_moved_text_still_opens_its_review(text_path: Path, review: Review) -> None:
    review.accept(flag_of(review, RESIDUE))
    expected = review.text
    path = review.path
    review.close()

    moved = text_path.parent / "elsewhere.txt"
    text_path.rename(moved)
    again = open_review(text_path)
    try:
        assert again.path == path
        assert again.text == expected
    finally:
        again.close()
    moved.unlink()
    direct = open_review_file(path)
    try:
        assert direct.text == expected
        assert direct.original_text == ARTICLE
        assert direct.can_undo
    finally:
        direct.close()


# -- bad files and second windows ----------------------------------------------------------


def test_a_second_open_is_locked_out_until_the_first_closes(
    text_path: Path, review: Review
) -> None:
    with pytest.raises(ReviewLockedError, match=r"article\.txt\.review"):
        open_review(text_path)
    with pytest.raises(ReviewLockedError):
        open_review_file(review.path)
    review.accept(flag_of(review, DOUBLED))  # the first window keeps working
    review.close()
    again = open_review(text_path)
    try:
        assert "Mr. Pompeo refused" in again.text
    finally:
        again.close()


def test_a_review_from_a_newer_version_is_refused(text_path: Path, review: Review) -> None:
    path = review.path
    review.close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(ReviewFileError, match="newer") as caught:
        open_review_file(path)
    assert "\n" not in str(caught.value)
    with pytest.raises(ReviewFileError, match="newer"):
        open_review(text_path)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 99  # not touched
    db.close()


def test_a_file_that_is_not_sqlite_is_refused(text_path: Path) -> None:
    path = text_path.parent / "article.txt.review"
    path.write_text("This is not a database.\n" * 200, encoding="utf-8")
    with pytest.raises(ReviewFileError) as caught:
        open_review_file(path)
    assert "\n" not in str(caught.value)
    assert not isinstance(caught.value, ReviewLockedError)
    with pytest.raises(ReviewFileError):
        open_review(text_path)
    assert path.read_text(encoding="utf-8") == "This is not a database.\n" * 200


def test_another_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.review"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (body TEXT)")
    db.close()
    with pytest.raises(ReviewFileError, match="not an MT Reviewer review"):
        open_review_file(path)


def test_a_truncated_review_is_refused(review: Review) -> None:
    review.accept(flag_of(review, DOUBLED))
    path = review.path
    review.close()
    data = path.read_bytes()
    assert len(data) > 8192
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ReviewFileError) as caught:
        open_review_file(path)
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message
    assert not isinstance(caught.value, ReviewLockedError)


def test_a_missing_review_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReviewFileError, match="no such review"):
        open_review_file(tmp_path / "nothing.review")
    assert not (tmp_path / "nothing.review").exists()


# -- writing -------------------------------------------------------------------------------


def test_a_failed_write_changes_nothing_in_memory(review: Review) -> None:
    review.reject(flag_of(review, RESIDUE))
    before = snapshot(review)
    review.store.db.execute("PRAGMA query_only = ON")

    with pytest.raises(ReviewWriteError) as caught:
        review.accept(flag_of(review, DOUBLED))
    assert "\n" not in str(caught.value)
    assert snapshot(review) == before
    with pytest.raises(ReviewWriteError):
        review.edit_sentence(segment_with(review, "ministry"), "The ministry. It was silent.")
    assert snapshot(review) == before
    with pytest.raises(ReviewWriteError):
        review.apply_to_all(flag_of(review, DOUBLED))
    with pytest.raises(ReviewWriteError):
        review.undo()
    assert snapshot(review) == before
    assert_consistent(review)

    review.store.db.execute("PRAGMA query_only = OFF")
    review.accept(flag_of(review, DOUBLED))
    assert "Mr. Pompeo refused" in review.text
    review.undo()
    review.undo()
    assert review.text == ARTICLE
    assert review.decisions == []


def test_a_failure_inside_the_transaction_rolls_back_the_file_too(
    text_path: Path, review: Review, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(review)
    store = review.store
    real = store.put_decision

    def failing(*args: object) -> None:
        real(*args)  # type: ignore[arg-type]
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store, "put_decision", failing)
    with pytest.raises(ReviewWriteError, match="disk I/O error"):
        review.accept(flag_of(review, DOUBLED))
    monkeypatch.undo()
    assert snapshot(review) == before
    review.close()
    again = open_review(text_path)
    try:
        assert again.decisions == []
        assert again.text == ARTICLE
        assert not again.can_undo
    finally:
        again.close()


def read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def scalar(reader: sqlite3.Connection, sql: str, *parameters: object) -> object:
    return reader.execute(sql, parameters).fetchone()[0]


def test_each_command_is_committed_before_it_returns(review: Review) -> None:
    reader = read_only(review.path)
    try:
        flag = flag_of(review, DOUBLED)
        review.accept(flag)
        row = reader.execute(
            "SELECT status, replacement FROM decisions WHERE sentence_id = ? AND rule = ?",
            (flag.key.sentence_id, flag.rule),
        ).fetchone()
        assert row == (str(DecisionStatus.ACCEPTED), "Pompeo")
        text = reader.execute(
            "SELECT text FROM sentences WHERE id = ?", (flag.key.sentence_id,)
        ).fetchone()[0]
        assert text == review.segment(flag.key.sentence_id).text
        assert scalar(reader, "SELECT count(*) FROM history") == 1

        residue = flag_of(review, RESIDUE)
        review.reject(residue, "footer")
        assert reader.execute(
            "SELECT status, reason FROM decisions WHERE rule = ?", (RESIDUE,)
        ).fetchone() == ("rejected", "footer")

        review.undo()
        assert scalar(reader, "SELECT count(*) FROM decisions WHERE rule = ?", RESIDUE) == 0
        assert reader.execute("SELECT undone FROM history ORDER BY seq").fetchall() == [(0,), (1,)]

        review.mark_reviewed(segment_with(review, "Observers"))
        assert reader.execute("SELECT undone FROM history ORDER BY seq").fetchall() == [(0,), (0,)]
        assert scalar(reader, "SELECT count(*) FROM sentences WHERE status = 'reviewed'") == 1

        review.edit_sentence(segment_with(review, "ministry"), "The ministry said nothing. Really.")
        assert scalar(reader, "SELECT count(*) FROM sentences") == len(review.segments)
        edits = reader.execute("SELECT cause FROM edits ORDER BY seq").fetchall()
        assert edits and edits[-1] == ("edit",)
    finally:
        reader.close()


def test_the_edits_log_records_undo_and_redo(review: Review) -> None:
    sid = segment_with(review, "ministry")
    review.edit_sentence(sid, "The ministry said nothing.")
    review.undo()
    review.redo()
    rows = review.store.query("SELECT sentence_id, before, after, cause FROM edits ORDER BY seq")
    original = "The ministry did not comment on the report."
    assert rows == [
        (sid, original, "The ministry said nothing.", "edit"),
        (sid, "The ministry said nothing.", original, "undo"),
        (sid, original, "The ministry said nothing.", "redo"),
    ]


def test_annotations_merges_and_replacements_reach_the_file_at_once(review: Review) -> None:
    reader = read_only(review.path)
    try:
        sid = segment_with(review, "naval")
        review.annotate(sid, start=0, end=10, category="Terminology", severity=Severity.MAJOR)
        assert reader.execute("SELECT sentence_id, text, category FROM annotations").fetchall() == [
            (sid, "Washington", "Terminology")
        ]
        review.merge_with_next(segment_with(review, "ministry"))
        assert scalar(reader, "SELECT count(*) FROM sentences") == len(review.segments)
        review.replace_all("officials", "diplomats")
        assert scalar(reader, "SELECT count(*) FROM sentences WHERE text LIKE '%diplomats%'") == 1
    finally:
        reader.close()


def test_save_as_copies_the_whole_review(tmp_path: Path, review: Review) -> None:
    review.accept(flag_of(review, DOUBLED))
    copy = tmp_path / "copy.review"
    review.store.backup_to(copy)
    expected = review.text
    review.close()
    duplicate = open_review_file(copy)
    try:
        assert duplicate.text == expected
        assert duplicate.undo_label == "Accept “Pompeo”"
        duplicate.undo()
        assert duplicate.text == ARTICLE
    finally:
        duplicate.close()


def test_closing_twice_is_harmless(text_path: Path, review: Review) -> None:
    review.close()
    review.close()
    again = open_review(text_path)
    again.close()


def test_a_read_only_review_still_shows_a_checks_flags(tmp_path: Path) -> None:
    """Flags come from the text, not from the reviewer: a review opened read-only (another
    window holds it) shows them; nothing is written and no decision is implied."""
    from reviewer.core.checking import run_check
    from reviewer.core.review import open_review, open_review_file
    from reviewer.engines.artefacts.engine import ArtefactsEngine

    text = tmp_path / "article.txt"
    text.write_text("Mr. Pompeo He refused the offer on Monday.\n", encoding="utf-8")
    holder = open_review(text)
    viewer = open_review_file(holder.path, read_only=True)
    try:
        document = viewer.document
        flags = run_check(document, [ArtefactsEngine()]).flags
        assert flags, "the doubled subject is flagged"
        changed = viewer.record_flags("artefacts", document, flags)
        (sentence,) = viewer.segments
        assert changed == {sentence.id}
        assert [rf.rule for rf in viewer.flags_in(sentence.id)] == [f.rule for f in flags]
        assert holder.store.query("SELECT count(*) FROM flags")[0][0] == 0
    finally:
        viewer.close()
        holder.close()


def _flag_indexes(path: Path) -> tuple[int, list[str]]:
    with sqlite3.connect(path) as db:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        names = db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'flags'"
        ).fetchall()
    return version, sorted(name for (name,) in names)


def test_flags_are_replaced_through_an_index_on_engine_and_sentence(tmp_path: Path) -> None:
    """Storing a check's flags deletes a sentence's old ones by (engine, sentence): without
    this index each delete scanned the whole engine's flags (quadratic on long texts)."""
    open_review(write_text(tmp_path)).close()
    path = tmp_path / "article.txt.review"
    assert _flag_indexes(path) == (2, ["flags_by_sentence"])
    with sqlite3.connect(path) as db:
        plan = db.execute(
            "EXPLAIN QUERY PLAN DELETE FROM flags WHERE engine = 'a' AND sentence_id = 's'"
        ).fetchall()
    assert "USING INDEX flags_by_sentence" in str(plan)


def test_a_review_of_format_1_is_read_as_is_and_upgraded_when_opened(tmp_path: Path) -> None:
    review = open_review(write_text(tmp_path))
    check(review)
    flags_before = len(all_flags(review))
    review.close()
    path = tmp_path / "article.txt.review"
    with sqlite3.connect(path) as db:  # the review as the previous version wrote it
        db.execute("DROP INDEX flags_by_sentence")
        db.execute("CREATE INDEX flags_by_engine ON flags (engine)")
        db.execute("PRAGMA user_version = 1")
    reader = open_review_file(path, read_only=True)  # an export beside a window
    assert len(all_flags(reader)) == flags_before
    reader.close()
    assert _flag_indexes(path) == (1, ["flags_by_engine"])  # read-only: untouched
    open_review_file(path).close()
    assert _flag_indexes(path) == (2, ["flags_by_sentence"])
