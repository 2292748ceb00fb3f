"""Run several engines over a document and merge what they found.

Two engines often see the same problem ("the the" is a LanguageTool rule and one of ours).
A reviewer should decide once, so flags on the same span, overlapping flags of the same
MQM category, and flags inside a span another engine proposes to delete are merged: the
more severe flag (then the one with suggestions) is kept and the other engine is recorded
in `extra["also_reported_by"]`.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from reviewer.core.document import Document
from reviewer.core.engine import (
    CheckOptions,
    DroppedFlag,
    Engine,
    EngineReport,
    EngineStatus,
    describe_exception,
)
from reviewer.core.flags import Flag
from reviewer.core.problem_log import log_problem
from reviewer.core.wordlists import WordLists, filter_flags


@dataclass
class CheckResult:
    """The merged outcome of one check: engine reports plus flags in document order."""

    document: Document
    options: CheckOptions
    engines: list[EngineReport] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


def run_check(
    document: Document,
    engines: Sequence[Engine],
    options: CheckOptions | None = None,
    word_lists: WordLists | None = None,
) -> CheckResult:
    """Run every engine and merge their flags; reports keep the engines' order.

    Engines run side by side: LanguageTool mostly waits for its server while our detectors
    compute, so the check takes as long as the slower engine rather than the sum.

    `word_lists` (the reviewer's dictionary and ignored flags, see `load_word_lists`) drop
    the flags they suppress from each report before merging, as the window does per engine.
    They are applied after the engines ran, so engine caches keyed by options stay valid.
    """
    options = options or CheckOptions(language=document.language)
    if len(engines) < 2:
        reports = [run_engine(engine, document, options) for engine in engines]
    else:
        with ThreadPoolExecutor(len(engines), thread_name_prefix="engine") as pool:
            reports = list(pool.map(lambda e: run_engine(e, document, options), engines))
    if word_lists is not None:
        for report in reports:
            report.flags = filter_flags(report.flags, word_lists)
    flags = merge_flags(flag for report in reports for flag in report.flags)
    return CheckResult(document=document, options=options, engines=reports, flags=flags)


def run_engine(engine: Engine, document: Document, options: CheckOptions) -> EngineReport:
    """Run one engine, turning an unexpected exception into an `unavailable` report.

    Flags that do not slice to their own text are left out, but counted in the report's
    `dropped_flags` and written to the problems log, so a detector bug is seen, not hidden.
    """
    began = time.perf_counter()
    try:
        report = engine.check(document, options)
    except Exception as exc:  # an engine bug must not take the other engines down
        log = log_problem(f"engine {engine.name} failed", traceback.format_exc())
        report = EngineReport(
            name=engine.name,
            status=EngineStatus.UNAVAILABLE,
            reason=describe_exception(exc),
            log=str(log) if log else None,
        )
    report.seconds = time.perf_counter() - began
    kept: list[Flag] = []
    dropped: list[tuple[Flag, str]] = []
    for flag in report.flags:
        problem = _invalid_for(flag, document)
        if problem is None:
            kept.append(flag)
        else:
            dropped.append((flag, problem))
    if dropped:
        report.flags = kept
        report.dropped_flags.extend(
            DroppedFlag(flag.rule, problem, flag.start, flag.end) for flag, problem in dropped
        )
        log = log_problem(
            f"engine {report.name}: {len(dropped)} invalid flag(s) left out of the report",
            "".join(_describe_dropped(flag, problem, document) for flag, problem in dropped),
        )
        report.log = report.log or (str(log) if log else None)
    return report


def merge_flags(flags: Iterable[Flag]) -> list[Flag]:
    """Drop cross-engine duplicates and sort by position.

    A sweep in document order: only flags still open at the current position (`active`)
    can overlap it, so long documents with thousands of flags merge in linear time.
    """
    ordered = sorted(flags, key=lambda f: (f.start, f.end, -f.severity.rank, f.engine, f.rule))
    kept: list[Flag] = []
    active: list[int] = []  # indexes into `kept` of flags that may overlap what follows
    for flag in ordered:
        active = [i for i in active if _may_overlap_from(kept[i], flag.start)]
        twin_index = next(
            (
                i
                for i in reversed(active)
                if kept[i].engine != flag.engine and _same_problem(kept[i], flag)
            ),
            None,
        )
        if twin_index is None:
            kept.append(flag)
            active.append(len(kept) - 1)
            continue
        kept[twin_index] = _stronger_with_note(kept[twin_index], flag)
    return kept


def _may_overlap_from(flag: Flag, position: int) -> bool:
    """Whether `flag` can overlap a flag starting at `position` (flags come sorted by start)."""
    return flag.end > position or flag.start == flag.end == position


def _same_problem(a: Flag, b: Flag) -> bool:
    if not a.overlaps(b):
        return False
    if (a.start, a.end) == (b.start, b.end) or a.category == b.category:
        return True
    return _deletes(a, b) or _deletes(b, a)


def _deletes(outer: Flag, inner: Flag) -> bool:
    """True when `outer` proposes only to delete a span that contains `inner`.

    "... officials. the coalition": our fragment flag deletes " the coalition", so
    LanguageTool's "start the sentence with a capital" on "the" is the same problem.
    """
    return outer.suggestions == ("",) and outer.start <= inner.start and inner.end <= outer.end


def _stronger_with_note(a: Flag, b: Flag) -> Flag:
    def strength(flag: Flag) -> tuple[int, int, float]:
        return (flag.severity.rank, 1 if flag.suggestions else 0, flag.confidence)

    winner, loser = (a, b) if strength(a) >= strength(b) else (b, a)
    also = {e for e in winner.extra.get("also_reported_by", "").split(",") if e}
    also.add(f"{loser.engine}:{loser.rule}")
    return replace(winner, extra={**winner.extra, "also_reported_by": ",".join(sorted(also))})


def _invalid_for(flag: Flag, document: Document) -> str | None:
    """Defend the JSON contract: a flag must slice to its own text; why it does not."""
    if flag.end > len(document.text):
        return "span beyond the end of the document"
    if document.text[flag.start : flag.end] != flag.text:
        return "span does not match text"
    return None


def _describe_dropped(flag: Flag, problem: str, document: Document) -> str:
    actual = document.text[flag.start : flag.end]
    return (
        f"{flag.engine} {flag.rule} {flag.start}..{flag.end}: {problem}: "
        f"flag text {flag.text!r}, document text {actual!r}\n"
    )
