"""Fail with one clear line when Qt cannot open a window, instead of Qt's abort.

Qt aborts the process (SIGABRT, no Python exception) when its X11 plugin cannot load. The
plugin needs a dozen system libraries (libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1 ...),
and which ones a fresh desktop lacks differs between systems, so we ask the dynamic linker
itself (`ldd` on the plugin and on Qt's XCB library) what is missing and name the Debian/Ubuntu
packages that provide it (resources/platform/linux_libraries.yaml). Without `ldd` we look each
library up by name. `python -m reviewer.app.display_check` prints the missing packages, one
per line, for `make run` to install.
"""

from __future__ import annotations

import ctypes.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from reviewer.core.errors import ConfigurationError
from reviewer.resources import load_yaml

_HEADLESS_PLATFORMS = {"offscreen", "minimal", "vnc", "eglfs", "linuxfb"}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


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
    if os.environ.get("DISPLAY"):
        missing = missing_x11_libraries()
        if missing:
            packages = " ".join(debian_packages(missing))
            raise ConfigurationError(
                f"Qt needs the system libraries {', '.join(missing)} to open a window; "
                f"install them (Debian/Ubuntu: sudo apt-get install {packages})"
            )


def missing_x11_libraries() -> list[str]:
    """Shared-object names Qt's X11 plugin needs and the system lacks, in a stable order."""
    binaries = _xcb_binaries()
    if binaries and shutil.which("ldd"):
        missing: set[str] = set()
        for binary in binaries:
            missing.update(_NOT_FOUND.findall(_ldd(binary)))
        return sorted(missing)
    return sorted(
        name for name in _known_libraries() if ctypes.util.find_library(_link_name(name)) is None
    )


def debian_packages(libraries: list[str]) -> list[str]:
    """The Debian/Ubuntu packages that provide these libraries (unknown names are skipped)."""
    table = _known_libraries()
    return list(dict.fromkeys(table[name] for name in libraries if name in table))


def _ldd(binary: Path) -> str:
    try:
        result = subprocess.run(
            ["ldd", str(binary)], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout


def _xcb_binaries() -> list[Path]:
    """Qt's X11 platform plugin and the XCB library it loads, as PySide6 ships them."""
    try:
        import PySide6
    except ImportError:
        return []
    qt = Path(PySide6.__file__).resolve().parent / "Qt"
    candidates = [qt / "plugins" / "platforms" / "libqxcb.so", *qt.glob("lib/libQt6XcbQpa.so*")]
    return [path for path in candidates if path.is_file()]


def _known_libraries() -> dict[str, str]:
    table = load_yaml("platform", "linux_libraries.yaml")["debian_packages"]
    return {str(name): str(package) for name, package in table.items()}


def _link_name(shared_object: str) -> str:
    """ "libxcb-cursor.so.0" -> "xcb-cursor", the name `find_library` expects."""
    return shared_object.removeprefix("lib").split(".so", maxsplit=1)[0]


def main() -> int:
    """Print the Debian packages that would let Qt open a window here, one per line."""
    for package in debian_packages(missing_x11_libraries()):
        print(package)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
