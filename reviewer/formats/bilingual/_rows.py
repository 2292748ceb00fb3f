"""What the XML readers share: one row per unit with what its writer needs, and the plan of
a write-back (which rows change, validated before any byte is produced)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from lxml import etree  # type: ignore[import-untyped]

from reviewer.core.bilingual import Unit

from ._tokens import TokenTable, check_edit
from ._xml import ElementSpans, open_form, tag_name, with_attribute
from .errors import BilingualFormatError


@dataclass
class XmlRow:
    """A unit plus the elements its writer touches."""

    unit: Unit
    table: TokenTable
    target: etree._Element | None  # whose content is the target text (None: not there yet)
    container: etree._Element  # trans-unit, unit or tu: where notes go
    extra: dict[str, etree._Element] = field(default_factory=dict)


def make_unique(ids: Sequence[str], prefixes: Sequence[str]) -> list[str]:
    """Ids made unique: a colliding id takes its prefix (`original/id`), then a counter."""
    counts = Counter(ids)
    result = [
        f"{prefix}/{unit_id}" if counts[unit_id] > 1 and prefix else unit_id
        for unit_id, prefix in zip(ids, prefixes, strict=True)
    ]
    seen: Counter[str] = Counter()
    final: list[str] = []
    totals = Counter(result)
    for unit_id in result:
        seen[unit_id] += 1
        final.append(f"{unit_id}~{seen[unit_id]}" if totals[unit_id] > 1 else unit_id)
    return final


class PlannedRow(Protocol):
    """What a write-back plan needs of a reader's row: its unit and its token table."""

    @property
    def unit(self) -> Unit: ...

    @property
    def table(self) -> TokenTable: ...


Plan = list[tuple[int, str | None, bool, tuple[str, ...]]]


def plan_row_changes(
    name: str,
    rows: Sequence[PlannedRow],
    targets: Mapping[str, str],
    *,
    reviewed: Collection[str],
    notes: Mapping[str, Sequence[str]],
) -> Plan:
    """`plan_changes` over a reader's rows (each holds its unit and its token table)."""
    return plan_changes(
        name,
        [row.unit for row in rows],
        [row.table for row in rows],
        targets,
        reviewed=reviewed,
        notes=notes,
    )


def plan_changes(
    name: str,
    units: Sequence[Unit],
    tables: Sequence[TokenTable],
    targets: Mapping[str, str],
    *,
    reviewed: Collection[str],
    notes: Mapping[str, Sequence[str]],
) -> Plan:
    """Validate the request against the units: (index, new text or None, reviewed, notes).

    Every id named must exist, and every new target must keep its unit's tokens in order;
    the whole request is refused before anything is written.
    """
    index = {unit.id: position for position, unit in enumerate(units)}
    for unit_id in (*targets, *reviewed, *notes):
        if unit_id not in index:
            raise BilingualFormatError(f"{name}: no unit with id {unit_id!r}")
    named = sorted({index[unit_id] for unit_id in (*targets, *reviewed, *notes)})
    plan: Plan = []
    for position in named:
        unit = units[position]
        text = targets.get(unit.id)
        if text is not None:
            check_edit(
                name,
                unit.id,
                old_target=unit.target,
                source=unit.source,
                new_target=text,
                table=tables[position],
            )
            if text == unit.target:
                text = None
        unit_notes = tuple(note for note in notes.get(unit.id, ()) if note.strip())
        is_reviewed = unit.id in reviewed
        if text is not None or is_reviewed or unit_notes:
            plan.append((position, text, is_reviewed, unit_notes))
    return plan


def target_edits(
    spans: ElementSpans,
    target: etree._Element,
    rendered: str | None,
    state: tuple[str, str] | None,
) -> list[tuple[int, int, str]]:
    """Edits that put `rendered` (markup) into `target` and, if given, set the attribute
    `state` = (name, value) on it; only the changed bytes are touched."""
    span = spans[target]
    start_tag = spans.start_tag(target)
    new_start = with_attribute(start_tag, *state) if state else start_tag
    if span.self_closing:
        if rendered is None:
            return [] if new_start == start_tag else [(span.start, span.end, new_start)]
        opening = open_form(new_start)
        return [(span.start, span.end, f"{opening}{rendered}</{tag_name(opening)}>")]
    edits: list[tuple[int, int, str]] = []
    if new_start != start_tag:
        edits.append((span.start, span.start_tag_end, new_start))
    if rendered is not None:
        edits.append((span.start_tag_end, span.end_tag_start, rendered))
    return edits


def prefix_of(spans: ElementSpans, node: etree._Element) -> str:
    """The namespace prefix a node's raw tag uses ("xlf:" or "")."""
    name = tag_name(spans.start_tag(node))
    return name.rpartition(":")[0] + ":" if ":" in name else ""
