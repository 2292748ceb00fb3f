"""`reviewer export JOB --to OUT --rejected-notes`: one note per rejected flag, signed
"MT Reviewer:" only where the file cannot record who wrote a note.

An XLIFF 1.2 `<note from="MT Reviewer">`, an XLIFF 2.0 `<note category="mt-reviewer">` and a
Word comment by "MT Reviewer" already say it, so their text does not repeat it; a PO
translator comment, a TMX `<note>` and a CSV notes cell are text only and keep the prefix.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from reviewer.core.review import open_review
from reviewer.formats.export import export_review
from tests.core.review.support import check, flag_of

RULE = "MT_DOUBLED_SUBJECT"
MT = "Mrs. Keller She approved the new timetable."
REASON = "a quotation in the minutes"
NOTE = f"{RULE} on “Keller She” rejected: {REASON}"

XLIFF1 = f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="minutes.html" source-language="de" target-language="en" datatype="html">
    <body>
      <trans-unit id="m1">
        <source>Frau Keller genehmigte den neuen Fahrplan.</source>
        <target state="translated">{MT}</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""
XLIFF2 = f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en">
  <file id="f1">
    <unit id="m1">
      <segment>
        <source>Frau Keller genehmigte den neuen Fahrplan.</source>
        <target>{MT}</target>
      </segment>
    </unit>
  </file>
</xliff>
"""
PO = f"""msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: en\\n"

msgid "Frau Keller genehmigte den neuen Fahrplan."
msgstr "{MT}"
"""
TMX = f"""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="none"
          adminlang="en" srclang="de" datatype="plaintext"/>
  <body>
    <tu tuid="m1">
      <tuv xml:lang="de"><seg>Frau Keller genehmigte den neuen Fahrplan.</seg></tuv>
      <tuv xml:lang="en"><seg>{MT}</seg></tuv>
    </tu>
  </body>
</tmx>
"""
CSV = f"id,source,target,notes\r\nm1,Frau Keller genehmigte den neuen Fahrplan.,{MT},\r\n"


def _docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(MT)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xliff1_notes(path: Path) -> list[tuple[str | None, str]]:
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    return [(n.get("from"), n.text or "") for n in etree.parse(str(path)).iterfind(".//x:note", ns)]


def _xliff2_notes(path: Path) -> list[tuple[str | None, str]]:
    ns = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
    tree = etree.parse(str(path))
    return [(n.get("category"), n.text or "") for n in tree.iterfind(".//x:note", ns)]


def _po_notes(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]


def _tmx_notes(path: Path) -> list[str]:
    return [n.text or "" for n in etree.parse(str(path)).iterfind(".//note")]


def _csv_notes(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()[1:]


def _docx_comments(path: Path) -> list[tuple[str, str]]:
    import docx

    return [(c.author, c.text) for c in docx.Document(str(path)).comments]


CASES: dict[str, tuple[bytes, Callable[[Path], object], object]] = {
    "job.xlf": (XLIFF1.encode(), _xliff1_notes, [("MT Reviewer", NOTE)]),
    "job2.xlf": (XLIFF2.encode(), _xliff2_notes, [("mt-reviewer", NOTE)]),
    "job.po": (PO.encode(), _po_notes, [f"# MT Reviewer: {NOTE}"]),
    "job.tmx": (TMX.encode(), _tmx_notes, [f"MT Reviewer: {NOTE}"]),
    "job.csv": (
        CSV.encode(),
        _csv_notes,
        [f"m1,Frau Keller genehmigte den neuen Fahrplan.,{MT},MT Reviewer: {NOTE}"],
    ),
}


@pytest.mark.parametrize("name", [*CASES, "job.docx"])
def test_a_rejection_note_names_mt_reviewer_once(tmp_path: Path, name: str) -> None:
    if name == "job.docx":
        data, read, expected = _docx(), _docx_comments, [("MT Reviewer", NOTE)]
    else:
        data, read, expected = CASES[name]
    path = tmp_path / name
    path.write_bytes(data)
    review = open_review(path, reviewer="Ana")
    try:
        check(review)
        review.reject(flag_of(review, RULE), REASON)
        out = tmp_path / f"reviewed{path.suffix}"
        export_review(review, out, rejected_notes=True)
    finally:
        review.close()
    assert read(out) == expected
