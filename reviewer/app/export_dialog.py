"""File > Export…: choose a file and a format, write the review there (reviewer/formats)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reviewer.core.errors import ReviewerError
from reviewer.core.review import Review
from reviewer.formats.export import ExportResult, export_review

# (file dialog filter, extension, tracked changes)
EXPORT_FILTERS: tuple[tuple[str, str, bool], ...] = (
    ("Corrected text (*.txt)", ".txt", False),
    ("Word document (*.docx)", ".docx", False),
    ("Word document, changes shown (*.docx)", ".docx", True),
    ("TMX 1.4 sentence pairs (*.tmx)", ".tmx", False),
    ("CSV sentence pairs (*.csv)", ".csv", False),
    ("JSON Lines sentence pairs (*.jsonl)", ".jsonl", False),
)


def suggested_export_path(review: Review) -> Path:
    """`article.txt` -> `article.corrected.txt` beside it (never the original itself)."""
    if review.text_path:
        text = Path(review.text_path)
        return text.with_name(f"{text.stem}.corrected{text.suffix or '.txt'}")
    return review.path.with_name(review.path.name.removesuffix(".review") + ".corrected.txt")


def export_from_window(parent: QWidget, review: Review) -> ExportResult | None:
    """Ask where to export, write it, and say what happened (errors in one line)."""
    filters = ";;".join(label for label, _, _ in EXPORT_FILTERS)
    path, chosen = QFileDialog.getSaveFileName(
        parent, "Export", str(suggested_export_path(review)), filters
    )
    if not path:
        return None
    extension, tracked = next(
        ((ext, tr) for label, ext, tr in EXPORT_FILTERS if label == chosen), (".txt", False)
    )
    target = Path(path)
    if target.suffix.lower() != extension:
        if target.suffix.lower() in {ext for _, ext, _ in EXPORT_FILTERS}:
            tracked = tracked and target.suffix.lower() == ".docx"  # the typed name wins
        else:
            target = target.with_name(target.name + extension)
    try:
        result = export_review(review, target, tracked=tracked)
    except ReviewerError as exc:
        QMessageBox.warning(parent, "Export failed", str(exc))
        return None
    if result.notices:
        QMessageBox.information(parent, "Exported", "\n".join(result.notices))
    return result
