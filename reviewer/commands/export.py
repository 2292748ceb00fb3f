"""`reviewer export FILE.review --to OUT.txt|.docx|.tmx|.csv|.jsonl`: write a review out.

The format comes from OUT's extension. The review is only read: a review that a window
(or another process) has open is opened read-only beside it, without its lock.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from reviewer.core.errors import InputError
from reviewer.core.review import Review, ReviewLockedError, open_review_file, review_path_for
from reviewer.formats.export import export_format, export_review


def run_export_command(args: argparse.Namespace) -> int:
    """Export; exit 0 when written, 2 (via ReviewerError) with one line otherwise."""
    export_format(args.to)  # an unknown extension fails before anything is opened
    review = open_for_export(Path(args.path))
    try:
        result = export_review(
            review, args.to, tracked=args.tracked_changes, rejected_notes=args.rejected_notes
        )
    finally:
        review.close()
    for notice in result.notices:
        print(f"reviewer: warning: {notice}", file=sys.stderr)
    count = result.sentences
    print(
        f"reviewer: exported {count} sentence{'' if count == 1 else 's'} to {result.path}",
        file=sys.stderr,
    )
    return 0


def open_for_export(path: Path) -> Review:
    """Open a `.review` (or the review of a text) to read it, even while a window has it.

    When nobody holds it, it is opened normally (and closed at once), so SQLite tidies its
    WAL files as usual; when a window holds its lock, or it cannot be written, read-only.
    """
    if path.suffix != ".review" and path.is_file():
        beside = review_path_for(path)
        if not beside.is_file():
            raise InputError(f"{path}: no review of this text yet (open it in the window first)")
        path = beside
    if not path.is_file():
        raise InputError(f"{path}: no such review file")
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return open_review_file(path, read_only=True)
    try:
        return open_review_file(path)
    except ReviewLockedError:
        return open_review_file(path, read_only=True)
