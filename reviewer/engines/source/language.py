"""Which language the sources are in: from the file, from the reviewer, or detected.

The file's own declaration wins (an XLIFF `source-language`), then `--source-language`,
then detection. Detection looks at the script first (a Han, Cyrillic, Sinhala or Devanagari
source needs no model), and asks lingua only to tell Latin-script languages apart. lingua's
models are large, so its detector is built once, on first need, for the few languages whose
lists (false friends, number words, common words) the checks have, in lingua's low-accuracy
mode (see `_cached_detector` for the measurement behind that).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache
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
    language = detector.detect_language_of(text)
    return str(language.iso_code_639_1.name).lower() if language is not None else ""


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
