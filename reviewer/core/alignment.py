"""Which words of a unit's source correspond to words selected in its target.

A reviewer selects "1,500 soldiers" in the English and wants to see "1.500 soldados" in the
source without reading the whole sentence. No word aligner is needed for what matters most to
check against the source: numbers and names. A number matches when its digits are the same
(separators normalised: 1,500 / 1.500 / 1 500 / 1500, and digits of other scripts read as
their values); a token in Latin script (NATO, iPhone, Pompeo, Bagdad) matches the same token,
case-insensitively. Everything here is plain Python, so the window only paints the spans.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# A number: digits, optionally grouped or with a decimal part ("1,500.25", "1.500", "1 500");
# a space groups only three digits, so "15 20" stays two numbers.
_NUMBER = re.compile(r"\d+(?:[.,']\d+|[\u00a0\u202f\u2009 ]\d{3}(?!\d))*")
# A word in Latin script (letters, with inner apostrophes or hyphens: "O'Brien", "Al-Assad").
_LATIN_LETTER = r"[^\W\d_]"
_WORD = re.compile(rf"{_LATIN_LETTER}+(?:['’\-]{_LATIN_LETTER}+)*")
_MIN_WORD = 2  # "a", "y", "I": single letters match too much to mean anything


@dataclass(frozen=True, slots=True)
class Token:
    """A number or a Latin-script word, with its offsets and the key it is compared by."""

    start: int
    end: int
    key: str
    number: bool


def normalise_number(text: str) -> str:
    """The digits of a number as ASCII, separators dropped: "1.500,5" -> "15005"."""
    return "".join(
        str(unicodedata.digit(c)) for c in text if unicodedata.digit(c, None) is not None
    )


def _is_latin(word: str) -> bool:
    return all("LATIN" in unicodedata.name(c, "") for c in word if c.isalpha())


def tokens(text: str) -> list[Token]:
    """The numbers and Latin-script words of `text`, in order."""
    found = [
        Token(m.start(), m.end(), normalise_number(m.group()), True) for m in _NUMBER.finditer(text)
    ]
    found.extend(
        Token(m.start(), m.end(), m.group().casefold(), False)
        for m in _WORD.finditer(text)
        if len(m.group()) >= _MIN_WORD and _is_latin(m.group())
    )
    return sorted(found, key=lambda token: token.start)


def selected_tokens(text: str, start: int, end: int) -> list[Token]:
    """The tokens of `text` that the selection [start, end) touches (a partly selected word
    counts: the reviewer meant it)."""
    if end <= start:
        return []
    return [token for token in tokens(text) if token.start < end and token.end > start]


def matching_source_spans(source: str, target: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of `source` holding a number or name that the target selection holds."""
    wanted = {(token.key, token.number) for token in selected_tokens(target, start, end)}
    if not wanted:
        return []
    return [
        (token.start, token.end) for token in tokens(source) if (token.key, token.number) in wanted
    ]
