"""Errors a user can act on.

Every error raised for bad input carries a one-line message that the CLI prints as is,
so users never see a traceback for a problem in their own file or settings.
"""


class ReviewerError(Exception):
    """Base class for errors that are reported to the user as one line."""


class InputError(ReviewerError):
    """The input file cannot be read as text (missing, directory, binary, undecodable)."""


class ConfigurationError(ReviewerError):
    """A setting (engine name, language, server URL) is not usable."""
