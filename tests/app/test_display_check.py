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


def test_missing_xcb_cursor_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setattr(display_check.ctypes.util, "find_library", lambda _name: None)
    with pytest.raises(ConfigurationError, match="libxcb-cursor0"):
        display_check.ensure_display_available()


def test_gui_entry_reports_a_missing_file_without_opening_a_window(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from reviewer.cli import main

    assert main(["/nonexistent/article.txt"]) == 2
    assert capsys.readouterr().err.strip() == (
        "reviewer: error: /nonexistent/article.txt: no such file"
    )
