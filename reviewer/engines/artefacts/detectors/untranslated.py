"""Untranslated words: tokens common in Spanish, French, German, Portuguese or Italian and
rare in English ("pero", "avec", "nicht").

The judgement comes from wordfreq's frequency lists, not from a dictionary of English: a
word is suspicious when it is frequent in a source language and rare in English (thresholds
in `resources/artefacts/untranslated.yaml`). Names (capitalised words mid-sentence, particles
such as "al-" or "van" before a name), borrowed terms ("de facto", "coup d'état") and short
quoted terms ("known as “hawala”") are not flagged.

Speed: wordfreq's `zipf_frequency` tokenises its argument on every call, too slow for 50,000
words. Each language's common words (a few thousand) are loaded once into a dict, and the
verdict for each distinct lower-case token is cached, so a long document costs one dict
lookup per word.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import metadata
from typing import Any

from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions
from reviewer.core.english import english_zipf
from reviewer.core.flags import Flag, Severity
from reviewer.engines.artefacts.detector import Detector, Finding
from reviewer.engines.artefacts.detectors._words import (
    WORD,
    Word,
    document_words,
    word_set,
)
from reviewer.resources import load_yaml
from reviewer.user_cache import cached_json

_WORDFREQ_VERSION = metadata.version("wordfreq")

# A quotation of at most three words: a term cited on purpose ("known locally as “hawala”").
_SHORT_QUOTE = re.compile(r"[“\"‘]([^“”\"‘’\n]{1,40})[”\"’]")
_WORD_GLUE = "/@._\\"


@dataclass(frozen=True, slots=True)
class UntranslatedSettings:
    """`untranslated.yaml`, parsed."""

    languages: dict[str, str]
    min_foreign: float
    min_source: float
    max_english: float
    min_gap: float
    min_length: int
    min_initial: float
    allowed_words: frozenset[str]
    allowed_phrases: tuple[str, ...]
    particles: frozenset[str]
    phrases: tuple[tuple[str, tuple[str, ...]], ...]


def find_phrases(lowered: str, phrases: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """Whole-word occurrences of lower-case `phrases` in lower-cased text.

    `str.find` per phrase runs at C speed; a case-insensitive regex alternation of the same
    phrases took 10 ms per list on a 50,000-word document.
    """
    for phrase in phrases:
        start = lowered.find(phrase)
        while start >= 0:
            end = start + len(phrase)
            if not lowered[start - 1 : start].isalnum() and not lowered[end : end + 1].isalnum():
                yield start, end
            start = lowered.find(phrase, end)


@cache
def settings() -> UntranslatedSettings:
    """Load the thresholds and word lists once."""
    data: dict[str, Any] = load_yaml("artefacts", "untranslated.yaml")
    thresholds = data["thresholds"]
    phrases = tuple(
        (str(language), tuple(str(p).lower() for p in items))
        for language, items in data.get("phrases", {}).items()
    )
    return UntranslatedSettings(
        languages={str(k): str(v) for k, v in data["languages"].items()},
        min_foreign=float(thresholds["min_foreign_zipf"]),
        min_source=float(thresholds["min_source_zipf"]),
        max_english=float(thresholds["max_english_zipf"]),
        min_gap=float(thresholds["min_gap"]),
        min_length=int(data["min_length"]),
        min_initial=float(data["min_initial_zipf"]),
        allowed_words=word_set(data["allowed_words"], lower=True),
        allowed_phrases=tuple(str(p).lower() for p in data["allowed_phrases"]),
        particles=word_set(data["name_particles"], lower=True),
        phrases=phrases,
    )


@cache
def common_words(language: str) -> dict[str, float]:
    """Words of `language` at or above the lowest threshold, with their Zipf frequency.

    Filtering wordfreq's full list (300,000-600,000 words) costs about 0.3 s per language,
    so the result is kept in the user's cache, keyed by wordfreq's version and the floor.
    """
    floor = settings().min_source

    def build() -> dict[str, float]:
        from wordfreq import get_frequency_dict  # only when the cached table is missing

        return {
            word: math.log10(frequency) + 9
            for word, frequency in get_frequency_dict(language).items()
            if frequency > 0 and math.log10(frequency) + 9 >= floor
        }

    name = f"wordfreq-{_WORDFREQ_VERSION}-common-{language}-{floor}"
    return {str(word): float(zipf) for word, zipf in cached_json(name, build).items()}


def foreign_language(word: str, languages: tuple[str, ...]) -> tuple[str, float] | None:
    """The language `word` (lower case, NFC) most likely belongs to, and its Zipf frequency
    there; None when the word is English enough (or allowed).

    The floor is the lowest threshold (`min_source_zipf`); callers compare the returned
    frequency with the threshold that applies to them.
    """
    config = settings()
    if word in config.allowed_words:
        return None
    best: tuple[float, str] | None = None
    for language in languages:
        zipf = common_words(language).get(word)
        if zipf is not None and (best is None or zipf > best[0]):
            best = (zipf, language)
    if best is None:
        return None
    english = english_zipf(word)
    if english > config.max_english or best[0] - english < config.min_gap:
        return None
    return best[1], best[0]


_UNSEEN = ("", 0.0)


@cache
def _verdicts(languages: tuple[str, ...]) -> dict[str, tuple[str, float] | None]:
    """Per-process memo of `foreign_language` for one language set (plain dict: fastest)."""
    return {}


def _candidates(lowered: str, languages: tuple[str, ...], minimum: float) -> frozenset[str]:
    """The distinct lower-case tokens of the text that look foreign (before context checks).

    `findall` over the lower-cased text and a set run at C speed; only distinct tokens reach
    `foreign_language`, through a memo that survives between checks.
    """
    verdicts = _verdicts(languages)
    found = set()
    for key in set(WORD.findall(lowered)):
        verdict = verdicts.get(key, _UNSEEN)
        if verdict is _UNSEEN:
            normal = key if key.isascii() else unicodedata.normalize("NFC", key)
            verdict = verdicts[key] = foreign_language(normal, languages)
        if verdict is not None and verdict[1] >= minimum:
            found.add(key)
    return frozenset(found)


@lru_cache(maxsize=256)
def _occurrences(candidates: frozenset[str]) -> re.Pattern[str]:
    """A case-insensitive pattern finding whole-word occurrences of the candidates."""
    alternatives = "|".join(re.escape(c) for c in sorted(candidates, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w'’-])", re.IGNORECASE)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, overlapping spans merged into disjoint ones (so one bisection decides)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(spans: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    """True when `position` falls inside one of the disjoint sorted `spans`."""
    index = bisect_right(starts, position) - 1
    return index >= 0 and position < spans[index][1]


def _protected_spans(
    text: str, lowered: str, config: UntranslatedSettings
) -> list[tuple[int, int]]:
    """Spans never flagged: allowed borrowed phrases and short quoted terms."""
    spans = list(find_phrases(lowered, config.allowed_phrases))
    for match in _SHORT_QUOTE.finditer(text):
        if len(match[1].split()) <= 3:
            spans.append(match.span())
    return sorted(spans)


class UntranslatedWord(Detector):
    """Word left untranslated (common in Spanish, French, German, Portuguese or Italian)

    Adjacent suspicious words of the same language become one flag ("pero muy"). Known
    phrases whose words also exist in English ("sin embargo") are matched as phrases. With
    --source-language only that language is considered, at a lower frequency threshold and
    with a higher confidence.
    """

    rule_id = "MT_UNTRANSLATED"
    category = "Accuracy/Untranslated"
    severity = Severity.MAJOR
    confidence = 0.6

    def detect(self, document: Document, options: CheckOptions) -> Iterator[Flag]:
        config = settings()
        source = (options.source_language or "").lower().split("-")[0]
        if source:
            if source not in config.languages:
                return  # a language we have no list for: better silent than noisy
            languages: tuple[str, ...] = (source,)
            minimum, confidence = config.min_source, 0.85
        else:
            languages, minimum, confidence = tuple(config.languages), config.min_foreign, 0.6
        text = document.text
        lowered = text.lower()
        if len(lowered) != len(text):  # a rare letter lower-cases to two characters ("İ")
            lowered = text  # offsets must match: phrases then match in lower case only
        protected = _protected_spans(text, lowered, config)
        phrase_spans: list[tuple[int, int]] = []
        for phrase_language, phrases in config.phrases:
            if phrase_language not in languages:
                continue
            for span in find_phrases(lowered, phrases):
                phrase_spans.append(span)
                yield self._flag(document, *span, phrase_language, confidence)
        skip = _merge(protected + phrase_spans)
        skip_starts = [span[0] for span in skip]
        candidates = _candidates(lowered, languages, minimum)
        if not candidates:
            return  # the usual case: no distinct token of the document is suspicious
        words = document_words(document)
        word_starts = [w.start for w in words]
        hits: list[tuple[int, str]] = []
        for match in _occurrences(candidates).finditer(text):
            index = bisect_left(word_starts, match.start())
            if index == len(words) or words[index].start != match.start():
                continue
            word = words[index]
            verdict = _verdicts(languages).get(word.text.lower())
            if verdict is None or word.end != match.end():
                continue
            neighbours = (
                words[index - 1] if index else None,
                words[index + 1] if index + 1 < len(words) else None,
            )
            if self._plausible(text, word, neighbours, verdict[1]) and not _inside(
                skip, skip_starts, word.start
            ):
                hits.append((index, verdict[0]))
        yield from self._runs(document, words, hits, confidence)

    def _runs(
        self,
        document: Document,
        words: tuple[Word, ...],
        hits: list[tuple[int, str]],
        confidence: float,
    ) -> Iterator[Flag]:
        """One flag per run of adjacent suspicious words of the same language ("avec nous")."""
        text = document.text
        run_start = run_end = -1
        run_language = ""
        for index, language in hits:
            adjacent = (
                index == run_end + 1
                and language == run_language
                and text[words[run_end].end : words[index].start] == " "
            )
            if run_end >= 0 and not adjacent:
                yield self._flag(
                    document, words[run_start].start, words[run_end].end, run_language, confidence
                )
            if not adjacent:
                run_start, run_language = index, language
            run_end = index
        if run_end >= 0:
            yield self._flag(
                document, words[run_start].start, words[run_end].end, run_language, confidence
            )

    @staticmethod
    def _plausible(
        text: str, word: Word, neighbours: tuple[Word | None, Word | None], zipf: float
    ) -> bool:
        """Context checks for a candidate: not a name, a particle, a URL part, a short token."""
        config = settings()
        previous, following = neighbours
        token = word.text
        if "-" in token or "'" in token or "’" in token:
            return False
        if len(token) < config.min_length and token.isascii():
            return False
        before = text[word.start - 1 : word.start] if word.start else " "
        after = text[word.end : word.end + 1]
        if before in _WORD_GLUE or (after and after in "/@"):
            return False  # part of a URL, an e-mail address or a file name
        if token[0].isupper():
            if not word.initial or token.isupper():
                return False  # a name, an acronym
            if zipf < config.min_initial:
                return False  # a capitalised opener must be a frequent function word
        next_is_name = (
            following is not None
            and following.text[:1].isupper()
            and text[word.end : following.start] in (" ", "-")
        )
        if next_is_name and token.lower() in config.particles:
            return False  # "al-Muhandis", "Nguyen Van Minh", "von der Leyen"
        # A lower-case word between two capitalised ones is inside a name: "Monte dei
        # Paschi", "Universidad de Buenos Aires", "Rio de Janeiro".
        return not (
            next_is_name
            and previous is not None
            and previous.text[:1].isupper()
            and text[previous.end : word.start] == " "
        )

    def _flag(
        self, document: Document, start: int, end: int, language: str | None, confidence: float
    ) -> Flag:
        name = settings().languages.get(language or "", "foreign")
        found = document.text[start:end]
        finding = Finding(
            start,
            end,
            f"“{found}” looks {name}, not English: untranslated?",
            confidence=confidence,
        )
        return self.flag(document, finding)
