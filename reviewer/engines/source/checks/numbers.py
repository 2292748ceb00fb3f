"""SRC_NUMBER_MISMATCH: every number of the source is in the target, and vice versa.

A wrong figure is the costliest error a fluent MT makes and the one a monolingual reader
cannot see. Digit numbers on each side must find a partner on the other side; numbers
written in words only vouch (see `reviewer.engines.source.numbers`). One missing source
number and one unexplained target number in the same unit are one wrong number: the flag
points at the target's and suggests the source's value written the English way.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reviewer.core.flags import Severity
from reviewer.engines.source.check import BilingualView, Finding, UnitCheck, UnitView, whole
from reviewer.engines.source.numbers import Number, english, numbers_in, preferred


def _shown(number: Number, language: str) -> str:
    """ "1.500 (1,500)": the number as written, and its value the English way if different."""
    value = english(preferred(number, language), number.grouped)
    return f"“{number.text}”" if value == number.text else f"“{number.text}” ({value})"


def _unmatched(numbers: list[Number], others: frozenset[Decimal]) -> list[Number]:
    """Digit numbers none of whose readings the other side has (first occurrence only)."""
    seen: set[frozenset[Decimal]] = set()
    missing = []
    for number in numbers:
        if number.written or number.values & others or number.values in seen:
            continue
        seen.add(number.values)
        missing.append(number)
    return missing


class NumberMismatch(UnitCheck):
    """A number differs between source and target

    The span is the target's number (or the whole unit when a source number is missing);
    a wrong number suggests the source's value in English formatting.
    """

    rule_id = "SRC_NUMBER_MISMATCH"
    category = "Accuracy/Mistranslation"
    severity = Severity.MAJOR
    confidence = 0.8

    def check_unit(self, unit: UnitView, view: BilingualView) -> Iterator[Finding]:
        language = view.source_language
        source = numbers_in(unit.source, language)
        target = numbers_in(unit.target, "en")
        if not any(not n.written for n in source) and not any(not n.written for n in target):
            return
        source_values = frozenset().union(*(n.values for n in source))
        target_values = frozenset().union(*(n.values for n in target))
        missing = _unmatched(source, target_values)
        extra = _unmatched(target, source_values)
        for wanted, found in zip(missing, extra, strict=False):
            value = english(preferred(wanted, language), wanted.grouped)
            yield Finding(
                found.start,
                found.end,
                f"The source has {_shown(wanted, language)}; the target has “{found.text}”",
                suggestions=(value,) if value != found.text else (),
            )
        pairs = min(len(missing), len(extra))
        start, end = whole(unit.target)
        for wanted in missing[pairs:]:
            yield Finding(
                start,
                end,
                f"The source has {_shown(wanted, language)}; the target does not have it",
                category="Accuracy/Omission",
            )
        for found in extra[pairs:]:
            yield Finding(
                found.start,
                found.end,
                f"The target has “{found.text}”; the source has no such number",
                category="Accuracy/Addition",
                confidence=0.6,
            )
