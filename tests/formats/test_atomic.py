"""Atomic writes: the target is the old file or the whole new one, never half of either."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

import pytest

from reviewer.core.errors import ReviewerError
from reviewer.formats.atomic import (
    ExportWriteError,
    atomic_write,
    is_temporary_name,
    remove_stale_temporaries,
)

OLD = b"the old export\n"
NEW = b"the new export\n" * 1000


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "out.txt"
    path.write_bytes(OLD)
    return path


def files_in(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def test_writes_a_new_file_with_ordinary_permissions(tmp_path: Path) -> None:
    path = tmp_path / "new.txt"
    atomic_write(path, NEW)
    assert path.read_bytes() == NEW
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask  # not mkstemp's 0600
    assert files_in(tmp_path) == ["new.txt"]


def test_replaces_the_old_file_and_keeps_its_mode(target: Path) -> None:
    target.chmod(0o640)
    atomic_write(target, NEW)
    assert target.read_bytes() == NEW
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert files_in(target.parent) == ["out.txt"]


def test_writes_through_a_symlink_to_the_file_it_names(tmp_path: Path, target: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    atomic_write(link, NEW)
    assert link.is_symlink()
    assert target.read_bytes() == NEW


def failing(code: int, message: str) -> Any:
    def fail(*_args: object, **_kwargs: object) -> Any:
        raise OSError(code, message)

    return fail


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_a_full_disk_leaves_the_old_file_and_no_temporary(
    monkeypatch: pytest.MonkeyPatch, target: Path, step: str
) -> None:
    monkeypatch.setattr(os, step, failing(errno.ENOSPC, "No space left on device"))
    with pytest.raises(ExportWriteError) as caught:
        atomic_write(target, NEW)
    message = str(caught.value)
    assert "\n" not in message
    assert "disk is full" in message
    assert "out.txt was not changed" in message
    monkeypatch.undo()
    assert target.read_bytes() == OLD
    assert files_in(target.parent) == ["out.txt"]


def test_a_failure_after_part_of_the_data_was_written_leaves_no_half_file(
    monkeypatch: pytest.MonkeyPatch, target: Path
) -> None:
    real_write = os.write
    calls = []

    def write_some_then_fail(fd: int, data: Any) -> int:
        calls.append(fd)
        if len(calls) > 1:
            raise OSError(errno.EIO, "Input/output error")
        return real_write(fd, bytes(data[:100]))  # a short write: the loop must go on

    monkeypatch.setattr(os, "write", write_some_then_fail)
    with pytest.raises(ExportWriteError, match="Input/output error"):
        atomic_write(target, NEW)
    monkeypatch.undo()
    assert target.read_bytes() == OLD
    assert files_in(target.parent) == ["out.txt"]


def test_an_interruption_removes_the_temporary_and_propagates(
    monkeypatch: pytest.MonkeyPatch, target: Path
) -> None:
    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, NEW)
    monkeypatch.undo()
    assert target.read_bytes() == OLD
    assert files_in(target.parent) == ["out.txt"]


def test_a_read_only_folder_is_a_one_line_error(
    monkeypatch: pytest.MonkeyPatch, target: Path
) -> None:
    # Tests may run as root, for whom chmod does not make a folder read-only.
    monkeypatch.setattr(tempfile, "mkstemp", failing(errno.EACCES, "Permission denied"))
    with pytest.raises(ExportWriteError) as caught:
        atomic_write(target, NEW)
    assert isinstance(caught.value, ReviewerError)
    assert str(caught.value) == (
        f"cannot write {target}: the folder {target.parent} cannot be written; "
        "out.txt was not changed"
    )
    assert target.read_bytes() == OLD


def test_a_path_under_a_file_is_a_one_line_error(target: Path) -> None:
    with pytest.raises(ExportWriteError, match="no such folder") as caught:
        atomic_write(target / "inside.txt", NEW)
    assert "\n" not in str(caught.value)
    assert target.read_bytes() == OLD


def test_a_missing_folder_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(ExportWriteError, match="no such folder"):
        atomic_write(tmp_path / "missing" / "out.txt", NEW)


def test_a_folder_as_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportWriteError, match="is a folder"):
        atomic_write(tmp_path, NEW)


def test_the_temporary_is_named_as_ours_and_locked_while_it_is_written(
    monkeypatch: pytest.MonkeyPatch, target: Path
) -> None:
    seen: list[tuple[str, bool]] = []
    real_fsync = os.fsync

    def look(descriptor: int) -> None:
        if not seen:  # the file's fsync (the folder's comes after the rename)
            (name,) = [n for n in files_in(target.parent) if n != "out.txt"]
            seen.append((name, remove_stale_temporaries(target.parent) == []))
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", look)
    atomic_write(target, NEW)
    monkeypatch.undo()
    name, kept = seen[0]
    assert name.startswith(".out.txt.reviewer-") and is_temporary_name(name)
    assert kept  # the writer's lock keeps a cleaner off it
    assert target.read_bytes() == NEW
    assert files_in(target.parent) == ["out.txt"]


def test_the_next_write_removes_stale_temporaries_of_ours_and_nothing_else(
    target: Path,
) -> None:
    folder = target.parent
    stale = [".out.txt.reviewer-abcd1234.tmp", ".other.csv.reviewer-x_Y9zz00.tmp"]
    others = [
        ".out.txt.abcd1234.tmp",  # the same shape without our marker: someone else's
        ".out.txt.reviewer-short.tmp",
        "out.txt.reviewer-abcd1234.tmp",  # not hidden
        ".out.txt.reviewer-abcd1234.tmp.keep",
        "notes.tmp",
    ]
    for name in stale + others:
        (folder / name).write_bytes(b"half an export")
    atomic_write(folder / "another.txt", NEW)
    assert files_in(folder) == sorted(["out.txt", "another.txt", *others])


def test_a_temporary_another_writer_holds_is_left_alone(target: Path) -> None:
    fcntl = pytest.importorskip("fcntl")
    held = target.parent / ".big.docx.reviewer-k3j4h5g6.tmp"
    held.write_bytes(b"being written")
    with held.open("rb") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        atomic_write(target, NEW)
        assert held.exists()
    atomic_write(target, NEW)  # its writer is gone: now it is stale
    assert files_in(target.parent) == ["out.txt"]
