"""Guard against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0's `QCoreApplication.processEvents()` releases a reference to `None` it never
took; after enough calls (pytest-qt's waits call it in a loop) Python aborts with
"deallocating None". pyproject.toml excludes that version; this test catches a relapse.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication


def test_process_events_keeps_reference_counts(qapp: QApplication) -> None:
    before = sys.getrefcount(None)
    for _ in range(2000):
        qapp.processEvents()
    assert sys.getrefcount(None) >= before - 50
