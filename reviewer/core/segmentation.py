"""Split a document into paragraphs and sentences with exact character spans.

pysbd (a port of the Golden Rules sentence boundary rules) does the sentence splitting; it
knows abbreviations such as "Mr.", "U.S." and "Maj. Gen." and keeps quotations whole. We add
the two things a post-editor needs on top:

* every non-blank line is a paragraph, so a headline or a one-line residue such as
  "Leave a Reply" is always a segment of its own;
* a lower-case word after a full stop starts a new segment ("... officials. the coalition"),
  because in machine-translated text that is a stray fragment the reviewer must see, not a
  continuation to hide inside the previous sentence.

Spans are computed by locating each segment in the paragraph text ourselves (pysbd's own
`char_span` mode is unreliable with repeated sentences), so `text[start:end]` always holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import pysbd

from reviewer.resources import resource_path

_LINE = re.compile(r"[^\n]+")
# A full stop, whitespace, then a lower-case letter. Not after "?" or "!" or a closing quote:
# '"Why?" he asked' is ordinary quotation style, not a stray fragment.
_LOWERCASE_RESTART = re.compile(r"(?<=\.)(\s+)(?=[a-z])")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) into the document text."""

    start: int
    end: int


def paragraph_spans(text: str) -> list[Span]:
    """Return one span per non-blank line, with surrounding whitespace trimmed."""
    spans = []
    for match in _LINE.finditer(text):
        span = _trim(text, match.start(), match.end())
        if span is not None:
            spans.append(span)
    return spans


def sentence_spans(text: str, paragraph: Span, language: str = "en") -> list[Span]:
    """Return the sentence spans inside one paragraph, in order, covering its text."""
    body = text[paragraph.start : paragraph.end]
    spans: list[Span] = []
    cursor = 0
    for piece in _segmenter(language).segment(body):
        stripped = piece.strip()
        if not stripped:
            continue
        found = body.find(stripped, cursor)
        if found < 0:  # pysbd altered the text; fall back to the rest of the paragraph
            found = cursor
            stripped = body[cursor:].strip()
        for start, end in _split_lowercase_restarts(body, found, found + len(stripped)):
            spans.append(Span(paragraph.start + start, paragraph.start + end))
        cursor = found + len(stripped)
        if cursor >= len(body):
            break
    if spans and spans[-1].end < paragraph.end:  # never drop a tail pysbd ignored
        tail = _trim(text, spans[-1].end, paragraph.end)
        if tail is not None:
            spans.append(tail)
    return spans


def _split_lowercase_restarts(body: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    segment_start = start
    for match in _LOWERCASE_RESTART.finditer(body, start, end):
        before = body[segment_start : match.start(1)]
        word = _WORD_BEFORE.search(before)
        if word is None or _is_continuation_abbreviation(word.group(1)):
            continue
        yield segment_start, match.start(1)
        segment_start = match.end(1)
    yield segment_start, end


def _is_continuation_abbreviation(word: str) -> bool:
    if "." in word or len(word) == 1:  # "U.S.", "a.m.", initials
        return True
    return word.lower() in _continuation_abbreviations()


@cache
def _continuation_abbreviations() -> frozenset[str]:
    path = resource_path("segmentation", "no_break_before_lowercase.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(
        line.strip().lower() for line in lines if line.strip() and not line.startswith("#")
    )


@cache
def _segmenter(language: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=language, clean=False)


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None
