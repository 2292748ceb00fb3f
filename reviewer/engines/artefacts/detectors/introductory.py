"""A sentence opening with an introductory word and no comma after it ("So we waited.").

Machine translation drops the comma that an opener such as "So", "Today" or "In fact" takes
in edited English; the experts who marked the MQM dev set flagged it often. Style guides
allow leaving it out after a short opener, so this runs only with --picky.
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


@cache
def _opener() -> tuple[re.Pattern[str], frozenset[str]]:
    """An opener at the sentence start followed by a word, and the words that veto it."""
    data = load_yaml("artefacts", "introductory.yaml")
    openers = sorted(word_set(data["openers"]), key=len, reverse=True)
    pattern = re.compile(
        r"(?P<opener>" + "|".join(map(re.escape, openers)) + r") (?P<next>[A-Za-z]+)\b"
    )
    return pattern, word_set(data["not_before"], lower=True)


class IntroductoryComma(SentenceDetector):
    """No comma after an introductory word ("So we waited" -> "So, we waited")

    Only at the start of a sentence (after an opening quote mark too), and not where the
    next word makes the opener part of the clause ("So far", "Now is the time", "Then came",
    `not_before` in resources/artefacts/introductory.yaml).
    """

    rule_id = "QA_INTRODUCTORY_COMMA"
    category = "Fluency/Punctuation"
    severity = Severity.MINOR
    confidence = 0.6

    def check_sentence(self, sentence: Sentence, options: CheckOptions) -> Iterator[Finding]:
        if not options.picky:
            return
        pattern, vetoes = _opener()
        start = len(sentence.text) - len(sentence.text.lstrip("“\"‘'( "))
        match = pattern.match(sentence.text, start)
        if match is None or match.group("next").lower() in vetoes:
            return
        opener = match.group("opener")
        yield Finding(
            start=match.start("opener"),
            end=match.end("opener"),
            message=f"An introductory “{opener}” usually takes a comma after it",
            suggestions=(opener + ",",),
        )
