"""SRC_UNTRANSLATED: the target is the source, or keeps pieces of it.

Three signs, from the surest: a target identical to its source (units of only numbers or
names are left alone: they are the same in every language); a run of the source's own script
in the target (Han characters in an English sentence); and, for a Latin-script source, a
word copied from the source that is common in the source language and rare in English.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from reviewer.core.flags import Severity
from reviewer.engines.source.check import (
    BilingualView,
    Finding,
    UnitCheck,
    UnitView,
    quote,
    whole,
)
from reviewer.engines.source.language import script_language
from reviewer.engines.source.words import (
    NOUN_CAPITALISING,
    WORD,
    fold,
    is_latin_text,
    script_class,
    zipf,
)


@cache
def _run_pattern(characters: str) -> re.Pattern[str]:
    return re.compile(rf"[{characters}]+(?:[\s·・]*[{characters}]+)*")


def _normal(text: str) -> str:
    return " ".join(fold(text).split()).rstrip(".!?。！？ ")


def _names_only(text: str) -> bool:
    """Only capitalised words, numbers and symbols: a name, a title, a product, a code."""
    words = WORD.findall(text)
    return all(word[0].isupper() for word in words)


class Untranslated(UnitCheck):
    """The target is untranslated, or keeps words or characters of the source"""

    rule_id = "SRC_UNTRANSLATED"
    category = "Accuracy/Untranslated"
    severity = Severity.MAJOR
    confidence = 0.85

    def check_unit(self, unit: UnitView, view: BilingualView) -> Iterator[Finding]:
        language = view.source_language
        if language == "en":
            return
        characters = script_class(language) or script_class(script_language(unit.source))
        if _normal(unit.source) == _normal(unit.target):
            # A Latin-script source of a Cyrillic or Chinese file is a title or a product
            # name already in English ("Star Wars"): the same in the target is right.
            foreign = not (characters and is_latin_text(unit.source))
            if foreign and len(WORD.findall(unit.source)) >= 2 and not _names_only(unit.source):
                start, end = whole(unit.target)
                yield Finding(start, end, "The target is the source, untranslated")
            return
        if characters:
            for match in _run_pattern(characters).finditer(unit.target):
                yield Finding(
                    match.start(),
                    match.end(),
                    f"{quote(match.group())} is in the source's script: left untranslated",
                )
            return
        if is_latin_text(unit.source):
            yield from self._copied_words(unit, language)

    def _copied_words(self, unit: UnitView, language: str) -> Iterator[Finding]:
        min_source = float(self.setting("min_source_zipf", 3.0))
        max_english = float(self.setting("max_english_zipf", 2.0))
        min_length = int(self.setting("min_length", 4))
        source_words = {word.casefold() for word in WORD.findall(unit.source)}
        for match in WORD.finditer(unit.target):
            word = match.group()
            lower = word.casefold()
            if len(word) < min_length or lower not in source_words:
                continue
            if word[0].isupper() and language not in NOUN_CAPITALISING:
                continue  # a name: names are copied
            if zipf(lower, language) >= min_source and zipf(lower, "en") <= max_english:
                yield Finding(
                    match.start(),
                    match.end(),
                    f"“{word}” is copied from the source: a {language} word, rare in English",
                    confidence=0.7,
                )
