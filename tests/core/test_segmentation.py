"""Segmentation of the seed article and of the cases MT output throws at a segmenter."""

from __future__ import annotations

import pysbd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core.document import Document
from reviewer.core.segmentation import _Segmenter


def texts(document: Document) -> list[str]:
    return [s.text for s in document.sentences]


def test_seed_sentences_cover_the_article_exactly_once_in_order(seed_document: Document) -> None:
    text = seed_document.text
    previous_end = 0
    for sentence in seed_document.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.start >= previous_end
        assert text[previous_end : sentence.start].strip() == ""  # only whitespace between
        previous_end = sentence.end
    assert text[previous_end:].strip() == ""
    assert [s.index for s in seed_document.sentences] == list(range(len(seed_document.sentences)))


def test_headline_is_its_own_segment(seed_document: Document) -> None:
    first = seed_document.sentences[0]
    assert first.text == "US military resume joint operations with Iraq"
    assert first.paragraph == 0


def test_dateline_stays_with_its_sentence(seed_document: Document) -> None:
    second = seed_document.sentences[1]
    assert second.text.startswith("BAGHDAD – The U.S. military resumed joint operations")
    assert second.text.endswith("senior Iranian military commander in Baghdad.")


def test_mr_and_us_abbreviations_do_not_split(seed_document: Document) -> None:
    sentences = texts(seed_document)
    assert any(s.startswith("Mr. Abdul Mahdi had asked Secretary of State") for s in sentences)
    assert any(s.startswith("Mr. Pompeo He refused") and s.endswith("mission.”") for s in sentences)
    assert not any(s in {"Mr.", "U.S."} for s in sentences)


def test_quotations_stay_inside_their_sentence(seed_document: Document) -> None:
    sentences = texts(seed_document)
    quoted = [s for s in sentences if s.startswith("In a speech before his cabinet")]
    assert quoted == [
        "In a speech before his cabinet, he suggested that Parliament’s decision might not be "
        "the last word, saying: “If we reach the decision to get the forces out of Iraq, this "
        "would be the decision of the Iraqi government.”"
    ]


def test_stray_fragment_after_full_stop_is_its_own_segment(seed_document: Document) -> None:
    sentences = texts(seed_document)
    position = sentences.index("the coalition")
    assert sentences[position - 1].endswith("according to senior military officials.")
    assert (
        seed_document.sentences[position].paragraph
        == seed_document.sentences[position - 1].paragraph
    )


def test_boilerplate_lines_at_the_end_are_segments(seed_document: Document) -> None:
    assert texts(seed_document)[-3:] == [
        "Leave a Reply",
        "Your email address will not be published.",
        "Required fields are marked *",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Maj. Gen. John Smith arrived on Monday. He left on Tuesday.",
            ["Maj. Gen. John Smith arrived on Monday.", "He left on Tuesday."],
        ),
        (
            "Prices rose 3.5 percent in the U.S. economy. Analysts were surprised.",
            ["Prices rose 3.5 percent in the U.S. economy.", "Analysts were surprised."],
        ),
        ("“Why?” he asked the court.", ["“Why?” he asked the court."]),
        (
            "Costs include fuel, food, etc. and transport.",
            ["Costs include fuel, food, etc. and transport."],
        ),
        (
            "The talks ended at 5 p.m. on Friday. officials said",
            ["The talks ended at 5 p.m. on Friday.", "officials said"],
        ),
        (
            "The strike was called off. the union",
            ["The strike was called off.", "the union"],
        ),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert texts(Document.from_text(text)) == expected


def test_single_newlines_separate_paragraphs() -> None:
    document = Document.from_text("Headline without stop\nBody sentence one. Body two.\n")
    assert [p.text for p in document.paragraphs] == [
        "Headline without stop",
        "Body sentence one. Body two.",
    ]
    assert [s.paragraph for s in document.sentences] == [0, 1, 1]


def test_repeated_sentences_keep_exact_spans() -> None:
    text = "Read more. Read more. Read more."
    document = Document.from_text(text)
    assert [(s.start, s.end) for s in document.sentences] == [(0, 10), (11, 21), (22, 32)]


