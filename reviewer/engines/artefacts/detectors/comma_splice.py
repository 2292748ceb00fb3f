"""Comma splices: two independent clauses joined by a comma.

MT systems often keep the source language's punctuation, and Spanish or French join main
clauses with commas where English needs a semicolon or a full stop: "... approved the
resumption of joint missions, it was the Americans who arrested them". The check aims for
precision, not recall.

The clause after the comma must open with a subject and a finite verb: a subject pronoun
("it was", "they have") or a short noun phrase ("the police were", "the minister said it").
The text before the comma is cut into comma-separated pieces; the piece right before the
comma must be part of a main clause with a finite verb of its own, and is not when it is:

* a fronted opener: a subordinate clause ("If it rains, it will"), a participle ("Asked about
  the delay, she was", "Having lost, he has"), a prepositional phrase ("Despite the rain, it
  was"), or a short phrase without a verb ("In fact, they are");
* a clause holding a subordinator whose clause the comma closes ("... when people accused
  us, we have"), or "so"/"such" (a dropped "that": "so expensive, it was abandoned");
* too short to be sure (the first piece needs `min_left_words` words).

Parentheticals (", it is true,", ", he said,", ", we were told,"), reporting clauses
("..., it was reported"), short tags at the end (", it is not."), quotations and, for noun
subjects, clauses continued by "and"/"or" (a series: "..., the tyres were worn and the
brakes failed") are skipped. A rewrite (";" or ".") is offered only for a pronoun clause after
a plain main clause; otherwise the flag explains and suggests nothing. Word lists in
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
_COMMA = re.compile(r",[ ]+(?=[^\W\d_])")
# Marks that end the clause before a comma's clause: what precedes them is another clause.
_UNIT_BREAK = re.compile(r"[;:(]|\s[—–-]\s|[—–]")
# The words of the clause after the comma, up to the next mark.
_RIGHT_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|[,;:.!?—–()“”\"]")
_OPEN_QUOTES = '“"'


@dataclass(frozen=True, slots=True)
class SpliceLexicon:
    """The word lists of `comma_splice.yaml`."""

    pronouns: frozenset[str]
    finite_verbs: frozenset[str]
    reporting: frozenset[str]
    parenthetical: frozenset[str]
    subordinators: frozenset[str]
    inner_subordinators: frozenset[str]
    clause_prepositions: frozenset[str]
    adverbials: frozenset[tuple[str, ...]]
    complement_takers: frozenset[str]
    prepositions: frozenset[str]
    participles: frozenset[str]
    not_participles: frozenset[str]
    determiners: frozenset[str]
    noun_stops: frozenset[str]
    reporting_verbs: frozenset[str]
    clause_openers: frozenset[str]
    comparatives: frozenset[str]
    min_left_words: int


@cache
def lexicon() -> SpliceLexicon:
    """Load the word lists once."""
    data: dict[str, Any] = load_yaml("artefacts", "comma_splice.yaml")
    return SpliceLexicon(
        pronouns=word_set(data["pronouns"], lower=True),
        finite_verbs=word_set(data["finite_verbs"], lower=True),
        reporting=word_set(data["reporting_participles"], lower=True),
        parenthetical=word_set(data["parenthetical_words"], lower=True),
        subordinators=word_set(data["subordinators"], lower=True),
        inner_subordinators=word_set(data["inner_subordinators"], lower=True),
        clause_prepositions=word_set(data["clause_prepositions"], lower=True),
        adverbials=frozenset(
            tuple(str(phrase).lower().split()) for phrase in data["adverbial_phrases"]
        ),
        complement_takers=word_set(data["complement_takers"], lower=True),
        prepositions=word_set(data["prepositions"], lower=True),
        participles=word_set(data["participles"], lower=True),
        not_participles=word_set(data["not_participles"], lower=True),
        determiners=word_set(data["noun_subject_determiners"], lower=True),
        noun_stops=word_set(data["noun_phrase_stops"], lower=True),
        reporting_verbs=word_set(data["reporting_verbs"], lower=True),
        clause_openers=word_set(data["reported_clause_openers"], lower=True),
        comparatives=word_set(data["comparatives"], lower=True),
        min_left_words=int(data["min_left_words"]),
    )


def _inside_quotation(text: str, position: int) -> bool:
    """True when `position` is inside a quotation (quoted speech may splice freely)."""
    before = text[:position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _is_participle(word: str, lex: SpliceLexicon) -> bool:
    """ "Asked", "Having", "Born", "Speaking": a word that opens a participial phrase."""
    if word in lex.not_participles or word.endswith("thing"):
        return False
    return (
        word in lex.participles
        or is_regular_past(word)
        or (len(word) >= 5 and word.endswith("ing"))
    )


def _has_finite_verb(words: list[str], lex: SpliceLexicon) -> bool:
    return any(w in lex.finite_verbs or is_regular_past(w) for w in words)


def _opener(words: list[str], lex: SpliceLexicon) -> bool:
    """True when a clause-initial piece is a fronted opener rather than a main clause."""
    first = words[0]
    if first in lex.subordinators or _is_participle(first, lex):
        return True  # "If it rains", "Asked about the delay", "Having lost the vote"
    if first in lex.prepositions:
        # "On Wednesday it was not clear ..." holds a clause; "Despite the fact that it was
        # raining" and "In the years after the war ended" do not.
        for i, (a, b) in enumerate(pairwise(words)):
            if a in lex.pronouns and b in lex.finite_verbs:
                return any(w in lex.subordinators or w == "that" for w in words[1:i])
        return True
    # "The more the government borrows, the more it will pay": a comparative correlative
    return first == "the" and len(words) > 1 and words[1] in lex.comparatives


def _holds_subordinate(words: list[str], lex: SpliceLexicon) -> bool:
    """True when the piece holds a subordinate clause that the comma may close.

    "tell you when people accused us, we have", "the plan was so expensive, it was": the
    clause after the comma may be the main clause of what the subordinator began.
    "It was not clear if someone approved ..." is a complement ("whether"), not a condition.
    """
    for i, word in enumerate(words):
        if word in lex.inner_subordinators:
            return True
        if word in lex.clause_prepositions and _has_finite_verb(words[i + 1 :], lex):
            return True  # "two years after the war ended", not "after midnight"
        if word in {"if", "whether"} and (i == 0 or words[i - 1] not in lex.complement_takers):
            return True
    return False


def _main_clause_before(pieces: list[list[str]], lex: SpliceLexicon) -> bool:
    """The comma-separated pieces before the comma end in a main clause."""
    pieces = [_without_conjunction(piece) for piece in pieces]
    last = pieces[-1]
    if not last:
        return False
    if _holds_subordinate(last, lex) or _ends_in_opener(last, lex):
        return False
    if len(pieces) == 1:
        if len(last) < lex.min_left_words or _opener(last, lex):
            return False
        return _has_finite_verb(last, lex)
    if _subordinate_clause(pieces[0], lex):
        return False  # "If we look back, we can see ..., we can ...": the condition governs
    if _opener(last, lex) or last[0] in {"who", "which", "whose", "whom", "where", "then"}:
        return False
    if not _has_finite_verb(last, lex):
        return False  # an apposition, a list item or an adverbial: "in Paris, the ..."
    words = [w for piece in pieces for w in piece]
    return len(words) >= lex.min_left_words


def _subordinate_clause(words: list[str], lex: SpliceLexicon) -> bool:
    """ "If we look back", "When the war ended": not "After the vote" (a preposition)."""
    if not words or words[0] not in lex.subordinators:
        return False
    if words[0] not in lex.prepositions:
        return True
    return any(w in lex.pronouns or w in lex.finite_verbs or is_regular_past(w) for w in words)


def _ends_in_opener(words: list[str], lex: SpliceLexicon) -> bool:
    """The comma closes a phrase fronted inside the clause, not the clause itself.

    "the explanation is that in our society, we are": an opener right after "that";
    "bodies - in fact, they are": a sentence adverb at the end of the piece.
    """
    if any(tuple(words[-len(phrase) :]) == phrase for phrase in lex.adverbials):
        return True
    if "that" in words[:-1]:
        after = len(words) - 1 - words[::-1].index("that") + 1
        return _opener(words[after:], lex)
    return False


def _without_conjunction(words: list[str]) -> list[str]:
    """ "but if you look" -> "if you look": a leading conjunction hides the opener."""
    while words and words[0] in {"and", "but", "or", "yet", "nor"}:
        words = words[1:]
    return words


def _is_tag(right: list[str], lex: SpliceLexicon, start: int) -> bool:
    """A parenthetical or a short tag: ", it is true,", ", we were told,", ", it is not."

    `start` is the index of the first word after the subject and verb.
    """
    words = right[start:]
    for i, word in enumerate(words[:3]):
        if word in {",", "—", "–", ")"}:
            return True  # closed right after a short clause: an aside
        if word in {".", "!", "?"}:
            return i <= 1 or any(w in lex.parenthetical for w in words[:i])
    return bool(words) and (words[0] in lex.reporting or words[0] in lex.parenthetical)


@dataclass(frozen=True, slots=True)
class _Right:
    """The clause after a comma: its subject, its verb and where the flag ends."""

    subject: str
    verb: str
    span_end: int
    pronoun: bool


def _right_clause(text: str, position: int, lex: SpliceLexicon) -> _Right | None:
    """A subject and a finite verb opening the text at `position`, or None."""
    tokens = list(_RIGHT_WORDS.finditer(text, position))[:12]
    words = [t.group().lower() for t in tokens]
    if len(words) < 2:
        return None
    if words[0] in lex.pronouns:
        if words[1] not in lex.finite_verbs or _is_tag(words, lex, 2):
            return None
        return _Right(tokens[0].group(), tokens[1].group(), tokens[0].end(), pronoun=True)
    if words[0] not in lex.determiners or words[1] in lex.comparatives:
        return None
    verb = _noun_subject_verb(words, lex)
    if verb is None:
        return None
    subject = text[tokens[0].start() : tokens[verb - 1].end()]
    return _Right(subject, tokens[verb].group(), tokens[verb - 1].end(), pronoun=False)


def _noun_subject_verb(words: list[str], lex: SpliceLexicon) -> int | None:
    """The index of the finite verb after a short noun phrase ("the police were"), or None.

    The noun phrase is the determiner and one to three words; a reporting verb counts only
    when a reported clause follows it, and a clause continued by "and" or "or" is left alone.
    """
    for i in range(1, min(len(words), 5)):
        word = words[i]
        if i >= 2 and word in lex.finite_verbs:
            if _is_tag(words, lex, i + 1) or _continues_series(words[i + 1 :]):
                return None
            return i
        if i >= 2 and word in lex.reporting_verbs:
            following = words[i + 1] if i + 1 < len(words) else ""
            if following not in lex.clause_openers or _continues_series(words[i + 1 :]):
                return None  # ", the minister said." / ", the office said on Tuesday."
            return i
        if not word[0].isalpha() or word in lex.noun_stops or word in lex.finite_verbs:
            return None
        if is_regular_past(word) or word in lex.reporting_verbs:
            return None  # "the plan approved by ...": not a finite clause we can judge
    return None


def _continues_series(words: list[str]) -> bool:
    """ "..., the tyres were worn and the brakes failed": clauses in a series, not a splice."""
    return any(w in {"and", "or", "but", "nor"} for w in words)


def _plain_subject_start(pieces: list[list[str]], lex: SpliceLexicon) -> bool:
    """One piece that starts with its subject (no opener): a rewrite is then safe."""
    return len(pieces) == 1 and pieces[0][0] not in lex.prepositions


class CommaSplice(SentenceDetector):
    """Comma joining two independent clauses (comma splice)

    Flags ", it was" or ", the police" (the comma and the subject of the second clause).
    After a plain main clause with a pronoun subject it suggests a semicolon or a full stop;
    elsewhere it explains and leaves the rewrite to the reviewer. A cleft after the comma
    ("it was the Americans who ...") is the typical MT case and gets a higher confidence.
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
        for comma in _COMMA.finditer(text):
            right = _right_clause(text, comma.end(), lex)
            if right is None or _inside_quotation(text, comma.start()):
                continue
            unit = _UNIT_BREAK.split(text[: comma.start()])[-1]
            pieces = [[w.lower() for w in _WORD.findall(p)] for p in unit.split(",")]
            if not _main_clause_before(pieces, lex):
                continue
            if len(pieces) > 1 and _continues_series(
                [w.lower() for w in _WORD.findall(text[comma.end() :])]
            ):
                continue  # "..., we can A, we can B, but ...": clauses in a series
            yield self._finding(text, comma.start(), right, pieces, lex)
            return

    def _finding(
        self, text: str, start: int, right: _Right, pieces: list[list[str]], lex: SpliceLexicon
    ) -> Finding:
        rest = text[start:]
        cleft = right.pronoun and right.subject.lower() == "it"
        cleft = cleft and re.search(r"\b(?:who|that)\b", rest) is not None
        clause = f"“{right.subject} {right.verb}”"
        if right.pronoun and (cleft or _plain_subject_start(pieces, lex)):
            return Finding(
                start=start,
                end=right.span_end,
                message=(
                    f"Comma splice: {clause} starts a new main clause; "
                    "use a semicolon or a full stop"
                ),
                suggestions=(f"; {right.subject}", f". {capitalise(right.subject)}"),
                confidence=0.75 if cleft else None,
            )
        return Finding(
            start=start,
            end=right.span_end,
            message=(
                f"Possible comma splice: {clause} seems to start a new main clause after a"
                " comma. If both sides are complete sentences, use a semicolon, a full stop or"
                " a conjunction; no fix is suggested because the clause may also belong to"
                " what comes before"
            ),
            confidence=0.45,
        )
