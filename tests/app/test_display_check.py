"""The GUI refuses to start with one line when no window can be shown."""

from __future__ import annotations

import pytest

from reviewer.app import display_check
from reviewer.core.errors import ConfigurationError


def test_offscreen_platform_needs_no_display(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.delenv("DISPLAY", raising=False)
    display_check.ensure_display_available()


def test_no_display_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    with pytest.raises(ConfigurationError, match="no display"):
        display_check.ensure_display_available()


LDD_ON_FRESH_DEBIAN = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibxkbcommon-x11.so.0 => /lib/x86_64-linux-gnu/libxkbcommon-x11.so.0 (0x00007f)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f)
"""


def test_every_library_ldd_finds_missing_is_named_with_its_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The case found on a fresh Debian 12: libxcb-cursor0 present, two others missing."""
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setattr(display_check, "_ldd", lambda _binary: LDD_ON_FRESH_DEBIAN)
    with pytest.raises(ConfigurationError) as caught:
        display_check.ensure_display_available()
    message = str(caught.value)
    assert "\n" not in message
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in message
    assert message.endswith("sudo apt-get install libxcb-icccm4 libxcb-keysyms1)")
    assert "libxcb-cursor" not in message


def test_nothing_missing_lets_the_window_open(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setattr(
        display_check, "_ldd", lambda _binary: "\tlibxcb.so.1 => /lib/libxcb.so.1\n"
    )
    display_check.ensure_display_available()


def test_without_ldd_each_library_is_looked_up_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setattr(display_check.shutil, "which", lambda _name: None)
    monkeypatch.setattr(
        display_check.ctypes.util,
        "find_library",
        lambda name: None if name == "xcb-cursor" else f"lib{name}.so",
    )
    with pytest.raises(ConfigurationError, match="libxcb-cursor0"):
        display_check.ensure_display_available()


def test_the_package_list_for_make_run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(display_check, "_ldd", lambda _binary: LDD_ON_FRESH_DEBIAN)
    assert display_check.main() == 0
    assert capsys.readouterr().out.split() == ["libxcb-icccm4", "libxcb-keysyms1"]


def test_every_library_qt_links_here_has_a_package_in_the_table() -> None:
    """If a PySide6 upgrade adds a library, the table must learn its package."""
    binaries = display_check._xcb_binaries()
    if not binaries or display_check.shutil.which("ldd") is None:
        pytest.fail("PySide6's X11 plugin or ldd is missing on this machine")
    known = set(display_check._known_libraries())
    linked = set()
    for binary in binaries:
        for line in display_check._ldd(binary).splitlines():
            name = line.strip().split(" ", 1)[0]
            if name.startswith(("libxcb", "libX", "libxkb")):
                linked.add(name)
    assert linked, "ldd listed no X11 libraries"
    assert linked <= known, sorted(linked - known)


def test_gui_entry_reports_a_missing_file_without_opening_a_window(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from reviewer.cli import main

    assert main(["/nonexistent/article.txt"]) == 2
    assert capsys.readouterr().err.strip() == (
        "reviewer: error: /nonexistent/article.txt: no such file"
    )
