"""The longest event-loop stall, as a reviewer feels it: shared by the window benchmarks."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QTimer


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
