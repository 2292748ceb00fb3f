"""Start the Qt application (imported only when the GUI is wanted)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from reviewer.app.display_check import ensure_display_available
from reviewer.app.engine_process import stop_engine_process
from reviewer.app.main_window import MainWindow
from reviewer.formats.documents import load_document
from reviewer.shutdown import call_on_stop_signals

_SIGNAL_POLL_MS = 250


def run_app(path: str | None, language: str | None = None) -> int:
    """Open the main window, optionally on a file, and run the event loop.

    The file is read before any window appears, so `reviewer missing.txt` fails on the
    command line like every other subcommand (one line, exit 2) instead of flashing a window.
    """
    if path and not path.endswith(".review"):
        # refuse bad input here; a bilingual file (a .docx, an XLIFF) is read as the window
        # reads it, not as text (a Word document is a zip: "binary file, not text")
        load_document(path, language=language or "en-US")
    ensure_display_available()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("MT Reviewer")
    app.setOrganizationName("MT Reviewer")
    # Quitting through a queued timer: a signal that arrives while the window is still being
    # built (before the event loop runs) would otherwise be lost, as quit() does nothing then.
    call_on_stop_signals(lambda: QTimer.singleShot(0, app.quit))
    wake_python = QTimer(app)  # lets Python run its signal handlers during Qt's event loop
    wake_python.timeout.connect(lambda: None)
    wake_python.start(_SIGNAL_POLL_MS)
    window = MainWindow(language=language)
    window.show()
    if path:
        # opened once the event loop runs: a message box it shows (text changed on disk, a
        # bad project file) is then inside app.exec(), so a stop signal still quits the app
        # (a quit before exec() only closed the box, and SIGTERM was lost)
        QTimer.singleShot(0, lambda: window.open_path(path))
    try:
        return int(app.exec())
    finally:
        stop_engine_process()
