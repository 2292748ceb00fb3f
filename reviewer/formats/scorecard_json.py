"""`reviewer scorecard --format json`: the whole scorecard as one JSON object.

Shape (fields may be added; these never change): `document`, `generated_at`, `mqm`
(formula, weights, words, errors, penalty, penalty_per_1000_words, score, threshold,
passed, by_dimension, by_category, error_list), `post_edit_distance` (document figures and
sacrebleu signatures), `effort`, `sentences` (one object per sentence), `rules` (checker
precision).
"""

from __future__ import annotations

import json

from reviewer.core.scoring import Scorecard


def render_scorecard_json(card: Scorecard) -> str:
    return json.dumps(card.to_json(), ensure_ascii=False, indent=2) + "\n"
