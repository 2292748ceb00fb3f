"""Start the Qt application (imported only when the GUI is wanted)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from reviewer.app.main_window import MainWindow
from reviewer.core.engine import CheckOptions


def run_app(path: str | None, language: str = "en-US") -> int:
    """Open the main window, optionally on a file, and run the event loop."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("MT Reviewer")
    app.setOrganizationName("MT Reviewer")
    window = MainWindow(options=CheckOptions(language=language))
    window.show()
    if path:
        window.open_path(path)
    return int(app.exec())
