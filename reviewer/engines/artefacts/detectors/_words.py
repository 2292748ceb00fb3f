"""Words as the detectors see them: the shared token patterns, and a document's tokens.

The token patterns live here so that detectors agreeing on what a word is say it once.
Several detectors (inconsistency, untranslated words) walk every word of the document. On a
50,000-word document a regex pass plus bookkeeping costs tens of milliseconds, so the result
for the most recent document is kept and reused while the engine runs its detectors.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from threading import Lock

from reviewer.core.document import Document

# Letters, optionally joined by hyphens or apostrophes: "counter-terrorism", "Parliament’s".
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# A word as the verb and context heuristics scan it: an ASCII letter, then any word
# characters, hyphens and apostrophes ("re-elected", "don’t", "F-16s"); looser than WORD.
ENGLISH_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_FIRST_WORD = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class Word:
    """One word token with its document offsets; `initial` marks a sentence's first word."""

    start: int
    end: int
    text: str
    initial: bool


_cache_lock = Lock()
_cache: tuple[Document, tuple[Word, ...]] | None = None


def document_words(document: Document) -> tuple[Word, ...]:
    """All word tokens of the document in order (cached for the last document seen)."""
    global _cache  # noqa: PLW0603 - a one-entry cache shared by detectors of one check
    with _cache_lock:
        if _cache is not None and _cache[0] is document:
            return _cache[1]
    initials = set()
    for sentence in document.sentences:
        first = _FIRST_WORD.search(sentence.text)
        if first is not None:
            initials.add(sentence.start + first.start())
    words = tuple(
        Word(m.start(), m.end(), m.group(), m.start() in initials)
        for m in WORD.finditer(document.text)
    )
    with _cache_lock:
        _cache = (document, words)
    return words


def word_set(items: Iterable[object], *, lower: bool = False) -> frozenset[str]:
    """A word list from a YAML file as a set of strings, lower-cased on request.

    Linguists edit the lists; `str` keeps a bare number such as `- 2020` a word, and `lower`
    is for lists compared with lower-cased tokens.
    """
    if lower:
        return frozenset(str(item).lower() for item in items)
    return frozenset(str(item) for item in items)


def is_regular_past(word: str) -> bool:
    """'refused', 'arrested': a word that looks like a regular past tense or participle.

    The cheap verb test shared by the fragment, headline and comma-splice checks, which
    cannot list every verb; five letters at least, so that "red", "bed" and "shed" are not
    verbs. Case-sensitive: callers lower-case first where they want "REFUSED" to count.
    """
    return len(word) >= 5 and word.endswith("ed")


def capitalise(word: str) -> str:
    """'halted' -> 'Halted': the first letter upper-cased and the rest kept as written.

    Suggestions must keep the case of what they replace, and `str.capitalize` would also
    lower-case the rest ("e-Mail", "US-led").
    """
    return word[:1].upper() + word[1:]


def strip_accents(text: str) -> str:
    """'Jiménez' -> 'Jimenez': the key under which diacritic variants meet."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
