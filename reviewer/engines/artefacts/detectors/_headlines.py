"""Recognise headlines and title-like lines, which legitimately lack final punctuation.

Two detectors need this: missing final punctuation must leave headlines alone, and the
headline agreement check must look only at headlines. Settings in
`resources/artefacts/headlines.yaml`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from reviewer.core.document import Paragraph
from reviewer.engines.artefacts.detectors._words import WORD, is_regular_past, word_set
from reviewer.resources import load_yaml

# Text ends a sentence: . ! ? … optionally followed by closing quotes or brackets.
_FINAL = re.compile(r"[.!?…][\"”’')\]]*$|[:;]$")


@cache
def _settings() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml("artefacts", "headlines.yaml")
    return data | {"verb_cues": word_set(data["verb_cues"])}


def has_final_punctuation(text: str) -> bool:
    """True when the text ends like a sentence (or a lead-in ending in ':' or ';')."""
    return _FINAL.search(text.rstrip()) is not None


def has_verb_cue(words: list[str]) -> bool:
    """True when a word marks a finite verb: an auxiliary, a listed verb, a regular past."""
    cues = _settings()["verb_cues"]
    return any(w.lower() in cues or is_regular_past(w) for w in words)


def is_title_like(text: str) -> bool:
    """A short line in title case or without any finite verb: a heading, not a sentence."""
    settings = _settings()
    words = WORD.findall(text)
    if len(words) <= settings["always_title_words"]:
        return True
    if len(words) > settings["max_words"]:
        return False
    long_words = [w for w in words if len(w) >= 4]
    if long_words:
        capitalised = sum(1 for w in long_words if w[0].isupper())
        if capitalised / len(long_words) >= settings["title_case_share"]:
            return True
    return not has_verb_cue(words)


def is_headline(paragraph: Paragraph) -> bool:
    """One sentence, no final punctuation, and first in the document or title-like."""
    if len(paragraph.sentence_indexes) != 1 or has_final_punctuation(paragraph.text):
        return False
    if paragraph.index == 0:
        return len(WORD.findall(paragraph.text)) <= int(_settings()["max_words"])
    return is_title_like(paragraph.text)
