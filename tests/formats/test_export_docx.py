"""The .docx export: it opens with python-docx, holds the corrected text one paragraph per
line, and with tracked changes shows deleted words struck in red and inserted ones
underlined in green."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from reviewer.core.diff import DiffPiece
from reviewer.core.review import Review
from reviewer.formats.export import export_review
from reviewer.formats.export_docx import DELETED_COLOUR, INSERTED_COLOUR, tracked_pieces
from tests.core.review.support import ARTICLE, DOUBLED, FRAGMENT, RESIDUE, flag_of
from tests.formats.export_support import edit, review_of, segment_id


@pytest.fixture
def review(tmp_path: Path) -> Iterator[Review]:
    opened = review_of(tmp_path, ARTICLE.encode())
    yield opened
    opened.close()


def paragraph_texts(path: Path) -> list[str]:
    return [paragraph.text for paragraph in docx.Document(str(path)).paragraphs]


def runs(path: Path) -> list[tuple[str, str]]:
    """(kind, text) of every run: 'delete', 'insert' or 'equal' by its formatting."""
    found = []
    for paragraph in docx.Document(str(path)).paragraphs:
        for run in paragraph.runs:
            if run.font.strike:
                assert run.font.color.rgb == DELETED_COLOUR
                found.append(("delete", run.text))
            elif run.font.underline:
                assert run.font.color.rgb == INSERTED_COLOUR
                found.append(("insert", run.text))
            else:
                found.append(("equal", run.text))
    return found


def fix_all(review: Review) -> None:
    review.accept(flag_of(review, DOUBLED), 0)
    review.accept(flag_of(review, RESIDUE), 0)
    edit(review, "naval mission", "on Tuesday", "on Wednesday")


def test_holds_the_corrected_text_one_paragraph_per_line(review: Review, tmp_path: Path) -> None:
    fix_all(review)
    target = tmp_path / "out.docx"
    export_review(review, target)
    texts = paragraph_texts(target)
    assert "\n".join(texts) + "\n" == review.text
    assert any("Mr. Pompeo refused to say" in text for text in texts)
    assert not any("Leave a Reply" in text for text in texts)
    assert all(kind == "equal" for kind, _ in runs(target))  # no changes shown


def test_tracked_changes_strike_deleted_words_and_underline_inserted(
    review: Review, tmp_path: Path
) -> None:
    fix_all(review)
    target = tmp_path / "tracked.docx"
    export_review(review, target, tracked=True)
    shown = runs(target)
    deleted = [text for kind, text in shown if kind == "delete"]
    inserted = [text for kind, text in shown if kind == "insert"]
    assert any(text.strip() == "He" for text in deleted)
    assert "Leave a Reply" in deleted
    assert any("Tuesday" in text for text in deleted)
    assert any("Wednesday" in text for text in inserted)
    texts = paragraph_texts(target)
    assert "Leave a Reply" in texts  # a deleted paragraph is a struck line of its own
    assert any("Mr. Pompeo He refused" in text for text in texts)  # MT and correction read


def test_an_untouched_review_with_tracked_changes_shows_none(
    review: Review, tmp_path: Path
) -> None:
    target = tmp_path / "tracked.docx"
    export_review(review, target, tracked=True)
    assert all(kind == "equal" for kind, _ in runs(target))
    assert "\n".join(paragraph_texts(target)) + "\n" == ARTICLE


def corrected(review: Review) -> str:
    return "".join(p.text for p in tracked_pieces(review) if p.kind != "delete")


def machine_translation(review: Review) -> str:
    return "".join(p.text for p in tracked_pieces(review) if p.kind != "insert")


@pytest.mark.parametrize(
    "deleted",
    [
        ["Gulf Talks"],  # the headline: the first paragraph
        ["Washington asked"],  # the first sentence of a paragraph
        ["Washington asked", "Pompeo He"],  # the first two
        ["Mr. Pompeo"],  # a middle sentence
        ["The ministry", "Observers expect"],  # a whole paragraph in the middle
        ["Leave a Reply"],  # the last paragraph
        ["Gulf Talks", "Leave a Reply"],
    ],
)
def test_tracked_pieces_rebuild_both_texts(review: Review, deleted: list[str]) -> None:
    for words in deleted:
        review.edit_sentence(segment_id(review, words), "")
    assert corrected(review) == review.text
    assert machine_translation(review) == ARTICLE


def test_tracked_pieces_after_fixes_and_a_deleted_fragment(review: Review) -> None:
    fix_all(review)
    review.accept(flag_of(review, FRAGMENT), 0)  # " the coalition": its space goes too
    assert corrected(review) == review.text
    assert machine_translation(review) == ARTICLE.replace(". the coalition", ".the coalition")
    assert DiffPiece("delete", "the coalition") in tracked_pieces(review)


def test_control_characters_word_cannot_hold_are_left_out_with_a_notice(
    tmp_path: Path,
) -> None:
    review = review_of(tmp_path, ARTICLE.replace("Observers", "Obs\x0cervers").encode())
    try:
        target = tmp_path / "out.docx"
        result = export_review(review, target)
        assert any("Observers expect" in text for text in paragraph_texts(target))
        assert result.notices == ["1 control character that Word cannot hold was left out"]
    finally:
        review.close()
