"""Rendering segments back into a document: untouched reviews give the text back exactly,
and deleted sentences take their own lead (space or line break) with them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reviewer.core.document import Document
from reviewer.core.review.layout import Layout, render, segments_from_document
from reviewer.core.review.model import Segment

SHAPES = {
    "empty": "",
    "whitespace only": "  \n\t\n \n",
    "one sentence, no newline": "The minister arrived late.",
    "headline and body": (
        "Ministers Agree On New Border Rules\n\n"
        "The agreement was signed on Friday in Brussels. It takes effect next month.\n"
    ),
    "blank lines between paragraphs": (
        "First paragraph here. It has two sentences.\n\n\n\n"
        "Second paragraph after many blank lines.\n\n"
    ),
    "leading and trailing whitespace": (
        "   \n\n  The delegation left early.   Nobody explained why.  \n\t\n"
    ),
    "crlf": (
        "Storm Hits Coast\r\n\r\nThe storm made landfall at night. Power was cut.\r\n"
        "Schools stay closed.\r\n"
    ),
    "old mac newlines": "One line here.\rAnother line here.\r",
    "abbreviations": "Dr. Smith met Mr. Jones in the U.S. capital. They spoke for an hour.\n",
    "consecutive lines without blank": "Line one is here.\nLine two is here.\nLine three.\n",
    "tabs inside a line": "The vote passed.\tThe opposition walked out.\n",
    "web residue line": "The price rose by 5%.\n\nLeave a Reply\n\nShare this:\n",
    "unicode": "Le président a dit « non ». The minister’s reply came — late.\n",
    "no final newline, many paragraphs": "A headline\n\nBody one. Body two.\nBody three.",
}


def layout_of(text: str) -> tuple[Document, list[Segment], str, Layout]:
    document = Document.from_text(text)
    segments, tail = segments_from_document(document)
    return document, segments, tail, render(segments, tail)


@pytest.mark.parametrize("text", SHAPES.values(), ids=SHAPES.keys())
def test_rendering_an_untouched_review_gives_the_document_back(text: str) -> None:
    document, segments, _, layout = layout_of(text)
    rendered = layout.document
    assert rendered.text == document.text
    assert [(s.id, s.start, s.end, s.text) for s in rendered.sentences] == [
        (s.id, s.start, s.end, s.text) for s in document.sentences
    ]
    assert [(p.start, p.end, p.text) for p in rendered.paragraphs] == [
        (p.start, p.end, p.text) for p in document.paragraphs if p.sentence_indexes
    ]
    for segment in segments:
        start, end = layout.span_of(segment.id)
        assert rendered.text[start:end] == segment.text
        assert segment.mt == segment.text


def test_segments_leads_and_tail_cover_the_text() -> None:
    text = "  Title Here\n\nFirst one. Second one.\n"
    _, segments, tail, _ = layout_of(text)
    assert [(s.lead, s.text, s.paragraph) for s in segments] == [
        ("  ", "Title Here", 0),
        ("\n\n", "First one.", 1),
        (" ", "Second one.", 1),
    ]
    assert tail == "\n"
    assert "".join(s.lead + s.text for s in segments) + tail == text


def test_crlf_is_rendered_normalised() -> None:
    _, _, _, layout = layout_of(SHAPES["crlf"])
    assert "\r" not in layout.document.text
    assert layout.document.text == (
        "Storm Hits Coast\n\n"
        "The storm made landfall at night. Power was cut.\n"
        "Schools stay closed.\n"
    )


def deleting(text: str, *words: str) -> Layout:
    """Render `text` with every sentence containing one of `words` deleted."""
    _, segments, tail, _ = layout_of(text)
    edited = [replace(s, text="") if any(w in s.text for w in words) else s for s in segments]
    assert sum(1 for s in edited if not s.text) == len(words), "each word picks one sentence"
    return render(edited, tail)


ARTICLE = (
    "Ministers Agree On New Border Rules\n"
    "\n"
    "The agreement was signed on Friday. It takes effect next month. Critics object.\n"
    "The opposition called it rushed.\n"
    "\n"
    "Leave a Reply\n"
)


def test_deleting_a_whole_paragraph_removes_its_line() -> None:
    layout = deleting(ARTICLE, "Leave a Reply")
    assert layout.document.text == (
        "Ministers Agree On New Border Rules\n"
        "\n"
        "The agreement was signed on Friday. It takes effect next month. Critics object.\n"
        "The opposition called it rushed.\n"
    )
    assert len(layout.document.paragraphs) == 3


def test_deleting_a_one_line_paragraph_in_the_middle() -> None:
    layout = deleting(ARTICLE, "opposition")
    assert layout.document.text == (
        "Ministers Agree On New Border Rules\n"
        "\n"
        "The agreement was signed on Friday. It takes effect next month. Critics object.\n"
        "\n"
        "Leave a Reply\n"
    )


def test_deleting_the_first_sentence_keeps_the_paragraph_line_break() -> None:
    layout = deleting(ARTICLE, "signed")
    assert layout.document.text == (
        "Ministers Agree On New Border Rules\n"
        "\n"
        "It takes effect next month. Critics object.\n"
        "The opposition called it rushed.\n"
        "\n"
        "Leave a Reply\n"
    )
    paragraph = layout.document.paragraphs[1]
    assert paragraph.text == "It takes effect next month. Critics object."


def test_deleting_a_mid_paragraph_sentence_removes_its_space() -> None:
    layout = deleting(ARTICLE, "effect")
    assert "signed on Friday. Critics object.\n" in layout.document.text
    assert "  " not in layout.document.text


def test_deleting_the_last_sentence_of_a_paragraph() -> None:
    layout = deleting(ARTICLE, "Critics")
    assert "takes effect next month.\nThe opposition" in layout.document.text


def test_deleting_the_whole_first_paragraph() -> None:
    layout = deleting(ARTICLE, "Border Rules")
    assert layout.document.text == (
        "The agreement was signed on Friday. It takes effect next month. Critics object.\n"
        "The opposition called it rushed.\n"
        "\n"
        "Leave a Reply\n"
    )
    assert layout.document.sentences[0].start == 0


def test_deleting_the_first_paragraph_keeps_leading_whitespace_of_the_file() -> None:
    layout = deleting("\n  Headline Words\n\nBody sentence here.\n", "Headline")
    assert layout.document.text == "\n  Body sentence here.\n"


def test_deleting_every_sentence_leaves_only_the_surrounding_whitespace() -> None:
    layout = deleting("  Only one.\n", "Only")
    assert layout.document.text == "  \n"
    assert layout.document.sentences == ()


def test_deleted_segments_keep_an_empty_span_where_they_were() -> None:
    _, segments, tail, _ = layout_of(ARTICLE)
    gone = next(s for s in segments if "effect" in s.text)
    layout = render([replace(s, text="") if s is gone else s for s in segments], tail)
    start, end = layout.span_of(gone.id)
    assert start == end
    before = next(s for s in layout.document.sentences if "signed" in s.text)
    assert start == before.end
    assert len(layout.spans) == len(segments)


def test_rendered_sentences_and_paragraphs_are_renumbered() -> None:
    layout = deleting(ARTICLE, "Border Rules", "signed")
    document = layout.document
    assert [s.index for s in document.sentences] == list(range(len(document.sentences)))
    assert [p.index for p in document.paragraphs] == list(range(len(document.paragraphs)))
    for paragraph in document.paragraphs:
        assert document.text[paragraph.start : paragraph.end] == paragraph.text
        for index in paragraph.sentence_indexes:
            assert document.sentences[index].paragraph == paragraph.index


def test_an_edited_sentence_shifts_the_ones_after_it() -> None:
    _, segments, tail, _ = layout_of(ARTICLE)
    target = next(s for s in segments if "signed" in s.text)
    edited = [
        replace(s, text="The deal was finally signed on Friday evening.") if s is target else s
        for s in segments
    ]
    layout = render(edited, tail)
    for segment in edited:
        start, end = layout.span_of(segment.id)
        assert layout.document.text[start:end] == segment.text
    assert "Friday evening. It takes effect" in layout.document.text
