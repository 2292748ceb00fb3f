"""The banner a window shows while its review cannot be written.

Two reasons: a write failed (read-only folder, full disk; "Try Again" probes a write and
makes the review writable again when it works), or the review was opened read-only because
another window or process holds it. While the banner shows, the window's write actions are
disabled and review commands are refused; nothing is shown as done that was not saved.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class ReadOnlyBanner(QFrame):
    """A yellow strip above the sentences: why the review is read-only, and "Try Again"."""

    retryRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("read-only-banner")
        self.setStyleSheet(
            "QFrame#read-only-banner { background: #fff4ce; border-bottom: 1px solid #e0c36a; }"
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.retry_button = QPushButton("Try Again")
        self.retry_button.clicked.connect(lambda _checked=False: self.retryRequested.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.retry_button)
        self.hide()

    def show_reason(self, text: str, *, can_retry: bool) -> None:
        self.label.setText(text)
        self.retry_button.setVisible(can_retry)
        self.show()

    def clear(self) -> None:
        self.label.clear()
        self.hide()
