"""English abbreviations that end in a full stop, from `resources/abbreviations.yaml`.

One list answers, for segmentation and every detector, whether "Inc." in "Shares of Acme Inc.
rose" ends the sentence. Entries are written without their full stop; an entry with a capital
("Gen", "Inc") matches only that spelling and its all-capitals form, a lower-case entry ("etc",
"approx") matches in any case. Initialisms with inner full stops ("U.S.", "a.m.") and single
letters (initials) count as abbreviations without being listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from reviewer.resources import load_yaml

Kind = Literal["title", "may_end_sentence", "mid_sentence", "numbers", "initialism"]

_GROUPS: dict[str, Kind] = {
    "titles": "title",
    "may_end_sentence": "may_end_sentence",
    "mid_sentence": "mid_sentence",
    "numbers": "numbers",
}
# "U.S", "a.m", "Ph.D" (the final full stop is not part of the word) and single letters.
_INITIALISM = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)+|[^\W\d_]")
# The word before a final full stop; searched in the last few characters only.
_LAST_WORD = re.compile(r"(?<![\w.])([\w.]+)\.\Z")
_TAIL = 40
_CURRENCY = "$€£¥"


@dataclass(frozen=True, slots=True)
class _Table:
    exact: dict[str, Kind]  # capitalised entries and their all-capitals forms
    folded: dict[str, Kind]  # lower-case entries, looked up by the lower-cased word
    titles: tuple[str, ...]


@cache
def _table() -> _Table:
    data = load_yaml("abbreviations.yaml")
    exact: dict[str, Kind] = {}
    folded: dict[str, Kind] = {}
    titles: list[str] = []
    for group, kind in _GROUPS.items():
        for entry in data[group]:
            word = str(entry).strip().rstrip(".")
            if word.islower():
                folded[word] = kind
            else:
                exact[word] = kind
                exact.setdefault(word.upper(), kind)
            if kind == "title":
                titles.append(word)
    return _Table(exact, folded, tuple(titles))


def kind_of(word: str) -> Kind | None:
    """The group of an abbreviation written without its full stop, or None if it is none."""
    table = _table()
    kind = table.exact.get(word) or table.folded.get(word.lower())
    if kind is None and _INITIALISM.fullmatch(word):
        return "initialism"
    return kind


def is_abbreviation(word: str) -> bool:
    """True for "Inc", "approx", "e.g", "U.S", "F" (written without the final full stop)."""
    return kind_of(word) is not None


def is_title(word: str) -> bool:
    """True for a title a capitalised name follows: "Mr", "Gen", "Sen", "St"."""
    return kind_of(word) == "title"


def titles() -> tuple[str, ...]:
    """The listed titles as written ("Mr", "Gen", ...), for building patterns."""
    return _table().titles


def abbreviation_at_end(text: str) -> str | None:
    """The abbreviation `text` ends with, without its full stop ("Foo Corp." -> "Corp")."""
    if not text.endswith("."):
        return None
    match = _LAST_WORD.search(text, max(0, len(text) - _TAIL))
    if match is None or not is_abbreviation(match.group(1)):
        return None
    return match.group(1)


def keeps_sentence_open(word: str) -> bool:
    """True when "word." never ends a sentence, so a capitalised word after it is inside it.

    Titles ("Gen. Smith"), abbreviations that sit inside a sentence ("vs. Chelsea") and
    initialisms ("U.S. Army"); not "Inc." or "etc.", which may end one.
    """
    return kind_of(word) in {"title", "mid_sentence", "initialism"}


def continues_after(before: str, after: str) -> bool:
    """True when `before` ends with an abbreviation's full stop and `after` goes on with it.

    A lower-case word or a number continues the sentence ("Acme Inc. rose 4 percent",
    "Foo Corp. at $3 billion", "approx. 40"); after "No.", "Fig." and the like only a number
    does. A capitalised word is never decided here: it may start a new sentence.
    """
    word = abbreviation_at_end(before)
    if word is None:
        return False
    following = after.lstrip()
    first = following[:1]
    if kind_of(word) == "numbers":
        return first.isdigit()
    return first.islower() or first.isdigit() or (first in _CURRENCY and first != "")
