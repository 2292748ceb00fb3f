"""DOCX: paragraphs as units, character-level write-back that keeps run formatting."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from reviewer.formats.bilingual import BilingualFormatError, parse_bilingual, write_bilingual

from .docx_support import URL, sample_docx


def runs_of(data: bytes) -> list[list[tuple[str, bool | None, bool | None, bool]]]:
    """Every paragraph's runs (hyperlink runs included) as (text, bold, italic, in link)."""
    document = docx.Document(io.BytesIO(data))
    result = []
    for paragraph in document.element.body.iter(qn("w:p")):
        runs = []
        for run in paragraph.iter(qn("w:r")):
            properties = run.find(qn("w:rPr"))
            bold = properties is not None and properties.find(qn("w:b")) is not None
            italic = properties is not None and properties.find(qn("w:i")) is not None
            text = "".join(t.text or "" for t in run.iter(qn("w:t")))
            linked = run.getparent().tag == qn("w:hyperlink")
            runs.append((text, bold, italic, linked))
        result.append(runs)
    return result


def test_paragraphs_tables_and_breaks() -> None:
    bilingual = parse_bilingual(sample_docx(), "report.docx")
    assert bilingual.format == "docx"
    assert [unit.id for unit in bilingual.units] == ["1", "2", "4", "5", "6"]
    assert all(unit.source == "" for unit in bilingual.units)
    assert bilingual.unit("2").target == (
        "The minister Pompeo He refused the military resume (see the full report)."
    )
    assert bilingual.unit("4").target == "Actually"
    broken = bilingual.unit("6")
    assert [p.markup for p in broken.placeholders] == ["\n"]
    assert broken.with_markup(broken.target) == "First line\nsecond line"


def test_nothing_changed_is_byte_identical() -> None:
    data = sample_docx()
    units = parse_bilingual(data, "r.docx").units
    assert write_bilingual(data, "r.docx", {u.id: u.target for u in units}) == data


def test_round_trip_keeps_bold_italic_and_hyperlink() -> None:
    data = sample_docx()
    new = "The minister Pompeo refused the military résumé (see the full report)."
    out = write_bilingual(data, "r.docx", {"2": new}, reviewed={"2"})
    before, after = runs_of(data), runs_of(out)
    assert after[1] == [
        ("The minister ", False, False, False),
        ("Pompeo", True, False, False),
        (" refused the ", False, False, False),
        ("military résumé", False, True, False),
        (" (see ", False, False, False),
        ("the full report", False, False, True),
        (").", False, False, False),
    ]
    assert after[:1] + after[2:] == before[:1] + before[2:]
    document = docx.Document(io.BytesIO(out))
    relationships = document.part.rels.values()
    assert [rel.target_ref for rel in relationships if rel.is_external] == [URL]
    # only word/document.xml differs inside the package
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(io.BytesIO(out)) as new_zip:
        assert old.namelist() == new_zip.namelist()
        differing = [n for n in old.namelist() if old.read(n) != new_zip.read(n)]
    assert differing == ["word/document.xml"]


def test_change_inside_a_hyperlink_and_across_runs() -> None:
    data = sample_docx()
    new = "The minister Pompeo He refused the military plan (see the whole report)."
    out = write_bilingual(data, "r.docx", {"2": new})
    texts = [(text, bold, italic, linked) for text, bold, italic, linked in runs_of(out)[1]]
    assert ("military plan", False, True, False) in texts
    assert ("the whole report", False, False, True) in texts
    # replaced text takes the run where the change starts: "military resume" -> italic
    new = "The minister Pompeo He refused the army (see the full report)."
    texts = runs_of(write_bilingual(data, "r.docx", {"2": new}))[1]
    assert texts[3] == ("army", False, True, False)


def test_text_next_to_a_line_break_and_in_a_table_cell() -> None:
    data = sample_docx()
    unit = parse_bilingual(data, "r.docx").unit("6")
    (token,) = (p.char for p in unit.placeholders)
    out = write_bilingual(data, "r.docx", {"6": f"First line{token}Second line", "4": "Currently"})
    bilingual = parse_bilingual(out, "r.docx")
    assert bilingual.unit("6").with_markup(bilingual.unit("6").target) == (
        "First line\nSecond line"
    )
    document = docx.Document(io.BytesIO(out))
    assert document.tables[0].cell(0, 0).text == "Currently"
    assert document.tables[0].cell(0, 1).text == "the price is low"


def test_notes_become_word_comments() -> None:
    data = sample_docx()
    out = write_bilingual(data, "r.docx", {}, notes={"5": ["Rejected: MT_FALSE_FRIEND"]})
    document = docx.Document(io.BytesIO(out))
    comments = list(document.comments)
    assert [(c.author, c.text) for c in comments] == [("MT Reviewer", "Rejected: MT_FALSE_FRIEND")]
    visible = [[run for run in runs if run[0]] for runs in runs_of(out)]
    assert visible == runs_of(data)  # only the comment's reference run was added


def test_break_token_cannot_be_dropped() -> None:
    data = sample_docx()
    with pytest.raises(BilingualFormatError, match="unit 6"):
        write_bilingual(data, "r.docx", {"6": "First line second line"})


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", r"e\.docx: the file is empty"),
        (b"PK\x03\x04 not really a zip", r"e\.docx: not a Word document"),
        (b"plain text", r"e\.docx: not a Word document"),
    ],
)
def test_unusable_documents(data: bytes, message: str) -> None:
    with pytest.raises(BilingualFormatError, match=message):
        parse_bilingual(data, "e.docx")


def test_document_without_text() -> None:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with pytest.raises(BilingualFormatError, match="no text"):
        parse_bilingual(buffer.getvalue(), "empty.docx")
