"""The document under review: its text, paragraphs and sentences.

A `Document` is immutable. Editing a sentence produces a new document (see `replace_span`),
and sentence ids are derived from the sentence's own text and how many identical sentences
precede it, so the id of every sentence a reviewer did not touch survives the edit. The review
database (a later layer) keys decisions by these ids.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from reviewer.core.bilingual import Unit
from reviewer.core.segmentation import Span, paragraph_spans, sentence_spans
from reviewer.core.textio import normalise_newlines, read_text_file


@dataclass(frozen=True, slots=True)
class Sentence:
    """One segment of the document, the unit a reviewer works on."""

    id: str
    index: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A non-blank line of the document; LanguageTool checks text paragraph by paragraph."""

    index: int
    start: int
    end: int
    text: str
    sentence_indexes: range


@dataclass(frozen=True)
class Document:
    """Normalised text plus its segmentation; offsets everywhere index into `text`."""

    text: str
    path: str | None = None
    language: str = "en-US"
    paragraphs: tuple[Paragraph, ...] = field(default=(), repr=False)
    sentences: tuple[Sentence, ...] = field(default=(), repr=False)
    units: tuple[Unit, ...] = field(default=(), repr=False)
    source_language: str = ""

    @property
    def bilingual(self) -> bool:
        """Whether the text is the targets of a bilingual file (`units[i]` is paragraph i)."""
        return bool(self.units)

    def unit_of(self, sentence: Sentence) -> Unit | None:
        """The translation unit a sentence belongs to (None in a plain-text document)."""
        return self.units[sentence.paragraph] if self.units else None

    @classmethod
    def from_text(cls, text: str, path: str | None = None, language: str = "en-US") -> Document:
        """Segment `text` (newlines are normalised first) into a document."""
        text = normalise_newlines(text)
        paragraphs: list[Paragraph] = []
        sentences: list[Sentence] = []
        seen: Counter[str] = Counter()
        segmenter_language = language.split("-", maxsplit=1)[0].lower() or "en"
        for p_index, p_span in enumerate(paragraph_spans(text)):
            first = len(sentences)
            for s_span in sentence_spans(text, p_span, segmenter_language):
                s_text = text[s_span.start : s_span.end]
                seen[s_text] += 1
                sentences.append(
                    Sentence(
                        id=sentence_id(s_text, seen[s_text]),
                        index=len(sentences),
                        paragraph=p_index,
                        start=s_span.start,
                        end=s_span.end,
                        text=s_text,
                    )
                )
            paragraphs.append(
                Paragraph(
                    index=p_index,
                    start=p_span.start,
                    end=p_span.end,
                    text=text[p_span.start : p_span.end],
                    sentence_indexes=range(first, len(sentences)),
                )
            )
        return cls(text, path, language, tuple(paragraphs), tuple(sentences))

    @classmethod
    def from_units(
        cls,
        units: Sequence[Unit],
        path: str | None = None,
        language: str = "en-US",
        source_language: str = "",
    ) -> Document:
        """One paragraph and one sentence per unit: a unit is the reviewer's row, kept whole
        even when it holds several sentences, and its id is the sentence id (reports print
        it). Targets are joined by line breaks; a unit's own line breaks are tokens."""
        paragraphs: list[Paragraph] = []
        sentences: list[Sentence] = []
        position = 0
        for index, unit in enumerate(units):
            if "\n" in unit.target or "\r" in unit.target:
                raise ValueError(f"unit {unit.id}: a line break inside a target must be a token")
            end = position + len(unit.target)
            paragraphs.append(Paragraph(index, position, end, unit.target, range(index, index + 1)))
            sentences.append(Sentence(unit.id, index, index, position, end, unit.target))
            position = end + 1
        text = "\n".join(unit.target for unit in units)
        return cls(
            text,
            path,
            language,
            tuple(paragraphs),
            tuple(sentences),
            units=tuple(units),
            source_language=source_language,
        )

    @classmethod
    def from_file(cls, path: str | Path, language: str = "en-US") -> Document:
        """Read and segment a text file ('-' reads standard input)."""
        return cls.from_text(read_text_file(path), path=str(path), language=language)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        """Sentence starts in order, for bisecting (flags are mapped to sentences often)."""
        return [sentence.start for sentence in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        """Return the sentence containing `offset`, or None when it falls between sentences."""
        position = bisect_right(self._sentence_starts, offset) - 1
        if position < 0:
            return None
        sentence = self.sentences[position]
        return (
            sentence if sentence.start <= offset < max(sentence.end, sentence.start + 1) else None
        )

    def sentence_for_span(self, start: int, end: int) -> Sentence | None:
        """Return the sentence a flag belongs to.

        Detectors may include the space before a span so that deleting it leaves clean text
        (" the coalition"), and a zero-length flag is an insertion point ("add a full stop")
        right after a sentence's last character; both still belong to a sentence.
        """
        sentence = self.sentence_at(start)
        if sentence is None and end > start:
            sentence = self.sentence_at(end - 1)
        if sentence is None and start == end and start > 0:
            before = self.sentence_at(start - 1)
            sentence = before if before is not None and before.end == start else None
        return sentence

    def sentence_by_id(self, sentence_id_: str) -> Sentence | None:
        """Return the sentence with this id, if it still exists."""
        return next((s for s in self.sentences if s.id == sentence_id_), None)

    @cached_property
    def _line_starts(self) -> list[int]:
        """Where each line starts: found once, so reporting 20,000 flags stays linear."""
        return [0, *(match.end() for match in re.finditer("\n", self.text))]

    def line_and_column(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of an offset, as editors and linters show them."""
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def replace_span(self, span: Span, replacement: str) -> Document:
        """Return a new document with `span` replaced, re-segmented."""
        text = self.text[: span.start] + replacement + self.text[span.end :]
        return Document.from_text(text, path=self.path, language=self.language)


def sentence_id(text: str, occurrence: int) -> str:
    """Derive a short id from a sentence's text and its occurrence number among equal texts."""
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=6).hexdigest()
    return f"s{digest}" if occurrence == 1 else f"s{digest}-{occurrence}"
