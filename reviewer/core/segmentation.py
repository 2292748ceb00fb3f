"""Split a document into paragraphs and sentences with exact character spans.

pysbd (a port of the Golden Rules sentence boundary rules) does the sentence splitting; it
knows abbreviations such as "Mr.", "U.S." and "Maj. Gen." and keeps quotations whole. We add
the things a post-editor needs on top:

* every non-blank line is a paragraph, so a headline or a one-line residue such as
  "Leave a Reply" is always a segment of its own;
* a lower-case word after a full stop starts a new segment ("... officials. the coalition"),
  because in machine-translated text that is a stray fragment the reviewer must see, not a
  continuation to hide inside the previous sentence;
* except after an abbreviation of `resources/abbreviations.yaml` (see
  `reviewer.core.abbreviations`): "Shares of Acme Inc. rose 4 percent" and "approx. 40
  officers" stay one sentence, and a pysbd split there is joined back.

Spans are computed by locating each segment in the paragraph text ourselves (pysbd's own
`char_span` mode is unreliable with repeated sentences), so `text[start:end]` always holds.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass

import pysbd
from pysbd.lang.english import English
from pysbd.processor import Processor
from pysbd.utils import TextSpan

from reviewer.core.abbreviations import (
    abbreviation_at_end,
    continues_after,
    keeps_sentence_open,
)

_per_thread = threading.local()
_LONG_PARAGRAPH = 10_000  # characters; longer paragraphs are chunked before pysbd sees them
_CHUNK = 2_000
# A sentence-ending mark (with closing quotes or brackets) and the space after it.
_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*\s+")
_LINE = re.compile(r"[^\n]+")
# A full stop, whitespace, then a lower-case letter. Not after "?" or "!" or a closing quote:
# '"Why?" he asked' is ordinary quotation style, not a stray fragment.
_LOWERCASE_RESTART = re.compile(r"(?<=\.)(\s+)(?=[a-z])")


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
    for start, end in _joined(body, _pysbd_pieces(body, language)):
        for piece_start, piece_end in _split_lowercase_restarts(body, start, end):
            spans.append(Span(paragraph.start + piece_start, paragraph.start + piece_end))
    if spans and spans[-1].end < paragraph.end:  # never drop a tail pysbd ignored
        tail = _trim(text, spans[-1].end, paragraph.end)
        if tail is not None:
            spans.append(tail)
    return spans


def _pysbd_pieces(body: str, language: str) -> Iterator[tuple[int, int]]:
    """pysbd's sentences as (start, end) offsets into `body`, located by us.

    pysbd compiles a regular expression from each sentence it returns, which takes seconds
    on a 400,000-word line without punctuation (a text pasted from a PDF, or junk). Long
    paragraphs are therefore cut at clear sentence ends into chunks of a few thousand
    characters first, and a chunk with no sentence end inside is one sentence as it is.
    """
    for chunk_start, chunk_end in _chunks(body):
        chunk = body[chunk_start:chunk_end]
        if not _SENTENCE_END.search(chunk.rstrip()):
            stripped = _trim(chunk, 0, len(chunk))
            if stripped is not None:
                yield chunk_start + stripped.start, chunk_start + stripped.end
            continue
        for start, end in _pysbd_located(chunk, language):
            yield chunk_start + start, chunk_start + end


def _chunks(body: str) -> Iterator[tuple[int, int]]:
    """Cut a long paragraph into chunks of about `_CHUNK` characters at sentence ends (not
    after "Mr." or "Inc."), and cut before any long stretch that has no sentence end."""
    if len(body) <= _LONG_PARAGRAPH:
        yield 0, len(body)
        return
    start = previous = 0
    for match in _SENTENCE_END.finditer(body):
        if keeps_sentence_open(
            abbreviation_at_end(body[match.start() - 30 : match.start() + 1]) or ""
        ):
            continue
        end = match.end()
        if end - previous > _CHUNK and previous > start:
            yield start, previous
            start = previous
        if end - start >= _CHUNK:
            yield start, end
            start = end
        previous = end
    if len(body) - previous > _CHUNK and previous > start:
        yield start, previous
        start = previous
    yield start, len(body)


def _pysbd_located(body: str, language: str) -> Iterator[tuple[int, int]]:
    cursor = 0
    for piece in _segmenter(language).segment(body):
        stripped = piece.strip()
        if not stripped:
            continue
        found = body.find(stripped, cursor)
        if found < 0:  # pysbd altered the text; fall back to the rest of the paragraph
            found = cursor
            stripped = body[cursor:].strip()
        cursor = found + len(stripped)
        yield found, cursor
        if cursor >= len(body):
            break


def _joined(body: str, pieces: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Join back a pysbd split after an abbreviation ("Globex Plc. shares fell")."""
    current: tuple[int, int] | None = None
    for start, end in pieces:
        if current is not None and continues_after(
            body[current[0] : current[1]], body[start : start + 2]
        ):
            current = (current[0], end)
            continue
        if current is not None:
            yield current
        current = (start, end)
    if current is not None:
        yield current


