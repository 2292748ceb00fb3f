"""Repeated words ("the the"), the classic translation-QA check of Xbench and pofilter.

MT systems and hurried post-editing both leave doubled words behind. Some doubles are
grammatical ("the vote he had had", "that that plan") and are listed in
`resources/artefacts/repeated_words.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from reviewer.core.document import Sentence
from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Severity
from reviewer.engines.artefacts.detector import Finding, SentenceDetector
from reviewer.engines.artefacts.detectors._words import word_set
from reviewer.resources import load_yaml

# A word, then the same word again after blanks, once or many times (case-insensitive; \b
# keeps "in inside" apart). A whole run is one match, so "word word word ..." pasted 20,000
# times is one flag, not 20,000.
_REPEATS = re.compile(r"\b([^\W\d_]+)((?:[ \t]+\1\b)+)", re.IGNORECASE)
_BLANKS = re.compile(r"[ \t]+")


@cache
def allowed_doubles() -> frozenset[str]:
    """Words that may legitimately be doubled (lower case)."""
    return word_set(load_yaml("artefacts", "repeated_words.yaml")["allowed_doubles"], lower=True)


class RepeatedWord(SentenceDetector):
    """Word repeated by mistake ("the the")

    Flags the second occurrence (with the blank before it) and suggests deleting it; a run of
    repeats is one flag that deletes them all. Allowed doubles ("had had", "that that") and
    capitalised mid-sentence doubles, which are names (Bora Bora), are left alone.
    """

    rule_id = "QA_REPEATED_WORD"
    category = "Fluency/Grammar"
    severity = Severity.MINOR
    confidence = 0.9

    def check_sentence(self, sentence: Sentence, options: CheckOptions) -> Iterator[Finding]:
        allowed = allowed_doubles()
        for match in _REPEATS.finditer(sentence.text):
            first = match[1]
            repeats = _BLANKS.split(match[2].strip())
            second = repeats[0]
            if first.lower() in allowed and len(repeats) == 1:
                continue
            if match.start() > 0 and first[0].isupper() and second[0].isupper():
                continue  # a name such as "Bora Bora" or "Sirhan Sirhan"
            message = (
                f"Repeated word “{second}”: delete one"
                if len(repeats) == 1
                else f"“{first}” appears {len(repeats) + 1} times in a row: delete the repeats"
            )
            yield Finding(start=match.end(1), end=match.end(2), message=message, suggestions=("",))
