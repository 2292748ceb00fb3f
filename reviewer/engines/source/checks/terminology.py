"""SRC_TERMINOLOGY: the project glossary's terms are used, its forbidden variants are not.

As Xbench's Key Term Mismatch: when a unit's source holds a glossary term, its target must
hold the required translation; a forbidden variant anywhere in a target is flagged with the
required term as the suggestion; a do-not-translate term (target = source) must appear
unchanged. The glossary comes from the engine's constructor or `CheckOptions.glossary`
(the project file's `glossary` key); without one the check is silent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from reviewer.core.flags import Severity
from reviewer.engines.source.check import BilingualView, Finding, UnitCheck, UnitView, whole
from reviewer.engines.source.glossary import Glossary, Term
from reviewer.engines.source.words import fold, is_latin_text


@lru_cache(maxsize=4096)
def _pattern(term: str, exact: bool, plural: bool = True) -> re.Pattern[str]:
    """A term as a whole word or phrase (spaces flexible, an English plural or 's allowed);
    inside a non-Latin text (Chinese) a term has no word boundaries."""
    body = r"\s+".join(re.escape(part) for part in term.split())
    if not is_latin_text(term):
        return re.compile(body)
    suffix = "" if exact or not plural else r"(?:s|es|'s|’s)?"
    return re.compile(rf"(?<![^\W_]){body}{suffix}(?![^\W_])", 0 if exact else re.IGNORECASE)


def _find(term: str, text: str, exact: bool = False) -> re.Match[str] | None:
    if exact:
        return _pattern(term, True).search(text)
    return _pattern(fold(term), False).search(fold(text)) or _pattern(term, False).search(text)


def _cased(suggestion: str, found: str) -> str:
    return suggestion[0].upper() + suggestion[1:] if found[:1].isupper() else suggestion


class Terminology(UnitCheck):
    """A glossary term is not translated as the glossary says"""

    rule_id = "SRC_TERMINOLOGY"
    category = "Terminology"
    severity = Severity.MAJOR
    confidence = 0.85

    def __init__(self, glossary: Glossary | None = None) -> None:
        self.glossary = glossary

    def check_unit(self, unit: UnitView, view: BilingualView) -> Iterator[Finding]:
        glossary: Glossary | None = self.glossary or view.extra.get("glossary")
        if glossary is None:
            return
        for term in glossary.terms:
            yield from self._forbidden(term, unit)
            if not _find(term.source, unit.source, exact=term.do_not_translate):
                continue
            if term.do_not_translate:
                if not _find(term.source, unit.target, exact=True):
                    start, end = whole(unit.target)
                    yield Finding(
                        start,
                        end,
                        f"“{term.source}” is a do-not-translate term: the target must keep it "
                        "as it is",
                    )
            elif term.target and not _find(term.target, unit.target):
                if any(_find(variant, unit.target) for variant in term.forbidden):
                    continue  # already flagged, with the suggestion, by `_forbidden`
                start, end = whole(unit.target)
                yield Finding(
                    start,
                    end,
                    f"The source has “{term.source}”, which the glossary translates "
                    f"“{term.target}”; the target does not use it",
                )

    def _forbidden(self, term: Term, unit: UnitView) -> Iterator[Finding]:
        for variant in term.forbidden:
            for match in _pattern(variant, False, plural=False).finditer(unit.target):
                suggestions = (_cased(term.target, match.group()),) if term.target else ()
                yield Finding(
                    match.start(),
                    match.end(),
                    f"“{match.group()}” is a forbidden variant in the glossary"
                    + (f": use “{term.target}” (source “{term.source}”)" if term.target else ""),
                    suggestions=suggestions,
                )
