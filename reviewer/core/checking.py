"""Run several engines over a document and merge what they found.

Two engines often see the same problem ("the the" is a LanguageTool rule and one of ours).
A reviewer should decide once, so flags on the same span, overlapping flags of the same
MQM category, and flags inside a span another engine proposes to delete are merged: the
more severe flag (then the one with suggestions) is kept and the other engine is recorded
in `extra["also_reported_by"]`.

Some of our Python detectors have a LanguageTool twin: a pattern rule of ours that runs with
LanguageTool's tagger (`resources/languagetool/rules/`). When a report says the twin ran
(`EngineReport.covers`), LanguageTool's verdict decides (`supersede`): the Python finding is
dropped unless the twin flagged an overlapping span, and then the two are one flag (the
Python one, so a decision made before LanguageTool answered still finds its flag). Which
rule is whose twin is data: `resources/languagetool/rules/supersedes.yaml`.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import cache

from reviewer.core.bilingual import is_placeholder, same_placeholders
from reviewer.core.codes_view import code_free_view
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
from reviewer.core.wording import count
from reviewer.core.wordlists import WordLists, filter_flags
from reviewer.resources import load_yaml


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
    options = options_for(document, options or CheckOptions(language=document.language))
    if len(engines) < 2:
        reports = [run_engine(engine, document, options) for engine in engines]
    else:
        with ThreadPoolExecutor(len(engines), thread_name_prefix="engine") as pool:
            reports = list(pool.map(lambda e: run_engine(e, document, options), engines))
    if word_lists is not None:
        for report in reports:
            report.flags = filter_flags(report.flags, word_lists)
    supersede(reports)
    flags = merge_flags(flag for report in reports for flag in report.flags)
    return CheckResult(document=document, options=options, engines=reports, flags=flags)


def _check_around_codes(engine: Engine, document: Document, options: CheckOptions) -> EngineReport:
    """`engine.check`, on the text without paired inline codes unless the engine reads
    codes itself (the source-aware engine compares them); see `codes_view`."""
    view = None if getattr(engine, "reads_codes", False) else code_free_view(document)
    if view is None:
        return engine.check(document, options)
    report = engine.check(view.document, options)
    report.flags = [view.to_original(flag) for flag in report.flags]
    return report


def options_for(document: Document, options: CheckOptions) -> CheckOptions:
    """The options as they apply to `document`: a bilingual file names its source language,
    which counts when the user gave none (it picks false friends and mother-tongue rules)."""
    if options.source_language or not document.source_language:
        return options
    primary = document.source_language.replace("_", "-").split("-", 1)[0].lower()
    return replace(options, source_language=primary or None)


def run_engine(engine: Engine, document: Document, options: CheckOptions) -> EngineReport:
    """Run one engine, turning an unexpected exception into an `unavailable` report.

    Flags that do not slice to their own text are left out, but counted in the report's
    `dropped_flags` and written to the problems log, so a detector bug is seen, not hidden.
    """
    began = time.perf_counter()
    try:
        report = _check_around_codes(engine, document, options)
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
    if document.bilingual:
        kept = [safe for flag in kept if (safe := keep_codes(flag)) is not None]
    report.flags = kept
    if dropped:
        report.dropped_flags.extend(
            DroppedFlag(flag.rule, problem, flag.start, flag.end) for flag, problem in dropped
        )
        log = log_problem(
            f"engine {report.name}: {count(len(dropped), 'invalid flag')} left out of the report",
            "".join(_describe_dropped(flag, problem, document) for flag, problem in dropped),
        )
        report.log = report.log or (str(log) if log else None)
    return report


def keep_codes(flag: Flag) -> Flag | None:
    """A flag whose suggestions leave a unit's inline codes (tags, placeholders) alone.

    Engines see a code as one odd character and may propose deleting or moving it, which
    would break the file's markup: those suggestions go. A flag that was only about the
    spacing or punctuation around a code (nothing but codes, spaces and punctuation in its
    span) goes with them: it is the markup, not the translation, that it objects to.
    """
    if not any(map(is_placeholder, flag.text)) and not any(
        is_placeholder(character) for suggestion in flag.suggestions for character in suggestion
    ):
        return flag
    kept = tuple(s for s in flag.suggestions if same_placeholders(flag.text, s))
    if len(kept) == len(flag.suggestions):
        return flag
    if not kept and all(is_placeholder(c) or not c.isalnum() for c in flag.text):
        return None
    return replace(flag, suggestions=kept)


@cache
def twin_rules() -> dict[str, frozenset[str]]:
    """For each LanguageTool custom rule, the Python detector rules it stands in for
    (`resources/languagetool/rules/supersedes.yaml`)."""
    return _twin_table("languagetool", "rules", "supersedes.yaml")


@cache
def covering_rules() -> dict[str, frozenset[str]]:
    """Every rule that decides for others when its engine says it ran: LanguageTool's
    custom rules and the source engine's checks (`resources/source/supersedes.yaml`)."""
    return {**twin_rules(), **_twin_table("source", "supersedes.yaml")}


