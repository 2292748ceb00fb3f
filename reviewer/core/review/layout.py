"""Turn a review's segments into the `Document` engines check and windows show, and back.

The document text is rebuilt from the segments alone: each live segment contributes its
`lead` and its `text`, and `tail` closes the file. A deleted segment (empty text) takes its
lead with it, so deleting "Leave a Reply" removes its line and deleting a stray " the
coalition" removes its space. A paragraph keeps its own line break as long as one of its
sentences lives. Rebuilding an untouched review gives back the original text exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

from reviewer.core.document import Document, Paragraph, Sentence
from reviewer.core.review.model import Segment


@dataclass(frozen=True)
class Layout:
    """The rendered document and where each segment sits in it.

    `spans` covers every segment, deleted ones included (an empty span where it was), so a
    window can keep one row per segment; `document` holds only the live ones.
    """

    document: Document
    spans: dict[str, tuple[int, int]]

    def span_of(self, segment_id: str) -> tuple[int, int]:
        return self.spans[segment_id]


def segments_from_document(document: Document) -> tuple[list[Segment], str]:
    """Cut a freshly segmented document into segments plus the text after the last one."""
    segments: list[Segment] = []
    cursor = 0
    for sentence in document.sentences:
        segments.append(
            Segment(
                id=sentence.id,
                paragraph=sentence.paragraph,
                lead=document.text[cursor : sentence.start],
                text=sentence.text,
                mt=sentence.text,
            )
        )
        cursor = sentence.end
    return segments, document.text[cursor:]


def render(
    segments: Sequence[Segment], tail: str, path: str | None = None, language: str = "en-US"
) -> Layout:
    """Build the document text, its paragraphs and sentences from the segments."""
    pieces: list[str] = []
    position = 0
    spans: dict[str, tuple[int, int]] = {}
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    prefix = segments[0].lead if segments else ""
    for _, group in groupby(segments, key=lambda segment: segment.paragraph):
        members = list(group)
        live = [segment for segment in members if segment.text]
        if not live:
            for segment in members:
                spans[segment.id] = (position, position)
            continue
        lead = members[0].lead if pieces else prefix
        pieces.append(lead)
        position += len(lead)
        paragraph_start = position
        first_sentence = len(sentences)
        for segment in members:
            if not segment.text:
                spans[segment.id] = (position, position)
                continue
            if segment is not live[0]:
                pieces.append(segment.lead)
                position += len(segment.lead)
            start, position = position, position + len(segment.text)
            pieces.append(segment.text)
            spans[segment.id] = (start, position)
            sentences.append(
                Sentence(
                    id=segment.id,
                    index=len(sentences),
                    paragraph=len(paragraphs),
                    start=start,
                    end=position,
                    text=segment.text,
                )
            )
        paragraphs.append(
            Paragraph(
                index=len(paragraphs),
                start=paragraph_start,
                end=position,
                text="",  # filled below from the whole text, once it exists
                sentence_indexes=range(first_sentence, len(sentences)),
            )
        )
    pieces.append(tail if pieces else prefix + tail)
    text = "".join(pieces)
    paragraphs = [
        Paragraph(p.index, p.start, p.end, text[p.start : p.end], p.sentence_indexes)
        for p in paragraphs
    ]
    document = Document(text, path, language, tuple(paragraphs), tuple(sentences))
    return Layout(document=document, spans=spans)
