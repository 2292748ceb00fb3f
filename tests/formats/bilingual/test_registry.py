"""The dispatcher: every format reads into units a Document can hold, by suffix."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.document import Document
from reviewer.formats.bilingual import (
    BILINGUAL_SUFFIXES,
    parse_bilingual,
    read_bilingual,
    save_bilingual,
    write_bilingual,
)

from .docx_support import sample_docx
from .support import FIXTURES, fixture_bytes


def all_samples() -> list[tuple[str, bytes]]:
    files = sorted(path.name for path in FIXTURES.iterdir() if path.is_file())
    return [(name, fixture_bytes(name)) for name in files] + [("report.docx", sample_docx())]


@pytest.mark.parametrize(("name", "data"), all_samples(), ids=lambda value: str(value)[:20])
def test_every_sample_gives_units_a_document_can_hold(name: str, data: bytes) -> None:
    bilingual = parse_bilingual(data, name)
    assert bilingual.units
    ids = [unit.id for unit in bilingual.units]
    assert len(set(ids)) == len(ids)
    document = Document.from_units(bilingual.reviewable(), path=name)
    assert [sentence.id for sentence in document.sentences] == [
        unit.id for unit in bilingual.reviewable()
    ]


def test_suffixes() -> None:
    assert set(BILINGUAL_SUFFIXES) == {
        ".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".po", ".pot", ".tmx", ".csv", ".tsv", ".docx",
    }  # fmt: skip


def test_line_breaks_inside_xliff_text_are_tokens_and_written_back_exactly() -> None:
    data = (
        b'<?xml version="1.0"?>\r\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:'
        b'document:1.2">\r\n<file original="a" source-language="de" target-language="en"><body>'
        b'\r\n<trans-unit id="1" xml:space="preserve"><source>Zeile eins\r\n  Zeile zwei</source>'
        b"\r\n<target>Line one\r\n  line two</target></trans-unit>\r\n</body></file></xliff>\r\n"
    )
    bilingual = parse_bilingual(data, "lb.xlf")
    unit = bilingual.unit("1")
    (token,) = unit.placeholders
    assert token.markup == "\n  "  # XML parsers normalise CRLF
    assert unit.target == f"Line one{token.char}line two"
    Document.from_units(bilingual.reviewable())
    out = write_bilingual(data, "lb.xlf", {"1": f"Line one{token.char}Line two"})
    assert out == data.replace(b"Line one\r\n  line two", b"Line one\n  Line two")


def test_read_write_save_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "app.po"
    path.write_bytes(fixture_bytes("app.po"))
    path.chmod(0o640)
    bilingual = read_bilingual(path)
    save_bilingual(path, write_bilingual(path.read_bytes(), path.name, {"6": "Ablage"}))
    assert read_bilingual(path).unit("6").target == "Ablage"
    assert path.stat().st_mode & 0o777 == 0o640
    assert [u.id for u in read_bilingual(path).units] == [u.id for u in bilingual.units]