def _twin_table(*parts: str) -> dict[str, frozenset[str]]:
    data = load_yaml(*parts) or {}
    table: dict[str, frozenset[str]] = {}
    for covering, covered in data.items():
        if not isinstance(covering, str) or not isinstance(covered, list) or not covered:
            raise ValueError(f"{'/'.join(parts)}: {covering!r} must map to a list of rule ids")
        table[covering] = frozenset(str(rule) for rule in covered)
    return table


def twins_of(rules: Iterable[str]) -> frozenset[str]:
    """The LanguageTool custom rules that stand in for these detector rules: switching a
    detector off ("MT_DOUBLED_SUBJECT") switches its twin off too, or it would go on
    flagging what the reviewer asked not to see."""
    wanted = set(rules)
    return frozenset(covering for covering, covered in twin_rules().items() if covered & wanted)


def superseded_rules(reports: Iterable[EngineReport]) -> dict[str, frozenset[str]]:
    """The rules whose findings another engine's verdict replaces in this check, each with
    the rules that decide for it: `{"MT_DOUBLED_SUBJECT": {"MT_DOUBLED_SUBJECT_POS"}}`.

    Only reports that ran (`ok`) count: when LanguageTool is unavailable, our detectors'
    findings stand.
    """
    ran = {rule for report in reports if report.status is EngineStatus.OK for rule in report.covers}
    covered: dict[str, set[str]] = {}
    for covering in ran:
        for rule in covering_rules().get(covering, ()):
            covered.setdefault(rule, set()).add(covering)
    return {rule: frozenset(deciders) for rule, deciders in covered.items()}


def without_superseded(
    flags: Iterable[Flag], deciding: Iterable[Flag], covered: Mapping[str, frozenset[str]]
) -> list[Flag]:
    """`flags` less the findings of `covered` rules that no flag in `deciding` confirms
    (a flag of one of the rules deciding for it, overlapping it)."""
    confirming: dict[str, list[Flag]] = {}
    for flag in deciding:
        confirming.setdefault(flag.rule, []).append(flag)
    kept = []
    for flag in flags:
        deciders = covered.get(flag.rule)
        if deciders is None or any(
            flag.overlaps(other) for rule in deciders for other in confirming.get(rule, ())
        ):
            kept.append(flag)
    return kept


def flags_after_supersede(reports: Sequence[EngineReport]) -> dict[str, list[Flag]]:
    """Each report's flags (by engine name) once the rules some report `covers` decided: a
    finding of a covered rule stays only where the covering rule flagged an overlapping span
    (there `merge_flags` makes one flag of the two). The reports are left as they are."""
    covered = superseded_rules(reports)
    if not covered:
        return {report.name: list(report.flags) for report in reports}
    return {
        report.name: without_superseded(
            report.flags,
            (flag for other in reports if other is not report for flag in other.flags),
            covered,
        )
        for report in reports
    }


def supersede(reports: Sequence[EngineReport]) -> None:
    """`flags_after_supersede`, applied to the reports' flags in place."""
    effective = flags_after_supersede(reports)
    for report in reports:
        report.flags = effective[report.name]


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
    return _twins(a, b) or _deletes(a, b) or _deletes(b, a)


def _twins(a: Flag, b: Flag) -> bool:
    """One flag is a LanguageTool custom rule's, the other of a Python rule it stands in for."""
    table = twin_rules()
    return a.rule in table.get(b.rule, ()) or b.rule in table.get(a.rule, ())


def _deletes(outer: Flag, inner: Flag) -> bool:
    """True when `outer` proposes only to delete a span that contains `inner`.

    "... officials. the coalition": our fragment flag deletes " the coalition", so
    LanguageTool's "start the sentence with a capital" on "the" is the same problem.
    """
    return outer.suggestions == ("",) and outer.start <= inner.start and inner.end <= outer.end


def _stronger_with_note(a: Flag, b: Flag) -> Flag:
    def strength(flag: Flag) -> tuple[int, int, float]:
        return (flag.severity.rank, 1 if flag.suggestions else 0, flag.confidence)

    if _twins(a, b):  # the detector's flag: decisions made before LanguageTool answered stay
        table = twin_rules()
        winner, loser = (b, a) if a.rule in table else (a, b)
    else:
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
