"""The corrected text as a `.txt` file that looks like the original one.

The review holds the original file's bytes. An untouched review writes those bytes back
exactly. Otherwise the corrected text (newlines normalised, as the review keeps it) is laid
over the original line by line: lines the reviewer did not change keep their own line
endings, changed or new lines take the original's dominant ending (CRLF, LF or CR), and the
whole is encoded as the original was (UTF-8 with or without a BOM, UTF-16 with its BOM,
Windows-1252, or what `decode_text` detected). Since an unchanged line is re-encoded with
the codec that decoded it, only the corrected sentences differ in the bytes.

When a correction holds a character the original encoding cannot store (a Polish "ł" or
a Greek letter in a Windows-1252 file), the file is written as UTF-8 instead (with a BOM if
the original had one), and a notice says so.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from reviewer.core.errors import InputError
from reviewer.core.review import Review
from reviewer.core.textio import detect_encoding, normalise_newlines
from reviewer.formats.unit_text import plain_text

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BOM = "\ufeff"


@dataclass(frozen=True)
class TextExport:
    """The bytes to write, the codec they are in, and anything the user should be told."""

    data: bytes
    encoding: str
    notices: list[str] = field(default_factory=list)


def corrected_text_bytes(review: Review) -> TextExport:
    """The corrected document encoded like its original file."""
    if review.bilingual:  # the targets, one unit per line; the file itself is XML or PO
        return TextExport(plain_text(review).encode("utf-8"), "utf-8")
    original, original_text, _, _ = review.store.original()
    corrected = review.text
    try:
        codec = detect_encoding(original)
        raw = original.decode(codec)
    except (InputError, UnicodeDecodeError, LookupError):
        codec, raw = "utf-8", original_text
    if corrected == original_text:
        return TextExport(original, codec)
    bom = ""
    if raw.startswith(_BOM):  # UTF-16 keeps its BOM as text; utf-8-sig strips and re-adds it
        bom, raw = _BOM, raw[1:]
    if normalise_newlines(raw) != original_text:  # cannot happen for a codec that round-trips
        raw = original_text
    text = bom + _with_original_line_endings(raw, corrected)
    try:
        return TextExport(text.encode(codec), codec)
    except (UnicodeEncodeError, LookupError) as exc:
        fallback = "utf-8-sig" if bom or codec == "utf-8-sig" else "utf-8"
        body = text[1:] if bom else text
        if isinstance(exc, UnicodeEncodeError):
            char = exc.object[exc.start]
            why = f"{codec} cannot store “{char}” (U+{ord(char):04X})"
        else:
            why = f"Python has no {codec} codec"
        notice = f"the original file is {codec}, but {why}; the export was written as UTF-8"
        return TextExport(body.encode(fallback), fallback, [notice])


def _with_original_line_endings(raw: str, corrected: str) -> str:
    """`corrected` (LF only) with each line ending as the matching original line did."""
    old_lines = _LINE_BREAK.split(raw)
    endings = _LINE_BREAK.findall(raw)
    counts = Counter(endings)
    dominant = counts.most_common(1)[0][0] if counts else "\n"
    new_lines = corrected.split("\n")
    # Only endings depend on this alignment; the content is always `new_lines`. Blank lines
    # may be junk to the matcher (autojunk) which keeps it fast on long documents.
    chosen: list[str | None] = [None] * len(new_lines)
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_lines, new_lines).get_opcodes():
        if tag == "delete":
            continue
        for offset in range(j2 - j1):
            old = i1 + offset
            if old < i2 and old < len(endings):
                chosen[j1 + offset] = endings[old]
    pieces: list[str] = []
    last = len(new_lines) - 1
    for index, line in enumerate(new_lines):
        pieces.append(line)
        if index < last:
            pieces.append(chosen[index] or dominant)
    return "".join(pieces)
