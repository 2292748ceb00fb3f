"""Which language the sources are in: from the file, from the reviewer, or detected.

The file's own declaration wins (an XLIFF `source-language`, a PO header's), then
`--source-language`, then detection. Detection looks at the script first (a Han, Cyrillic,
Sinhala or Devanagari source needs no model), and asks lingua only to tell Latin-script
languages apart. lingua's models are large, so its detector is built once, on first need,
for the few languages whose lists (false friends, number words, common words) the checks
have, in lingua's low-accuracy mode (see `_cached_detector` for the measurement behind
that). When that mode leaves close languages nearly tied (Spanish, Portuguese and Italian
on a few short UI strings), the full models of the tied candidates decide, and an answer
still too close is "" (unsure), not a guess (see `_CLEAR_MARGIN`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache
from threading import Lock
from typing import Any

# The languages lingua chooses among: those our data covers, plus English (a source that
# is already English must not be mistaken for something else).
_LINGUA_LANGUAGES = (
    "ENGLISH", "SPANISH", "FRENCH", "GERMAN", "ITALIAN", "PORTUGUESE", "ROMANIAN",
    "ESTONIAN", "DUTCH", "POLISH", "TURKISH", "CZECH",
)  # fmt: skip
# Scripts that name their language well enough for our checks (by Unicode character name).
_SCRIPT_LANGUAGES = {
    "CJK": "zh", "HIRAGANA": "ja", "KATAKANA": "ja", "HANGUL": "ko", "CYRILLIC": "ru",
    "GREEK": "el", "ARABIC": "ar", "HEBREW": "he", "DEVANAGARI": "hi", "SINHALA": "si",
    "THAI": "th", "TAMIL": "ta", "BENGALI": "bn", "GEORGIAN": "ka", "ARMENIAN": "hy",
}  # fmt: skip
_lock = Lock()
_SAMPLE_CHARACTERS = 4000


def normalise_code(code: str | None) -> str:
    """ "zh-CN" / "pt_BR" / "ES" -> "zh" / "pt" / "es"; "" for nothing."""
    return (code or "").strip().split("-")[0].split("_")[0].lower()


def resolve(declared: str | None, stated: str | None, sources: Iterable[str]) -> str:
    """The source language: the file's, else the reviewer's, else detected ("" if unsure)."""
    return normalise_code(declared) or normalise_code(stated) or detect(sources)


def script_language(text: str) -> str:
    """The language a non-Latin script implies ("" for Latin script or no letters).

    Japanese is told from Chinese by its kana; Devanagari is reported as Hindi, which is
    all the checks need (the script of the untranslated run)."""
    counts: Counter[str] = Counter()
    for character in text:
        if not character.isalpha():
            continue
        name = unicodedata.name(character, "")
        script = name.split(" ")[0]
        counts["LATIN" if script == "LATIN" else script] += 1
    if not counts:
        return ""
    script, _ = counts.most_common(1)[0]
    if script in {"CJK", "HIRAGANA", "KATAKANA"} and (counts["HIRAGANA"] or counts["KATAKANA"]):
        return "ja"
    return _SCRIPT_LANGUAGES.get(script, "")


def detect(sources: Iterable[str]) -> str:
    """Detect the language of the sources (a sample of them): "" when lingua is unsure."""
    sample: list[str] = []
    size = 0
    for source in sources:
        if source.strip():
            sample.append(source)
            size += len(source)
            if size >= _SAMPLE_CHARACTERS:
                break
    text = "\n".join(sample)
    if not text.strip():
        return ""
    by_script = script_language(text)
    if by_script:
        return by_script
    detector = _detector()
    if detector is None:
        return ""
    # inline codes (private use characters) and digits say nothing about the language
    text = _NOT_WORDS.sub(" ", text)
    ranked = detector.compute_language_confidence_values(text)
    if not ranked or ranked[0].value <= 0:
        return ""
    if len(ranked) == 1 or ranked[0].value - ranked[1].value >= _CLEAR_MARGIN:
        return _code(ranked[0].language)
    # Close languages on little text (es/pt/it on a few short UI strings): the trigram
    # models guess. Ask the full models, among the plausible candidates only, and say
    # nothing rather than guess when they are unsure too.
    candidates = tuple(sorted(c.language.name for c in ranked if c.value >= _CANDIDATE))
    if len(candidates) < 2:
        return _code(ranked[0].language)
    precise = _precise_detector(candidates)
    if precise is None:
        return ""
    language = precise.detect_language_of(text)
    return _code(language) if language is not None else ""


def _code(language: Any) -> str:
    return str(language.iso_code_639_1.name).lower()


# Measured 2026-11-28 on PO files of 14 short UI/news strings each in es, pt and it (the
# tests' own), every run of 1-5 consecutive entries (180): the low-accuracy models alone
# chose wrongly 4 times (Spanish "No se pudo conectar con el servidor." as Portuguese),
# each time with the top two less than 0.3 apart. With the re-decision below: 0 wrong,
# 2 unsure ("Cerca" is Italian, Spanish and Portuguese alike); with lingua's distance at
# 0.02 or 0 instead of 0.05, "Apri documento recente" came out Portuguese.
_CLEAR_MARGIN = 0.6
_CANDIDATE = 0.05  # confidence a language needs to be re-decided among the candidates
_PRECISE_DISTANCE = 0.05  # lingua's minimum relative distance for the precise decision
_NOT_WORDS = re.compile(r"[\ue000-\uf8ff\d_]+")


@lru_cache(maxsize=16)
def _cached_precise_detector(candidates: tuple[str, ...]) -> Any:
    """A high-accuracy detector for a few candidate languages: lingua loads only their
    models, once (a couple of Romance languages, about 100 MB, in under a second)."""
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:
        return None
    languages = [getattr(Language, name) for name in candidates]
    return (
        LanguageDetectorBuilder.from_languages(*languages)
        .with_minimum_relative_distance(_PRECISE_DISTANCE)
        .build()
    )


def _precise_detector(candidates: tuple[str, ...]) -> Any:
    with _lock:
        return _cached_precise_detector(candidates)


@cache
def _cached_detector() -> Any:
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:  # detection is a convenience: without lingua the language is unknown
        return None
    languages = [getattr(Language, name) for name in _LINGUA_LANGUAGES]
    # Low-accuracy mode (trigrams only): measured 2026-11-27, 72 MB and 0.3 s to build and
    # detect instead of 383 MB and 3 s; on a sample of up to 4,000 characters of sources the
    # trigram models are enough (short single sentences are where the full models help).
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def _detector() -> Any:
    with _lock:  # two checks in two threads must not build the heavy detector twice
        return _cached_detector()
