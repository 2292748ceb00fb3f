"""Scorecards: MQM quality, post-edit distance, effort and checker precision of a review."""

from reviewer.core.scoring.distance import DistanceReport, PairScore, post_edit_distance
from reviewer.core.scoring.mqm import MqmError, MqmScore, review_errors
from reviewer.core.scoring.precision import RulePrecision, rule_precision
from reviewer.core.scoring.scorecard import Effort, Scorecard, SentenceRow, build_scorecard
from reviewer.core.scoring.units import SentenceUnit, count_words, sentence_units
from reviewer.core.scoring.weights import FORMULA, ScoringModel, load_scoring_model

__all__ = [
    "FORMULA",
    "DistanceReport",
    "Effort",
    "MqmError",
    "MqmScore",
    "PairScore",
    "RulePrecision",
    "Scorecard",
    "ScoringModel",
    "SentenceRow",
    "SentenceUnit",
    "build_scorecard",
    "count_words",
    "load_scoring_model",
    "post_edit_distance",
    "review_errors",
    "rule_precision",
    "sentence_units",
]
