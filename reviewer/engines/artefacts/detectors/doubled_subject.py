"""Doubled subjects ("Mr. Pompeo He refused") and capitals in mid-sentence ("said The").

Pro-drop source languages do not repeat subjects, and MT systems sometimes restate one with a
pronoun, often capitalised because it began a source sentence. Three regular expressions do
the work; the word lists (titles, Chinese surnames, title openers) are in
`resources/artefacts/doubled_subject.yaml`.

Everything a reviewer would dismiss is filtered out rather than flagged at low confidence:
"Mr. Pompeo, he said, refused" (commas), "The minister herself said" (not a listed pronoun),
"the man who he said was" (no adjacent subject), "In Washington He" (a preposition, so no
subject), "Vice Premier He said" and "Liu He said" (He is a Chinese name), "the film It
Follows" (a title), and headlines in title case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from reviewer.core.abbreviations import is_title, titles
from reviewer.core.document import Sentence
from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Severity
from reviewer.engines.artefacts.detector import Finding, SentenceDetector
from reviewer.engines.artefacts.detectors._words import ENGLISH_WORD, word_set
from reviewer.engines.artefacts.detectors.fragments import has_verb
from reviewer.resources import load_yaml

_NAME = r"[A-Z][\w'’-]*"
_PREVIOUS_WORD = re.compile(r"([\w'’-]+)\W*$")
_CLAUSE_END = re.compile(r"\bthat\b|[,;:“”\"]")
_DATELINE = r"(?:[A-Z][A-Z .,'’-]+\s[–—-]\s)?"


@dataclass(frozen=True, slots=True)
class _Data:
    capital_after_name: re.Pattern[str]
    lowercase_after_subject: re.Pattern[str]
    stray_capital: re.Pattern[str]
    surname_titles: frozenset[str]
    chinese_surnames: frozenset[str]
    not_subjects: frozenset[str]
    prepositions: frozenset[str]
    title_openers: frozenset[str]
    reporting_verbs: frozenset[str]
    reported_clause_openers: frozenset[str]
    object_openers: frozenset[str]
    time_words: frozenset[str]
    title_case_small_words: frozenset[str]


@cache
def _data() -> _Data:
    raw = load_yaml("artefacts", "doubled_subject.yaml")
    pronouns = [str(p).lower() for p in raw["pronouns"]]
    capitals = "|".join(p.capitalize() for p in pronouns)
    heads = "|".join(re.escape(str(h)) for h in raw["person_heads"])
    # "Mr", "Gen", "Sen"... from resources/abbreviations.yaml
    title = "|".join(re.escape(t) for t in sorted(titles(), key=len, reverse=True))
    return _Data(
        # "[Mr. ]Mike Pompeo He refused": a capitalised name, then a capitalised pronoun.
        capital_after_name=re.compile(
            rf"(?P<subject>(?:(?:{title})\.\s+)?"
            rf"(?:{_NAME}\s+){{0,3}}?(?P<last>{_NAME}))\s+(?P<pronoun>{capitals})"
            rf"(?=\s+[a-z])"
        ),
        # "The minister she said": a subject at the start of the sentence, then a pronoun.
        lowercase_after_subject=re.compile(
            rf"{_DATELINE}(?P<subject>(?:(?:The|A|An|Our|Its|His|Her|Their)\s+"
            rf"(?:[\w-]+\s+){{0,3}}?(?P<head>{heads})|(?:{title})\.\s+{_NAME}"
            rf"(?:\s+{_NAME})?))\s+(?P<pronoun>{'|'.join(pronouns)})\s+(?P<verb>[a-z][\w'’-]*)",
            re.IGNORECASE,
        ),
        # "officials said The government will": a capitalised function word mid-sentence.
        # Not "A"/"An": "from A to Z", "plan A", "Mr. An" (a Korean surname) are too common.
        stray_capital=re.compile(
            rf"(?<=[a-z,] )(?P<word>{capitals}|The|This|These|Those|His|Her|Their|Its|Our)"
            rf"(?=\s+[a-z])"
        ),
        surname_titles=word_set(raw["surname_titles"], lower=True),
        chinese_surnames=word_set(raw["chinese_surnames"]),
        not_subjects=word_set(raw["not_subjects"]),
        prepositions=word_set(raw["prepositions"], lower=True),
        title_openers=word_set(raw["title_openers"], lower=True),
        reporting_verbs=word_set(raw["reporting_verbs"], lower=True),
        reported_clause_openers=word_set(raw["reported_clause_openers"], lower=True),
        object_openers=word_set(raw["object_openers"], lower=True),
        time_words=word_set(raw["time_words"], lower=True),
        title_case_small_words=word_set(raw["title_case_small_words"], lower=True),
    )


def _is_title_case(text: str) -> bool:
    """Headlines in title case capitalise most words; their capitals mean nothing. A short
    sentence full of names ("Pedro Gil He resigned on Monday") has as many capitals, but
    also a lower-case word that title case would have capitalised ("resigned"): only
    articles, conjunctions and short prepositions stay lower-case in a title."""
    words = ENGLISH_WORD.findall(text)
    if len(words) < 3:
        return True
    capitalised = sum(1 for w in words if w[0].isupper())
    if capitalised / len(words) <= 0.6:
        return False
    small = _data().title_case_small_words
    return not any(w[0].islower() and w.lower() not in small for w in words)


def _previous_word(text: str, end: int) -> str:
    match = _PREVIOUS_WORD.search(text, 0, end)
    return match.group(1) if match else ""


def _word_before_phrase(text: str, end: int) -> str:
    """The word before a noun phrase, skipping its article: "by the United Nations" -> by."""
    word = _previous_word(text, end)
    if word.lower() in {"the", "a", "an"}:
        word = _previous_word(text, text.rfind(word, 0, end))
    return word.lower()


def _is_surname_title(word: str, data: _Data) -> bool:
    """ "Vice Premier He", "Mr He": after these words "He" is a (Chinese) surname."""
    return word.lower() in data.surname_titles or is_title(word)


def _main_verb_follows(text: str, start: int) -> bool:
    """True when a finite verb follows in the same clause: a reduced relative clause.

    "The officials they met in Geneva were not authorized": "were" is the main verb, so
    "they met in Geneva" describes the officials. The clause ends at "that", a comma, a
    colon, a semicolon or a quotation mark, so "she said on Monday that ... would" still
    counts as a doubled subject.
    """
    clause = _CLAUSE_END.split(text[start:], maxsplit=1)[0]
    return has_verb(clause)


def doubled_subjects(text: str) -> Iterator[Finding]:
    """Findings for doubled subjects in one sentence (also used to avoid double reports)."""
    data = _data()
    if _is_title_case(text):
        return
    named_end = -1
    for match in data.capital_after_name.finditer(text):
        subject, last, pronoun = match["subject"], match["last"], match["pronoun"]
        first_word = subject.split()[0].rstrip(".")
        if first_word in data.not_subjects or last in data.not_subjects:
            continue
        if last.endswith(("'s", "’s")):
            continue  # "Stephen King’s It": a possessive owns a title, it is no subject
        if pronoun == "He" and (_is_surname_title(last, data) or last in data.chinese_surnames):
            continue  # "Vice Premier He said", "Liu He said": He is a name
        before = text[: match.start()]
        if before and not before.endswith((" ", "“", '"')):
            continue
        word_before = _word_before_phrase(text, match.start())
        if word_before in data.prepositions:
            continue  # "In Washington He ...", "by the United Nations It"
        if word_before in data.title_openers and word_before not in data.surname_titles:
            continue  # "the film Us They"; but "the minister Pedro Gil He" is a subject
        if before.rstrip().endswith(("“", '"', ":")):
            continue
        named_end = match.end("pronoun")
        yield Finding(
            match.start("last"),
            named_end,
            f"Doubled subject: “{pronoun}” repeats “{subject}”. Remove “{pronoun}”.",
            suggestions=(last,),
            confidence=0.85 if pronoun in {"He", "She", "They"} else 0.7,
        )
    match_lc = data.lowercase_after_subject.match(text)
    if match_lc is None or not match_lc["verb"][0].islower():
        return
    if match_lc.end("pronoun") == named_end:
        return  # "Ms. Okafor She said": already reported by the name pattern above
    subject, pronoun = match_lc["subject"], match_lc["pronoun"]
    last = subject.split()[-1]
    capitalised = pronoun[0].isupper()
    if capitalised and pronoun == "He" and _is_surname_title(last, data):
        return  # "The vice premier He said": He is a surname
    if not capitalised and not _restates_subject(text, match_lc, data):
        return  # "The lawyer she hired specialises in tax law": a reduced relative clause
    if not _reports_speech(text, match_lc, data) and _main_verb_follows(text, match_lc.end("verb")):
        return  # "The minister he appointed resigned": a reduced relative clause
    yield Finding(
        match_lc.end("subject") - len(last),
        match_lc.end("pronoun"),
        f"Doubled subject: “{pronoun}” repeats “{subject}”. Remove “{pronoun}”.",
        suggestions=(last,),
        # a capital on the pronoun shows it began a sentence of its own in the source
        confidence=0.8 if capitalised else 0.6,
    )


def _restates_subject(text: str, match: re.Match[str], data: _Data) -> bool:
    """Evidence that a lower-case pronoun after a subject starts the main clause.

    English drops the relative pronoun freely ("The lawyer she hired specialises in tax
    law", "The officials they met in Geneva were"), so "NOUN she VERB" is a doubled subject
    only when the verb has its own object or reported clause: "The union leaders they
    rejected the offer", "The minister she said on Monday that ...". A verb followed by a
    preposition, an adverb, a time or another verb is left alone: its missing object is the
    noun before the pronoun.
    """
    verb = match["verb"].lower()
    following = ENGLISH_WORD.search(text, match.end("verb"))
    if following is None or text[match.end("verb") : following.start()].strip():
        return False  # a comma or other mark right after the verb: no object
    word = following.group(0).lower()
    if verb in data.reporting_verbs:
        return True  # decided by the reported-clause test in the caller
    return word in data.object_openers and word not in data.time_words


def _reports_speech(text: str, match: re.Match[str], data: _Data) -> bool:
    """ "she said the plan would work": a reporting verb followed by the reported clause.

    Then the pronoun is the subject of "said" and restates the sentence's subject; without
    this, the verbs of the reported clause look like the main verb of a relative clause.
    """
    if match["verb"].lower() not in data.reporting_verbs:
        return False
    following = ENGLISH_WORD.search(text, match.end("verb"))
    return following is not None and following.group(0).lower() in data.reported_clause_openers


class DoubledSubjectDetector(SentenceDetector):
    """Doubled subject: a pronoun restates the subject

    The span covers the subject's last word and the pronoun ("Pompeo He"), and the suggestion
    keeps only the subject, so accepting it is a local fix.
    """

    rule_id = "MT_DOUBLED_SUBJECT"
    category = "Fluency/Grammar"
    severity = Severity.MAJOR
    confidence = 0.8

    def check_sentence(self, sentence: Sentence, options: CheckOptions) -> Iterator[Finding]:
        yield from doubled_subjects(sentence.text)


class StrayCapitalDetector(SentenceDetector):
    """Capitalised pronoun or article in mid-sentence

    "officials said The government will": usually a sentence break the MT system lost or a
    leftover from the source's segmentation. We suggest the lower-case word.
    """

    rule_id = "MT_STRAY_CAPITAL"
    category = "Fluency/Spelling"
    severity = Severity.MINOR
    confidence = 0.6

    def check_sentence(self, sentence: Sentence, options: CheckOptions) -> Iterator[Finding]:
        text = sentence.text
        data = _data()
        if _is_title_case(text):
            return
        doubled: list[tuple[int, int]] | None = None  # computed only if a capital turns up
        for match in data.stray_capital.finditer(text):
            word = match["word"]
            previous = _previous_word(text, match.start())
            if previous[:1].isupper():
                continue  # "In Washington He", "Liu He", "King’s It": a name comes before
            if previous.lower() in data.title_openers:
                continue  # "the film It Follows", "plan A", "vice premier He"
            if word == "He" and _is_surname_title(previous, data):
                continue
            if doubled is None:
                doubled = [(f.start, f.end) for f in doubled_subjects(text)]
            if any(start <= match.start() < end for start, end in doubled):
                continue
            yield Finding(
                match.start(),
                match.end(),
                f"Capital “{word}” in mid-sentence: lower-case it, or a full stop is"
                " missing before it.",
                suggestions=(word.lower(),),
            )
