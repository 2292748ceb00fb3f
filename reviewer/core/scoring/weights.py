"""The MQM scoring model: severity weights, per-category overrides, the pass threshold.

Read from `resources/scoring.yaml` so a quality manager changes weights without touching
Python. Every scorecard carries the model it was computed with, so a score can always be
traced back to its weights.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from reviewer.core.errors import ConfigurationError
from reviewer.core.flags import Severity
from reviewer.resources import load_yaml

FORMULA = "quality score = 100 × (1 − penalty ÷ words); pass = score ≥ threshold and no critical"


@dataclass(frozen=True)
class ScoringModel:
    """Weights and thresholds turning MQM errors into a score."""

    severities: dict[Severity, float]
    overrides: dict[str, dict[Severity, float]] = field(default_factory=dict)
    pass_threshold: float = 95.0
    count_resolved_by_edit: bool = True
    switch_off_min_decided: int = 3
    switch_off_max_precision: float = 0.2

    def weight(self, category: str, severity: Severity) -> float:
        """The weight of one error: the most specific override, else the severity's."""
        for key in (category, category.split("/", 1)[0]):
            by_severity = self.overrides.get(key)
            if by_severity is not None and severity in by_severity:
                return by_severity[severity]
        return self.severities[severity]

    def with_threshold(self, threshold: float | None) -> ScoringModel:
        return self if threshold is None else replace(self, pass_threshold=float(threshold))

    def to_json(self) -> dict[str, object]:
        return {
            "formula": FORMULA,
            "severities": {str(s): w for s, w in self.severities.items()},
            "overrides": {
                category: {str(s): w for s, w in weights.items()}
                for category, weights in self.overrides.items()
            },
            "pass_threshold": self.pass_threshold,
            "critical_fails": True,
            "count_resolved_by_edit": self.count_resolved_by_edit,
        }

    def describe(self) -> list[str]:
        """The weights as short lines, for the text and HTML scorecards."""
        lines = [", ".join(f"{s} {_number(w)}" for s, w in self.severities.items())]
        for category, weights in self.overrides.items():
            listed = ", ".join(f"{s} {_number(w)}" for s, w in weights.items())
            lines.append(f"{category}: {listed}")
        return lines


def load_scoring_model() -> ScoringModel:
    """The model in resources/scoring.yaml (checked: a typo must not skew every score)."""
    data: dict[str, Any] = load_yaml("scoring.yaml")
    try:
        severities = {Severity(k): float(v) for k, v in data["severities"].items()}
        overrides = {
            str(category): {Severity(k): float(v) for k, v in weights.items()}
            for category, weights in (data.get("overrides") or {}).items()
        }
        switch_off = data.get("switch_off") or {}
        model = ScoringModel(
            severities=severities,
            overrides=overrides,
            pass_threshold=float(data.get("pass_threshold", 95)),
            count_resolved_by_edit=bool(data.get("count_resolved_by_edit", True)),
            switch_off_min_decided=int(switch_off.get("min_decided", 3)),
            switch_off_max_precision=float(switch_off.get("max_precision", 0.2)),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ConfigurationError(f"resources/scoring.yaml is malformed: {exc}") from None
    missing = set(Severity) - set(severities)
    if missing:
        raise ConfigurationError(
            f"resources/scoring.yaml gives no weight for {', '.join(sorted(missing))}"
        )
    return model


def _number(value: float) -> str:
    return f"{value:g}"
