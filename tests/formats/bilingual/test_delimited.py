"""CSV/TSV: column detection, tokens for line breaks, cell-exact write-back."""

from __future__ import annotations

import csv
import io

import pytest

from reviewer.formats.bilingual import BilingualFormatError, parse_bilingual, write_bilingual

from .support import fixture_bytes


def test_header_with_key_and_comment_columns() -> None:
    bilingual = parse_bilingual(fixture_bytes("pairs.csv"), "pairs.csv")
    assert bilingual.format == "csv"
    assert [unit.id for unit in bilingual.units] == [
        "btn.save",
        "msg.hello",
        "msg.long",
        "msg.quote",
    ]
    assert bilingual.unit("msg.hello").source == "Hola, mundo"
    assert bilingual.unit("btn.save").notes == ("UI button",)
    multiline = bilingual.unit("msg.long")
    assert [p.markup for p in multiline.placeholders] == ["\r\n"]
    assert "\n" not in multiline.target
    assert bilingual.unit("msg.quote").target == 'He said "not"'


def test_language_code_header_in_tsv() -> None:
    bilingual = parse_bilingual(fixture_bytes("pairs.tsv"), "pairs.tsv")
    assert bilingual.format == "tsv"
    assert (bilingual.source_language, bilingual.target_language) == ("es", "en-US")
    assert [unit.id for unit in bilingual.units] == ["1", "2"]
    assert bilingual.unit("2").target == "Actually he lives in Madrid."


def test_english_code_column_is_the_target_even_when_first() -> None:
    data = b"en;de\nHello;Hallo\n"
    bilingual = parse_bilingual(data, "x.csv")
    assert (bilingual.source_language, bilingual.target_language) == ("de", "en")
    assert bilingual.unit("1").target == "Hello"


def test_headerless_file_uses_the_first_two_columns() -> None:
    data = b"Hola;Hello;extra\nAdi\xc3\xb3s;Goodbye;more\n"
    bilingual = parse_bilingual(data, "x.csv")
    assert [(u.id, u.source, u.target) for u in bilingual.units] == [
        ("1", "Hola", "Hello"),
        ("2", "Adiós", "Goodbye"),
    ]
    out = write_bilingual(data, "x.csv", {"2": "Bye; see you"})
    assert out == b'Hola;Hello;extra\nAdi\xc3\xb3s;"Bye; see you";more\n'


@pytest.mark.parametrize("name", ["pairs.csv", "pairs.tsv"])
def test_nothing_changed_is_byte_identical(name: str) -> None:
    data = fixture_bytes(name)
    units = parse_bilingual(data, name).units
    assert write_bilingual(data, name, {u.id: u.target for u in units}, reviewed=[]) == data


def test_round_trip_keeps_bom_crlf_quoting_and_other_cells() -> None:
    data = fixture_bytes("pairs.csv")
    bilingual = parse_bilingual(data, "pairs.csv")
    multiline = bilingual.unit("msg.long")
    new = multiline.target.replace("second", "Second")
    out = write_bilingual(
        data,
        "pairs.csv",
        {"msg.long": new, "btn.save": 'Save "now"'},
        reviewed={"msg.long"},
        notes={"msg.hello": ["checked"]},
    )
    assert out.startswith(b"\xef\xbb\xbf")
    assert out == data.replace(b"second line", b"Second line").replace(
        b"btn.save,Guardar,Keep,", b'btn.save,Guardar,"Save ""now""",'
    ).replace(b'"Hello, world",\r\n', b'"Hello, world",checked\r\n')
    before = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    after = list(csv.reader(io.StringIO(out.decode("utf-8-sig"), newline="")))
    changed = [
        (row, column)
        for row, (old, new_row) in enumerate(zip(before, after, strict=True))
        for column, (a, b) in enumerate(zip(old, new_row, strict=True))
        if a != b
    ]
    assert changed == [(1, 2), (2, 3), (3, 2)]
    assert after[3][2] == "First line\r\nSecond line"


def test_state_column_takes_reviewed() -> None:
    data = b"id,source,target,status\n7,Hola,Hello,new\n8,Si,Yes,new\n"
    out = write_bilingual(data, "s.csv", {}, reviewed={"8"})
    assert out == b"id,source,target,status\n7,Hola,Hello,new\n8,Si,Yes,reviewed\n"
    assert parse_bilingual(data, "s.csv").unit("7").state == "new"


def test_short_row_gets_the_missing_cells() -> None:
    data = b"source,target,notes\nHola\nSi,Yes,\n"
    out = write_bilingual(data, "s.csv", {"1": "Hello"}, notes={"1": ["n"]})
    assert out == b"source,target,notes\nHola,Hello,n\nSi,Yes,\n"


def test_duplicate_ids_fall_back_to_row_numbers() -> None:
    data = b"id,source,target\na,Hola,Hello\na,Si,Yes\n"
    assert [u.id for u in parse_bilingual(data, "d.csv").units] == ["1", "2"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", r"x\.csv: the file is empty"),
        (b"just one column\nanother\n", r"x\.csv: no source and target columns"),
        (b"source,comment\nHola,x\n", r"x\.csv: the header names a source column but no"),
        (b"source,target\n", r"x\.csv: no rows below the header"),
        (b"a,b\n\x00\x01bad,x\n", r"x\.csv: not a text file"),
        (b"a,b\n\xe9t\xe9,summer\n", r"x\.csv: not UTF-8 text"),
    ],
)
def test_unusable_files(data: bytes, message: str) -> None:
    with pytest.raises(BilingualFormatError, match=message):
        parse_bilingual(data, "x.csv")
