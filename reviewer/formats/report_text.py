"""Linter-style text output of `reviewer check --format text`.

One line per flag, `PATH:LINE:COL: severity rule: message (-> suggestion)`, so editors and
CI logs that understand compiler output can jump to each problem.
"""

from __future__ import annotations

from collections.abc import Callable

from reviewer.core.checking import CheckResult
from reviewer.core.document import Document
from reviewer.core.engine import EngineStatus
from reviewer.core.flags import Flag


def render_text(result: CheckResult) -> str:
    """Return the report as lines; engine problems are noted at the end."""
    document = result.document
    name = document.path or "<stdin>"
    lines = []
    for flag in result.flags:
        lines.append(
            f"{flag_location(document, name, flag.start)}: {flag.severity} {flag.rule}: "
            f"{_describe(flag, _markup_for(document, flag))}"
        )
    for report in result.engines:
        if report.status is EngineStatus.UNAVAILABLE:
            lines.append(f"{name}: note: engine {report.name} unavailable: {report.reason}")
    return "\n".join(lines)


def flag_location(document: Document, name: str, offset: int) -> str:
    """`PATH:LINE:COL` in a text; `PATH#UNIT_ID:COL` in a bilingual file, whose lines mean
    nothing to its user (the column counts inside the unit's target, an inline code as one)."""
    if document.bilingual:
        sentence = document.sentence_for_span(offset, offset)
        if sentence is not None:
            return f"{name}#{sentence.id}:{offset - sentence.start + 1}"
    line, column = document.line_and_column(offset)
    return f"{name}:{line}:{column}"


def engine_warnings(result: CheckResult) -> list[str]:
    """One line per engine problem a reviewer should hear about (for stderr).

    A detector that failed (its flags are missing), flags left out as invalid, and notices
    such as a source language without a false-friend list; details are in the log named.
    """
    lines: list[str] = []
    for report in result.engines:
        where = f" (details in {report.log})" if report.log else ""
        for error in report.errors:
            lines.append(
                f"reviewer: warning: {report.name}: detector {error.detector} failed, "
                f"its flags are missing: {error.error}{where}"
            )
        if report.dropped_flags:
            rules = ", ".join(sorted({dropped.rule for dropped in report.dropped_flags}))
            count = len(report.dropped_flags)
            lines.append(
                f"reviewer: warning: {report.name}: {count} invalid flag"
                f"{'' if count == 1 else 's'} left out ({rules}){where}"
            )
        for notice in report.notices:
            lines.append(f"reviewer: note: {report.name}: {notice}")
    return lines


def _markup_for(document: Document, flag: Flag) -> Callable[[str], str]:
    """How the flag's words read in a log: a unit's inline codes as the file's markup."""
    sentence = document.sentence_for_span(flag.start, flag.end)
    unit = document.unit_of(sentence) if sentence is not None else None
    return unit.with_markup if unit is not None else str


def _describe(flag: Flag, markup: Callable[[str], str] = str) -> str:
    message = markup(" ".join(flag.message.split()))
    if not flag.suggestions:
        return message
    shown = ", ".join(_show(markup(s)) for s in flag.suggestions[:3])
    return f"{message} (-> {shown})"


def _show(suggestion: str) -> str:
    return f"'{suggestion}'" if suggestion else "<delete>"
