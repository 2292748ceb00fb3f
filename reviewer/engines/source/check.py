"""The unit of the source engine: one check, one rule id, one MQM category.

As in the artefacts engine (and Xbench's QA list), each check is a small class. A check sees
the whole bilingual document through a `BilingualView` (consistency and length statistics need
every unit) and most work unit by unit: `UnitCheck` makes that the easy case. Settings a
linguist tunes (on by default or only with --picky, thresholds, measured precision) live in
`resources/source/checks.yaml`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any, ClassVar

from reviewer.core.bilingual import Unit
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Flag, Severity
from reviewer.engines.artefacts.detector import Finding  # one shape for what checks find
from reviewer.resources import load_yaml

__all__ = [
    "ENGINE_NAME",
    "BilingualView",
    "Finding",
    "SourceCheck",
    "UnitCheck",
    "UnitView",
    "settings",
    "whole",
]

ENGINE_NAME = "source"


@dataclass(frozen=True, slots=True)
class UnitView:
    """One unit with where its target starts in the document text."""

    index: int
    unit: Unit
    offset: int

    @property
    def source(self) -> str:
        return self.unit.source

    @property
    def target(self) -> str:
        return self.unit.target


@dataclass(frozen=True)
class BilingualView:
    """What every check needs: the document, its units, the resolved source language."""

    document: Document
    units: tuple[UnitView, ...]
    source_language: str  # ISO 639-1 ("zh", "es"), "" when unknown
    options: CheckOptions
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, document: Document, options: CheckOptions, source_language: str) -> BilingualView:
        units = tuple(
            UnitView(index, unit, document.paragraphs[index].start)
            for index, unit in enumerate(document.units)
        )
        return cls(document, units, source_language, options)


@cache
def settings() -> dict[str, Any]:
    """The whole `resources/source/checks.yaml` (checks' switches, thresholds and data)."""
    data: dict[str, Any] = load_yaml("source", "checks.yaml")
    return data


def check_settings(rule_id: str) -> dict[str, Any]:
    """The settings of one check (an empty dict when the file does not name it)."""
    checks: dict[str, Any] = settings().get("checks", {})
    value: dict[str, Any] = checks.get(rule_id) or {}
    return value


class SourceCheck(ABC):
    """Base class of every source-aware check.

    `default_on` comes from the YAML: a check whose measured precision is below the bar
    runs only with --picky, so the default report stays trustworthy.
    """

    rule_id: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity] = Severity.MAJOR
    confidence: ClassVar[float] = 0.8

    @classmethod
    def title(cls) -> str:
        """The first line of the docstring: what reviewers see in rule lists."""
        return (cls.__doc__ or cls.rule_id).strip().splitlines()[0]

    @classmethod
    def default_on(cls) -> bool:
        return bool(check_settings(cls.rule_id).get("default", True))

    @classmethod
    def setting(cls, key: str, default: Any = None) -> Any:
        return check_settings(cls.rule_id).get(key, default)

    def enabled(self, options: CheckOptions) -> bool:
        if self.rule_id in options.disabled_rules:
            return False
        return options.picky or self.default_on()

    @abstractmethod
    def detect(self, view: BilingualView) -> Iterable[Flag]:
        """Yield flags for the whole document."""

    def flag(self, view: BilingualView, unit: UnitView, finding: Finding) -> Flag:
        """Build a `Flag` from a finding relative to `unit`'s target."""
        return finding.to_flag(
            view.document, unit.offset, self, ENGINE_NAME, extra={"unit": unit.unit.id}
        )


class UnitCheck(SourceCheck):
    """A check that looks at one unit at a time (units with an empty source are skipped)."""

    @abstractmethod
    def check_unit(self, unit: UnitView, view: BilingualView) -> Iterable[Finding]:
        """Yield findings with offsets relative to `unit.target`."""

    def detect(self, view: BilingualView) -> Iterator[Flag]:
        for unit in view.units:
            if not unit.source.strip() or not unit.target.strip():
                continue
            for finding in self.check_unit(unit, view):
                yield self.flag(view, unit, finding)


def whole(target: str) -> tuple[int, int]:
    """The span of a target without its outer blanks: where a finding about the whole unit
    points (something is missing, so there is no one token to show)."""
    stripped = target.strip()
    if not stripped:
        return 0, 0
    start = target.index(stripped)
    return start, start + len(stripped)


def quote(text: str, limit: int = 60) -> str:
    """A short quotation for messages: “text” (cut with … when long)."""
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"
