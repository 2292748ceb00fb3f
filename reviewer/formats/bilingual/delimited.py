"""CSV and TSV with a source and a target column.

Which columns: the first row is a header when it names a source and a target column
(`source`/`target`, `src`/`tgt`, `original`/`translation`, ...) or holds two language codes
(`es`, `en-US`: the English one is the target, the other the source). Otherwise there is no
header and the first two columns are source and target. A header that names only one side
is an error. With a header, an `id`/`key` column gives the ids (when its values are unique
and non-empty), a `notes`/`comment` column the notes and a `state`/`status` column the state
(`reviewed` when marked so); without one, the id is the 1-based data row number.

The delimiter of a `.csv` is sniffed (`,` `;` tab `|`), a `.tsv` uses tabs. Values are read
by the stdlib `csv` module; a small scanner finds where each cell sits in the text, so the
writer replaces exactly the changed cells and keeps everything else (quoting style,
delimiter, line endings, encoding and BOM) byte-for-byte. A line break inside a cell is a
token, since a unit's text must stay on one line of the review.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from reviewer.core.bilingual import BilingualFile, PlaceholderKind, Unit

from ._rows import plan_changes
from ._tokens import TokenTable
from .errors import BilingualFormatError

_SOURCE_NAMES = {
    "source", "src", "original", "source text", "source segment", "original text", "source string",
}  # fmt: skip
_TARGET_NAMES = {
    "target", "tgt", "translation", "target text", "target segment", "translated text", "mt",
    "machine translation", "translated", "target string",
}  # fmt: skip
_ID_NAMES = {"id", "key", "tuid", "unit id", "segment id", "string id", "identifier"}
_NOTE_NAMES = {"note", "notes", "comment", "comments", "remark", "remarks"}
_STATE_NAMES = {"state", "status"}
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$", re.IGNORECASE)
_NOT_LANGUAGES = {"id", "key", "src", "tgt", "mt"}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
REVIEWED_STATE = "reviewed"


@dataclass(frozen=True, slots=True)
class _Cell:
    start: int
    end: int
    quoted: bool


@dataclass(frozen=True)
class _Layout:
    """What the file says about its columns (indexes into each record)."""

    header: bool
    source: int
    target: int
    id: int | None = None
    notes: int | None = None
    state: int | None = None
    source_language: str = ""
    target_language: str = ""


def _decode(data: bytes, name: str) -> tuple[str, str, bytes]:
    if not data.strip():
        raise BilingualFormatError(f"{name}: the file is empty")
    bom, encoding = next(
        (
            (mark, codec)
            for mark, codec in (
                (codecs.BOM_UTF8, "utf-8"),
                (codecs.BOM_UTF16_LE, "utf-16-le"),
                (codecs.BOM_UTF16_BE, "utf-16-be"),
            )
            if data.startswith(mark)
        ),
        (b"", "utf-8"),
    )
    try:
        text = data[len(bom) :].decode(encoding)
    except UnicodeDecodeError:
        raise BilingualFormatError(
            f"{name}: not UTF-8 text (save the spreadsheet as CSV UTF-8)"
        ) from None
    if "\x00" in text:
        raise BilingualFormatError(f"{name}: not a text file (it holds NUL bytes)")
    return text, encoding, bom


def _delimiter(text: str, name: str) -> str:
    if Path(name).suffix.lower() == ".tsv":
        return "\t"
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def _scan(text: str, delimiter: str) -> list[list[_Cell]]:
    """Every record's cells as offsets into `text` (blank lines skipped, as csv does)."""
    records: list[list[_Cell]] = []
    cells: list[_Cell] = []
    position, length = 0, len(text)
    while position < length:
        start = position
        if text[position] == '"':
            position += 1
            while position < length:
                if text[position] == '"':
                    if position + 1 < length and text[position + 1] == '"':
                        position += 2
                        continue
                    break
                position += 1
            position += 1  # the closing quote
            while position < length and text[position] not in f"{delimiter}\r\n":
                position += 1  # csv keeps characters after a closing quote; so do we
            cells.append(_Cell(start, position, True))
        else:
            while position < length and text[position] not in f"{delimiter}\r\n":
                position += 1
            cells.append(_Cell(start, position, False))
        if position < length and text[position] == delimiter:
            position += 1
            if position == length:
                cells.append(_Cell(position, position, False))
            continue
        if len(cells) > 1 or cells[0].end > cells[0].start:
            records.append(cells)
        cells = []
        if text.startswith("\r\n", position):
            position += 2
        elif position < length:
            position += 1
    if cells and (len(cells) > 1 or cells[0].end > cells[0].start):
        records.append(cells)
    return records


def _normal(cell: str) -> str:
    return re.sub(r"[\s_-]+", " ", cell.strip().lower())


