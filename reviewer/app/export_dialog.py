"""File > Export…: choose a file and a format, write the review there (reviewer/formats)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reviewer.core.errors import ReviewerError
from reviewer.core.review import Review
from reviewer.formats.export import (
    OWN_FORMAT_LABELS,
    WRITE_BACK_FORMATS,
    ExportResult,
    export_review,
    writes_back,
)

# (file dialog filter, extension, tracked changes)
EXPORT_FILTERS: tuple[tuple[str, str, bool], ...] = (
    ("Corrected text (*.txt)", ".txt", False),
    ("Word document (*.docx)", ".docx", False),
    ("Word document, changes shown (*.docx)", ".docx", True),
    ("TMX 1.4 sentence pairs (*.tmx)", ".tmx", False),
    ("CSV sentence pairs (*.csv)", ".csv", False),
    ("JSON Lines sentence pairs (*.jsonl)", ".jsonl", False),
)


def export_filters(review: Review) -> tuple[tuple[str, str, bool], ...]:
    """The dialog's formats: a bilingual review offers its own file, corrected, first."""
    suffix = Path(review.file_name).suffix.lower()
    if not writes_back(review, suffix):
        return EXPORT_FILTERS
    label = WRITE_BACK_FORMATS.get(suffix) or OWN_FORMAT_LABELS[suffix]
    own = (f"{label} (*{suffix})", suffix, False)
    # the reviewed file replaces the plain export of its extension; a Word document with the
    # changes shown stays on offer for a reviewed .docx
    return (own, *(entry for entry in EXPORT_FILTERS if entry[1] != suffix or entry[2]))


def suggested_export_path(review: Review) -> Path:
    """`article.txt` -> `article.corrected.txt` beside it (never the original itself)."""
    if review.text_path:
        text = Path(review.text_path)
        return text.with_name(f"{text.stem}.corrected{text.suffix or '.txt'}")
    return review.path.with_name(review.path.name.removesuffix(".review") + ".corrected.txt")


def export_from_window(parent: QWidget, review: Review) -> ExportResult | None:
    """Ask where to export, write it, and say what happened (errors in one line)."""
    choices = export_filters(review)
    filters = ";;".join(label for label, _, _ in choices)
    path, chosen = QFileDialog.getSaveFileName(
        parent, "Export", str(suggested_export_path(review)), filters
    )
    if not path:
        return None
    extension, tracked = next(
        ((ext, tr) for label, ext, tr in choices if label == chosen), (choices[0][1], False)
    )
    target = Path(path)
    if target.suffix.lower() != extension:
        if target.suffix.lower() in {ext for _, ext, _ in choices}:
            tracked = tracked and target.suffix.lower() == ".docx"  # the typed name wins
        else:
            target = target.with_name(target.name + extension)
    try:
        result = export_review(review, target, tracked=tracked)
    except ReviewerError as exc:
        QMessageBox.warning(parent, "Export failed", str(exc))
        return None
    if result.notices:  # with what was done: the box has no title bar on every desktop
        QMessageBox.information(
            parent, "Exported", "\n\n".join([f"Exported to {target.name}.", *result.notices])
        )
    return result