def _split_lowercase_restarts(body: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    segment_start = start
    for match in _LOWERCASE_RESTART.finditer(body, start, end):
        before = body[segment_start : match.start(1)]
        if before.endswith("..") or continues_after(before, body[match.end(1) : match.end(1) + 2]):
            continue  # an ellipsis ("said... the") or an abbreviation ("Acme Inc. rose")
        yield segment_start, match.start(1)
        segment_start = match.end(1)
    yield segment_start, end


class _Segmenter(pysbd.Segmenter):  # type: ignore[misc]  # pysbd has no type hints
    r"""pysbd's segmenter, locating its sentences in the text without a regex per sentence.

    pysbd finds each sentence it made with `re.finditer(re.escape(sentence) + r"\s*")`: one
    new pattern per sentence, which evicts pysbd's own patterns from `re`'s cache (512
    entries), so every paragraph compiled them all again (two thirds of the time of opening
    a 100,000-sentence document). This finds the same spans with `str.find`.
    """

    def sentences_with_char_spans(self, sentences: list[str]) -> list[TextSpan]:
        text: str = self.original_text
        spans: list[TextSpan] = []
        prior_end = 0
        for sentence in sentences:
            position = 0
            while (found := text.find(sentence, position)) >= 0:
                end = found + len(sentence)
                while end < len(text) and text[end].isspace():  # the regex's r"\s*"
                    end += 1
                if end > prior_end:
                    spans.append(TextSpan(text[found:end], found, end))
                    prior_end = end
                    break
                position = end if end > found else found + 1  # finditer's next match
        return spans

    def processor(self, text: str) -> Processor:
        if self.language_module is English:
            return _EnglishProcessor(text, English, char_span=self.char_span)
        return super().processor(text)


# Characters that re's IGNORECASE matches with an ASCII letter although str.lower() does not
# turn them into that letter alone (sre's case fixes: ı/i, ſ/s, K/k; İ lowers to two).
_CASE_SPECIALS = frozenset("\u0130\u0131\u017f\u212a")
_ABBREVIATION_SIZES = range(
    1, 1 + max(len(abbreviation.strip()) for abbreviation in English.Abbreviation.ABBREVIATIONS)
)


class _EnglishAbbreviations(English.AbbreviationReplacer):  # type: ignore[misc]
    r"""pysbd's English abbreviation pass, skipping abbreviations its regex cannot find.

    For every abbreviation that occurs anywhere in a line as a substring ("al" in "total"),
    pysbd runs `re.findall(r"(?:^|\s|\r|\n)" + abbreviation, line, re.IGNORECASE)`: a third
    of the time of segmenting news. Such a match needs the abbreviation at the start of a
    whitespace-separated word, so a word-prefix test decides first; abbreviations with a
    "." (a wildcard in that regex) and lines with the few letters whose case folding differs
    between `re` and `str.lower()` take pysbd's own path. The result is pysbd's.
    """

    def search_for_abbreviations_in_string(self, text: str) -> str:
        if not _CASE_SPECIALS.isdisjoint(text):
            return str(super().search_for_abbreviations_in_string(text))
        # pysbd 0.3.4's loop, with the word-prefix test added
        lowered = text.lower()
        prefixes = {word[:size] for word in lowered.split() for size in _ABBREVIATION_SIZES}
        for abbr in self.lang.Abbreviation.ABBREVIATIONS:
            stripped = abbr.strip()
            if stripped not in lowered:
                continue
            if "." not in stripped and stripped not in prefixes:
                continue  # the regex below would find nothing
            abbrev_match = re.findall(rf"(?:^|\s|\r|\n){stripped}", text, flags=re.IGNORECASE)
            if not abbrev_match:
                continue
            next_word_start = r"(?<={" + str(re.escape(stripped)) + "} ).{1}"
            char_array = re.findall(next_word_start, text)
            for ind, match in enumerate(abbrev_match):
                text = self.scan_for_replacements(text, match, ind, char_array)
        return text


class _EnglishProcessor(Processor):  # type: ignore[misc]
    def abbreviations_replacer(self) -> _EnglishAbbreviations:
        return _EnglishAbbreviations(self.text, self.lang)


def _segmenter(language: str) -> pysbd.Segmenter:
    """One pysbd segmenter per thread and language: a segmenter keeps the text it is working
    on in itself, so two threads sharing one cut each other's documents (seen in batch
    checks: 22 sentences instead of 24)."""
    cached: dict[str, pysbd.Segmenter] = _per_thread.__dict__.setdefault("segmenters", {})
    segmenter = cached.get(language)
    if segmenter is None:
        segmenter = cached[language] = _Segmenter(language=language, clean=False)
    return segmenter


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None
