"""MQM errors of a review and the quality score they add up to.

What counts as an error of the machine translation:

* an **accepted** flag: the checker found it and the reviewer agreed (fixed it with a
  suggestion or their own words);
* a flag **resolved by edit**: the checker found it and the reviewer fixed it by editing
  the sentence rather than pressing Accept. It counts (`count_resolved_by_edit` in
  resources/scoring.yaml) unless it overlaps an accepted flag or an error mark in the same
  sentence: then the reviewer's fix of that other error made it go away (a second engine's
  twin, a stray capital inside a doubled subject), and one error is counted once;
* an **error mark** (annotation): an error the reviewer marked by hand (Ctrl+M).

A **rejected** flag is not an error (the checker was wrong), and an open flag is not
counted (nobody has judged it yet; the scorecard reports how many are left open).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace

from reviewer.core.flags import Severity
from reviewer.core.review import Annotation, Decision, DecisionStatus, Review
from reviewer.core.scoring.weights import FORMULA, ScoringModel

SOURCE_ACCEPTED = "accepted flag"
SOURCE_RESOLVED = "resolved by edit"
SOURCE_MARKED = "error mark"


@dataclass(frozen=True)
class MqmError:
    """One error of the machine translation, weighted."""

    sentence_id: str
    source: str  # SOURCE_ACCEPTED, SOURCE_RESOLVED or SOURCE_MARKED
    category: str
    severity: Severity
    weight: float
    text: str  # the erroneous span in the machine translation (as flagged or marked)
    rule: str = ""  # the checker's rule, for flags
    engine: str = ""
    correction: str | None = None  # what replaced it, for accepted flags
    note: str = ""  # the reviewer's note, for error marks
    reviewer: str = ""

    @property
    def dimension(self) -> str:
        return self.category.split("/", 1)[0]

    def to_json(self) -> dict[str, object]:
        return {
            "sentence_id": self.sentence_id,
            "source": self.source,
            "dimension": self.dimension,
            "category": self.category,
            "severity": str(self.severity),
            "weight": self.weight,
            "text": self.text,
            "rule": self.rule,
            "engine": self.engine,
            "correction": self.correction,
            "note": self.note,
            "reviewer": self.reviewer,
        }


@dataclass(frozen=True)
class CategoryTally:
    """Errors of one category (or dimension): counts by severity and their penalty."""

    name: str
    counts: dict[Severity, int]
    penalty: float

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "errors": self.total,
            **{str(s): self.counts.get(s, 0) for s in Severity},
            "penalty": round(self.penalty, 4),
        }


@dataclass(frozen=True)
class MqmScore:
    """The quality figures of one document, with the model that produced them."""

    errors: list[MqmError]
    words: int
    model: ScoringModel

    @property
    def penalty(self) -> float:
        return sum(error.weight for error in self.errors)

    @property
    def penalty_per_1000_words(self) -> float:
        return 1000 * self.penalty / self.words if self.words else 0.0

    @property
    def score(self) -> float:
        """100 × (1 − penalty ÷ words); below 0 when errors outweigh words (MQM allows it)."""
        return 100 * (1 - self.penalty / self.words) if self.words else 100.0

    @property
    def critical_errors(self) -> int:
        return sum(1 for error in self.errors if error.severity is Severity.CRITICAL)

    @property
    def passed(self) -> bool:
        return self.critical_errors == 0 and self.score >= self.model.pass_threshold - 1e-9

    @property
    def by_severity(self) -> dict[Severity, int]:
        counts = Counter(error.severity for error in self.errors)
        return {severity: counts.get(severity, 0) for severity in Severity}

    def by_category(self) -> list[CategoryTally]:
        """Categories with errors, most penalising first."""
        return _tally(self.errors, lambda error: error.category)

    def by_dimension(self) -> list[CategoryTally]:
        return _tally(self.errors, lambda error: error.dimension)

    def verdict(self) -> str:
        if self.passed:
            return "pass"
        if self.critical_errors:
            return "fail (critical error)"
        return "fail"

    def to_json(self) -> dict[str, object]:
        return {
            "formula": FORMULA,
            "words": self.words,
            "errors": len(self.errors),
            "by_severity": {str(s): n for s, n in self.by_severity.items()},
            "penalty": round(self.penalty, 4),
            "penalty_per_1000_words": round(self.penalty_per_1000_words, 4),
            "score": round(self.score, 4),
            "threshold": self.model.pass_threshold,
            "passed": self.passed,
            "verdict": self.verdict(),
            "weights": self.model.to_json(),
            "by_dimension": [tally.to_json() for tally in self.by_dimension()],
            "by_category": [tally.to_json() for tally in self.by_category()],
            "error_list": [error.to_json() for error in self.errors],
        }


def review_errors(review: Review, model: ScoringModel) -> list[MqmError]:
    """Every error of the review, in document order (accepted, resolved, marked)."""
    accepted = [d for d in review.decisions if d.status is DecisionStatus.ACCEPTED]
    resolved = [d for d in review.decisions if d.status is DecisionStatus.RESOLVED]
    marks = review.annotations
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)  # spans already counted
    errors = [_from_decision(d, SOURCE_ACCEPTED, model) for d in accepted]
    for decision in accepted:
        taken[decision.key.sentence_id].append(_span(decision))
    for mark in marks:
        taken[mark.sentence_id].append((mark.start, max(mark.end, mark.start + 1)))
    errors += [_from_mark(mark, model) for mark in marks]
    if model.count_resolved_by_edit:
        for decision in resolved:
            start, end = _span(decision)
            spans = taken[decision.key.sentence_id]
            if any(start < other_end and other_start < end for other_start, other_end in spans):
                continue
            errors.append(_from_decision(decision, SOURCE_RESOLVED, model))
            spans.append((start, end))
    order = {segment.id: position for position, segment in enumerate(review.segments)}
    errors = [_without_codes(review, error) for error in errors]
    return sorted(errors, key=lambda error: order.get(error.sentence_id, len(order)))


def _without_codes(review: Review, error: MqmError) -> MqmError:
    """The error's words as a scorecard shows them: a bilingual unit's inline codes left out."""
    unit = review.unit(error.sentence_id)
    if unit is None:
        return error
    correction = unit.without_codes(error.correction) if error.correction is not None else None
    return replace(error, text=unit.without_codes(error.text), correction=correction)


def _span(decision: Decision) -> tuple[int, int]:
    """The flag's span in its sentence when decided (a point becomes one character, so
    that an inserted missing space still meets what overlaps it)."""
    start = decision.offset
    return start, max(start + len(decision.key.text), start + 1)


def _from_decision(decision: Decision, source: str, model: ScoringModel) -> MqmError:
    return MqmError(
        sentence_id=decision.key.sentence_id,
        source=source,
        category=decision.category,
        severity=decision.severity,
        weight=model.weight(decision.category, decision.severity),
        text=decision.key.text,
        rule=decision.key.rule,
        engine=decision.engine,
        correction=decision.replacement if source == SOURCE_ACCEPTED else None,
        reviewer=decision.reviewer,
    )


def _from_mark(mark: Annotation, model: ScoringModel) -> MqmError:
    return MqmError(
        sentence_id=mark.sentence_id,
        source=SOURCE_MARKED,
        category=mark.category,
        severity=mark.severity,
        weight=model.weight(mark.category, mark.severity),
        text=mark.text,
        note=mark.note,
        reviewer=mark.reviewer,
    )


def _tally(errors: list[MqmError], name_of: Callable[[MqmError], str]) -> list[CategoryTally]:
    counts: dict[str, Counter[Severity]] = defaultdict(Counter)
    penalties: dict[str, float] = defaultdict(float)
    for error in errors:
        name = name_of(error)
        counts[name][error.severity] += 1
        penalties[name] += error.weight
    tallies = [
        CategoryTally(name, {s: counts[name].get(s, 0) for s in Severity}, penalties[name])
        for name in counts
    ]
    return sorted(tallies, key=lambda t: (-t.penalty, -t.total, t.name))
