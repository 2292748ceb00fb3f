"""A Qt list model over a review's sentences, their open flags and their status.

The model holds no copy of the text: rows are the review's segments (deleted ones too, so
a deleted sentence stays visible and can be restored) and every role is read from the
`Review` on demand. After a command the window hands the model its `ChangeSet`, and only
the rows it names repaint; a split or merge resets the list.

In a bilingual review each row is a translation unit: `UnitRole` gives the unit (its source,
its inline codes) and `SourceRole` its source while View > Show Source is on.

`RiskRole` is the row's sentence risk (`reviewer.core.risk`: how likely it holds a Major
error, from its text and open flags) and `HighRiskRole` whether it is marked for reading
against the source; both are cached per row and dropped with the row's flags.

`AnnotationsRole` gives the errors the reviewer marked by hand in the row (Ctrl+M), placed
in the sentence as it reads now (`placed_annotations`): a mark stores the offsets of the
text it was made on, and every later edit of the sentence moves it, as the review's edits
log replays them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from difflib import SequenceMatcher
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from reviewer.app.codes import readable, unit_codes
from reviewer.core.bilingual import Unit
from reviewer.core.document import Document, Sentence
from reviewer.core.flags import Flag, Severity
from reviewer.core.review import (
    Annotation,
    ChangeSet,
    Review,
    ReviewFlag,
    Segment,
    SentenceStatus,
)
from reviewer.core.risk import (
    is_high_risk,
    sentence_risk,
    source_features,
    typical_log_length,
    typical_log_ratio,
)

ModelIndex = QModelIndex | QPersistentModelIndex
SentenceRole = Qt.ItemDataRole.UserRole + 1
FlagsRole = Qt.ItemDataRole.UserRole + 2
SeverityRole = Qt.ItemDataRole.UserRole + 3
StatusRole = Qt.ItemDataRole.UserRole + 4
DeletedRole = Qt.ItemDataRole.UserRole + 5
UnitRole = Qt.ItemDataRole.UserRole + 6
SourceRole = Qt.ItemDataRole.UserRole + 7
RiskRole = Qt.ItemDataRole.UserRole + 8
HighRiskRole = Qt.ItemDataRole.UserRole + 9
AnnotationsRole = Qt.ItemDataRole.UserRole + 10
HIGH_RISK_NOTE = "High risk: this sentence likely holds a Major error. Read it against the source."


class SentenceModel(QAbstractListModel):
    """Rows are segments; `FlagsRole` gives the open flags inside each, merged."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._review: Review | None = None
        self._ids: list[str] = []
        self._open_flags: dict[str, list[ReviewFlag]] = {}
        # Open flags by severity, kept as rows change, so the header costs the rows that
        # changed rather than the whole document (2 s a check at 100,000 sentences).
        self._counts: dict[Severity, int] = dict.fromkeys(Severity, 0)
        self._counted: dict[str, list[Severity]] = {}
        self._uncounted: set[str] = set()
        # Rows as the delegate paints them, valid as long as the review's layout is.
        self._sentences: dict[int, Sentence] = {}
        self._sentences_layout: object = None
        self._risks: dict[str, float] = {}
        # a bilingual review's usual length ratio, taken once per review: one unit's edit
        # barely moves a median, and re-taking it would cost every unit per repaint
        self._typical_ratio: float | None = None
        self._typical_words: float | None = None  # the same for sentence lengths
        self.show_source = True
        self._annotations: dict[str, list[Annotation]] = {}

    @property
    def review(self) -> Review | None:
        return self._review

    @property
    def document(self) -> Document:
        """The corrected document (empty when no review is open)."""
        return self._review.document if self._review else Document.from_text("")

    def set_review(self, review: Review | None) -> None:
        """Show another review (or none); cached rows are dropped."""
        self.beginResetModel()
        self._review = review
        self._ids = [segment.id for segment in review.segments] if review else []
        self._open_flags = {}
        self._counts = dict.fromkeys(Severity, 0)
        self._counted = {}
        self._uncounted = set(self._ids)
        self._sentences = {}
        self._risks = {}
        self._typical_ratio = None
        self._typical_words = None
        self._annotations = {}
        self.endResetModel()

    def set_show_source(self, shown: bool) -> None:
        """Show (or hide) each unit's source above its target; rows change height."""
        if shown == self.show_source:
            return
        self.layoutAboutToBeChanged.emit()
        self.show_source = shown
        self.layoutChanged.emit()

    # -- changes ------------------------------------------------------------------------------

    def record_flags(self, engine: str, document: Document, flags: list[Flag]) -> set[str]:
        """Store one engine's flags in the review, repaint the rows that changed, and
        return their segment ids."""
        if self._review is None:
            return set()
        changed = self._review.record_flags(engine, document, flags)
        self.refresh(changed)
        return changed

    def apply(self, changes: ChangeSet | None) -> None:
        """Repaint what a command changed; reset the rows when sentences split or merged."""
        if changes is None or self._review is None:
            return
        if changes.structure_changed:
            self.set_review(self._review)
            return
        self.refresh(changes.sentence_ids)

    def refresh(self, segment_ids: Iterable[str]) -> None:
        if self._review is None:
            return
        for segment_id in segment_ids:
            self._open_flags.pop(segment_id, None)
            self._risks.pop(segment_id, None)
            self._annotations.pop(segment_id, None)
            for severity in self._counted.pop(segment_id, ()):
                self._counts[severity] -= 1
            self._uncounted.add(segment_id)
            position = self._review_position(segment_id)
            if position is not None:
                index = self.index(position, 0)
                self.dataChanged.emit(index, index)

    def _review_position(self, segment_id: str) -> int | None:
        assert self._review is not None
        try:
            return self._review.position_of(segment_id)
        except KeyError:
            return None

    # -- reading ------------------------------------------------------------------------------

    def segment_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, segment_id: str) -> int:
        return self._review.position_of(segment_id) if self._review else -1

    def segment(self, row: int) -> Segment:
        assert self._review is not None
        return self._review.segment(self._ids[row])

    def sentence(self, row: int) -> Sentence:
        """The row as the delegate paints it: a deleted sentence shows its last words."""
        assert self._review is not None
        layout = self._review.layout  # a new one after every change of the text
        if layout is not self._sentences_layout:
            self._sentences, self._sentences_layout = {}, layout
        sentence = self._sentences.get(row)
        if sentence is None:
            segment = self.segment(row)
            start, end = layout.span_of(segment.id)
            sentence = self._sentences[row] = Sentence(
                id=segment.id,
                index=row,
                paragraph=segment.paragraph,
                start=start,
                end=end,
                text=segment.text or segment.mt or "(deleted)",
            )
        return sentence

    def unit(self, row: int) -> Unit | None:
        """The row's translation unit (None in a plain-text review)."""
        if self._review is None or not self._review.bilingual:
            return None
        return self._review.unit(self._ids[row])

    def display_text(self, row: int) -> str:
        """The row's text as a person reads it: inline codes as their labels."""
        text = self.segment(row).text
        unit = self.unit(row)
        return readable(text, unit_codes(unit)) if unit is not None else text

    def review_flags_for_row(self, row: int) -> list[ReviewFlag]:
        """Every flag of the row, decided or not, placed in the current text."""
        if self._review is None or not 0 <= row < len(self._ids):
            return []
        return self._review.flags_in(self._ids[row])

    def open_review_flags_for_row(self, row: int) -> list[ReviewFlag]:
        """The row's open flags; their `start`/`end` (relative to the sentence) stay exact
        while other sentences change, their `flag` offsets may not (see `flags_for_row`)."""
        if self._review is None or not 0 <= row < len(self._ids):
            return []
        return self._open_flags_of(self._ids[row])

    def _open_flags_of(self, segment_id: str) -> list[ReviewFlag]:
        assert self._review is not None
        cached = self._open_flags.get(segment_id)
        if cached is None:
            cached = self._review.open_flags_in(segment_id)
            self._open_flags[segment_id] = cached
        return cached

    def flags_for_row(self, row: int) -> list[Flag]:
        """The row's open flags (what still needs the reviewer), at today's offsets.

        The cache keeps flags relative to their sentence; an edit elsewhere moves the
        sentence, so document offsets are taken from the current layout each time.
        """
        flags = self.open_review_flags_for_row(row)
        if not flags or self._review is None:
            return []
        start, _ = self._review.layout.span_of(self._ids[row])
        return [replace(rf.flag, start=start + rf.start, end=start + rf.end) for rf in flags]

    def risk_of_row(self, row: int) -> float:
        """The row's sentence risk (0 for a deleted sentence), with the unit's source
        features in a bilingual review."""
        segment = self.segment(row)
        cached = self._risks.get(segment.id)
        if cached is not None:
            return cached
        risk = 0.0
        if segment.text:
            unit = self.unit(row)
            source = None
            if unit is not None and unit.source:
                source = source_features(unit.source, segment.text, self._typical())
            risk = sentence_risk(
                segment.text,
                self.flags_for_row(row),
                source=source,
                typical_length=self._typical_length(),
            )
        self._risks[segment.id] = risk
        return risk

    def is_high_risk(self, row: int) -> bool:
        unit = self.unit(row)
        return is_high_risk(
            self.risk_of_row(row),
            bilingual=bool(unit and unit.source),
            flags=self.flags_for_row(row),
        )

    def _typical_length(self) -> float:
        if self._typical_words is None:
            assert self._review is not None
            self._typical_words = typical_log_length(
                [segment.text for segment in self._review.segments]
            )
        return self._typical_words

    def _typical(self) -> float:
        if self._typical_ratio is None:
            assert self._review is not None
            units = [self.unit(row) for row in range(len(self._ids))]
            self._typical_ratio = typical_log_ratio(
                (unit.source, unit.target) for unit in units if unit is not None
            )
        return self._typical_ratio

    def all_flags(self) -> list[Flag]:
        return [flag for row in range(len(self._ids)) for flag in self.flags_for_row(row)]

    def worst_severity_counts(self) -> dict[Severity, int]:
        """Open flags by severity, for the header (counting only rows changed since)."""
        if self._review is not None:
            for segment_id in self._uncounted:
                if self._review_position(segment_id) is None:
                    continue  # merged away
                cached = self._open_flags.get(segment_id)
                severities = (
                    [rf.flag.severity for rf in cached]
                    if cached is not None
                    else self._review.open_severities(segment_id)
                )
                self._counted[segment_id] = severities
                for severity in severities:
                    self._counts[severity] += 1
        self._uncounted = set()
        return dict(self._counts)

    def reviewed_count(self) -> int:
        if self._review is None:
            return 0
        return sum(1 for s in self._review.segments if s.status is SentenceStatus.REVIEWED)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids) or self._review is None:
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            unit = self.unit(row)
            text = self.display_text(row)
            if unit is not None and not self.show_source:  # the source, a hover away
                text = f"{readable(unit.source, unit_codes(unit))}\n\n{text}"
            if self.is_high_risk(row):
                text = f"{HIGH_RISK_NOTE}\n\n{text}"
            return text
        if role == SentenceRole:
            return self.sentence(row)
        if role == FlagsRole:
            return self.flags_for_row(row)
        if role == SeverityRole:
            flags = self.flags_for_row(row)
            return max((f.severity for f in flags), key=lambda s: s.rank) if flags else None
        if role == StatusRole:
            return self.segment(row).status
        if role == DeletedRole:
            return self.segment(row).deleted
        if role == UnitRole:
            return self.unit(row)
        if role == SourceRole:
            unit = self.unit(row)
            # None for a unit without a source (a Word document's): no empty line above it
            return unit.source if unit is not None and unit.source and self.show_source else None
        if role == RiskRole:
            return self.risk_of_row(row)
        if role == HighRiskRole:
            return self.is_high_risk(row)
        if role == AnnotationsRole:
            return self.annotations_for_row(row)
        return None

    def annotations_for_row(self, row: int) -> list[Annotation]:
        """The errors the reviewer marked in the row, at their place in today's text
        (none on a deleted sentence); cached per row and dropped when the row changes."""
        if self._review is None or not 0 <= row < len(self._ids):
            return []
        segment_id = self._ids[row]
        cached = self._annotations.get(segment_id)
        if cached is None:
            cached = self._annotations[segment_id] = placed_annotations(self._review, segment_id)
        return cached


