"""The artefacts engine: runs every registered detector over the document."""

from __future__ import annotations

from reviewer import __version__
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, EngineReport, EngineStatus
from reviewer.core.flags import Flag
from reviewer.engines.artefacts.detector import ENGINE_NAME, Detector
from reviewer.engines.artefacts.registry import detector_classes


class ArtefactsEngine:
    """Runs our MT-artefact detectors; honours `CheckOptions.disabled_rules`."""

    name = ENGINE_NAME

    def __init__(self, detectors: list[Detector] | None = None) -> None:
        self.detectors = detectors if detectors is not None else [c() for c in detector_classes()]
        self.stock = detectors is None  # the registered detectors, re-creatable by name

    def check(self, document: Document, options: CheckOptions) -> EngineReport:
        flags: list[Flag] = []
        for detector in self.detectors:
            if detector.rule_id in options.disabled_rules:
                continue
            if _category_disabled(detector.category, options.disabled_categories):
                continue
            flags.extend(
                flag
                for flag in detector.detect(document, options)
                if not _category_disabled(flag.category, options.disabled_categories)
            )
        flags.sort(key=lambda f: (f.start, f.end, f.rule))
        return EngineReport(
            name=self.name, status=EngineStatus.OK, version=__version__, flags=flags
        )

    def close(self) -> None:
        """Nothing to release: detectors hold only immutable data."""


def _category_disabled(category: str, disabled: frozenset[str]) -> bool:
    """An MQM category is off when it, or its dimension ("Fluency" for "Fluency/Grammar"),
    was disabled; a detector may report findings in several categories."""
    return category in disabled or category.split("/", maxsplit=1)[0] in disabled