# Correct sentences with an abbreviation mid-sentence before a lower-case word or a number:
# each must stay one sentence (pysbd or our lower-case split used to break several of them).
ONE_SENTENCE_WITH_ABBREVIATIONS = [
    "Shares of Acme Inc. rose 4 percent on Tuesday after the earnings report.",
    "The deal values Brightwater Corp. at $3 billion, including debt.",
    "He met Gen. Smith and approx. forty officers at the northern base.",
    "Staff from the St. Louis office were moved to Chicago in March.",
    "Martin Luther King Jr. was born in Atlanta in 1929.",
    "Harlow Bros. and two smaller builders won the contract.",
    "Talks with Globex Plc. stalled over the price of its Irish unit.",
    "The regulator fined Northwind Ltd. £2 million for the data breach.",
    "Lakeside Co. said on Monday it would close two plants.",
    "The firm, founded by Jose Alvarez Sr. in 1962, now employs 400 people.",
    "Voting begins Jan. 3 and ends a week later.",
    "The study by Moreno et al. found higher rates in rural areas.",
    "The council sold approx. 40 hectares of farmland to the developer.",
    "Fuel, food, medicine etc. were flown in by the air force.",
    "The hearing moved to Courtroom No. 4 on the second floor.",
    "Sgt. Reyes and Lt. Col. Ahmed visited the families on Friday.",
    "The company moved its offices to Main St. in the spring.",
]


@pytest.mark.parametrize("text", ONE_SENTENCE_WITH_ABBREVIATIONS)
def test_abbreviation_before_lower_case_or_number_stays_one_sentence(text: str) -> None:
    document = Document.from_text(text)
    assert texts(document) == [text]
    assert [s.index for s in document.sentences] == [0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # not an abbreviation: a stray lower-case fragment stays visible
        (
            "Officials met on Monday. the coalition",
            ["Officials met on Monday.", "the coalition"],
        ),
        # an abbreviation that may end a sentence, then a capital: a new sentence
        (
            "He works for Acme Inc. The company makes garden tools.",
            ["He works for Acme Inc.", "The company makes garden tools."],
        ),
        # "no." continues only before a number
        (
            "Asked about a deal, he said no. the coalition",
            ["Asked about a deal, he said no.", "the coalition"],
        ),
        # a capitalised entry does not match the lower-case word
        (
            "The rain did not mar. the parade went ahead",
            ["The rain did not mar.", "the parade went ahead"],
        ),
    ],
)
def test_splits_that_stay(text: str, expected: list[str]) -> None:
    assert texts(Document.from_text(text)) == expected


def test_joined_sentence_keeps_exact_span_and_a_stable_id() -> None:
    text = "Sales fell. Shares of Acme Inc. rose 4 percent. the coalition"
    document = Document.from_text(text)
    assert texts(document) == [
        "Sales fell.",
        "Shares of Acme Inc. rose 4 percent.",
        "the coalition",
    ]
    joined = document.sentences[1]
    assert text[joined.start : joined.end] == joined.text
    alone = Document.from_text("Shares of Acme Inc. rose 4 percent.").sentences[0]
    assert joined.id == alone.id


def test_documents_segmented_on_several_threads_at_once_come_out_whole() -> None:
    """pysbd segmenters keep their current text: each thread must have its own."""
    from concurrent.futures import ThreadPoolExecutor

    texts = [
        " ".join(
            f"Talks in city {n} resumed on Monday. Officials said {k} ministers came."
            for k in range(40)
        )
        for n in range(6)
    ]
    expected = [len(Document.from_text(text).sentences) for text in texts]
    with ThreadPoolExecutor(6) as pool:
        for _ in range(3):
            found = list(pool.map(lambda t: len(Document.from_text(t).sentences), texts))
            assert found == expected


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "He left.",
                "He left.",
                "Mr. Pompeo said so.",
                "U.S. forces",
                "  ",
                "\u00a0",
                "\n",
                "e.g. this",
                "“Why?” he asked.",
                "a",
                ".",
                "...",
                "Inc. rose",
                "(1) one",
                "Co. said",
                "no. 5 total",
                "St. Louis",
                "AL. total",
                "al. et",
                "İst. Ave.",
                "ſt. Jan.",
                "\u212ao. 4",
                "Prof. Dr. Smith",
                "approx. 40",
                "vs. them",
            ]
        ),
        max_size=12,
    ).map(" ".join)
)
def test_our_segmenter_segments_as_pysbd_does(text: str) -> None:
    """`_Segmenter` finds pysbd's sentences with str.find instead of a regex each, and skips
    abbreviations pysbd's regex cannot find: the same result, repeated sentences, odd
    whitespace, abbreviations and letters whose case folding is special included."""
    ours = _Segmenter(language="en", clean=False).segment(text)
    assert ours == pysbd.Segmenter(language="en", clean=False).segment(text)
