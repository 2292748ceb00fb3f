"""A review's scorecard: MQM quality, post-edit distance, effort and checker precision.

`build_scorecard(review)` reads everything from the review (no Qt, no engines), so the
window, `reviewer scorecard` and `reviewer scorecards` show the same figures. Every figure
carries the settings that produced it: the scoring model (weights, threshold), sacrebleu's
signatures, the idle limit of the effort figures.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.core.diff import WordEdits, count_word_edits
from reviewer.core.effort import DEFAULT_IDLE_LIMIT, sentence_efforts
from reviewer.core.review import Review, SentenceStatus
from reviewer.core.review.model import now_iso
from reviewer.core.scoring.distance import DistanceReport, PairScore, post_edit_distance
from reviewer.core.scoring.mqm import MqmError, MqmScore, review_errors
from reviewer.core.scoring.precision import RulePrecision, rule_precision
from reviewer.core.scoring.units import SentenceUnit, count_words, sentence_units
from reviewer.core.scoring.weights import ScoringModel, load_scoring_model
from reviewer.core.wording import plural, row_noun


@dataclass(frozen=True)
class SentenceRow:
    """One sentence of the scorecard: its texts, distance, effort and errors."""

    unit: SentenceUnit
    distance: PairScore
    seconds: float
    visits: int
    edits: int
    words: WordEdits
    errors: list[MqmError]
    reviewed: bool

    @property
    def penalty(self) -> float:
        return float(sum(error.weight for error in self.errors))

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.unit.id,
            "index": self.unit.index,
            "mt": self.unit.mt,
            "corrected": self.unit.corrected,
            "deleted": self.unit.deleted,
            "reviewed": self.reviewed,
            **self.distance.to_json(),
            "seconds": round(self.seconds, 3),
            "visits": self.visits,
            "edits": self.edits,
            **self.words.to_json(),
            "errors": len(self.errors),
            "penalty": round(self.penalty, 4),
        }


@dataclass(frozen=True)
class Effort:
    """The work the whole review took."""

    seconds: float
    visits: int
    edits: int
    words: WordEdits
    idle_limit: float

    def to_json(self) -> dict[str, object]:
        return {
            "seconds": round(self.seconds, 3),
            "visits": self.visits,
            "edits": self.edits,
            **self.words.to_json(),
            "idle_limit_seconds": self.idle_limit,
        }


@dataclass(frozen=True)
class Scorecard:
    """Everything the scorecard shows, for one review."""

    document: str
    review_path: str
    language: str
    reviewer: str
    created_at: str
    generated_at: str
    mqm: MqmScore
    distance: DistanceReport
    effort: Effort
    rows: list[SentenceRow]
    precision: list[RulePrecision]
    open_flags: int
    disabled_rules: frozenset[str] = field(default_factory=frozenset)
    bilingual: bool = False  # a review of an XLIFF, PO, TMX or CSV file: rows are units

    @property
    def noun(self) -> str:
        """What people read a row called: "unit" in a bilingual review, else "sentence"."""
        return row_noun(self.bilingual)

    @property
    def nouns(self) -> str:
        return plural(self.noun, 2)

    @property
    def sentences(self) -> int:
        return len(self.rows)

    @property
    def sentences_changed(self) -> int:
        return sum(1 for row in self.rows if row.unit.changed)

    @property
    def sentences_reviewed(self) -> int:
        return sum(1 for row in self.rows if row.reviewed)

    def to_json(self) -> dict[str, object]:
        return {
            "document": {
                "name": self.document,
                "review": self.review_path,
                "language": self.language,
                "reviewer": self.reviewer,
                "created_at": self.created_at,
                "bilingual": self.bilingual,
                "row_noun": self.noun,  # what `sentences` are called for people
                "words": self.mqm.words,
                "sentences": self.sentences,
                "sentences_changed": self.sentences_changed,
                "sentences_reviewed": self.sentences_reviewed,
                "open_flags": self.open_flags,
            },
            "generated_at": self.generated_at,
            "mqm": self.mqm.to_json(),
            "post_edit_distance": self.distance.to_json(),
            "effort": self.effort.to_json(),
            "sentences": [row.to_json() for row in self.rows],
            "rules": [row.to_json() for row in self.precision],
        }


def build_scorecard(
    review: Review,
    *,
    model: ScoringModel | None = None,
    idle_limit: float = DEFAULT_IDLE_LIMIT,
    threshold: float | None = None,
    disabled_rules: frozenset[str] = frozenset(),
) -> Scorecard:
    """Compute the scorecard of `review` (read only: nothing is written to it)."""
    model = (model or load_scoring_model()).with_threshold(threshold)
    units = sentence_units(review)
    errors = review_errors(review, model)
    words = sum(count_words(unit.mt) for unit in units)
    mqm = MqmScore(errors, words, model)
    distance = post_edit_distance([u.mt for u in units], [u.corrected for u in units])
    efforts = sentence_efforts(review, idle_limit)
    unit_of = {segment_id: unit.id for unit in units for segment_id in unit.segment_ids}
    errors_by_unit: dict[str, list[MqmError]] = {unit.id: [] for unit in units}
    for error in errors:
        unit_id = unit_of.get(error.sentence_id)
        if unit_id is not None:
            errors_by_unit[unit_id].append(error)
    statuses = {segment.id: segment.status for segment in review.segments}
    rows = []
    for unit, pair in zip(units, distance.sentences, strict=True):
        members = [efforts[s] for s in unit.segment_ids if s in efforts]
        rows.append(
            SentenceRow(
                unit=unit,
                distance=pair,
                seconds=sum(e.seconds for e in members),
                visits=sum(e.visits for e in members),
                edits=sum(e.edits for e in members),
                words=count_word_edits(unit.mt, unit.corrected),
                errors=errors_by_unit[unit.id],
                reviewed=statuses.get(unit.id) is SentenceStatus.REVIEWED,
            )
        )
    effort = Effort(
        seconds=sum(row.seconds for row in rows),
        visits=sum(row.visits for row in rows),
        edits=sum(row.edits for row in rows),
        words=WordEdits(
            inserted=sum(row.words.inserted for row in rows),
            deleted=sum(row.words.deleted for row in rows),
            substituted=sum(row.words.substituted for row in rows),
        ),
        idle_limit=idle_limit,
    )
    precision = rule_precision(review, model, disabled_rules)
    return Scorecard(
        document=review.store.get_meta("file_name") or Path(review.path).name,
        review_path=str(review.path),
        language=review.language,
        reviewer=_reviewer_of(review),
        created_at=review.store.get_meta("created_at"),
        generated_at=now_iso(),
        mqm=mqm,
        distance=distance,
        effort=effort,
        rows=rows,
        precision=precision,
        # as the window counts them: another engine's twin of a flag is not a second one
        open_flags=sum(len(review.open_severities(s.id)) for s in review.segments),
        disabled_rules=disabled_rules,
        bilingual=review.bilingual,
    )


def _reviewer_of(review: Review) -> str:
    """Who did the review: the name on most decisions and marks, else who created it."""
    names = Counter(d.reviewer for d in review.decisions if d.reviewer)
    names.update(a.reviewer for a in review.annotations if a.reviewer)
    if names:
        return names.most_common(1)[0][0]
    return review.store.get_meta("created_by") or review.reviewer
