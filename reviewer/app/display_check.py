"""Fail with one clear line when Qt cannot open a window, instead of Qt's abort.

Qt aborts the process (SIGABRT, no Python exception) when its X11 plugin cannot load; on a
fresh Debian or Ubuntu desktop the usual cause is the missing libxcb-cursor0 package. We check
the preconditions we can see before creating the QApplication.
"""

from __future__ import annotations

import ctypes.util
import os
import sys

from reviewer.core.errors import ConfigurationError

_HEADLESS_PLATFORMS = {"offscreen", "minimal", "vnc", "eglfs", "linuxfb"}


def ensure_display_available() -> None:
    """Raise `ConfigurationError` when no window can be shown on this Linux session."""
    if not sys.platform.startswith("linux"):
        return
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0]
    if platform in _HEADLESS_PLATFORMS or platform.startswith("wayland"):
        return
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        raise ConfigurationError(
            "no display to open the window on (DISPLAY is not set); "
            "use `reviewer check` for headless use"
        )
    if os.environ.get("DISPLAY") and ctypes.util.find_library("xcb-cursor") is None:
        raise ConfigurationError(
            "Qt needs the system library libxcb-cursor0 to open a window; "
            "install it (Debian/Ubuntu: sudo apt-get install libxcb-cursor0)"
        )
