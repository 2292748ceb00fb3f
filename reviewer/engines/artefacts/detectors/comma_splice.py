"""Comma splices: two independent clauses joined by a comma.

MT systems often keep the source language's punctuation, and Spanish or French join main
clauses with commas where English needs a semicolon or a full stop: "... approved the
resumption of joint missions, it was the Americans who arrested them". The check aims for
precision, not recall: the clause after the comma must open with a subject pronoun and a
finite verb ("it was", "they have"), the clause before it must have a finite verb of its own
and must not be a fronted subordinate clause ("If it rains, it will..."), reporting clauses
("..., it was reported") and quotations are skipped. Word lists in
`resources/artefacts/comma_splice.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

from reviewer.core.document import Sentence
from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Severity
from reviewer.engines.artefacts.detector import Finding, SentenceDetector
from reviewer.engines.artefacts.detectors._words import capitalise, is_regular_past, word_set
from reviewer.resources import load_yaml

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_NEXT_WORDS = re.compile(r",[ ]+([^\W\d_]+)[ ]+([^\W\d_]+)(?:[ ]*([^\W\d_]+|[,—–]))?")
_OPEN_QUOTES = '“"'


@dataclass(frozen=True, slots=True)
class SpliceLexicon:
    """The word lists of `comma_splice.yaml`."""

    pronouns: frozenset[str]
    finite_verbs: frozenset[str]
    reporting: frozenset[str]
    parenthetical: frozenset[str]
    subordinators: frozenset[str]
    prepositions: frozenset[str]
    min_left_words: int


@cache
def lexicon() -> SpliceLexicon:
    """Load the word lists once."""
    data: dict[str, Any] = load_yaml("artefacts", "comma_splice.yaml")
    return SpliceLexicon(
        pronouns=word_set(data["pronouns"]),
        finite_verbs=word_set(data["finite_verbs"]),
        reporting=word_set(data["reporting_participles"]),
        parenthetical=word_set(data["parenthetical_followers"]),
        subordinators=word_set(data["subordinators"]),
        prepositions=word_set(data["prepositions"]),
        min_left_words=int(data["min_left_words"]),
    )


def _inside_quotation(text: str, position: int) -> bool:
    """True when `position` is inside a quotation (quoted speech may splice freely)."""
    before = text[:position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _left_is_main_clause(words: list[str], lex: SpliceLexicon) -> bool:
    """The words before the comma form a main clause with its own finite verb."""
    if len(words) < lex.min_left_words:
        return False
    lowered = [w.lower() for w in words]
    for i, word in enumerate(lowered):
        if word in lex.subordinators and (i == 0 or lowered[i - 1] in {"that", "and", "but"}):
            return False
    if lowered[0] in lex.prepositions:
        return any(a in lex.pronouns and b in lex.finite_verbs for a, b in pairwise(lowered))
    return any(w in lex.finite_verbs or is_regular_past(w) for w in lowered)


class CommaSplice(SentenceDetector):
    """Comma joining two independent clauses (comma splice)

    Flags ", it was" (the comma and the clause opening) and suggests a semicolon or a full
    stop. A clause with "who"/"that" after "it was" (a cleft, "it was the Americans who...")
    is the typical MT case and gets a higher confidence.
    """

    rule_id = "QA_COMMA_SPLICE"
    category = "Fluency/Punctuation"
    severity = Severity.MINOR
    confidence = 0.6

    def check_sentence(self, sentence: Sentence, options: CheckOptions) -> Iterator[Finding]:
        text = sentence.text
        if "," not in text:
            return
        lex = lexicon()
        for match in _NEXT_WORDS.finditer(text):
            pronoun, verb, third = match[1], match[2], match[3]
            if pronoun.lower() not in lex.pronouns or verb.lower() not in lex.finite_verbs:
                continue
            if third is not None and (third.lower() in lex.reporting or third in lex.parenthetical):
                continue  # "..., it was reported" / "..., it is true, ..."
            if "," in text[: match.start()] or ";" in text[: match.start()]:
                continue  # only the first comma: earlier commas mean lists or asides
            if _inside_quotation(text, match.start()):
                continue
            left = _WORD.findall(text[: match.start()])
            if not _left_is_main_clause(left, lex):
                continue
            rest = text[match.end(2) :]
            cleft = pronoun.lower() == "it" and re.search(r"\b(?:who|that)\b", rest) is not None
            span_end = match.start(1) + len(pronoun)
            yield Finding(
                start=match.start(),
                end=span_end,
                message=(
                    f"Comma splice: “{pronoun} {verb}” starts a new main clause; "
                    "use a semicolon or a full stop"
                ),
                suggestions=(f"; {pronoun}", f". {capitalise(pronoun)}"),
                confidence=0.75 if cleft else None,
            )
            return