# -- error marks in today's text ----------------------------------------------------------------

Opcode = tuple[str, int, int, int, int]


_TOKENS = re.compile(r"\w+|\s+|[^\w\s]")


def text_opcodes(before: str, after: str) -> Sequence[Opcode]:
    """How `before` became `after`, word by word (difflib's opcodes over words, spaces and
    punctuation marks, with character offsets): a changed word is replaced as a whole, and
    letters two different words happen to share do not tie them together."""
    old, new = _TOKENS.findall(before), _TOKENS.findall(after)
    old_at, new_at = _offsets(old), _offsets(new)
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    return [
        (tag, old_at[i1], old_at[i2], new_at[j1], new_at[j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


def _offsets(tokens: list[str]) -> list[int]:
    """Where each token starts, and the end of the last."""
    offsets = [0]
    for token in tokens:
        offsets.append(offsets[-1] + len(token))
    return offsets


def moved_span(opcodes: Sequence[Opcode], start: int, end: int) -> tuple[int, int] | None:
    """The span [start, end) after the change `opcodes` describe, or None if its text is gone.

    The span keeps its first and last characters: words typed inside it widen it, words
    typed just before or just after it stay outside, and replaced characters at its edges
    are replaced inside it (“took” → “taken” keeps the whole word marked).
    """
    if end <= start:
        return None
    new_start = new_end = None
    for tag, i1, i2, j1, j2 in opcodes:
        if i1 == i2:
            continue  # an insertion: it belongs to no character of the old text
        if new_start is None and i1 <= start < i2:
            new_start = j1 + (start - i1) if tag == "equal" else j1
        if i1 <= end - 1 < i2:
            new_end = j1 + (end - i1) if tag == "equal" else j2
            break
    if new_start is None or new_end is None or new_end <= new_start:
        return None
    return new_start, new_end


_GONE = (-1, -1)


def placed_annotations(review: Review, segment_id: str) -> list[Annotation]:
    """The sentence's error marks with `start`, `end` and `text` as the sentence reads now.

    A mark's offsets index the text it was made on; the edits the review logged for the
    sentence since then (undo and redo included) move it, one after the other. A mark whose
    words were all deleted is left out (the flag panel still lists it); if the log cannot be
    followed, the marked words are looked for nearest their old place.
    """
    annotations = review.annotations_in(segment_id)
    text = review.segment(segment_id).text
    if not annotations or not text:
        return []
    edits = review.store.query(
        "SELECT before, after, at FROM edits WHERE sentence_id = ? AND at >= ? ORDER BY seq",
        (segment_id, min(a.created_at for a in annotations)),
    )
    placed = []
    for annotation in annotations:
        span = _replayed(annotation, edits, text)
        if span is None:
            span = _nearest_span(annotation, text)
        if span is None or span == _GONE:
            continue
        start, end = span
        placed.append(replace(annotation, start=start, end=end, text=text[start:end]))
    return sorted(placed, key=lambda a: (a.start, a.end))


def _replayed(
    annotation: Annotation, edits: list[tuple[Any, ...]], text: str
) -> tuple[int, int] | None:
    """The mark moved through the sentence's logged edits since it was made: a span,
    `_GONE` when its words were deleted, None when the log does not lead to `text`.

    An edit that deleted the marked words and is then undone brings the text back as it
    was, and the mark with it, where it stood in that text."""
    span: tuple[int, int] | None = (annotation.start, annotation.end)
    current: str | None = None
    seen: dict[str, tuple[int, int]] = {}  # the texts the mark lived in, and where
    for before, after, at in edits:
        if at < annotation.created_at:
            continue
        if current is None and before[annotation.start : annotation.end] != annotation.text:
            if at == annotation.created_at:
                continue  # an edit of the same millisecond, made before the mark
            return None
        if current is not None and before != current:
            return None
        if span is not None:
            seen[before] = span
            span = moved_span(text_opcodes(before, after), *span)
        if span is None:
            span = seen.get(after)
        current = after
    if current is None:
        return span if text[annotation.start : annotation.end] == annotation.text else None
    if current != text:
        return None
    return span if span is not None else _GONE


def _nearest_span(annotation: Annotation, text: str) -> tuple[int, int] | None:
    """Where the marked words stand in `text`, nearest the mark's old place."""
    if not annotation.text:
        return None
    best: int | None = None
    position = text.find(annotation.text)
    while position >= 0:
        if best is None or abs(position - annotation.start) < abs(best - annotation.start):
            best = position
        position = text.find(annotation.text, position + 1)
    return None if best is None else (best, best + len(annotation.text))
