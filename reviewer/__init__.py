"""MT Reviewer: review and post-edit machine-translated English."""

__version__ = "0.1.0"
