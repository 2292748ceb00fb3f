"""False friends and wrong-sense renderings: "arrested" for *detener*, "actually" for *actualmente*.

An English word alone proves nothing ("arrest" is usually right); the context does. Each
language file in `resources/artefacts/false_friends/` lists the misleading English forms with
the intended senses (the suggestions, already inflected: arrested -> halted) and the contexts
that make them suspicious, as regular expressions over shared word lists (`_shared.yaml`).

An entry may also name `unless` patterns: anywhere in the sentence, they show the English
sense and veto the entry ("the remains of the search party were identified": a body, not
the remnants of a group). A word that is ambiguous on its own is flagged only when the
context shows the MT sense; "eventually" and "actually" without a present-state figure are
left alone because English uses them all the time.

Two contexts need more than a regex and are computed here:

* a pronoun object ("it was the Americans who arrested them") whose antecedent, the nearest
  fitting noun in the same or the previous sentence, is an activity ("joint missions");
* the languages to use: only the reviewer's stated source language, or all files with lower
  confidence when it is unknown (the same span found by several files is reported once).

Matching is one precompiled alternation of every English form per sentence; the context
patterns only run where a form occurs, which keeps the detector linear in the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from reviewer.core.document import Document, Sentence
from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Flag, Severity
from reviewer.engines.artefacts.detector import Detector, Finding
from reviewer.engines.artefacts.detectors._words import ENGLISH_WORD, capitalise, word_set
from reviewer.resources import load_yaml, resource_path

_DIRECTORY = ("artefacts", "false_friends")
_SHARED = "_shared.yaml"
_PLACEHOLDER = re.compile(r"\{([A-Za-z_]+)\}")
_PRONOUN_OBJECT = re.compile(r"\s+(them|it)\b(?![’'-])", re.IGNORECASE)
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ans|is|ese|ers|ites)")
# Words between an object pronoun's verb and its local subject ("the Americans who arrested").
_CLAUSE_GLUE = frozenset(
    {"who", "that", "which", "had", "has", "have", "was", "were", "been", "is", "are", "be"}
    | {"then", "later", "also", "not", "never", "and", "but", "already", "reportedly"}
)
# Confidence factors: a pronoun antecedent is a guess; an unknown source language is too.
_ANTECEDENT_FACTOR = 0.85
_ANY_LANGUAGE_FACTOR = 0.75


class _Pattern:
    """A case-insensitive regex compiled on its first use.

    The five lexicons hold about 120 context and veto patterns (large alternations of
    shared word lists); compiling them all took 0.06-0.08 s of every check's start, while a
    document reaches the contexts of the few entries whose forms it contains. Every pattern
    is compiled by the tests (`test_every_pattern_of_every_lexicon_compiles`)."""

    __slots__ = ("_compiled", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        if self._compiled is None:  # two threads may both compile: the same result
            self._compiled = re.compile(self.source, re.IGNORECASE)
        return self._compiled


@dataclass(frozen=True, slots=True)
class _Context:
    before: _Pattern | None
    after: _Pattern | None


@dataclass(frozen=True, slots=True)
class _Entry:
    language: str
    source: str
    sense: str
    why: str
    forms: Mapping[str, tuple[str, ...]]
    contexts: tuple[_Context, ...]
    antecedents: frozenset[str]
    confidence: float
    vetoes: tuple[_Pattern, ...] = ()
    triggers: tuple[str, ...] = ()  # how the source word begins (folded), for bilingual files


@dataclass(frozen=True, slots=True)
class _Lexicon:
    trigger: re.Pattern[str] | None
    by_form: Mapping[str, tuple[_Entry, ...]]
    persons: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Hit:
    entry: _Entry
    end: int
    pronoun: str | None = None
    antecedent: str | None = None


def available_languages() -> tuple[str, ...]:
    """Codes of the language files present (es, fr, ...), in alphabetical order."""
    directory = resource_path(*_DIRECTORY)
    return tuple(sorted(p.stem for p in directory.glob("*.yaml") if not p.name.startswith("_")))


@cache
def _shared() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    data = load_yaml(*_DIRECTORY, _SHARED)
    macros = {str(k): str(v) for k, v in data["macros"].items()}
    lists = {str(k): word_set(v) for k, v in data["lists"].items()}
    return macros, lists


def _expand(pattern: str, where: str) -> str:
    """Replace `{name}` by a shared macro or by an alternation of a shared word list."""
    macros, lists = _shared()

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in macros:
            return _expand(macros[name], where)  # macros may use lists and other macros
        if name in lists:
            words = sorted(lists[name], key=len, reverse=True)
            alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
            return rf"\b(?:{alternation})(?![\w’'-])"
        raise ValueError(f"{where}: unknown list or macro {{{name}}} in {pattern!r}")

    return _PLACEHOLDER.sub(replace, pattern)


def _context(raw: Mapping[str, Any], where: str) -> _Context:
    before = raw.get("before")
    after = raw.get("after")
    return _Context(
        before=_Pattern(rf"(?:{_expand(str(before), where)})\s*$") if before else None,
        after=_Pattern(rf"\s*(?:{_expand(str(after), where)})") if after else None,
    )


@cache
def _language_entries(code: str) -> tuple[_Entry, ...]:
    data = load_yaml(*_DIRECTORY, f"{code}.yaml")
    _, lists = _shared()
    entries = []
    for raw in data["entries"]:
        where = f"false_friends/{code}.yaml ({raw['source']})"
        antecedent = raw.get("antecedent")
        if antecedent is not None and antecedent not in lists:
            raise ValueError(f"{where}: unknown antecedent list {antecedent!r}")
        entries.append(
            _Entry(
                language=str(data["language"]),
                source=str(raw["source"]),
                sense=str(raw["sense"]),
                why=str(raw["why"]),
                forms={
                    str(form).lower(): tuple(str(s) for s in senses)
                    for form, senses in raw["forms"].items()
                },
                contexts=tuple(_context(c, where) for c in raw.get("contexts", ())),
                antecedents=lists[antecedent] if antecedent else frozenset(),
                confidence=float(raw.get("confidence", FalseFriendDetector.confidence)),
                vetoes=tuple(
                    _Pattern(_expand(str(pattern), where)) for pattern in raw.get("unless", ())
                ),
                triggers=tuple(_fold(str(stem)) for stem in raw.get("triggers", ())),
            )
        )
    return tuple(entries)


@cache
def _lexicon(codes: tuple[str, ...]) -> _Lexicon:
    by_form: dict[str, list[_Entry]] = {}
    for code in codes:
        for entry in _language_entries(code):
            for form in entry.forms:
                by_form.setdefault(form, []).append(entry)
    trigger = None
    if by_form:
        forms = "|".join(re.escape(f) for f in sorted(by_form, key=len, reverse=True))
        trigger = re.compile(rf"(?<![\w’'-])(?:{forms})(?![\w’'-])", re.IGNORECASE)
    _, lists = _shared()
    return _Lexicon(
        trigger=trigger,
        by_form={form: tuple(entries) for form, entries in by_form.items()},
        persons=lists["person_plural"],
    )


def _languages_for(options: CheckOptions) -> tuple[tuple[str, ...], bool]:
    """The language files to use, and whether the source language was stated."""
    if not options.source_language:
        return available_languages(), False
    code = options.source_language.split("-")[0].split("_")[0].lower()
    return ((code,) if code in available_languages() else ()), True


def _antecedent(
    window: str, pronoun: str, nouns: frozenset[str], persons: frozenset[str]
) -> str | None:
    """The nearest noun "them"/"it" can refer to, if it is one of `nouns`.

    The verb's own subject is skipped ("the Americans who arrested them": not the
    Americans), and a person noun met first means the arrest may be real.
    """
    tokens: list[str] = ENGLISH_WORD.findall(window)[-40:]
    index = len(tokens) - 1
    while index >= 0 and (
        tokens[index].lower() in _CLAUSE_GLUE or tokens[index].lower().endswith("ly")
    ):
        index -= 1
    plural = pronoun.lower() == "them"
    for token in reversed(tokens[:index]):  # tokens[index] is the local subject
        lower = token.lower()
        if plural and (lower in persons or _DEMONYM.fullmatch(token)):
            return None
        if lower in nouns and (lower.endswith("s") and not lower.endswith("ss")) == plural:
            return token
    return None


def _match(
    entry: _Entry, text: str, start: int, end: int, *, previous: str, persons: frozenset[str]
) -> _Hit | None:
    """Return a hit when one of the entry's contexts (or a pronoun antecedent) matches.

    An `unless` pattern found anywhere in the sentence shows the English sense ("the remains
    of the climbing party were recovered": a body) and vetoes the entry.
    """
    if any(veto.regex.search(text) for veto in entry.vetoes):
        return None
    for context in entry.contexts:
        if context.before is not None and context.before.regex.search(text, 0, start) is None:
            continue
        span_end = end
        if context.after is not None:
            after = context.after.regex.match(text, end)
            if after is None:
                continue
            if "absorb" in context.after.regex.groupindex and after.group("absorb"):
                span_end = after.end("absorb")
        return _Hit(entry, span_end)
    if entry.antecedents:
        pronoun = _PRONOUN_OBJECT.match(text, end)
        if pronoun is not None:
            window = previous + " " + text[:start]
            noun = _antecedent(window, pronoun.group(1), entry.antecedents, persons)
            if noun is not None:
                return _Hit(entry, end, pronoun.group(1), noun)
    return None


class FalseFriendDetector(Detector):
    """Possible false friend or wrong sense of a source word

    The flagged span is the English word ("arrested"); the suggestions are the intended
    senses in the same form ("halted", "stopped", "suspended").
    """

    rule_id = "MT_FALSE_FRIEND"
    category = "Accuracy/Mistranslation"
    severity = Severity.MAJOR
    confidence = 0.7

    def detect(self, document: Document, options: CheckOptions) -> Iterator[Flag]:
        codes, stated = _languages_for(options)
        lexicon = _lexicon(codes)
        if lexicon.trigger is None:
            return
        previous = ""
        for sentence in document.sentences:
            for finding in self._sentence_findings(sentence, previous, lexicon, stated):
                yield self.flag(document, finding, offset=sentence.start)
            previous = sentence.text

    def _sentence_findings(
        self, sentence: Sentence, previous: str, lexicon: _Lexicon, stated: bool
    ) -> Iterator[Finding]:
        assert lexicon.trigger is not None
        text = sentence.text
        for match in lexicon.trigger.finditer(text):
            hits: list[_Hit] = []
            for entry in lexicon.by_form[match.group().lower()]:
                hit = _match(
                    entry,
                    text,
                    match.start(),
                    match.end(),
                    previous=previous,
                    persons=lexicon.persons,
                )
                if hit is not None:
                    hits.append(hit)
            if hits:
                yield _finding(hits, text, match.start(), match.group(), stated)


def _finding(hits: list[_Hit], text: str, start: int, word: str, stated: bool) -> Finding:
    """One finding per span, naming every source language that explains it."""
    end = max(hit.end for hit in hits)
    hits = [hit for hit in hits if hit.end == end]
    first = hits[0]
    sources = " / ".join(
        dict.fromkeys(f"{hit.entry.language} “{hit.entry.source}”" for hit in hits)
    )
    suggestions: list[str] = []
    for hit in hits:
        for sense in hit.entry.forms[word.lower()]:
            suggestion = capitalise(sense) if word[0].isupper() else sense
            if suggestion not in suggestions:
                suggestions.append(suggestion)
    confidence = max(hit.entry.confidence for hit in hits)
    lead = f"“{text[start:end]}”"
    if first.pronoun is not None:
        confidence *= _ANTECEDENT_FACTOR
        lead = f"“{word} {first.pronoun}” (“{first.pronoun}” = the “{first.antecedent}”)"
    if not stated:
        confidence *= _ANY_LANGUAGE_FACTOR
    why = capitalise(first.entry.why)
    message = f"{lead}: probably {sources} mistranslated (meaning {first.entry.sense}). {why}."
    return Finding(
        start, end, message, suggestions=tuple(suggestions), confidence=round(confidence, 2)
    )


# --- With the source at hand (bilingual files) ----------------------------------------------


def _fold(text: str) -> str:
    """Lower case without accents: triggers and source words compare folded."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def trigger_languages() -> frozenset[str]:
    """Languages whose every entry names its source triggers: with a source in one of them,
    the source decides (an entry without triggers could not be judged, so a language counts
    only when all its entries have them)."""
    return frozenset(
        code
        for code in available_languages()
        if all(entry.triggers for entry in _language_entries(code))
    )


@dataclass(frozen=True, slots=True)
class SourcedFalseFriend:
    """A false friend confirmed by the source: the English span and the source word."""

    finding: Finding
    source_word: str


def sourced_false_friends(target: str, source: str, code: str) -> Iterator[SourcedFalseFriend]:
    """False friends in `target` whose trigger word is in `source` (language `code`).

    The English context must still show the wrong sense (as for MT_FALSE_FRIEND: *detuvo al
    sospechoso* is rightly "arrested the suspect"); the source word makes it certain which
    word was mistranslated, so the finding names it and keeps the entry's full confidence.
    """
    if code not in trigger_languages():
        return
    lexicon = _lexicon((code,))
    if lexicon.trigger is None:
        return
    words = [(word, _fold(word)) for word in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", source)]
    for match in lexicon.trigger.finditer(target):
        for entry in lexicon.by_form[match.group().lower()]:
            word = next((raw for raw, folded in words if folded.startswith(entry.triggers)), None)
            if word is None:
                continue
            hit = _match(
                entry, target, match.start(), match.end(), previous="", persons=lexicon.persons
            )
            if hit is None:
                continue
            finding = _finding([hit], target, match.start(), match.group(), stated=True)
            message = (
                f"“{target[match.start() : hit.end]}”: the source has “{word}” "
                f"({entry.language} {entry.source}: {entry.sense}). {capitalise(entry.why)}."
            )
            yield SourcedFalseFriend(
                Finding(
                    finding.start,
                    finding.end,
                    message,
                    suggestions=finding.suggestions,
                    confidence=entry.confidence,
                ),
                word,
            )
            break
