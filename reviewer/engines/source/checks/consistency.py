"""SRC_INCONSISTENT_TRANSLATION: one source, two translations; two sources, one translation.

As Xbench's inconsistency checks: a segment repeated in a document should be translated the
same way each time (a reviewer fixes one and misses the other), and two different segments
translated identically usually mean one of them is wrong. Comparison ignores case, accents,
spacing and the final punctuation; one-word units ("Yes", "Total") depend on their context
and are left alone.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from reviewer.core.flags import Flag, Severity
from reviewer.engines.source.check import (
    BilingualView,
    Finding,
    SourceCheck,
    UnitView,
    quote,
    whole,
)
from reviewer.engines.source.words import WORD, fold

_END = ".!?。！？:：;； "


def _key(text: str) -> str:
    return " ".join(fold(text).split()).rstrip(_END)


class InconsistentTranslation(SourceCheck):
    """The same source is translated differently elsewhere, or different sources identically"""

    rule_id = "SRC_INCONSISTENT_TRANSLATION"
    category = "Fluency/Inconsistency"
    severity = Severity.MINOR
    confidence = 0.6

    def detect(self, view: BilingualView) -> Iterator[Flag]:
        min_words = int(self.setting("min_words", 2))
        by_source: dict[str, list[UnitView]] = defaultdict(list)
        by_target: dict[str, list[UnitView]] = defaultdict(list)
        for unit in view.units:
            if not unit.source.strip() or len(WORD.findall(unit.target)) < min_words:
                continue
            by_source[_key(unit.source)].append(unit)
            by_target[_key(unit.target)].append(unit)
        for units in by_source.values():
            yield from self._same_source(view, units)
        for units in by_target.values():
            yield from self._same_target(view, units)

    def _same_source(self, view: BilingualView, units: list[UnitView]) -> Iterator[Flag]:
        targets = Counter(_key(unit.target) for unit in units)
        if len(targets) < 2:
            return
        usual = targets.most_common(1)[0][0]
        reference = next(unit for unit in units if _key(unit.target) == usual)
        for unit in units:
            if _key(unit.target) == usual:
                continue
            start, end = whole(unit.target)
            message = (
                f"The source {quote(unit.source)} is translated {quote(reference.target)} "
                f"in unit {reference.unit.id}"
            )
            yield self.flag(view, unit, Finding(start, end, message))

    def _same_target(self, view: BilingualView, units: list[UnitView]) -> Iterator[Flag]:
        sources = {_key(unit.source) for unit in units}
        if len(sources) < 2:
            return
        first = units[0]
        for unit in units[1:]:
            if _key(unit.source) == _key(first.source):
                continue
            start, end = whole(unit.target)
            message = (
                f"The same translation is given to {quote(first.source)} (unit "
                f"{first.unit.id}) and to {quote(unit.source)}"
            )
            finding = Finding(start, end, message, category="Accuracy/Mistranslation")
            yield self.flag(view, unit, finding)
