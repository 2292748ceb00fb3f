"""XLIFF 2.x: one row per `<segment>` (id `unit`, or `unit/segment` when a unit has several).

Inline `<pc>` and `<mrk>` become opening and closing tokens around their text; `<ph/>`,
`<sc/>`, `<ec/>`, `<sm/>`, `<em/>` and `<cp/>` one token each. Write-back splices like the
1.2 writer: the segment's target content, `state="reviewed"` on the `<segment>` (a `final`
segment stays final), and `<note category="mt-reviewer">` in the unit's `<notes>`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from lxml import etree  # type: ignore[import-untyped]

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
    with_attribute,
)
from .errors import BilingualFormatError

NOTE_CATEGORY = "mt-reviewer"
NOTES_NAME_THEIR_AUTHOR = True  # `category` says who wrote a note: its text need not
REVIEWED_STATE = "reviewed"

RULES: dict[str, str | PlaceholderKind] = {
    "pc": PAIRED,
    "mrk": PAIRED,
    "ph": PlaceholderKind.EMPTY,
    "sc": PlaceholderKind.EMPTY,
    "ec": PlaceholderKind.EMPTY,
    "sm": PlaceholderKind.EMPTY,
    "em": PlaceholderKind.EMPTY,
    "cp": PlaceholderKind.EMPTY,
}


def _rows(source: XmlSource, spans: ElementSpans) -> list[XmlRow]:
    root = source.root
    ns = root.tag[1:].partition("}")[0] if root.tag.startswith("{") else ""
    qualified = f"{{{ns}}}" if ns else ""
    rows: list[XmlRow] = []
    ids: list[str] = []
    prefixes: list[str] = []
    for file_index, file_node in enumerate(root.iterchildren(f"{qualified}file"), start=1):
        file_id = file_node.get("id") or f"file{file_index}"
        for unit_node in file_node.iter(f"{qualified}unit"):
            if unit_node.get("translate") == "no":
                continue
            notes_node = child_named(unit_node, "notes")
            notes = (
                ()
                if notes_node is None
                else tuple(
                    "".join(note.itertext()).strip()
                    for note in notes_node
                    if local_name(note) == "note"
                )
            )
            segments = [child for child in unit_node if local_name(child) == "segment"]
            unit_id = unit_node.get("id") or str(len(rows) + 1)
            for number, segment in enumerate(segments, start=1):
                source_node = child_named(segment, "source")
                if source_node is None:
                    continue
                target = child_named(segment, "target")
                table = TokenTable()
                source_text = inline_text(source_node, spans, table, RULES)
                target_text = "" if target is None else inline_text(target, spans, table, RULES)
                state = segment.get("state", "")
                unit = Unit("", source_text, target_text, tuple(table.placeholders), state, notes)
                rows.append(
                    XmlRow(
                        unit, table, target, unit_node, {"segment": segment, "source": source_node}
                    )
                )
                row_id = (
                    unit_id if len(segments) == 1 else f"{unit_id}/{segment.get('id') or number}"
                )
                ids.append(row_id)
                prefixes.append(file_id)
    for row, row_id in zip(rows, make_unique(ids, prefixes), strict=True):
        unit = row.unit
        row.unit = Unit(row_id, unit.source, unit.target, unit.placeholders, unit.state, unit.notes)
    return rows


def _load(data: bytes, name: str) -> tuple[XmlSource, ElementSpans, list[XmlRow]]:
    source = load_xml(data, name)
    if local_name(source.root) != "xliff":
        raise BilingualFormatError(f"{name}: not an XLIFF file (root <{source.root.tag}>)")
    spans = ElementSpans(source)
    rows = _rows(source, spans)
    if not rows:
        raise BilingualFormatError(f"{name}: no translation units")
    return source, spans, rows


def read(data: bytes, name: str) -> BilingualFile:
    source, _, rows = _load(data, name)
    return BilingualFile(
        "xliff2",
        tuple(row.unit for row in rows),
        source.root.get("srcLang", ""),
        source.root.get("trgLang", ""),
    )


def write(
    data: bytes,
    name: str,
    targets: Mapping[str, str],
    reviewed: Collection[str],
    notes: Mapping[str, Sequence[str]],
) -> bytes:
    source, spans, rows = _load(data, name)
    plan = plan_row_changes(name, rows, targets, reviewed=reviewed, notes=notes)
    edits: list[tuple[int, int, str]] = []
    unit_notes: dict[etree._Element, list[str]] = {}
    for position, text, is_reviewed, new_notes in plan:
        row = rows[position]
        segment = row.extra["segment"]
        rendered = None if text is None else row.table.render(text)
        if is_reviewed and row.unit.state != "final":
            start_tag = spans.start_tag(segment)
            new_start = with_attribute(start_tag, "state", REVIEWED_STATE)
            if new_start != start_tag:
                edits.append((spans[segment].start, spans[segment].start_tag_end, new_start))
        if row.target is not None:
            edits.extend(target_edits(spans, row.target, rendered, None))
        elif rendered is not None and text:
            anchor = row.extra["source"]
            prefix = prefix_of(spans, anchor)
            end = spans[anchor].end
            edits.append(
                (
                    end,
                    end,
                    f"{spans.indent_before(anchor)}<{prefix}target>{rendered}</{prefix}target>",
                )
            )
        if new_notes:
            unit_notes.setdefault(row.container, []).extend(new_notes)
    for unit_node, texts in unit_notes.items():
        edits.append(_notes_edit(spans, unit_node, texts))
    if not edits:
        return data
    return source.encode(splice(source.text, edits))


def _notes_edit(
    spans: ElementSpans, unit_node: etree._Element, texts: list[str]
) -> tuple[int, int, str]:
    """Where and what to insert so the unit's `<notes>` holds `texts` as new notes."""
    prefix = prefix_of(spans, unit_node)
    notes_node = child_named(unit_node, "notes")
    if notes_node is not None and not spans[notes_node].self_closing:
        existing = [child for child in notes_node if local_name(child) == "note"]
        if existing:
            indent = spans.indent_before(existing[-1])
            position = spans[existing[-1]].end
        else:
            indent = ""
            position = spans[notes_node].end_tag_start
        inserted = "".join(_note(prefix, text, indent) for text in texts)
        return position, position, inserted
    first = next(
        child
        for child in unit_node
        if local_name(child) in ("notes", "originalData", "segment", "ignorable")
    )
    indent = spans.indent_before(first)
    inner_indent = indent + "  " if indent else ""
    body = "".join(_note(prefix, text, inner_indent) for text in texts)
    block = f"<{prefix}notes>{body}{indent}</{prefix}notes>{indent}"
    if notes_node is not None:  # an empty <notes/>: replace it
        span = spans[notes_node]
        return span.start, span.end, block[: -len(indent)] if indent else block
    return spans[first].start, spans[first].start, block


def _note(prefix: str, text: str, indent: str) -> str:
    return f'{indent}<{prefix}note category="{NOTE_CATEGORY}">{escape_text(text)}</{prefix}note>'
