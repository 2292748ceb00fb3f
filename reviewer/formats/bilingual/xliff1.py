"""XLIFF 1.2 (and 1.0/1.1, `.sdlxliff`, `.mqxliff`): one row per `<trans-unit>`.

Read with lxml's safe parser; written back by splicing into the original text, so only the
changed `<target>` (its content, its `state` attribute) and the added `<note>` differ from
the input. A unit segmented by Okapi (`<seg-source>` with `<mrk mtype="seg">`) stays one
row: its `<mrk>` tags are tokens on both sides, so the segmentation round-trips.

The reviewed state is `state="signed-off"` (the XLIFF 1.2 value for a reviewed unit; the
spec has no "reviewed"); a unit already `final` keeps `final`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from reviewer.core.bilingual import BilingualFile, PlaceholderKind, Unit

from ._inline import PAIRED, inline_text
from ._rows import XmlRow, make_unique, plan_row_changes, prefix_of, target_edits
from ._tokens import TokenTable
from ._xml import (
    ElementSpans,
    XmlSource,
    child_named,
    escape_text,
    load_xml,
    local_name,
    splice,
)
from .errors import BilingualFormatError

NOTE_FROM = "MT Reviewer"
NOTES_NAME_THEIR_AUTHOR = True  # `from` says who wrote a note: its text need not
REVIEWED_STATE = "signed-off"
_KEEP_STATES = {"final", "signed-off"}

RULES: dict[str, str | PlaceholderKind] = {
    "g": PAIRED,
    "mrk": PAIRED,
    "x": PlaceholderKind.EMPTY,
    "bx": PlaceholderKind.EMPTY,
    "ex": PlaceholderKind.EMPTY,
    "ph": PlaceholderKind.EMPTY,
    "it": PlaceholderKind.EMPTY,
    "bpt": PlaceholderKind.OPEN,
    "ept": PlaceholderKind.CLOSE,
}


def _rows(source: XmlSource, spans: ElementSpans) -> tuple[list[XmlRow], str, str]:
    root = source.root
    ns = root.tag[1:].partition("}")[0] if root.tag.startswith("{") else ""
    qualified = f"{{{ns}}}" if ns else ""
    rows: list[XmlRow] = []
    ids: list[str] = []
    prefixes: list[str] = []
    source_language = target_language = ""
    for file_index, file_node in enumerate(root.iterchildren(f"{qualified}file"), start=1):
        source_language = source_language or file_node.get("source-language", "")
        target_language = target_language or file_node.get("target-language", "")
        original = file_node.get("original") or f"file{file_index}"
        for trans_unit in file_node.iter(f"{qualified}trans-unit"):
            if trans_unit.get("translate") == "no":
                continue
            source_node = child_named(trans_unit, "source")
            if source_node is None:
                continue
            segmented = child_named(trans_unit, "seg-source")
            target = child_named(trans_unit, "target")
            table = TokenTable()
            source_text = inline_text(
                segmented if segmented is not None else source_node, spans, table, RULES
            )
            target_text = "" if target is None else inline_text(target, spans, table, RULES)
            notes = tuple(
                "".join(child.itertext()).strip()
                for child in trans_unit
                if local_name(child) == "note"
            )
            state = "" if target is None else target.get("state", "")
            unit = Unit("", source_text, target_text, tuple(table.placeholders), state, notes)
            rows.append(XmlRow(unit, table, target, trans_unit))
            ids.append(trans_unit.get("id") or str(len(rows)))
            prefixes.append(original)
    for row, unit_id in zip(rows, make_unique(ids, prefixes), strict=True):
        row.unit = _with_id(row.unit, unit_id)
    return rows, source_language, target_language


def _with_id(unit: Unit, unit_id: str) -> Unit:
    return Unit(unit_id, unit.source, unit.target, unit.placeholders, unit.state, unit.notes)


def _load(data: bytes, name: str) -> tuple[XmlSource, ElementSpans, list[XmlRow], str, str]:
    source = load_xml(data, name)
    if local_name(source.root) != "xliff":
        raise BilingualFormatError(f"{name}: not an XLIFF file (root <{source.root.tag}>)")
    spans = ElementSpans(source)
    rows, source_language, target_language = _rows(source, spans)
    if not rows:
        raise BilingualFormatError(f"{name}: no translation units")
    return source, spans, rows, source_language, target_language


def read(data: bytes, name: str) -> BilingualFile:
    _, _, rows, source_language, target_language = _load(data, name)
    return BilingualFile(
        "xliff1", tuple(row.unit for row in rows), source_language, target_language
    )


def write(
    data: bytes,
    name: str,
    targets: Mapping[str, str],
    reviewed: Collection[str],
    notes: Mapping[str, Sequence[str]],
) -> bytes:
    source, spans, rows, _, target_language = _load(data, name)
    plan = plan_row_changes(name, rows, targets, reviewed=reviewed, notes=notes)
    if not plan:
        return data
    edits: list[tuple[int, int, str]] = []
    for position, text, is_reviewed, unit_notes in plan:
        row = rows[position]
        rendered = None if text is None else row.table.render(text)
        keep = row.unit.state in _KEEP_STATES
        state = ("state", REVIEWED_STATE) if is_reviewed and not keep else None
        inserted = ""
        if row.target is not None:
            edits.extend(target_edits(spans, row.target, rendered, state))
            anchor = row.target
        else:
            segmented = child_named(row.container, "seg-source")
            anchor = segmented if segmented is not None else child_named(row.container, "source")
            assert anchor is not None  # rows are only made for units with a <source>
            if rendered is not None and text:
                prefix = prefix_of(spans, anchor)
                attributes = f' xml:lang="{target_language}"' if target_language else ""
                if state:
                    attributes += f' state="{state[1]}"'
                inserted += (
                    f"{spans.indent_before(anchor)}<{prefix}target{attributes}>"
                    f"{rendered}</{prefix}target>"
                )
        prefix = prefix_of(spans, anchor)
        for note in unit_notes:
            inserted += (
                f'{spans.indent_before(anchor)}<{prefix}note from="{NOTE_FROM}">'
                f"{escape_text(note)}</{prefix}note>"
            )
        if inserted:
            end = spans[anchor].end
            edits.append((end, end, inserted))
    return source.encode(splice(source.text, edits))
