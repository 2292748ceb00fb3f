"""The corrected text as a Word document (python-docx), optionally with the changes shown.

One Word paragraph per line of the corrected text, blank lines included, so the document
reads like the text file. With `tracked=True` the reviewer's changes against the machine
translation are shown word by word (reviewer/core/diff.word_diff, sentence by sentence):
inserted words green and underlined, deleted words red and struck through, a deleted
paragraph as a struck line of its own. These are formatted runs, not Word's revision marks,
so every word processor shows them the same way; the colours match the window's Changes view.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from itertools import groupby
from pathlib import Path

import docx
from docx.shared import RGBColor

from reviewer.core.diff import DiffKind, DiffPiece, word_diff
from reviewer.core.review import Review, Segment
from reviewer.core.wording import count
from reviewer.formats.unit_text import plain_text, rendered_segments

INSERTED_COLOUR = RGBColor(0x1B, 0x5E, 0x20)
DELETED_COLOUR = RGBColor(0xB7, 0x1C, 0x1C)
# Characters XML 1.0 cannot hold (tab, line feed and carriage return excepted).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def docx_bytes(review: Review, *, tracked: bool = False) -> tuple[bytes, list[str]]:
    """The `.docx` file's bytes and any notices (control characters left out)."""
    if review.bilingual:  # codes shown as exports show them, one unit per paragraph
        segments = rendered_segments(review)
        pieces = (
            tracked_pieces(review, segments)
            if tracked
            else [DiffPiece("equal", plain_text(review))]
        )
    else:
        pieces = tracked_pieces(review) if tracked else [DiffPiece("equal", review.text)]
    paragraphs = _paragraphs(pieces)
    document = docx.Document()
    name = Path(review.text_path).name if review.text_path else review.path.stem
    document.core_properties.title = name
    if tracked:
        document.core_properties.comments = (
            "Changes against the machine translation: inserted words green and underlined, "
            "deleted words red and struck through."
        )
    dropped = 0
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for kind, text in runs:
            clean, removed = _NOT_XML.subn("", text)
            dropped += removed
            if not clean:
                continue
            run = paragraph.add_run(clean)
            if kind == "insert":
                run.font.color.rgb = INSERTED_COLOUR
                run.font.underline = True
            elif kind == "delete":
                run.font.color.rgb = DELETED_COLOUR
                run.font.strike = True
    buffer = io.BytesIO()
    document.save(buffer)
    notices = []
    if dropped:
        notices.append(
            f"{count(dropped, 'control character')} that Word cannot hold"
            f" {'was' if dropped == 1 else 'were'} left out"
        )
    return buffer.getvalue(), notices


def tracked_pieces(review: Review, segments: list[Segment] | None = None) -> list[DiffPiece]:
    """The document as MT-vs-corrected pieces: equal + insert pieces give `review.text`.

    Built segment by segment, like the layout (reviewer/core/review/layout.py) renders the
    text, with each live sentence's word diff against its MT and each deleted sentence's MT
    (and the space or line break it took with it) as a deletion.
    """
    segments = review.segments if segments is None else segments
    prefix = segments[0].lead if segments else ""
    pieces: list[DiffPiece] = [DiffPiece("equal", prefix)]
    started = False  # has a live paragraph been written?
    for number, (_, group) in enumerate(groupby(segments, key=lambda s: s.paragraph)):
        members = list(group)
        live = [segment for segment in members if segment.text]
        if number:  # the first paragraph's lead is the prefix, already written
            kind: DiffKind = "equal" if live and started else "delete"
            pieces.append(DiffPiece(kind, members[0].lead))
        if not live:
            body = members[0].mt + "".join(s.lead + s.mt for s in members[1:])
            pieces.append(DiffPiece("delete", body))
            continue
        started = True
        first_live = members.index(live[0])
        for position, segment in enumerate(members):
            if not segment.text:
                # Before the first live sentence the gap after it goes; after, the gap before.
                gone = (
                    segment.mt + members[position + 1].lead
                    if position < first_live
                    else segment.lead + segment.mt
                )
                pieces.append(DiffPiece("delete", gone))
                continue
            if position != first_live:
                pieces.append(DiffPiece("equal", segment.lead))
            pieces.extend(word_diff(segment.mt, segment.text))
    pieces.append(DiffPiece("equal", review.tail))
    return [piece for piece in pieces if piece.text]


def _paragraphs(pieces: Iterable[DiffPiece]) -> list[list[tuple[DiffKind, str]]]:
    """Cut the pieces at line breaks: one list of runs per line; no empty last line."""
    paragraphs: list[list[tuple[DiffKind, str]]] = [[]]
    for piece in pieces:
        for index, part in enumerate(piece.text.split("\n")):
            if index:
                paragraphs.append([])
            if part:
                paragraphs[-1].append((piece.kind, part))
    if len(paragraphs) > 1 and not paragraphs[-1]:
        paragraphs.pop()
    return paragraphs
