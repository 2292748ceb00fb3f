"""The artefacts engine: runs every registered detector over the document.

One detector that raises (a bug, a bad edit of its YAML data) never silences the others:
it is named with its error in the report's `errors`, its traceback goes to the problems log
(`reviewer.core.problem_log`), and the other detectors' flags are reported as usual.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Collection

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
from reviewer.core.flags import Flag
from reviewer.core.problem_log import log_problem
from reviewer.engines.artefacts.detector import ENGINE_NAME, Detector
from reviewer.engines.artefacts.registry import detector_classes, registry_failures


class ArtefactsEngine:
    """Runs our MT-artefact detectors; honours `CheckOptions.disabled_rules` and
    `disabled_categories` (per finding: a detector may report several categories)."""

    name = ENGINE_NAME

    def __init__(self, detectors: list[Detector] | None = None) -> None:
        self.detectors = detectors if detectors is not None else [c() for c in detector_classes()]
        self.stock = detectors is None  # the registered detectors, re-creatable by name

    def check(self, document: Document, options: CheckOptions) -> EngineReport:
        flags: list[Flag] = []
        errors: list[DetectorError] = []
        log: str | None = None
        if self.stock:  # detector modules that failed to import: their detectors are missing
            for failure in registry_failures():
                errors.append(DetectorError(f"module {failure.module}", failure.error))
                log = log or failure.log
        active = [d for d in self.detectors if d.rule_id not in options.disabled_rules]
        failed = 0
        for detector in active:
            try:
                found = list(detector.detect(document, options))
            except Exception as exc:  # one broken detector must not hide the others' flags
                failed += 1
                errors.append(DetectorError(detector.rule_id, describe_exception(exc)))
                where = document.path or "a document"
                path = log_problem(
                    f"artefacts: detector {detector.rule_id} failed on {where}",
                    traceback.format_exc(),
                )
                log = log or (str(path) if path else None)
                continue
            flags.extend(found)
        flags = without_disabled(flags, options)
        flags.sort(key=lambda f: (f.start, f.end, f.rule))
        status, reason = EngineStatus.OK, None
        if active and failed == len(active):
            status, reason = EngineStatus.UNAVAILABLE, "every detector failed"
        return EngineReport(
            name=self.name,
            status=status,
            version=__version__,
            reason=reason,
            flags=flags,
            errors=errors,
            notices=source_language_notices(options, {d.rule_id for d in active}),
            log=log,
        )

    def close(self) -> None:
        """Nothing to release: detectors hold only immutable data."""


def source_language_notices(options: CheckOptions, rules: set[str]) -> list[str]:
    """Say which of `rules` a stated source language silently turns off (no list for it).

    Each detector selects its lists from the source language in its own way; the codes
    here are computed as they do (`false_friends._languages_for`, `UntranslatedWord`).
    """
    source = options.source_language
    if not source:
        return []
    notices: list[str] = []
    checks: list[tuple[str, str, str, Callable[[], Collection[str]]]] = [
        (
            "MT_FALSE_FRIEND",
            "false-friend",
            source.split("-")[0].split("_")[0].lower(),
            _false_friend_languages,
        ),
        ("MT_UNTRANSLATED", "untranslated-word", source.lower().split("-")[0], _untranslated),
    ]
    for rule, kind, code, languages in checks:
        if rule not in rules:
            continue
        try:
            known = languages()
        except Exception:  # a broken data file: the detector's own failure reports it
            continue
        if code not in known:
            notices.append(f"no {kind} list for {code}; {rule} is off")
    return notices


def _false_friend_languages() -> tuple[str, ...]:
    from reviewer.engines.artefacts.detectors.false_friends import available_languages

    return available_languages()


def _untranslated() -> dict[str, str]:
    from reviewer.engines.artefacts.detectors.untranslated import settings

    return settings().languages
