"""Colours and metrics shared by the views, so severities look the same everywhere."""

from __future__ import annotations

from PySide6.QtGui import QColor

from reviewer.core.flags import Severity

SEVERITY_COLOURS: dict[Severity, QColor] = {
    Severity.CRITICAL: QColor("#c62828"),
    Severity.MAJOR: QColor("#e67e22"),
    Severity.MINOR: QColor("#1e88e5"),
}
SEVERITY_TINTS: dict[Severity, QColor] = {
    Severity.CRITICAL: QColor("#fdecea"),
    Severity.MAJOR: QColor("#fff3e0"),
    Severity.MINOR: QColor("#e8f1fb"),
}
MUTED_TEXT = QColor("#7a7f87")
# a sentence marked high risk (likely a Major error): a bar down the row's left edge, in a
# colour no severity uses, since it is a call to read closely rather than a found error
HIGH_RISK = QColor("#7b4bb7")
HIGH_RISK_BAR = 3
REVIEWED = QColor("#2e7d32")
SELECTION = QColor("#dbe9fb")
ROW_SEPARATOR = QColor("#e6e8eb")
PARAGRAPH_GAP = 10
ROW_PADDING = 8
NUMBER_COLUMN = 44
BADGE_COLUMN = 64
# an error the reviewer marked by hand (Ctrl+M): a solid line under the words in the
# severity's colour, thicker than and below the checkers' wavy underline, so the two read
# apart and both show where a mark and a flag overlap
MARK_UNDERLINE_WIDTH = 2.0
