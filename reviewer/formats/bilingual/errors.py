"""The one error every bilingual reader and writer raises for a problem in the user's file."""

from __future__ import annotations

from reviewer.core.errors import ReviewerError


class BilingualFormatError(ReviewerError):
    """A bilingual file cannot be read or written back; the message is one line naming it."""
