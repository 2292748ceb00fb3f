"""What the window benchmarks share: the longest event-loop stall, as a reviewer feels it,
and waiting, with the event loop running, until the window gets somewhere."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from reviewer.app.main_window import MainWindow


def wait(app: QApplication, condition: Callable[[], bool], seconds: float) -> None:
    """Run the event loop until `condition` holds; TimeoutError after `seconds`."""
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.002)


def engines_settled(window: MainWindow) -> bool:
    """Every engine of the window is ready or unavailable: the check is over."""
    return all(
        window.engine_states.get(engine.name, "").startswith(("ready", "unavailable"))
        for engine in window.engines
    )


class StallMeter:
    """Ticks every `interval_ms`; the longest gap between ticks is the longest stall."""

    def __init__(self, interval_ms: int) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[float] = []
        self._last = 0

    def start(self) -> None:
        self.gaps = []
        self.clock.start()
        self._last = 0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return max(self.gaps, default=0.0)

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.gaps.append((now - self._last) / 1000)
        self._last = now
