"""The source engine: checks each unit's target against its source (a bilingual file).

A plain-text document has no sources: the engine reports OK with no flags, so it can be
part of the default engine set. The source language is the file's, else the reviewer's,
else detected from the sources (`reviewer.engines.source.language`). One check that raises
never silences the others, exactly as in the artefacts engine.
"""

from __future__ import annotations

import time
import traceback

from reviewer import __version__
from reviewer.core.document import Document
from reviewer.core.engine import (
    CheckOptions,
    DetectorError,
    EngineReport,
    EngineStatus,
    describe_exception,
    without_disabled,
)
from reviewer.core.errors import ConfigurationError
from reviewer.core.flags import Flag
from reviewer.core.problem_log import log_problem
from reviewer.engines.artefacts.detectors.false_friends import trigger_languages
from reviewer.engines.source.check import ENGINE_NAME, BilingualView, SourceCheck
from reviewer.engines.source.checks.consistency import InconsistentTranslation
from reviewer.engines.source.checks.false_friends import SourceFalseFriend
from reviewer.engines.source.checks.length import LengthRatio
from reviewer.engines.source.checks.literals import LiteralMismatch
from reviewer.engines.source.checks.names import NameMissing
from reviewer.engines.source.checks.numbers import NumberMismatch
from reviewer.engines.source.checks.placeholders import PlaceholderMismatch
from reviewer.engines.source.checks.punctuation import EndPunctuation
from reviewer.engines.source.checks.terminology import Terminology
from reviewer.engines.source.checks.untranslated import Untranslated
from reviewer.engines.source.glossary import Glossary, load_glossary
from reviewer.engines.source.language import resolve


def default_checks(glossary: Glossary | None = None) -> list[SourceCheck]:
    """Every check, in report order (the engine filters by --picky and disabled rules)."""
    return [
        NumberMismatch(),
        PlaceholderMismatch(),
        LiteralMismatch(),
        NameMissing(),
        Untranslated(),
        EndPunctuation(),
        LengthRatio(),
        InconsistentTranslation(),
        SourceFalseFriend(),
        Terminology(glossary),
    ]


class SourceEngine:
    """Runs the source-aware checks. `glossary` overrides `CheckOptions.glossary`."""

    name = ENGINE_NAME
    # Checks the file's inline codes itself (the same tags on both sides), so it is given
    # the text with its codes, not the code-free view other engines check (codes_view).
    reads_codes = True

    def __init__(
        self, checks: list[SourceCheck] | None = None, glossary: Glossary | None = None
    ) -> None:
        self.checks = checks if checks is not None else default_checks(glossary)

    def check(self, document: Document, options: CheckOptions) -> EngineReport:
        started = time.perf_counter()
        report = EngineReport(name=self.name, status=EngineStatus.OK, version=__version__)
        if not document.bilingual or not any(unit.source.strip() for unit in document.units):
            report.seconds = time.perf_counter() - started
            return report
        language = resolve(
            document.source_language,
            options.source_language,
            (unit.source for unit in document.units),
        )
        view = BilingualView.of(document, options, language)
        if not language:
            report.notices.append("source language unknown: language-specific lists are off")
        elif not (document.source_language or options.source_language):
            report.notices.append(
                f"source language detected as {language} (give --source-language if not)"
            )
        glossary_path = getattr(options, "glossary", None)
        if glossary_path:
            try:
                view.extra["glossary"] = load_glossary(glossary_path)
            except ConfigurationError as exc:
                report.errors.append(DetectorError("SRC_TERMINOLOGY", str(exc)))
        active = [check for check in self.checks if check.enabled(options)]
        flags: list[Flag] = []
        failed = 0
        for check in active:
            try:
                flags.extend(check.detect(view))
            except Exception as exc:  # one broken check must not hide the others' flags
                failed += 1
                report.errors.append(DetectorError(check.rule_id, describe_exception(exc)))
                path = log_problem(
                    f"source: check {check.rule_id} failed on {document.path or 'a document'}",
                    traceback.format_exc(),
                )
                report.log = report.log or (str(path) if path else None)
        report.flags = sorted(without_disabled(flags, options), key=_order)
        report.covers = _covered(active, report.errors, view.source_language)
        if active and failed == len(active):
            report.status, report.reason = EngineStatus.UNAVAILABLE, "every check failed"
        report.seconds = time.perf_counter() - started
        return report

    def close(self) -> None:
        """Nothing to release: checks hold only immutable data."""


def _covered(
    active: list[SourceCheck], errors: list[DetectorError], language: str | None
) -> frozenset[str]:
    """The checks whose verdict replaces another engine's rule in this check
    (`resources/source/supersedes.yaml`): the false-friend check, when it ran without
    failing on a source language whose every false friend names its source word. Otherwise
    the artefacts engine's MT_FALSE_FRIEND, which guesses from the English, stands."""
    ran = {check.rule_id for check in active} - {error.detector for error in errors}
    if SourceFalseFriend.rule_id in ran and language in trigger_languages():
        return frozenset({SourceFalseFriend.rule_id})
    return frozenset()


def _order(flag: Flag) -> tuple[int, int, str]:
    return flag.start, flag.end, flag.rule
