"""A present perfect with a finished time: "The government has approved on Tuesday a budget".

French (passé composé), Italian (passato prossimo), German (Perfekt), Spanish and Portuguese
use their perfect tense for finished events, and MT renders it word for word. English
forbids the present perfect with a finished-time expression (yesterday, last week, on
Tuesday, in 1998, two days ago) in the same clause and wants the simple past.

The check is a regex and word-set pass built for precision. A perfect is "has/have" (not a
contraction, not after a modal or "to"), optional adverbs, then a participle (-ed, or from
the irregular lists) or "been" (+ participle). The time expression must follow the
participle within a few words of the same clause (no punctuation, clause word, other verb
or infinitive in between), or open the sentence right before the subject. "since", "for"
and comparisons ("than last year", "over last year") are not finished times. A time right
after "PREPOSITION the EVENT" dates that event ("has compared the crisis with the crash in
1929"). Negated perfects ("has not attended ... yesterday", "hasn't") are flagged without a
rewrite: "did not" needs the verb's base form, which a participle does not give safely.
Word lists in `resources/artefacts/tense.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import islice
from typing import Any

from reviewer.core.document import Sentence
from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Severity
from reviewer.engines.artefacts.detector import Finding, SentenceDetector
from reviewer.engines.artefacts.detectors._words import capitalise, word_set
from reviewer.resources import load_yaml

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_NUMBER = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|several|a\s+few|a\s+couple\s+of|some|many)"
)
_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)"
_NOT_POSSESSIVE = r"(?![\w'’])"
# Finished times that cannot refer to the future: always a finding.
_DEFINITE = (
    rf"(?P<yesterday>(?i:the\s+day\s+before\s+)?(?i:yesterday){_NOT_POSSESSIVE})"
    rf"|(?P<last>(?i:last)\s+(?:(?i:night|week|weekend|month|year|decade|century|spring|summer|"
    rf"autumn|fall|winter)|{_WEEKDAY}|{_MONTH}){_NOT_POSSESSIVE})"
    rf"|(?P<ago>(?:(?i:{_NUMBER})\s+)?(?i:{_UNIT})\s+(?i:ago)\b)"
    r"|(?P<year>(?i:in)\s+(?P<year_number>1\d{3}|20\d{2})\b(?![\w'’%-]|\s+(?:dollars|prices|"
    r"terms|levels|euros|pounds|figures|values|constant)\b))"
)
# Finished times that could also date a later event ("has called a strike on Monday").
_AMBIGUOUS = (
    rf"(?P<weekday>(?i:on)\s+{_WEEKDAY}(?:\s+(?i:morning|afternoon|evening|night))?"
    rf"{_NOT_POSSESSIVE})"
    rf"|(?P<date>(?i:on)\s+(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH}){_NOT_POSSESSIVE}"
    r"(?:,?\s+(?P<date_year>\d{4}))?)"
    rf"|(?P<month>(?i:in)\s+{_MONTH}{_NOT_POSSESSIVE}(?:\s+(?P<month_year>\d{{4}})\b)?)"
    r"|(?P<clock>(?i:at)\s+(?:\d{1,2}(?::\d{2}|\.\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|"
    r"local\s+time\b)|\d{1,2}:\d{2}\b|noon\b|midnight\b))"
)
_TIME = re.compile(rf"(?:{_DEFINITE}|{_AMBIGUOUS})")
_AMBIGUOUS_KINDS = frozenset({"weekday", "date", "month", "clock"})

# Tokens after a participle: an abbreviation ("U.S.", "p.m."), a word, a number, a mark.
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)*|\d[\d,.:]*\d|\d|[^\w\s]")
_WORD_BEFORE = re.compile(r"([^\W\d_]+(?:['’][^\W\d_]+)*)[^\w]*$")
_SENTENCE_START = re.compile(r"[\s“\"‘']*")
_MAY_HAVE_PERFECT = re.compile(r"\b[Hh]a(?:s|ve)(?: |n[’']t )")
_SUBJECT = re.compile(r",?[ ]+((?:[^\W\d_][\w’'.-]*[ ]+){1,20})$")


@dataclass(frozen=True, slots=True)
class TenseLexicon:
    """The word lists of `tense.yaml`."""

    adverbs: frozenset[str]
    irregular: dict[str, str]
    same_past: frozenset[str]
    not_participles: frozenset[str]
    adjectival: frozenset[str]
    scheduling: frozenset[str]
    stops: frozenset[str]
    pronouns: frozenset[str]
    before_time: frozenset[str]
    ing_nouns: frozenset[str]
    after_time: frozenset[str]
    modals: frozenset[str]
    event_nouns: frozenset[str]
    noun_prepositions: frozenset[str]
    articles: frozenset[str]
    window: int
    max_subject_words: int
    perfect: re.Pattern[str]


@cache
def lexicon() -> TenseLexicon:
    """Load the word lists once and build the perfect-tense pattern from them."""
    data: dict[str, Any] = load_yaml("artefacts", "tense.yaml")
    adverbs = word_set(data["adverbs"], lower=True)
    irregular = {str(k).lower(): str(v) for k, v in data["irregular"].items()}
    same_past = word_set(data["same_past"], lower=True)
    listed = "|".join(sorted((set(irregular) | same_past) - {"been"}, key=len, reverse=True))
    adverb = "|".join(sorted(adverbs, key=len, reverse=True))
    # has/have, adverbs, then "been" + participle, a participle, or "been" alone.
    participle = rf"(?:[a-z]{{2,}}ed|{listed})"
    perfect = re.compile(
        rf"(?<![\w'’-])(?P<aux>[Hh]as|[Hh]ave)(?P<neg>n[’']t|[ ]+not)?"
        rf"(?P<adv1>(?:[ ]+(?:{adverb}))*)[ ]+"
        rf"(?:(?P<been>been)(?P<adv2>(?:[ ]+(?:{adverb}))*)(?:[ ]+(?P<passive>{participle}))?"
        rf"|(?P<active>{participle}))(?![\w'’-])"
    )
    return TenseLexicon(
        adverbs=adverbs,
        irregular=irregular,
        same_past=same_past,
        not_participles=word_set(data["not_participles"], lower=True),
        adjectival=word_set(data["adjectival"], lower=True),
        scheduling=word_set(data["scheduling"], lower=True),
        stops=word_set(data["stops"], lower=True),
        pronouns=word_set(data["pronouns"], lower=True),
        before_time=word_set(data["before_time"], lower=True),
        ing_nouns=word_set(data["ing_nouns"], lower=True),
        after_time=word_set(data["after_time"], lower=True),
        modals=word_set(data["modals"], lower=True),
        event_nouns=word_set(data["event_nouns"], lower=True),
        noun_prepositions=word_set(data["noun_prepositions"], lower=True),
        articles=word_set(data["articles"], lower=True),
        window=int(data["window"]),
        max_subject_words=int(data["max_subject_words"]),
        perfect=perfect,
    )


def _is_verb_form(word: str, lex: TenseLexicon) -> bool:
    """A word that is (probably) a verb of its own: the time may belong to it."""
    if word in lex.stops or word in lex.same_past or word in lex.irregular:
        return True
    if word in lex.irregular.values():
        return True
    if len(word) >= 4 and word.endswith("ed") and word not in lex.not_participles:
        return True
    return len(word) >= 5 and word.endswith("ing") and word not in lex.ing_nouns


def _is_finished(match: re.Match[str], current_year: int) -> bool:
    """False for a year that is this year or later ("in 2030", "in March 2030")."""
    year = match["year_number"] or match["month_year"] or match["date_year"]
    return year is None or int(year) < current_year


@dataclass(frozen=True, slots=True)
class _Perfect:
    """One present perfect found in a sentence."""

    start: int
    end: int
    suggestion: str | None
    verb: str


def _perfect_at(match: re.Match[str], text: str, lex: TenseLexicon) -> _Perfect | None:
    """The perfect of `match` with its simple-past suggestion, or None if it is not one."""
    aux = match["aux"]
    before = text[: match.start()]
    previous = _WORD_BEFORE.search(before)
    if previous is None and aux[0] == "H":
        return None  # "Has the government ...?", "Have ...": a question or an imperative
    if previous is not None:
        word = previous[1].lower()
        if word in lex.modals or word.endswith(("’ll", "'ll", "’d", "'d")):
            return None  # "will have finished", "is said to have approved"
        if word in {"not", "never"}:
            earlier = _WORD_BEFORE.search(before, 0, previous.start())
            if earlier is not None and earlier[1].lower() in lex.modals:
                return None
    adverbs = " ".join((match["adv1"] + (match["adv2"] or "")).split())
    prefix = f"{adverbs} " if adverbs else ""
    if match["been"]:
        subject_i = previous is not None and previous[1] == "I"
        be = "was" if aux.lower() == "has" or subject_i else "were"
        passive = match["passive"]
        if passive is not None:
            if passive in lex.not_participles:
                return None
            suggestion = f"{be} {prefix}{passive}"
            verb = passive
        else:
            following = text[match.end() :].lstrip()
            first = following.split(" ", 1)[0].lower()
            if first.endswith("ing") or first in {"to", "able"}:
                return None  # "has been working", "has been to Paris": no simple fix
            suggestion = f"{prefix}{be}"
            verb = "been"
    else:
        active = match["active"]
        if active in lex.not_participles or active in lex.adjectival:
            return None
        suggestion = f"{prefix}{lex.irregular.get(active, active)}"
        verb = active
    if aux[0] == "H":
        suggestion = capitalise(suggestion)
    if match["neg"]:
        # "has not attended ... yesterday" -> "did not attend": the base form of the verb
        # cannot be derived reliably from the participle, so the message explains instead.
        return _Perfect(match.start(), match.end(), None, verb)
    return _Perfect(match.start(), match.end(), suggestion, verb)


def _time_after(
    text: str, perfect: _Perfect, lex: TenseLexicon, current_year: int
) -> re.Match[str] | None:
    """A finished-time expression in the perfect's clause after its participle."""
    tokens = list(islice(_TOKEN.finditer(text, perfect.end), lex.window + 2))
    words = 0
    previous: str | None = None
    for index, token in enumerate(tokens):
        time = _TIME.match(text, token.start())
        if time is not None:
            if previous is not None and previous in lex.before_time:
                return None
            if _time_of_event_noun(tokens[:index], lex):
                return None  # "compared the crisis with the crash in 1929"
            if not _is_finished(time, current_year):
                return None
            ambiguous = time.lastgroup in _AMBIGUOUS_KINDS
            if ambiguous and words > 0 and perfect.verb in lex.scheduling:
                return None  # "has called a strike on Monday": the strike's own date
            if _habitual_after(text, time.end(), lex):
                return None  # "has opened at 9 a.m. every day since 1990"
            return time
        piece = token.group()
        if not piece[0].isalnum():
            if piece == "," and words == 0:
                continue  # "has approved, on Tuesday, a new budget"
            return None  # punctuation: a new clause, a list, a quotation
        lowered = piece.lower()
        following = tokens[index + 1].group() if index + 1 < len(tokens) else ""
        if lowered == "to":
            if following[:1].islower() and following not in {"the", "a", "an"}:
                return None  # an infinitive: "has agreed to meet on Monday"
        elif lowered in {"and", "or"}:
            if following.lower() in lex.pronouns:
                return None  # "... and they ...": a new clause
        elif _is_verb_form(lowered, lex) and not _gerund_noun(lowered, previous, lex):
            return None
        words += 1
        if words > lex.window:
            return None
        previous = lowered
    return None


