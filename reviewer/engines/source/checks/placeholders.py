"""SRC_PLACEHOLDER_MISMATCH: the target keeps every inline code of the source.

Inline markup is one private-use character per code, shared by source and target
(`reviewer.core.bilingual`), so the check is a comparison of characters. A missing code is
never inserted by a suggestion: only the translator knows where the bold ends.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from reviewer.core.bilingual import placeholders_in
from reviewer.core.flags import Severity
from reviewer.engines.source.check import BilingualView, Finding, UnitCheck, UnitView, whole


class PlaceholderMismatch(UnitCheck):
    """Inline tags or placeholders differ between source and target

    A code missing from the target flags the whole unit; a code the source does not have
    flags that code.
    """

    rule_id = "SRC_PLACEHOLDER_MISMATCH"
    category = "Accuracy/Omission"
    severity = Severity.MAJOR
    confidence = 0.95

    def check_unit(self, unit: UnitView, view: BilingualView) -> Iterator[Finding]:
        source = Counter(placeholders_in(unit.source))
        target = Counter(placeholders_in(unit.target))
        if source == target:
            return
        label = {p.char: p.display() for p in unit.unit.placeholders}
        missing = source - target
        if missing:
            names = ", ".join(label.get(char, "a code") for char in sorted(missing))
            start, end = whole(unit.target)
            yield Finding(start, end, f"The source's {names} is missing from the target")
        extra = target - source
        for char in sorted(extra):
            position = unit.target.index(char)
            yield Finding(
                position,
                position + 1,
                f"The target has {label.get(char, 'a code')}, which the source does not have",
                category="Accuracy/Addition",
            )
