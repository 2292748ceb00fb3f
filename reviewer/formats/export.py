"""Export a review: the format comes from the target's extension, the write is atomic.

Shared by `reviewer export` and the window's File > Export. Each format module turns the
review into bytes; `atomic_write` puts them in place, so an interrupted export never leaves
a half file where a good one was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reviewer.core.errors import ReviewerError
from reviewer.core.review import Review
from reviewer.formats.atomic import atomic_write

# extension -> what the file dialog and error messages call it
EXPORT_FORMATS: dict[str, str] = {
    ".txt": "Plain text",
    ".docx": "Word document",
    ".tmx": "TMX 1.4 sentence pairs",
    ".csv": "CSV sentence pairs",
    ".jsonl": "JSON Lines sentence pairs",
}
# A bilingual review is also written back into its own format (XLIFF, PO, ...): these
# extensions are that, and only that; .docx, .tmx and .csv are a write-back when the
# reviewed file itself was one, and the exports above otherwise.
WRITE_BACK_FORMATS: dict[str, str] = {
    ".xlf": "XLIFF (the reviewed file, corrected)",
    ".xliff": "XLIFF (the reviewed file, corrected)",
    ".sdlxliff": "SDL XLIFF (the reviewed file, corrected)",
    ".mqxliff": "memoQ XLIFF (the reviewed file, corrected)",
    ".po": "PO catalogue (the reviewed file, corrected)",
    ".pot": "PO template (the reviewed file, corrected)",
    ".tsv": "TSV (the reviewed file, corrected)",
}
OWN_FORMAT_LABELS = {  # what the window's Export dialog calls the corrected file itself
    ".docx": "Word document (the reviewed file, corrected)",
    ".tmx": "TMX (the reviewed file, corrected)",
    ".csv": "CSV (the reviewed file, corrected)",
}


class ExportFormatError(ReviewerError):
    """The target's extension names no export format, or an option does not apply to it."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str  # the extension, e.g. ".docx"
    sentences: int
    notices: list[str] = field(default_factory=list)


def export_format(path: str | Path) -> str:
    """The export format (extension) of `path`, or a one-line `ExportFormatError`."""
    target = Path(path)
    if target.is_dir():
        raise ExportFormatError(
            f"{path}: is a folder; name the file to write (e.g. {target / 'corrected.txt'})"
        )
    suffix = target.suffix.lower()
    if suffix not in EXPORT_FORMATS and suffix not in WRITE_BACK_FORMATS:
        # the write-back extensions only apply to a review of such a file (export_review
        # says so when they do not): named as a group, not offered to every review
        known = ", ".join(EXPORT_FORMATS)
        shown = f"“{suffix}”" if suffix else "no extension"
        raise ExportFormatError(
            f"{path}: cannot export to {shown}; use one of {known}, or for a bilingual "
            "review its own file's extension (.xlf, .po, ...)"
        )
    return suffix


def export_review(
    review: Review, path: str | Path, *, tracked: bool = False, rejected_notes: bool = False
) -> ExportResult:
    """Write the review to `path` in the format its extension names.

    A bilingual review exported to its own file's extension is the corrected file itself
    (`rejected_notes` adds a note for each rejected flag to its unit).
    """
    target = Path(path)
    suffix = export_format(target)
    if writes_back(review, suffix) and not (tracked and suffix == ".docx"):
        # a Word document reviewed, exported with its changes shown: a new document that
        # shows them (below), not the reviewed file written back
        if tracked:
            raise ExportFormatError("tracked changes cannot be shown in a corrected bilingual file")
        from reviewer.formats.export_bilingual import corrected_file_bytes

        data, notices = corrected_file_bytes(review, rejected_notes=rejected_notes)
        atomic_write(target, data)
        return ExportResult(target, suffix, len(review.segments), notices)
    if suffix in WRITE_BACK_FORMATS:
        original = Path(review.file_name).suffix or "a text"
        raise ExportFormatError(
            f"{path}: a {suffix} file can only be written for the review of a {suffix} file "
            f"(this review is of {original}); use one of {', '.join(EXPORT_FORMATS)}"
        )
    if rejected_notes:
        raise ExportFormatError("notes for rejected flags go into a corrected bilingual file")
    if tracked and suffix != ".docx":
        raise ExportFormatError("tracked changes can only be shown in a .docx export")
    data, notices = render_export(review, suffix, tracked=tracked)
    atomic_write(target, data)
    return ExportResult(target, suffix, len(review.segments), notices)


def writes_back(review: Review, suffix: str) -> bool:
    """Whether exporting `review` to `suffix` means writing the reviewed file back."""
    return review.bilingual and Path(review.file_name).suffix.lower() == suffix


def render_export(review: Review, suffix: str, *, tracked: bool = False) -> tuple[bytes, list[str]]:
    """The bytes of the export in format `suffix`, and notices for the user."""
    if suffix == ".txt":
        from reviewer.formats.export_text import corrected_text_bytes

        text = corrected_text_bytes(review)
        return text.data, text.notices
    if suffix == ".docx":
        from reviewer.formats.export_docx import docx_bytes

        return docx_bytes(review, tracked=tracked)
    from reviewer.formats.export_pairs import csv_bytes, jsonl_bytes, sentence_pairs, tmx_bytes

    pairs = sentence_pairs(review)
    if suffix == ".tmx":
        languages = (review.source_language, review.language) if review.bilingual else None
        return tmx_bytes(pairs, languages), []
    writers = {".csv": csv_bytes, ".jsonl": jsonl_bytes}
    if suffix not in writers:
        raise ExportFormatError(f"unknown export format {suffix}")
    return writers[suffix](pairs), []
