"""Property tests, in-process: segmentation covers the document exactly, every flag slices
to its text, and `reviewer check` on arbitrary bytes exits 0 or 2 without a traceback."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reviewer.cli import main
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions
from reviewer.engines.artefacts.engine import ArtefactsEngine

# Words and marks that exercise segmentation and the detectors: abbreviations, quotes,
# web residue, doubled subjects, false friends, numbers, non-Latin scripts, odd spaces.
PIECES = [
    "The",
    "the",
    "minister",
    "said",
    "Mr.",
    "Dr.",
    "U.S.",
    "e.g.",
    "Pompeo",
    "He",
    "he",
    "refused",
    "arrested",
    "actually",
    "eventually",
    "Leave a Reply",
    "Share this:",
    "Required fields are marked *",
    "3.5",
    "1,000",
    "“quoted”",
    '"plain"',
    "it’s",
    "(aside)",
    "café",
    "Cafe\u0301",
    "\U0001f600",
    "\u05e9\u05dc\u05d5\u05dd",
    "zero\u200bwidth",
    "\u00a0",
    ".",
    ",",
    "!",
    "?",
    "...",
    ";",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
]

texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=60).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.text(max_size=300),
)


@settings(max_examples=300, deadline=None)
@given(texts)
@example("")
@example("   \n\t ")
@example("word " * 50)
@example("Mr. Pompeo He refused.  Leave a Reply\r\nU.S. officials said so.\rDone")
def test_segmentation_covers_the_document_exactly(text: str) -> None:
    document = Document.from_text(text)
    cursor = 0
    for index, sentence in enumerate(document.sentences):
        assert sentence.index == index
        assert cursor <= sentence.start < sentence.end <= len(document.text)
        assert document.text[sentence.start : sentence.end] == sentence.text
        gap = document.text[cursor : sentence.start]
        assert gap.strip() == "", f"lost between sentences: {gap!r}"
        cursor = sentence.end
    assert document.text[cursor:].strip() == "", f"lost at the end: {document.text[cursor:]!r}"
    for paragraph in document.paragraphs:
        for index in paragraph.sentence_indexes:
            sentence = document.sentences[index]
            assert paragraph.start <= sentence.start and sentence.end <= paragraph.end


_ENGINE = ArtefactsEngine()


@settings(max_examples=200, deadline=None)
@given(texts, st.sampled_from([None, "es", "fr", "de"]))
@example("Mr. Pompeo He refused the the offer.  Leave a Reply", "es")
def test_every_artefacts_flag_slices_to_its_text(text: str, source: str | None) -> None:
    document = Document.from_text(text)
    report = _ENGINE.check(document, CheckOptions(source_language=source))
    assert report.errors == []
    for flag in report.flags:
        assert 0 <= flag.start <= flag.end <= len(document.text), flag
        assert document.text[flag.start : flag.end] == flag.text, flag


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.one_of(
        st.binary(max_size=2000),
        texts.map(lambda t: t.encode("utf-8")),
        texts.map(lambda t: t.encode("utf-16")),
        texts.map(lambda t: t.encode("cp1252", errors="replace")),
    )
)
@example(b"")
@example(b"\x00")
@example(b"\xff\xfe")
@example(b"\xfe\xff\x00")
@example(b"\xef\xbb\xbf")
def test_check_on_random_bytes_exits_0_or_2(
    capsys: pytest.CaptureFixture[str], data: bytes
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.txt"
        path.write_bytes(data)
        code = main(["check", str(path), "--engines", "artefacts", "--format", "json"])
    _, err = capsys.readouterr()
    assert code in (0, 2), err
    assert "Traceback" not in err
    if code == 2:
        assert len(err.strip().splitlines()) == 1, err
