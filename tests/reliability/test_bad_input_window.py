"""Bad input through the window: `MainWindow.open_path` shows one line and keeps going."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reviewer.app.main_window import MainWindow
from tests.app.helpers import wait_until_checked
from tests.reliability.helpers import PNG_BYTES, run_cli, set_schema_version

pytestmark = pytest.mark.gui


def _assert_refused(
    window: MainWindow, messages: list[tuple[str, str, str]], path: Path, fragment: str
) -> None:
    assert not window.open_path(path)
    assert len(messages) == 1, messages
    kind, title, text = messages[0]
    assert (kind, title) == ("critical", "Cannot open file")
    assert "\n" not in text and "Traceback" not in text
    assert fragment in text
    assert window.review is None
    assert window.windowTitle() == "MT Reviewer"


@pytest.mark.parametrize(
    ("name", "content"), [("picture.png", PNG_BYTES), ("nul.txt", b"Hello\x00world.")]
)
def test_binary_files_are_refused(
    window: MainWindow,
    messages: list[tuple[str, str, str]],
    tmp_path: Path,
    name: str,
    content: bytes,
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    _assert_refused(window, messages, path, "binary")
    assert not list(tmp_path.glob("*.review"))  # nothing created for a refused file


def test_a_directory_and_a_missing_path_are_refused(
    window: MainWindow, messages: list[tuple[str, str, str]], tmp_path: Path
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    _assert_refused(window, messages, folder, "is a directory")
    messages.clear()
    _assert_refused(window, messages, tmp_path / "missing.txt", "no such file")


def test_an_unreadable_file_is_refused(
    window: MainWindow,
    messages: list[tuple[str, str, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("A sentence.", encoding="utf-8")
    real_read_bytes = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    _assert_refused(window, messages, path, "Permission denied")


@pytest.mark.parametrize("content", [b"", b" \n\t\r\n"], ids=["empty", "whitespace-only"])
def test_empty_texts_open_with_no_sentences(
    qtbot: QtBot,
    window: MainWindow,
    messages: list[tuple[str, str, str]],
    tmp_path: Path,
    content: bytes,
) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    assert window.open_path(path)
    wait_until_checked(qtbot, window)
    assert messages == []
    assert window.model.rowCount() == 0


def test_utf16_cp1252_and_mixed_endings_open(
    qtbot: QtBot, window: MainWindow, messages: list[tuple[str, str, str]], tmp_path: Path
) -> None:
    cases = {
        "utf16.txt": "He said “hello”. It’s fine.\r\n".encode("utf-16"),
        "cp1252.txt": "He said “hello”. It’s fine.\r\n".encode("cp1252"),
        "mixed.txt": b"He said hello.\r\nIt is fine.\nDone.\r",
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        assert window.open_path(path), name
        wait_until_checked(qtbot, window)
        assert window.review is not None
        assert "\r" not in window.review.text
    assert messages == []


@pytest.fixture
def review(capsys: pytest.CaptureFixture[str], seed_copy: Path) -> Path:
    code, _, err = run_cli(capsys, "fix", str(seed_copy), "--accept", "MT_WEB_RESIDUE")
    assert code == 0, err
    return seed_copy.with_name(seed_copy.name + ".review")


@pytest.mark.parametrize(
    ("kind", "fragment"),
    [
        ("truncated", "not a usable review file"),
        ("not-sqlite", "not a usable review file"),
        ("newer-schema", "newer MT Reviewer"),
    ],
)
def test_damaged_review_files_are_refused(
    window: MainWindow,
    messages: list[tuple[str, str, str]],
    review: Path,
    kind: str,
    fragment: str,
) -> None:
    damaged = review.with_name(f"{kind}.review")
    if kind == "truncated":
        damaged.write_bytes(review.read_bytes()[: review.stat().st_size // 2])
    elif kind == "not-sqlite":
        damaged.write_bytes(b"not a database\n" * 300)
    else:
        shutil.copyfile(review, damaged)
        set_schema_version(damaged, 99)
    before = damaged.read_bytes()
    _assert_refused(window, messages, damaged, fragment)
    assert damaged.read_bytes() == before
