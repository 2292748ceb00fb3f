"""Sentence ids, lookups and edits on the document model."""

from __future__ import annotations

from reviewer.core.document import Document
from reviewer.core.segmentation import Span

TEXT = (
    "Officials met on Monday. The talks lasted four hours.\n\n"
    "A second round is planned. Officials met on Monday."
)


def test_ids_survive_an_edit_of_another_sentence() -> None:
    document = Document.from_text(TEXT)
    before = {s.text: s.id for s in document.sentences}
    edited_sentence = document.sentences[1]
    edited = document.replace_span(
        Span(edited_sentence.start, edited_sentence.end), "The talks lasted five hours."
    )
    after = {s.text: s.id for s in edited.sentences}
    for text, sentence_id in before.items():
        if text != edited_sentence.text:
            assert after[text] == sentence_id
    assert "The talks lasted five hours." in after


def test_identical_sentences_get_distinct_ids() -> None:
    document = Document.from_text(TEXT)
    ids = [s.id for s in document.sentences]
    assert len(set(ids)) == len(ids)
    assert document.sentences[0].text == document.sentences[3].text


def test_sentence_at_and_by_id() -> None:
    document = Document.from_text(TEXT)
    second = document.sentences[1]
    assert document.sentence_at(second.start) == second
    assert document.sentence_at(second.end - 1) == second
    assert document.sentence_at(second.end) is None  # the space between sentences
    assert document.sentence_by_id(second.id) == second
    assert document.sentence_by_id("missing") is None


def test_line_and_column_are_one_based() -> None:
    document = Document.from_text(TEXT)
    last = document.sentences[-1]
    assert document.line_and_column(0) == (1, 1)
    assert document.line_and_column(last.start) == (3, 28)


def test_paragraphs_index_their_sentences() -> None:
    document = Document.from_text(TEXT)
    assert [list(p.sentence_indexes) for p in document.paragraphs] == [[0, 1], [2, 3]]


def test_an_insertion_point_after_a_sentence_belongs_to_it() -> None:
    document = Document.from_text("No final stop here\n\nNext one.")
    first = document.sentences[0]
    assert document.sentence_for_span(first.end, first.end) == first
    assert document.sentence_for_span(first.end, first.end + 1) is None


def test_a_span_with_its_leading_space_belongs_to_the_following_sentence() -> None:
    document = Document.from_text("The strike ended. the union")
    fragment = document.sentences[1]
    assert document.sentence_for_span(fragment.start - 1, fragment.end) == fragment
