"""How a bilingual review's units read outside their own file (text, Word, pairs exports).

In the review a unit's inline codes are private-use characters. Where the codes are
characters of the text itself (PO and CSV format specifiers such as `%s`, HTML tags in a
PO string) an export shows them as they are; where they are XML elements (XLIFF, TMX tags)
it leaves them out, since a plain-text or Word export would show them as tag soup. A line
break inside a unit stays a line break.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from reviewer.core.bilingual import Unit
from reviewer.core.review import Review, Segment

LITERAL_CODE_SUFFIXES = (".po", ".pot", ".csv", ".tsv")


def shown_text(review: Review, unit: Unit | None) -> Callable[[str], str]:
    """The function that turns this unit's text (source, MT or correction) into an export's."""
    if unit is None:
        return lambda text: text
    if review.file_name.lower().endswith(LITERAL_CODE_SUFFIXES):
        return unit.with_markup
    return unit.without_codes


def rendered_segments(review: Review) -> list[Segment]:
    """The review's segments with each unit's codes shown as exports show them."""
    segments = []
    for segment in review.segments:
        shown = shown_text(review, review.unit(segment.id))
        segments.append(replace(segment, text=shown(segment.text), mt=shown(segment.mt)))
    return segments


def plain_text(review: Review) -> str:
    """The corrected units, one per line, as a text export writes them."""
    return "".join(segment.text + "\n" for segment in rendered_segments(review) if segment.text)
