"""Orphan fragments and broken sentence starts.

MT systems sometimes leave a piece of a sentence behind ("... according to senior military
officials. the coalition") or lose the capital of a new sentence. The segmenter already makes
a lower-case word after a full stop a segment of its own (not after an abbreviation of
resources/abbreviations.yaml: "Acme Inc. rose"), so here we only decide what such a segment is:

* short and verbless: a stray fragment, suggest deleting it (with the space before it)
  when it starts in lower case; a capitalised one is only explained (it may be a credit
  line: "Additional reporting by ...");
* otherwise: a real sentence that lost its capital, suggest capitalising its first word.

A capitalised piece is a fragment only when it is short, verbless, closes its paragraph
without final punctuation and follows another sentence of the same paragraph; headlines,
datelines, sub-headings, list items and short quoted answers ("“No.”") are all left alone, and
one-line web residue ("Leave a Reply") is the web-residue detector's job.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Literal

from reviewer.core.abbreviations import abbreviation_at_end, continues_after, kind_of
from reviewer.core.document import Document, Sentence
from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Flag, Severity
from reviewer.engines.artefacts.detector import Detector, Finding
from reviewer.engines.artefacts.detectors._words import (
    ENGLISH_WORD,
    capitalise,
    is_regular_past,
    word_set,
)
from reviewer.engines.artefacts.detectors.web_residue import is_web_residue
from reviewer.resources import load_yaml

_FIRST_WORD = re.compile(r"[^\s,;:.!?]+")
_INNER_CAPITAL = re.compile(r"[a-z]+[A-Z]")  # iPhone, eBay, mRNA
_CONTINUES_PREVIOUS = ("?", "!", "”", '"', "’", "'", "…", "...", ":", ";", ",", "-", "–", "—")
_TERMINAL = (".", "?", "!", "…", "”", '"', "’", "'", ")", ":", ";")
_NUMBERED_ITEM = re.compile(r"\d+[.)]\s")
Kind = Literal["fragment", "lowercase"]


@dataclass(frozen=True, slots=True)
class _Lexicon:
    verbs: frozenset[str]
    lowercase_starts: frozenset[str]
    list_markers: tuple[str, ...]
    max_fragment_words: int


@cache
def _lexicon() -> _Lexicon:
    data = load_yaml("artefacts", "fragments.yaml")
    return _Lexicon(
        verbs=word_set(data["verbs"], lower=True),
        lowercase_starts=word_set(data["lowercase_starts"]),
        list_markers=tuple(str(m) for m in data["list_markers"]),
        max_fragment_words=int(data["max_fragment_words"]),
    )


def has_verb(text: str) -> bool:
    """A cheap verb test: a listed verb form or any word ending in -ed."""
    verbs = _lexicon().verbs
    for word in ENGLISH_WORD.findall(text):
        lower = word.lower()
        if lower in verbs or is_regular_past(lower):
            return True
    return False


@dataclass(frozen=True, slots=True)
class _Piece:
    sentence: Sentence
    kind: Kind
    span_start: int  # document offset; a fragment's span takes the space before it along


def broken_pieces(document: Document) -> Iterator[_Piece]:
    """Classify every suspicious segment once; both detectors below share this."""
    lexicon = _lexicon()
    for paragraph in document.paragraphs:
        if paragraph.text.startswith(lexicon.list_markers) or _NUMBERED_ITEM.match(paragraph.text):
            continue
        indexes = paragraph.sentence_indexes
        for position, index in enumerate(indexes):
            sentence = document.sentences[index]
            text = sentence.text
            if not text or is_web_residue(text):
                continue
            previous = document.sentences[index - 1] if index > 0 else None
            words = len(ENGLISH_WORD.findall(text))
            short_verbless = words <= lexicon.max_fragment_words and not has_verb(text)
            span_start = sentence.start
            if position > 0 and previous is not None:
                span_start = previous.end  # delete the separating space too
            if text[0].islower():
                if _legitimate_lowercase_start(text, lexicon):
                    continue
                if previous is not None and (
                    continues_after(previous.text, text) or _continues(previous, position, document)
                ):
                    continue  # "Acme Inc. rose 4 percent": the break was an abbreviation's
                kind: Kind = "fragment" if short_verbless else "lowercase"
                yield _Piece(sentence, kind, span_start if kind == "fragment" else sentence.start)
            elif (
                text[0].isupper()
                and position > 0
                and position == len(indexes) - 1
                and short_verbless
                and not text.endswith(_TERMINAL)
                and previous is not None
                and not _split_after_abbreviation(previous.text)
            ):
                yield _Piece(sentence, "fragment", span_start)


def _split_after_abbreviation(previous: str) -> bool:
    """True when the break before a capitalised piece was an abbreviation's, not a sentence's.

    "Polls close at 8 p.m. ET", "the U.S. Army", "Acme Inc. Chairman"; not "No.", which only
    ever precedes a number.
    """
    word = abbreviation_at_end(previous)
    return word is not None and kind_of(word) != "numbers"


def _legitimate_lowercase_start(text: str, lexicon: _Lexicon) -> bool:
    first = _FIRST_WORD.match(text)
    word = first.group() if first else ""
    return word in lexicon.lowercase_starts or _INNER_CAPITAL.match(word) is not None


def _continues(previous: Sentence, position: int, document: Document) -> bool:
    """A lower-case start that simply continues the previous text is not an MT artefact.

    Inside a paragraph: '“Why?” he asked' split after the quote. At a paragraph start: a
    hard-wrapped line, recognisable because the previous line has no final punctuation.
    """
    before = previous.text.rstrip()
    if position > 0:
        return before.endswith(_CONTINUES_PREVIOUS)
    return not before.endswith(_TERMINAL) or before.endswith((",", ";", ":"))


class FragmentDetector(Detector):
    """Stray fragment left over by the translation

    A short verbless piece after a sentence ("... officials. the coalition"); we suggest
    deleting it together with the space before it, so the fix leaves clean text.
    """

    rule_id = "MT_FRAGMENT"
    category = "Fluency/Grammar"
    severity = Severity.MAJOR
    confidence = 0.8

    def detect(self, document: Document, options: CheckOptions) -> Iterator[Flag]:
        for piece in broken_pieces(document):
            if piece.kind != "fragment":
                continue
            sentence = piece.sentence
            if sentence.text[0].islower():
                finding = Finding(
                    piece.span_start - sentence.start,
                    len(sentence.text),
                    f"Stray fragment “{sentence.text}” (no verb, lower-case start): probably"
                    " left over by the translation. Delete it.",
                    suggestions=("",),
                )
            else:
                # A capitalised verbless tail may be a credit line or a caption ("Additional
                # reporting by ..."): deleting it could remove real text, so no fix is offered.
                finding = Finding(
                    piece.span_start - sentence.start,
                    len(sentence.text),
                    f"Possible stray fragment “{sentence.text}” (no verb, no final"
                    " punctuation): if it was left over by the translation, delete it; no fix"
                    " is suggested because it may be a credit line, a caption or a heading.",
                    confidence=0.6,
                )
            yield self.flag(document, finding, offset=sentence.start)


class LowercaseStartDetector(Detector):
    """Sentence starts in lower case

    A full sentence whose first word lost its capital, typically after a sentence break the
    MT system misplaced; we suggest the capitalised word.
    """

    rule_id = "MT_LOWERCASE_START"
    category = "Fluency/Spelling"
    severity = Severity.MINOR
    confidence = 0.8

    def detect(self, document: Document, options: CheckOptions) -> Iterator[Flag]:
        for piece in broken_pieces(document):
            if piece.kind != "lowercase":
                continue
            first = _FIRST_WORD.match(piece.sentence.text)
            if first is None:
                continue
            word = first.group()
            finding = Finding(
                0,
                len(word),
                f"Sentence starts in lower case (“{word}”): capitalise it, or join it to the"
                " previous sentence if it belongs there.",
                suggestions=(capitalise(word),),
            )
            yield self.flag(document, finding, offset=piece.sentence.start)
