"""Words, scripts and frequencies shared by the checks (names, untranslated, consistency)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from reviewer.engines.source.check import settings

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
LATIN_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*(?:[-.&'’][A-Za-z0-9]+)*")
# Languages that capitalise every noun: a capital letter does not make a name there.
NOUN_CAPITALISING = frozenset({"de", "lb"})


def fold(text: str) -> str:
    """Lower case without accents: "Bucureşti" -> "bucuresti"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _wordfreq_languages() -> frozenset[str]:
    # imported here: wordfreq costs 0.1 s, and a plain-text check never needs it
    from wordfreq import available_languages

    return frozenset(available_languages())


def has_frequencies(language: str) -> bool:
    """Whether wordfreq knows `language` (it has no Estonian, Nepali or Sinhala)."""
    return language in _wordfreq_languages()


@lru_cache(maxsize=65536)
def zipf(word: str, language: str) -> float:
    """wordfreq's Zipf frequency (0 for an unknown language)."""
    if not has_frequencies(language):
        return 0.0
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, language))


@cache
def script_class(language: str) -> str:
    """The character class of a non-Latin source language's script ("" for Latin)."""
    ranges: dict[str, str] = settings().get("scripts", {})
    return ranges.get(language, "")


def is_latin_text(text: str) -> bool:
    """Whether most letters of `text` are Latin (True when it has no letters)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    latin = sum(1 for c in letters if unicodedata.name(c, "").startswith("LATIN"))
    return latin * 2 > len(letters)
