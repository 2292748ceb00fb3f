"""Large numbers without thousands separators ("250000 species" -> "250,000 species").

English prose groups the digits of a quantity in threes; machine translation often copies a
source figure as it was written. The identifier words that mark a code rather than a
quantity ("zip code 90210") live in `resources/artefacts/numbers.yaml`.
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

# Five or more digits, not starting with 0, not part of a code, decimal or longer number.
_NUMBER = re.compile(r"(?<![\w.,/#+\-–$€£¥])[1-9]\d{4,}(?![\w/\-–]|[.,:]\d)")
_WORD_BEFORE = re.compile(r"([\w.]+)\s*$")


@cache
def identifier_words() -> frozenset[str]:
    """Words after which a number is an identifier, not a quantity (lower case)."""
    return word_set(load_yaml("artefacts", "numbers.yaml")["identifier_words"], lower=True)


def grouped(digits: str) -> str:
    """ "250000" -> "250,000"."""
    return f"{int(digits):,}"


class NumberWithoutSeparator(SentenceDetector):
    """Number of five or more digits without thousands separators ("250000" -> "250,000")

    Suggests the grouped number. Numbers with a leading zero, inside codes ("A12345",
    "12345-6789"), decimals and numbers after an identifier word ("flight 10234") are left
    alone.
    """

    rule_id = "QA_NUMBER_WITHOUT_SEPARATOR"
    category = "Fluency/Punctuation"
    severity = Severity.MINOR
    confidence = 0.8

    def check_sentence(self, sentence: Sentence, options: CheckOptions) -> Iterator[Finding]:
        words = identifier_words()
        text = sentence.text
        for match in _NUMBER.finditer(text):
            before = _WORD_BEFORE.search(text[: match.start()])
            if before and before[1].lower() in words:
                continue
            digits = match[0]
            yield Finding(
                start=match.start(),
                end=match.end(),
                message=f"“{digits}” has no thousands separators: write “{grouped(digits)}”",
                suggestions=(grouped(digits),),
            )
