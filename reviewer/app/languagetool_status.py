"""Forward the LanguageTool server's state to the GUI thread.

`ServerManager` calls its listeners from a background thread; Qt widgets may only be touched
on the GUI thread, so the listener only emits a signal (delivered queued) and the window
updates its status bar from the slot. The server is started here, without waiting, so the
document is on screen while Java starts.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from reviewer.core.errors import ConfigurationError
from reviewer.engines.languagetool.server import ServerManager, ServerStatus, describe_status


class LanguageToolStatusBridge(QObject):
    """Emits `changed(text)` with a one-line description of LanguageTool's state."""

    changed = Signal(str)
    _status = Signal(object)

    def __init__(
        self,
        server: ServerManager | None,
        remote_url: Callable[[], str | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._remove: Callable[[], None] | None = None
        self._status.connect(self._on_status)
        self.server = server
        try:
            remote = remote_url()
        except ConfigurationError as exc:
            self.description = f"failed: {exc}"
            return
        if remote is not None:
            self.description = f"using {remote}"
            return
        self.description = "not started"
        if server is not None:
            self._remove = server.add_listener(self._status.emit)
            server.start()

    def close(self) -> None:
        """Stop listening (the shared server itself is stopped at process exit)."""
        if self._remove is not None:
            self._remove()
            self._remove = None

    def _on_status(self, status: ServerStatus) -> None:
        self.description = describe_status(status)
        self.changed.emit(self.description)
