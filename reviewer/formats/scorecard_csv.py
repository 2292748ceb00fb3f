"""`reviewer scorecard --format csv`: the scorecard as sections of one CSV file.

A spreadsheet opens it as is; a script splits it at the section rows. Each section is a
row holding its name in brackets (`[summary]`, `[errors by category]`, `[errors]`,
`[sentences]`, `[rules]`), a header row, its data rows and an empty row. Section names,
column ids and metric names are for scripts and never change; in a bilingual review, where
each row is a translation unit, the summary's `settings` column says so.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from reviewer.core.flags import Severity
from reviewer.core.scoring import Scorecard

SECTIONS = ("summary", "errors by category", "errors", "sentences", "rules")


def render_scorecard_csv(card: Scorecard) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    _section(writer, "summary", ["metric", "value", "settings"], _summary(card))
    _section(
        writer,
        "errors by category",
        ["dimension", "category", *[str(s) for s in Severity], "errors", "penalty"],
        (
            [
                tally.name.split("/", 1)[0],
                tally.name,
                *[tally.counts.get(s, 0) for s in Severity],
                tally.total,
                _num(tally.penalty),
            ]
            for tally in card.mqm.by_category()
        ),
    )
    index_of = {sid: row.unit.index for row in card.rows for sid in row.unit.segment_ids}
    _section(
        writer,
        "errors",
        [
            "sentence",
            "source",
            "dimension",
            "category",
            "severity",
            "weight",
            "text",
            "correction",
            "rule",
            "engine",
            "note",
            "reviewer",
        ],
        (
            [
                index_of.get(e.sentence_id, ""),
                e.source,
                e.dimension,
                e.category,
                str(e.severity),
                _num(e.weight),
                e.text,
                "" if e.correction is None else e.correction,
                e.rule,
                e.engine,
                e.note,
                e.reviewer,
            ]
            for e in card.mqm.errors
        ),
    )
    _section(
        writer,
        "sentences",
        [
            "sentence",
            "id",
            "mt",
            "corrected",
            "hter",
            "chrf",
            "bleu",
            "seconds",
            "visits",
            "edits",
            "words_inserted",
            "words_deleted",
            "words_substituted",
            "errors",
            "penalty",
        ],
        (
            [
                row.unit.index,
                row.unit.id,
                row.unit.mt,
                row.unit.corrected,
                _num(row.distance.ter, 2),
                _num(row.distance.chrf, 2),
                _num(row.distance.bleu, 2),
                _num(row.seconds, 1),
                row.visits,
                row.edits,
                row.words.inserted,
                row.words.deleted,
                row.words.substituted,
                len(row.errors),
                _num(row.penalty),
            ]
            for row in card.rows
        ),
    )
    _section(
        writer,
        "rules",
        [
            "rule",
            "engine",
            "category",
            "raised",
            "accepted",
            "rejected",
            "resolved_by_edit",
            "open",
            "precision",
            "lenient_precision",
            "suggest_switch_off",
        ],
        (
            [
                r.rule,
                r.engine,
                r.category,
                r.raised,
                r.accepted,
                r.rejected,
                r.resolved,
                r.open,
                "" if r.precision is None else _num(r.precision, 4),
                "" if r.lenient_precision is None else _num(r.lenient_precision, 4),
                "yes" if r.suggest_switch_off else "",
            ]
            for r in card.precision
        ),
    )
    return out.getvalue()


def read_sections(text: str) -> dict[str, list[dict[str, str]]]:
    """Parse what `render_scorecard_csv` wrote: section name -> rows as dicts."""
    sections: dict[str, list[dict[str, str]]] = {}
    header: list[str] | None = None
    current: list[dict[str, str]] | None = None
    for row in csv.reader(io.StringIO(text)):
        if not row:
            current, header = None, None
        elif current is None and len(row) == 1 and row[0].startswith("["):
            current = sections.setdefault(row[0].strip("[]"), [])
        elif current is not None and header is None:
            header = row
        elif current is not None and header is not None:
            current.append(dict(zip(header, row, strict=False)))
    return sections


def _summary(card: Scorecard) -> list[list[object]]:
    mqm, doc, effort = card.mqm, card.distance.document, card.effort
    sig = card.distance.signatures
    severities = mqm.by_severity
    weights = "; ".join(mqm.model.describe())
    return [
        ["document", card.document, ""],
        ["reviewer", card.reviewer, ""],
        ["words", mqm.words, "words of the machine translation"],
        ["sentences", card.sentences, "translation units" if card.bilingual else ""],
        ["errors", len(mqm.errors), ""],
        *[[f"{s} errors", severities[s], ""] for s in reversed(list(Severity))],
        ["penalty", _num(mqm.penalty), weights],
        ["penalty per 1000 words", _num(mqm.penalty_per_1000_words, 2), ""],
        ["mqm score", _num(mqm.score, 2), "100 * (1 - penalty / words)"],
        ["threshold", _num(mqm.model.pass_threshold), "any critical error fails"],
        ["result", mqm.verdict(), ""],
        ["hter", _num(doc.ter, 2), sig.ter],
        ["chrf", _num(doc.chrf, 2), sig.chrf],
        ["bleu", _num(doc.bleu, 2), sig.bleu_document],
        ["active seconds", _num(effort.seconds, 1), f"idle gaps over {effort.idle_limit:g} s"],
        ["edits", effort.edits, ""],
        ["words inserted", effort.words.inserted, ""],
        ["words deleted", effort.words.deleted, ""],
        ["words substituted", effort.words.substituted, ""],
        ["open flags", card.open_flags, ""],
    ]


def _section(
    writer: Any,
    name: str,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
) -> None:
    writer.writerow([f"[{name}]"])
    writer.writerow(header)
    writer.writerows(rows)
    writer.writerow([])


def _num(value: float, places: int = 4) -> str:
    return f"{round(value, places):g}"
