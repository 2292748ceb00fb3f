"""TMX 1.4 (and 1.1): one row per `<tu>`, source from the header's `srclang`.

The target is the other `<tuv>`, an English one when there are several. Inline `<bpt>`/`<ept>`
(paired by `i`), `<ph>`, `<it>`, `<ut>` are one token each, `<hi>` an opening and closing
token around its text. Read with lxml (translate-toolkit's `tmxfile` flattens the inline
codes and re-indents on save); written back by splicing into the original text. TMX has no
workflow state, so `reviewed` changes nothing; notes become `<note>` in the `<tu>`.
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
)
from .errors import BilingualFormatError

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

RULES: dict[str, str | PlaceholderKind] = {
    "bpt": PlaceholderKind.OPEN,
    "ept": PlaceholderKind.CLOSE,
    "ph": PlaceholderKind.EMPTY,
    "it": PlaceholderKind.EMPTY,
    "ut": PlaceholderKind.EMPTY,
    "hi": PAIRED,
}


def _language(tuv: etree._Element) -> str:
    return str(tuv.get(_XML_LANG) or tuv.get("lang") or "")


def _matches(language: str, wanted: str) -> bool:
    a, b = language.lower().replace("_", "-"), wanted.lower().replace("_", "-")
    return a == b or a.split("-")[0] == b.split("-")[0]


def _pick(
    tuvs: list[etree._Element], source_language: str
) -> tuple[etree._Element, etree._Element | None]:
    """The source `<tuv>` and the target one (English preferred among the others)."""
    source = next((tuv for tuv in tuvs if _matches(_language(tuv), source_language)), tuvs[0])
    others = [tuv for tuv in tuvs if tuv is not source]
    english = [tuv for tuv in others if _matches(_language(tuv), "en")]
    return source, (english or others or [None])[0]


def _load(data: bytes, name: str) -> tuple[XmlSource, ElementSpans, list[XmlRow], str, str]:
    source = load_xml(data, name)
    if local_name(source.root) != "tmx":
        raise BilingualFormatError(f"{name}: not a TMX file (root <{source.root.tag}>)")
    spans = ElementSpans(source)
    header = child_named(source.root, "header")
    source_language = "" if header is None else header.get("srclang", "")
    if source_language.lower() == "*all*":
        source_language = ""
    target_language = ""
    rows: list[XmlRow] = []
    ids: list[str] = []
    body = child_named(source.root, "body")
    for position, tu in enumerate(() if body is None else body.iter("{*}tu", "tu"), start=1):
        tuvs = [child for child in tu if local_name(child) == "tuv"]
        if not tuvs:
            continue
        source_language = source_language or _language(tuvs[0])
        source_tuv, target_tuv = _pick(tuvs, source_language)
        source_seg = child_named(source_tuv, "seg")
        if source_seg is None:
            continue
        target_seg = None if target_tuv is None else child_named(target_tuv, "seg")
        if target_tuv is not None:
            target_language = target_language or _language(target_tuv)
        table = TokenTable()
        source_text = inline_text(source_seg, spans, table, RULES)
        target_text = "" if target_seg is None else inline_text(target_seg, spans, table, RULES)
        notes = tuple(
            "".join(child.itertext()).strip() for child in tu if local_name(child) == "note"
        )
        unit = Unit("", source_text, target_text, tuple(table.placeholders), "", notes)
        rows.append(XmlRow(unit, table, target_seg, tu, {"source_tuv": source_tuv}))
        ids.append(tu.get("tuid") or str(position))
    if not rows:
        raise BilingualFormatError(f"{name}: no translation units")
    for row, row_id in zip(rows, make_unique(ids, [""] * len(ids)), strict=True):
        unit = row.unit
        row.unit = Unit(row_id, unit.source, unit.target, unit.placeholders, unit.state, unit.notes)
    return source, spans, rows, source_language, target_language


def read(data: bytes, name: str) -> BilingualFile:
    _, _, rows, source_language, target_language = _load(data, name)
    return BilingualFile("tmx", tuple(row.unit for row in rows), source_language, target_language)


def write(
    data: bytes,
    name: str,
    targets: Mapping[str, str],
    reviewed: Collection[str],
    notes: Mapping[str, Sequence[str]],
) -> bytes:
    source, spans, rows, _, target_language = _load(data, name)
    plan = plan_row_changes(name, rows, targets, reviewed=reviewed, notes=notes)
    edits: list[tuple[int, int, str]] = []
    for position, text, _reviewed, new_notes in plan:
        row = rows[position]
        rendered = None if text is None else row.table.render(text)
        tuvs = [child for child in row.container if local_name(child) == "tuv"]
        prefix = prefix_of(spans, row.container)
        if row.target is not None:
            edits.extend(target_edits(spans, row.target, rendered, None))
        elif rendered is not None and text:
            if not target_language:
                raise BilingualFormatError(
                    f"{name}: unit {row.unit.id}: cannot add a translation, the file names no"
                    " target language"
                )
            end = spans[tuvs[-1]].end
            edits.append(
                (
                    end,
                    end,
                    f'{spans.indent_before(tuvs[-1])}<{prefix}tuv xml:lang="{target_language}">'
                    f"<{prefix}seg>{rendered}</{prefix}seg></{prefix}tuv>",
                )
            )
        if new_notes:
            first = tuvs[0]
            indent = spans.indent_before(first)
            inserted = "".join(
                f"<{prefix}note>{escape_text(note)}</{prefix}note>{indent}" for note in new_notes
            )
            edits.append((spans[first].start, spans[first].start, inserted))
    if not edits:
        return data
    return source.encode(splice(source.text, edits))
