"""Every bilingual format through a review: open, accept a fix, export, re-open.

The whole path a reviewer takes: `open_review` on the file, a flag with a suggestion
accepted (the unit marked reviewed), File > Export to the file's own extension, and the
written file read again, by our reader and by the format's own library, showing exactly
that change and nothing else.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import docx
import pytest
from lxml import etree
from translate.storage import factory

from reviewer.core.bilingual import BilingualFile, is_placeholder
from reviewer.core.flags import Flag, Severity
from reviewer.core.review import SentenceStatus, open_review
from reviewer.formats.bilingual import parse_bilingual
from reviewer.formats.export import export_review
from tests.formats.bilingual.docx_support import sample_docx

FIXTURES = Path(__file__).parent / "bilingual" / "fixtures"
FILES = ["omegat.xlf", "okapi.xlf", "v2.xlf", "app.po", "memory.tmx", "pairs.csv", "pairs.tsv"]


def a_word_of(target: str) -> tuple[int, str]:
    """The first word of three letters or more outside any inline code."""
    word = ""
    for index, character in enumerate(target):
        if character.isalpha() and not is_placeholder(character):
            word += character
            continue
        if len(word) >= 3:
            return index - len(word), word
        word = ""
    assert len(word) >= 3, target
    return len(target) - len(word), word


def fixed(tmp_path: Path, name: str, data: bytes) -> tuple[Path, str, str, BilingualFile]:
    """Open `name` for review, accept a fix in its first unit, mark it reviewed, export."""
    path = tmp_path / name
    path.write_bytes(data)
    review = open_review(path)
    try:
        segment = review.segments[0]
        start, word = a_word_of(segment.text)
        document = review.document
        sentence = document.sentence_by_id(segment.id)
        assert sentence is not None
        flag = Flag(
            start=sentence.start + start,
            end=sentence.start + start + len(word),
            text=word,
            rule="TEST_RULE",
            engine="test",
            category="Fluency/Spelling",
            severity=Severity.MINOR,
            message="a test fix",
            suggestions=(word.upper(),),
        )
        review.record_flags("test", document, [flag])
        (review_flag,) = review.flags_in(segment.id)
        review.accept(review_flag, 0)
        review.mark_reviewed(segment.id)
        assert review.segment(segment.id).status is SentenceStatus.REVIEWED
        out = tmp_path / f"reviewed{path.suffix}"
        export_review(review, out)
        expected = segment.text[:start] + word.upper() + segment.text[start + len(word) :]
        return out, segment.id, expected, parse_bilingual(data, name)
    finally:
        review.close()


@pytest.mark.parametrize("name", FILES)
def test_a_fix_accepted_in_a_review_reaches_the_file_and_nothing_else(
    tmp_path: Path, name: str
) -> None:
    original = (FIXTURES / name).read_bytes()
    out, unit_id, expected, before = fixed(tmp_path, name, original)
    after = parse_bilingual(out.read_bytes(), name)
    assert [unit.id for unit in after.units] == [unit.id for unit in before.units]
    for old, new in zip(before.units, after.units, strict=True):
        if old.id == unit_id:
            assert new.target == expected
            assert new.source == old.source
        else:
            assert new == old, old.id
    _library_sees_the_change(out, name, expected, after.unit(unit_id).with_markup(expected))


def _library_sees_the_change(out: Path, name: str, expected: str, markup: str) -> None:
    """The format's own library (not our reader) finds the corrected target: one target
    holding every word of it (libraries flatten inline codes each their own way)."""
    words = "".join(c if not is_placeholder(c) else " " for c in expected).split()
    if name.endswith((".po", ".tmx")):
        targets = [str(unit.target or "") for unit in factory.getobject(str(out)).units]
    elif name.endswith(".xlf"):
        targets = ["".join(t.itertext()) for t in etree.parse(str(out)).iter("{*}target")]
    else:
        delimiter = "\t" if name.endswith(".tsv") else ","
        text = out.read_text(encoding="utf-8-sig")
        targets = [
            cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row
        ]
        assert markup in targets
    assert any(all(word in target for word in words) for target in targets), targets


def test_a_word_document_keeps_its_formatting_around_the_fix(tmp_path: Path) -> None:
    data = sample_docx()
    out, unit_id, expected, before = fixed(tmp_path, "report.docx", data)
    after = parse_bilingual(out.read_bytes(), "report.docx")
    for old, new in zip(before.units, after.units, strict=True):
        assert new.target == (expected if old.id == unit_id else old.target)
    reread = docx.Document(str(out))
    original = docx.Document(io.BytesIO(data))
    bold_before = [r.text for p in original.paragraphs for r in p.runs if r.bold]
    bold_after = [r.text for p in reread.paragraphs for r in p.runs if r.bold]
    assert bold_after == bold_before  # the heading was fixed; the bold run is untouched
