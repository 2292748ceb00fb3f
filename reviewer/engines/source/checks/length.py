"""SRC_LENGTH_RATIO: a target far shorter or longer than its source, for this document.

How long English is against its source depends on the language pair, the text type and the
tokenisation, so no fixed ratio works. The check learns the ratio from the document itself:
the median and the median absolute deviation of log(target length / source length) over its
units (robust: a few broken units do not move them), and flags units whose robust z-score is
extreme: an omission (too short) or an addition or hallucination (too long). A document with
too few units has no statistics, and the check stays silent; a document whose units are all
alike gets a floor on the spread, so a small difference never looks extreme.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterator

from reviewer.core.flags import Flag, Severity
from reviewer.engines.source.check import BilingualView, Finding, SourceCheck, UnitView, whole

_MAD_TO_SIGMA = 1.4826  # the MAD of a normal distribution times this is its sigma


def _length(text: str) -> int:
    return sum(1 for c in text if not c.isspace())


class LengthRatio(SourceCheck):
    """The target is much shorter or longer than its source, compared with the rest of the
    document"""

    rule_id = "SRC_LENGTH_RATIO"
    category = "Accuracy/Omission"
    severity = Severity.MAJOR
    confidence = 0.6

    def detect(self, view: BilingualView) -> Iterator[Flag]:
        min_units = int(self.setting("min_units", 20))
        min_chars = int(self.setting("min_source_chars", 15))
        limit = float(self.setting("max_deviation", 4.0))
        measured: list[tuple[UnitView, float]] = []
        for unit in view.units:
            source, target = _length(unit.source), _length(unit.target)
            if source >= min_chars and target:
                measured.append((unit, math.log((target + 1) / (source + 1))))
        if len(measured) < min_units:
            return
        ratios = [ratio for _, ratio in measured]
        median = statistics.median(ratios)
        spread = _MAD_TO_SIGMA * statistics.median(abs(r - median) for r in ratios)
        spread = max(spread, float(self.setting("min_spread", 0.1)))
        for unit, ratio in measured:
            deviation = (ratio - median) / spread
            if abs(deviation) < limit:
                continue
            factor = math.exp(abs(ratio - median))
            shorter = deviation < 0
            start, end = whole(unit.target)
            message = (
                f"The target ({_length(unit.target)} characters) is {factor:.1f} times "
                f"{'shorter' if shorter else 'longer'} than this document's units usually are "
                f"against a source of {_length(unit.source)} characters: "
                f"{'something may be missing' if shorter else 'something may be added'}"
            )
            finding = Finding(
                start,
                end,
                message,
                category="Accuracy/Omission" if shorter else "Accuracy/Addition",
            )
            yield self.flag(view, unit, finding)
