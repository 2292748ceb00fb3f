"""Convert LanguageTool's offsets (UTF-16 code units) into Python string offsets.

LanguageTool is Java: its `offset` and `length` count UTF-16 code units, so every character
outside the Basic Multilingual Plane (emoji, some CJK, math letters) counts twice. Python
counts code points. Both the start and the end must be converted, or a flag after an emoji
slices the wrong text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate


def utf16_to_python(text: str) -> Callable[[int], int]:
    """Return a function mapping a UTF-16 offset into `text` to a Python offset.

    The common case (no astral characters) is the identity and costs nothing more.
    An offset that falls inside a surrogate pair maps to the character that contains it.
    """
    if text.isascii() or all(ord(ch) < 0x10000 for ch in text):
        return _identity
    # utf16_ends[i] = UTF-16 length of text[: i + 1]
    utf16_ends = list(accumulate(2 if ord(ch) >= 0x10000 else 1 for ch in text))

    def convert(utf16_offset: int) -> int:
        # characters whose UTF-16 end is at or before the offset precede it
        return bisect_right(utf16_ends, utf16_offset)

    return convert


def utf16_span(text: str, offset: int, length: int) -> tuple[int, int]:
    """Convert one LanguageTool `offset`/`length` pair into a Python `(start, end)`."""
    convert = utf16_to_python(text)
    return convert(offset), convert(offset + length)


def _identity(offset: int) -> int:
    return offset
