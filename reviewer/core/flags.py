"""Flags: one suspicious span, whichever engine found it.

Every engine (LanguageTool, our MT-artefact detectors) reports `Flag`s with document offsets,
an MQM category and a severity, so the GUI, the CLI and the scorecard treat them alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache

from reviewer.resources import load_yaml


class Severity(StrEnum):
    """MQM severities, in increasing order of weight."""

    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        """Order severities for sorting and for keeping the stronger of two duplicates."""
        return list(Severity).index(self)


@cache
def mqm_categories() -> frozenset[str]:
    """The MQM category names a flag may carry (from resources/mqm.yaml)."""
    return frozenset(load_yaml("mqm.yaml")["categories"])


def is_mqm_category(name: str) -> bool:
    """Accept listed categories and any `Style/...` or `Other/...` refinement."""
    return name in mqm_categories() or name.startswith(("Style/", "Other/"))


@dataclass(frozen=True, slots=True)
class Flag:
    """A span of the document that an engine considers wrong or suspicious.

    `suggestions` replace `text`; an empty string suggests deleting the span.
    """

    start: int
    end: int
    text: str
    rule: str
    engine: str
    category: str
    severity: Severity
    message: str
    suggestions: tuple[str, ...] = ()
    confidence: float = 1.0
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid flag span {self.start}..{self.end}")
        if not is_mqm_category(self.category):
            raise ValueError(f"unknown MQM category {self.category!r} for rule {self.rule}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence must be within 0..1, got {self.confidence}")

    def overlaps(self, other: Flag) -> bool:
        """True when the two spans share at least one character (or are both the same point)."""
        if self.start == self.end or other.start == other.end:
            return self.start == other.start and self.end == other.end
        return self.start < other.end and other.start < self.end

    def shifted(self, delta: int) -> Flag:
        """Return the same flag moved by `delta` characters (paragraph to document offsets)."""
        return replace(self, start=self.start + delta, end=self.end + delta)
