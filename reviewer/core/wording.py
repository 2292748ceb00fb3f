"""Words for people: what a row of a review is called, and counts that agree with their noun.

A review of a bilingual file (XLIFF, PO, TMX, CSV) has one row per translation unit, which
may hold several sentences, so everything a person reads about it says "unit"; a review of a
text says "sentence". Keys that scripts parse (JSON keys, CSV column ids) keep their names.
"""

from __future__ import annotations


def row_noun(bilingual: bool) -> str:
    """What one row of a review is: a translation unit in a bilingual file, else a sentence."""
    return "unit" if bilingual else "sentence"


def plural(noun: str, number: int) -> str:
    """`noun` agreeing with `number` (regular plurals only: the nouns used here are)."""
    return noun if number == 1 else f"{noun}s"


def count(number: int, noun: str) -> str:
    """ "1 unit", "3 units", "0 edits"."""
    return f"{number} {plural(noun, number)}"
