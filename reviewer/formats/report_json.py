"""The JSON contract of `reviewer check --format json`.

The shape is a public contract (scripts and CI pipelines parse it): fields may be added,
none of the documented ones may change. Offsets are Python string indexes into the document
text after newline normalisation, and `text == document[start:end]` always holds.
"""

from __future__ import annotations

import json
from typing import Any

from reviewer.core.bilingual import Unit
from reviewer.core.checking import CheckResult
from reviewer.core.document import Document
from reviewer.core.flags import Flag
from reviewer.core.risk import (
    document_source_features,
    flags_by_sentence,
    is_high_risk,
    sentence_risk,
    typical_log_length,
)


def report_dict(result: CheckResult) -> dict[str, Any]:
    """Build the report as plain data."""
    document = result.document
    sentence_flags = flags_by_sentence(document, result.flags)
    sources = document_source_features([(unit.source, unit.target) for unit in document.units])
    typical = typical_log_length([s.text for s in document.sentences])
    sentences = []
    for s in document.sentences:
        source = sources[s.index] if sources else None
        risk = sentence_risk(s.text, sentence_flags[s.index], source=source, typical_length=typical)
        sentences.append(
            {
                "id": s.id,
                "index": s.index,
                "paragraph": s.paragraph,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "risk": risk,
                "high_risk": is_high_risk(
                    risk, bilingual=source is not None, flags=sentence_flags[s.index]
                ),
            }
        )
    if document.bilingual:
        for entry, unit in zip(sentences, document.units, strict=True):
            entry.update(_unit_dict(unit))
    return {
        "document": {
            "path": document.path,
            "language": result.options.language,
            "source_language": result.options.source_language,
            "characters": len(document.text),
            "bilingual": document.bilingual,
        },
        "engines": [report.to_json() for report in result.engines],
        "sentences": sentences,
        "flags": [_flag_dict(document, flag) for flag in result.flags],
    }


def _unit_dict(unit: Unit) -> dict[str, Any]:
    """What a bilingual report adds to a sentence (a unit): its source beside its target,
    and the markup each inline-code character stands for (text keeps the characters, so
    offsets stay exact)."""
    return {
        "unit": unit.id,
        "source": unit.source,
        "state": unit.state,
        "placeholders": [
            {"char": p.char, "markup": p.markup, "kind": str(p.kind)} for p in unit.placeholders
        ],
    }


def render_json(result: CheckResult) -> str:
    """Serialise the report; non-ASCII text stays readable."""
    return json.dumps(report_dict(result), ensure_ascii=False, indent=2)


def unreadable_dict(path: str, error: str) -> dict[str, Any]:
    """The entry of a file that could not be read: the same keys, nothing checked, `error`."""
    return {
        "document": {"path": path},
        "error": error,
        "engines": [],
        "sentences": [],
        "flags": [],
    }


def render_documents(entries: list[dict[str, Any]]) -> str:
    """`--format json` with several inputs: `{"documents": [...]}`, each entry a report."""
    return json.dumps({"documents": entries}, ensure_ascii=False, indent=2)


def render_line(entry: dict[str, Any]) -> str:
    """One report (or unreadable entry) on one line, for `--format jsonl`."""
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":"))


def _flag_dict(document: Document, flag: Flag) -> dict[str, Any]:
    sentence = document.sentence_for_span(flag.start, flag.end)
    line, column = document.line_and_column(flag.start)
    entry: dict[str, Any] = {
        "sentence": sentence.index if sentence else None,
        "start": flag.start,
        "end": flag.end,
        "text": flag.text,
        "rule": flag.rule,
        "engine": flag.engine,
        "category": flag.category,
        "severity": str(flag.severity),
        "message": flag.message,
        "suggestions": list(flag.suggestions),
        "confidence": round(flag.confidence, 3),
        "line": line,
        "column": column,
    }
    if document.bilingual and sentence is not None:
        entry["unit"] = sentence.id
    if flag.extra:
        entry["extra"] = dict(flag.extra)
    return entry
