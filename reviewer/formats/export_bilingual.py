"""The corrected bilingual file: the reviewed XLIFF, PO, TMX, CSV/TSV or DOCX, written back.

Only what the reviewer changed is written: a unit's target when its text differs from the
machine translation, and the reviewed state for units marked reviewed. The file's own
writer (`reviewer.formats.bilingual`) keeps everything else as the file had it.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from reviewer.core.review import DecisionStatus, Review, SentenceStatus
from reviewer.formats.bilingual import notes_name_their_author, write_bilingual

NOTE_AUTHOR = "MT Reviewer"


def corrected_file_bytes(
    review: Review, *, rejected_notes: bool = False
) -> tuple[bytes, list[str]]:
    """The reviewed file's bytes with the corrections, and notices for the user."""
    original, *_ = review.store.original()
    targets: dict[str, str] = {}
    reviewed: list[str] = []
    for segment in review.segments:
        unit = review.unit(segment.id)
        if unit is None:
            continue
        if segment.text != unit.target:
            targets[segment.id] = segment.text
        if segment.status is SentenceStatus.REVIEWED:
            reviewed.append(segment.id)
    notes: dict[str, list[str]] = defaultdict(list)
    # "MT Reviewer: " only where the note itself cannot say who wrote it (a PO comment, a
    # TMX note, a CSV cell): an XLIFF <note from="MT Reviewer"> or a Word comment by "MT
    # Reviewer" already does, and would read "MT Reviewer" twice
    signed = rejected_notes and not notes_name_their_author(original, review.file_name)
    author = f"{NOTE_AUTHOR}: " if signed else ""
    if rejected_notes:
        for decision in sorted(review.decisions, key=lambda d: d.decided_at):
            if decision.status is DecisionStatus.REJECTED and review.unit(decision.key.sentence_id):
                reason = f": {decision.reason}" if decision.reason else ""
                notes[decision.key.sentence_id].append(
                    f"{author}{decision.key.rule} on “{decision.key.text}” rejected{reason}"
                )
    data = write_bilingual(
        original, review.file_name, targets, reviewed=reviewed, notes=dict(notes)
    )
    notices = []
    unmarked = len(targets.keys() - set(reviewed))
    if unmarked and _has_states(review):
        notices.append(
            "1 corrected unit not marked reviewed keeps its state in the file"
            if unmarked == 1
            else f"{unmarked} corrected units not marked reviewed keep their state in the file"
        )
    return data, notices


# Formats whose units carry a workflow state that a reviewed unit changes; a Word document
# and a TMX have none, and a CSV or TSV only when it has a state column (a unit with one).
_STATE_FORMATS = frozenset({".xlf", ".xliff", ".po", ".pot"})


def _has_states(review: Review) -> bool:
    suffix = Path(review.file_name).suffix.lower()
    if suffix in _STATE_FORMATS:
        return True
    units = (review.unit(segment.id) for segment in review.segments)
    return suffix in (".csv", ".tsv") and any(unit is not None and unit.state for unit in units)
