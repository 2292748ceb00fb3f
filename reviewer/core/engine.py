"""The interface every check engine implements.

An engine turns a `Document` into `Flag`s. Engines never raise for their own failures
(a server that died, a missing Java): they report `unavailable` with a reason, so one broken
engine never hides the flags of the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol, runtime_checkable

from reviewer.core.document import Document
from reviewer.core.flags import Flag


class EngineStatus(StrEnum):
    """Whether an engine's flags are in a report."""

    OK = "ok"
    UNAVAILABLE = "unavailable"
    DISABLED = "disabled"


@dataclass(frozen=True)
class CheckOptions:
    """What a reviewer chose for this check; every engine receives the same options.

    `source_language` is the language the text was translated from (ISO 639-1, e.g. "es");
    it selects false-friend lexicons and LanguageTool's mother-tongue rules.
    """

    language: str = "en-US"
    source_language: str | None = None
    picky: bool = False
    disabled_rules: frozenset[str] = frozenset()
    disabled_categories: frozenset[str] = frozenset()


def parse_name_list(value: str | None) -> frozenset[str]:
    """Rule ids or category names as users type them: "A, B,,C " -> {"A", "B", "C"}."""
    return frozenset(part.strip() for part in (value or "").split(",") if part.strip())


@dataclass
class EngineReport:
    """One engine's outcome for one check."""

    name: str
    status: EngineStatus
    version: str | None = None
    reason: str | None = None
    flags: list[Flag] = field(default_factory=list)
    seconds: float = 0.0

    def to_json(self) -> dict[str, object]:
        """The engine entry of the JSON report (`reason` only when not ok)."""
        entry: dict[str, object] = {"name": self.name, "status": str(self.status)}
        entry["version"] = self.version
        if self.reason:
            entry["reason"] = self.reason
        entry["flag_count"] = len(self.flags)
        entry["seconds"] = round(self.seconds, 3)
        return entry


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