def _gerund_noun(word: str, previous: str | None, lex: TenseLexicon) -> bool:
    """ "the meeting", "a hearing": an -ing word after an article is a noun, not a verb."""
    return word.endswith("ing") and previous in lex.articles


def _time_of_event_noun(before: list[re.Match[str]], lex: TenseLexicon) -> bool:
    """True when the words before the time end in "PREPOSITION the EVENT": the time dates
    that event ("similarities with the attack in March 2015", "recovered from the fire in
    1998"), not the perfect. An event that is the verb's own object ("has won the election
    in 2016") still counts as the perfect's time.
    """
    words = [token.group().lower() for token in before[-5:]]
    if not words or words[-1] not in lex.event_nouns:
        return False
    for word in reversed(words[:-1]):
        if word in lex.noun_prepositions:
            return True
        if word in lex.stops or not (word.isalpha() or word.isdigit()):
            return False  # a clause word or a mark: the phrase is not a simple noun phrase
        if _is_verb_form(word, lex):
            return False  # "has won the election in 2016": the verb's own object
    return False


def _habitual_after(text: str, position: int, lex: TenseLexicon) -> bool:
    """True when a word of `after_time` follows the time expression in its clause."""
    for token in islice(_TOKEN.finditer(text, position), 4):
        piece = token.group()
        if not piece[0].isalnum():
            return False
        if piece.lower() in lex.after_time:
            return True
    return False


