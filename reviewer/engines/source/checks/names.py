"""SRC_NAME_MISSING: names and other Latin-script tokens of the source are in the target.

In a Chinese or Russian source a Latin-script token (NATO, iPhone, Pompeo) is copied into
English as it is, so its absence means it was dropped or garbled. In a Latin-script source a
name is a capitalised word that does not start a sentence and is not a common word of the
source language (wordfreq, see `_common_word`); such words are usually copied too, but
translated names (Londres -> London) make this weaker: a close spelling counts as present.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from reviewer.core.flags import Severity
from reviewer.engines.source.check import BilingualView, Finding, UnitCheck, UnitView, whole
from reviewer.engines.source.numbers import ROMAN
from reviewer.engines.source.words import (
    LATIN_TOKEN,
    NOUN_CAPITALISING,
    WORD,
    fold,
    has_frequencies,
    is_latin_text,
    script_class,
    zipf,
)

_SENTENCE_BREAK = re.compile(r"[.!?:;…»«\"“”(\[–—-]\s*$")
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
_CLOSE_ENOUGH = 0.6
_MIN_RESPELT = 4


def _initial(text: str, start: int) -> bool:
    """Whether the token at `start` opens a sentence (or the unit)."""
    before = text[:start].rstrip()
    if not before or not any(c.isalnum() for c in before):
        return True
    return bool(_SENTENCE_BREAK.search(before)) or before.endswith(("¿", "¡"))


def _present(token: str, target: str, target_words: list[str], translatable: bool) -> bool:
    """Copied (any case, any accents, with a suffix such as 's) or, for a name of a
    Latin-script source that English may respell (Londres -> London), spelt close enough."""
    folded = fold(token)
    if re.search(rf"(?<![^\W_]){re.escape(folded)}", fold(target)):
        return True
    if not translatable or len(folded) < _MIN_RESPELT:
        return False
    return any(
        word[:1] == folded[:1] and SequenceMatcher(None, folded, word).ratio() >= _CLOSE_ENOUGH
        for word in target_words
    )


def _common_word(token: str, language: str, max_common: float, gap: float) -> bool:
    """A capitalised common word of the source (Gobierno, Lunes), not a name.

    Names are international: Martínez or Reuters are about as frequent in English as in
    Spanish, while "gobierno" is common in Spanish only. So a word is common when it is
    frequent in the source language and much rarer in English."""
    lower = token.lower()
    source = zipf(lower, language)
    return source >= max_common and source - zipf(lower, "en") >= gap


class NameMissing(UnitCheck):
    """A name or Latin-script token of the source is not in the target

    The span is the whole target (the name is missing, there is nothing to point at).
    """

    rule_id = "SRC_NAME_MISSING"
    category = "Accuracy/Omission"
    severity = Severity.MAJOR
    confidence = 0.7

    def check_unit(self, unit: UnitView, view: BilingualView) -> Iterator[Finding]:
        language = view.source_language
        source = unit.source
        latin_source = not script_class(language) and is_latin_text(source)
        if latin_source and (language in NOUN_CAPITALISING or not has_frequencies(language)):
            return  # every noun is capitalised, or no way to tell names from common words
        max_common = float(self.setting("max_common_zipf", 3.0))
        min_length = int(self.setting("min_length", 2))
        gap = float(self.setting("min_english_gap", 2.0))
        target_words = [fold(word) for word in LATIN_TOKEN.findall(unit.target)]
        target_acronyms = set(_ACRONYM.findall(unit.target)) - set(_ACRONYM.findall(source))
        missing: list[str] = []
        for match in (WORD if latin_source else LATIN_TOKEN).finditer(source):
            token = match.group().rstrip(".")
            if len(token) < min_length or not any(c.isupper() for c in token):
                continue
            if ROMAN.fullmatch(token):
                continue  # a number ("secolul XIX"): the number check compares it
            if latin_source:
                if _initial(source, match.start()):
                    continue
                if token.isupper() and target_acronyms:
                    continue  # an acronym the target translated (OMS -> WHO, UE -> EU)
                if has_frequencies(language) and _common_word(token, language, max_common, gap):
                    continue
            if token not in missing and not _present(
                token, unit.target, target_words, latin_source
            ):
                missing.append(token)
        if missing:
            start, end = whole(unit.target)
            names = ", ".join(f"“{token}”" for token in missing)
            yield Finding(start, end, f"The source has {names}; the target does not")
