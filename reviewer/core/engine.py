"""The interface every check engine implements.

An engine turns a `Document` into `Flag`s. Engines never raise for their own failures
(a server that died, a missing Java): they report `unavailable` with a reason, so one broken
engine never hides the flags of the others.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import Protocol, runtime_checkable

from reviewer.core.document import Document
from reviewer.core.flags import Flag, is_mqm_category, mqm_categories


class EngineStatus(StrEnum):
    """Whether an engine's flags are in a report."""

    OK = "ok"
    UNAVAILABLE = "unavailable"
    DISABLED = "disabled"


@dataclass(frozen=True)
class CheckOptions:
    """What a reviewer chose for this check; every engine receives the same options.

    `source_language` is the language the text was translated from (ISO 639-1, e.g. "es");
    it selects false-friend lexicons and LanguageTool's mother-tongue rules. `glossary` is the
    path of a CSV/TSV/TBX glossary the source engine enforces (SRC_TERMINOLOGY).
    """

    language: str = "en-US"
    source_language: str | None = None
    picky: bool = False
    disabled_rules: frozenset[str] = frozenset()
    disabled_categories: frozenset[str] = frozenset()
    glossary: str | None = None


def parse_name_list(value: str | None) -> frozenset[str]:
    """Rule ids or category names as users type them: "A, B,,C " -> {"A", "B", "C"}."""
    return frozenset(part.strip() for part in (value or "").split(",") if part.strip())


def is_mqm_name(name: str) -> bool:
    """An MQM category ("Fluency/Grammar") or dimension ("Fluency"), as opposed to a
    LanguageTool category id ("TYPOS"); names are case-sensitive, so the two never clash."""
    return is_mqm_category(name) or name in _mqm_dimensions()


@cache
def _mqm_dimensions() -> frozenset[str]:
    return frozenset(category.split("/", 1)[0] for category in mqm_categories())


def category_disabled(category: str, disabled: Collection[str]) -> bool:
    """Whether a finding of this MQM category is switched off: the category itself or any
    of its parents ("Fluency" for "Fluency/Grammar") is in `disabled`."""
    if not disabled:
        return False
    parts = category.split("/")
    return any("/".join(parts[:depth]) in disabled for depth in range(1, len(parts) + 1))


def without_disabled(flags: Iterable[Flag], options: CheckOptions) -> list[Flag]:
    """The flags whose rule and own category the reviewer did not switch off.

    The one filter every engine applies to each finding (`--disable-rules`,
    `--disable-categories`): a detector or a LanguageTool category may report findings in
    several MQM categories, so the flag's category decides, not its source's. Names that are
    not MQM names (LanguageTool category ids) match no flag here; LanguageTool applies those.
    """
    rules, categories = options.disabled_rules, options.disabled_categories
    if not rules and not categories:
        return list(flags)
    return [
        flag
        for flag in flags
        if flag.rule not in rules and not category_disabled(flag.category, categories)
    ]


@dataclass(frozen=True)
class DetectorError:
    """A part of an engine (one detector) that raised; the engine's other flags stand."""

    detector: str
    error: str  # "ValueError: message"

    def to_json(self) -> dict[str, str]:
        return {"detector": self.detector, "error": self.error}


@dataclass(frozen=True)
class DroppedFlag:
    """A flag left out of the report because it broke the contract (its span's text)."""

    rule: str
    reason: str
    start: int
    end: int

    def to_json(self) -> dict[str, object]:
        return {"rule": self.rule, "reason": self.reason, "start": self.start, "end": self.end}


@dataclass
class EngineReport:
    """One engine's outcome for one check.

    `errors` name detectors that failed (the status stays ok when others ran),
    `dropped_flags` the flags left out as invalid, `notices` what the reviewer should know
    about this check ("no false-friend list for nl"); `log` is the file holding the details.
    `covers` names this engine's rules that ran and stand in for another engine's rules
    (LanguageTool's MT_*_POS pattern rules for our Python detectors): their verdict decides
    for those rules (`reviewer.core.checking.supersede`).
    """

    name: str
    status: EngineStatus
    version: str | None = None
    reason: str | None = None
    flags: list[Flag] = field(default_factory=list)
    seconds: float = 0.0
    errors: list[DetectorError] = field(default_factory=list)
    dropped_flags: list[DroppedFlag] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    log: str | None = None
    covers: frozenset[str] = frozenset()

    def to_json(self) -> dict[str, object]:
        """The engine entry of the JSON report (`reason` only when not ok)."""
        entry: dict[str, object] = {"name": self.name, "status": str(self.status)}
        entry["version"] = self.version
        if self.reason:
            entry["reason"] = self.reason
        entry["flag_count"] = len(self.flags)
        entry["seconds"] = round(self.seconds, 3)
        entry["errors"] = [error.to_json() for error in self.errors]
        entry["dropped_flags"] = [dropped.to_json() for dropped in self.dropped_flags]
        entry["notices"] = list(self.notices)
        entry["covers"] = sorted(self.covers)
        if self.log and (self.errors or self.dropped_flags):
            entry["log"] = self.log
        return entry


def describe_exception(exc: BaseException) -> str:
    """One line naming an exception: "ValueError: unknown list {x}"."""
    message = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


@runtime_checkable
class Engine(Protocol):
    """A source of flags. Implementations live in `reviewer.engines`."""

    name: str

    def check(self, document: Document, options: CheckOptions) -> EngineReport:
        """Check the whole document; report failures as `unavailable`, never raise."""
        ...

    def close(self) -> None:
        """Release processes or connections the engine holds."""
        ...
