"""Domain logic without Qt: documents, segmentation, flags, engines, checks.

Nothing under this package may import Qt, so the CLI and tests can use it headless
(enforced by ruff's banned-api rule and by tests/core/test_no_qt.py).
"""