def _layout(first: list[str], name: str) -> _Layout:
    names = [_normal(cell) for cell in first]

    def find(wanted: set[str]) -> int | None:
        return next((index for index, cell in enumerate(names) if cell in wanted), None)

    source, target = find(_SOURCE_NAMES), find(_TARGET_NAMES)
    id_, notes, state = find(_ID_NAMES), find(_NOTE_NAMES), find(_STATE_NAMES)
    if source is not None and target is not None:
        return _Layout(True, source, target, id_, notes, state)
    if source is not None or target is not None:
        raise BilingualFormatError(
            f"{name}: the header names a {'source' if source is not None else 'target'} column"
            " but no matching one; name them source and target"
        )
    codes = [
        index
        for index, cell in enumerate(first)
        if _LANGUAGE_CODE.match(cell.strip()) and names[index] not in _NOT_LANGUAGES
    ]
    if len(codes) >= 2:
        english = [index for index in codes if names[index].startswith("en")]
        target = english[0] if english and len(english) < len(codes) else codes[1]
        source = next(index for index in codes if index != target)
        return _Layout(
            True, source, target, id_, notes, state, first[source].strip(), first[target].strip()
        )
    if len(first) < 2:
        raise BilingualFormatError(
            f"{name}: no source and target columns (the first row has one column; a header"
            " naming source and target, or two columns, is needed)"
        )
    return _Layout(False, 0, 1)


@dataclass
class _Parsed:
    text: str
    encoding: str
    bom: bytes
    delimiter: str
    layout: _Layout
    cells: list[list[_Cell]]  # data records only
    values: list[list[str]]
    units: list[Unit]
    tables: list[TokenTable]


def _tokenize(value: str, table: TokenTable) -> str:
    return _LINE_BREAK.sub(
        lambda match: table.token(match.group(), match.group(), PlaceholderKind.CODE), value
    )


def _parse(data: bytes, name: str) -> _Parsed:
    text, encoding, bom = _decode(data, name)
    delimiter = _delimiter(text, name)
    try:
        values = [
            row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) if row
        ]
    except csv.Error as exc:
        raise BilingualFormatError(f"{name}: not readable as CSV: {exc}") from None
    cells = _scan(text, delimiter)
    if len(cells) != len(values) or any(
        len(row) != len(spans) for row, spans in zip(values, cells, strict=True)
    ):
        raise BilingualFormatError(f"{name}: the CSV quoting is too irregular to write back")
    if not values:
        raise BilingualFormatError(f"{name}: the file is empty")
    layout = _layout(values[0], name)
    if layout.header:
        values, cells = values[1:], cells[1:]
    if not values:
        raise BilingualFormatError(f"{name}: no rows below the header")
    units: list[Unit] = []
    tables: list[TokenTable] = []
    ids = [str(number) for number in range(1, len(values) + 1)]
    if layout.id is not None:
        column = [row[layout.id].strip() if layout.id < len(row) else "" for row in values]
        if all(column) and len(set(column)) == len(column):
            ids = column

    def cell(row: list[str], index: int | None) -> str:
        return row[index] if index is not None and index < len(row) else ""

    for unit_id, row in zip(ids, values, strict=True):
        table = TokenTable()
        source = _tokenize(cell(row, layout.source), table)
        target = _tokenize(cell(row, layout.target), table)
        note = cell(row, layout.notes).strip()
        unit = Unit(
            unit_id,
            source,
            target,
            tuple(table.placeholders),
            cell(row, layout.state).strip(),
            (note,) if note else (),
        )
        units.append(unit)
        tables.append(table)
    return _Parsed(text, encoding, bom, delimiter, layout, cells, values, units, tables)


def read(data: bytes, name: str) -> BilingualFile:
    parsed = _parse(data, name)
    kind = "tsv" if parsed.delimiter == "\t" and Path(name).suffix.lower() == ".tsv" else "csv"
    return BilingualFile(
        kind,
        tuple(parsed.units),
        parsed.layout.source_language,
        parsed.layout.target_language,
    )


def _quoted(value: str, delimiter: str, was_quoted: bool) -> str:
    if was_quoted or any(character in value for character in f'{delimiter}"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def write(
    data: bytes,
    name: str,
    targets: Mapping[str, str],
    reviewed: Collection[str],
    notes: Mapping[str, Sequence[str]],
) -> bytes:
    parsed = _parse(data, name)
    layout = parsed.layout
    plan = plan_changes(name, parsed.units, parsed.tables, targets, reviewed=reviewed, notes=notes)
    edits: list[tuple[int, int, str]] = []
    for position, text, is_reviewed, new_notes in plan:
        updates: dict[int, str] = {}
        if text is not None:
            updates[layout.target] = parsed.tables[position].render(text, escape=False)
        if is_reviewed and layout.state is not None:
            updates[layout.state] = REVIEWED_STATE
        if new_notes and layout.notes is not None:
            row = parsed.values[position]
            old = row[layout.notes] if layout.notes < len(row) else ""
            updates[layout.notes] = "; ".join([old, *new_notes] if old.strip() else new_notes)
        record = parsed.cells[position]
        for column, value in updates.items():
            if column < len(record):
                cell = record[column]
                edits.append((cell.start, cell.end, _quoted(value, parsed.delimiter, cell.quoted)))
        if max(updates, default=-1) >= len(record):  # a short row: add the cells it lacks
            added = [
                _quoted(updates.get(column, ""), parsed.delimiter, False)
                for column in range(len(record), max(updates) + 1)
            ]
            end = record[-1].end
            edits.append((end, end, "".join(parsed.delimiter + value for value in added)))
    if not edits:
        return data
    edits.sort()
    parts: list[str] = []
    offset = 0
    for start, end, replacement in edits:
        parts.append(parsed.text[offset:start])
        parts.append(replacement)
        offset = end
    parts.append(parsed.text[offset:])
    return parsed.bom + "".join(parts).encode(parsed.encoding)
