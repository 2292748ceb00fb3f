"""Find, create and open the `.review` file of a document.

The review sits beside the text and is named after the whole file name
(`article.txt` -> `article.txt.review`), so `article.xlf` beside it gets its own. Where that
folder cannot be written (a read-only share, a mounted CD), the review goes to the user's
data folder instead, under a name that includes a hash of the text's full path.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path

import platformdirs

from reviewer.core.bilingual import units_to_json
from reviewer.core.document import Document
from reviewer.core.errors import ReviewerError
from reviewer.core.review.layout import segments_from_document
from reviewer.core.review.model import now_iso
from reviewer.core.review.session import Review
from reviewer.core.review.store import ReviewFileError, ReviewStore
from reviewer.core.textio import read_file_bytes
from reviewer.formats.documents import document_from_bytes

REVIEW_SUFFIX = ".review"


class TextChangedError(ReviewerError):
    """The text file differs from the one the review was made on."""

    def __init__(self, text_path: Path, review_path: Path) -> None:
        super().__init__(
            f"{text_path.name} has changed on disk since its review was started; "
            f"open the review as it was, or start a new review (the current one is kept "
            f"beside it as {review_path.name}.<date>.bak)."
        )
        self.text_path = text_path
        self.review_path = review_path


def review_path_for(text_path: str | Path) -> Path:
    """Where the review of `text_path` is (if one exists) or would be created."""
    text_path = Path(text_path)
    beside = text_path.with_name(text_path.name + REVIEW_SUFFIX)
    fallback = fallback_review_path(text_path)
    if beside.exists():
        return beside
    if fallback.exists():
        return fallback
    return beside if os.access(text_path.parent, os.W_OK) else fallback


def fallback_review_path(text_path: Path) -> Path:
    """The review's place in the user's data folder, for texts in read-only folders."""
    digest = hashlib.sha1(str(text_path.resolve()).encode("utf-8")).hexdigest()[:10]
    folder = Path(os.environ.get("REVIEWER_DATA_DIR") or platformdirs.user_data_dir("mt-reviewer"))
    return folder / "reviews" / f"{text_path.name}.{digest}{REVIEW_SUFFIX}"


def open_review(
    text_path: str | Path,
    *,
    review_path: str | Path | None = None,
    reviewer: str = "",
    language: str = "en-US",
    accept_changed_text: bool = False,
) -> Review:
    """Open the review of a text, creating it (and segmenting the text) the first time.

    If the text changed on disk since the review began, `TextChangedError` is raised unless
    `accept_changed_text`, which opens the review as it was (the review holds its text).
    """
    text_path = Path(text_path)
    target = Path(review_path) if review_path else review_path_for(text_path)
    if target.exists():
        review = open_review_file(target, reviewer=reviewer)
        if text_path.is_file() and not accept_changed_text:
            current = hashlib.sha256(read_file_bytes(text_path)).hexdigest()
            if current != review.original_sha256:
                review.close()
                raise TextChangedError(text_path, target)
        return review
    data = read_file_bytes(text_path)
    document = document_from_bytes(data, str(text_path), language)
    return create_review(target, data, document, reviewer=reviewer)


def open_review_file(
    review_path: str | Path, *, reviewer: str = "", read_only: bool = False
) -> Review:
    """Open an existing `.review` file directly (no text file needed).

    `read_only` is for exports and reports: it works while a window holds the review,
    takes no lock and writes nothing (every command raises `ReviewWriteError`).
    """
    store = ReviewStore.open(Path(review_path), read_only=read_only)
    try:
        return Review(store, reviewer=reviewer)
    except BaseException:
        store.close()
        raise


def create_review(
    review_path: str | Path, data: bytes, document: Document, *, reviewer: str = ""
) -> Review:
    """Write a new review of `document` (read from `data`), atomically, and open it.

    The file is built under a temporary name in the same folder and renamed into place,
    so an interrupted creation never leaves a half-made review to trip over.
    """
    target = Path(review_path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
    except OSError as exc:
        raise ReviewFileError(f"{target}: cannot create the review ({exc.strerror})") from None
    os.close(handle)
    os.unlink(temporary)  # SQLite creates it afresh; only the unique name was wanted
    segments, tail = segments_from_document(document)
    try:
        store = ReviewStore.open(Path(temporary), create=True)
        try:
            with store.transaction():
                store.set_original(data, document.text, hashlib.sha256(data).hexdigest(), tail)
                store.insert_segments(segments)
                store.set_meta("language", document.language)
                store.set_meta(
                    "text_path", str(Path(document.path).resolve()) if document.path else ""
                )
                store.set_meta("file_name", Path(document.path).name if document.path else "")
                store.set_meta("created_at", now_iso())
                store.set_meta("created_by", reviewer)
                if document.units:
                    store.set_meta("units", units_to_json(document.units))
                    store.set_meta("source_language", document.source_language)
            store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            store.close()
        os.replace(temporary, target)
    except BaseException:
        for leftover in (temporary, temporary + "-wal", temporary + "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(leftover)
        raise
    return open_review_file(target, reviewer=reviewer)
