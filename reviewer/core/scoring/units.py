"""Sentence units: each machine-translated sentence with what the reviewer made of it.

A review's segments change shape: an edit may split a sentence into pieces (the pieces
have no machine translation of their own and name their origin), and a merge joins two
(the merged segment carries both machine translations). The scorecard compares like with
like, so it works on units: one original sentence (or merged pair) with every piece split
off it, its MT and the corrected text those pieces make together (empty when deleted).
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.core.diff import tokenize
from reviewer.core.review import Review, Segment


@dataclass(frozen=True)
class SentenceUnit:
    """One machine-translated sentence and its correction."""

    id: str  # the id of the segment that holds the machine translation
    index: int  # 1-based position among units
    segment_ids: tuple[str, ...]  # that segment and any pieces split off it, in order
    mt: str
    corrected: str  # "" when the reviewer deleted the sentence

    @property
    def deleted(self) -> bool:
        return not self.corrected

    @property
    def changed(self) -> bool:
        return self.mt != self.corrected


def sentence_units(review: Review) -> list[SentenceUnit]:
    """The review's units in document order."""
    segments = review.segments
    by_id = {segment.id: segment for segment in segments}
    groups: dict[str, list[Segment]] = {}
    last_root: str | None = None
    for segment in segments:
        root = _root_of(segment, by_id, last_root)
        if root is None or (root != segment.id and root not in groups):
            root = last_root if last_root in groups else segment.id
        groups.setdefault(root, []).append(segment)
        if root == segment.id:
            last_root = root
    units = []
    for index, (root, members) in enumerate(groups.items(), start=1):
        texts = [member.text for member in members if member.text]
        unit = review.unit(root)  # a bilingual unit: its inline codes are not words
        plain = unit.without_codes if unit is not None else str
        units.append(
            SentenceUnit(
                id=root,
                index=index,
                segment_ids=tuple(member.id for member in members),
                mt=plain(by_id[root].mt),
                corrected=plain(" ".join(texts)),
            )
        )
    return units


def _root_of(segment: Segment, by_id: dict[str, Segment], last_root: str | None) -> str | None:
    """The unit a segment belongs to: itself if it has a machine translation (or is not a
    piece of another), else the sentence it was split off, else the one before it."""
    if segment.mt or not segment.origin:
        return segment.id
    seen = {segment.id}
    current = segment
    while not current.mt and current.origin:
        parent = by_id.get(current.origin[0])
        if parent is None or parent.id in seen:
            return last_root
        seen.add(parent.id)
        current = parent
    return current.id


def count_words(text: str) -> int:
    """Words as the scorecard counts them: letters and digits, punctuation left out."""
    return sum(1 for token in tokenize(text) if token[0].isalnum())