def _time_at_start(text: str, current_year: int) -> tuple[re.Match[str], int] | None:
    """A finished-time expression opening the sentence, and where the text after it starts."""
    start = _SENTENCE_START.match(text)
    offset = start.end() if start else 0
    time = _TIME.match(text, offset)
    if time is None or not _is_finished(time, current_year):
        return None
    return time, time.end()


def _subject_only(between: str, lex: TenseLexicon) -> bool:
    """True when `between` is a short subject: "the government", ", police" (no verb)."""
    match = _SUBJECT.fullmatch(between + " ")
    if match is None:
        return False
    words = match[1].split()
    if len(words) > lex.max_subject_words:
        return False
    return not any(_is_verb_form(word.lower(), lex) for word in words)


class PerfectWithPastTime(SentenceDetector):
    """Present perfect with a finished time ("has approved on Tuesday" -> "approved")

    English uses the simple past with yesterday, last week, on Tuesday, in 1998 or two days
    ago; the present perfect there is the French, Italian or German perfect tense rendered
    literally. Suggests the simple past ("was founded" for "has been founded").
    """

    rule_id = "MT_PERFECT_WITH_PAST_TIME"
    category = "Fluency/Grammar"
    severity = Severity.MINOR
    confidence = 0.75

    def check_sentence(self, sentence: Sentence, options: CheckOptions) -> Iterator[Finding]:
        text = sentence.text
        if not _MAY_HAVE_PERFECT.search(text):
            return
        if text.rstrip().rstrip("”\"’')").endswith("?"):
            return
        lex = lexicon()
        current_year = date.today().year
        initial = _time_at_start(text, current_year)
        for match in lex.perfect.finditer(text):
            perfect = _perfect_at(match, text, lex)
            if perfect is None:
                continue
            time = _time_after(text, perfect, lex, current_year)
            if (
                time is None
                and initial is not None
                and _subject_only(text[initial[1] : perfect.start], lex)
            ):
                time = initial[0]
            if time is None:
                continue
            span = text[perfect.start : perfect.end]
            message = (
                f"“{span}” with “{time.group()}”: English uses the simple past for a "
                "finished time (French/Italian/German perfect tense rendered literally)"
            )
            if perfect.suggestion is None:
                yield Finding(
                    perfect.start,
                    perfect.end,
                    f"{message}; write “did not” with the verb’s base form (“has not"
                    " attended ... yesterday” -> “did not attend”)",
                    confidence=0.65,
                )
                continue
            yield Finding(perfect.start, perfect.end, message, (perfect.suggestion,))
