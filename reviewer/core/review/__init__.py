"""Review state: decisions, edits and annotations on one document, kept in a `.review` file."""

from reviewer.core.review.flagset import ReviewFlag
from reviewer.core.review.model import (
    Annotation,
    Decision,
    DecisionStatus,
    FlagKey,
    Segment,
    SentenceStatus,
)
from reviewer.core.review.opening import (
    TextChangedError,
    create_review,
    open_review,
    open_review_file,
    review_path_for,
)
from reviewer.core.review.session import ChangeSet, Review, ReviewCommandError
from reviewer.core.review.store import ReviewFileError, ReviewLockedError, ReviewWriteError

__all__ = [
    "Annotation",
    "ChangeSet",
    "Decision",
    "DecisionStatus",
    "FlagKey",
    "Review",
    "ReviewCommandError",
    "ReviewFileError",
    "ReviewFlag",
    "ReviewLockedError",
    "ReviewWriteError",
    "Segment",
    "SentenceStatus",
    "TextChangedError",
    "create_review",
    "open_review",
    "open_review_file",
    "review_path_for",
]
