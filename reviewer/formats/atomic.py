"""Write an export so that the target is either the old file or the whole new one.

The bytes go to a temporary file beside the target (same folder, so the final rename
never crosses file systems), are flushed and fsynced, take the old file's permissions,
and are renamed over the target with `os.replace`; then the folder itself is fsynced so
the rename survives a power cut (as Anki's `atomic_rename` does). On any failure the
temporary file is removed and the old target is left as it was.

A writer killed outright (SIGKILL, power cut) cannot remove its temporary file. So the
temporary's name is recognisably ours (`.NAME.reviewer-XXXXXXXX.tmp`) and, on POSIX, the
writer holds an exclusive `flock` on it from creation to rename; the lock dies with the
process. Every write first removes the temporaries of that pattern in its folder that nobody
holds (another export in progress holds its lock and is left alone; other programs' files
never match). Where `flock` is missing (Windows), a temporary of ours is removed once it is
an hour old.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from reviewer.core.errors import ReviewerError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

TEMPORARY_MARKER = "reviewer-"
"""Between the target's name and mkstemp's random part: names our temporaries, and only them."""

_TEMPORARY = re.compile(rf"\A\..+\.{TEMPORARY_MARKER}[A-Za-z0-9_]{{8}}\.tmp\Z", re.DOTALL)

STALE_SECONDS = 3600.0
"""Where no lock can tell a live writer from a dead one, the age of a forgotten temporary."""


class ExportWriteError(ReviewerError):
    """An export could not be written (read-only folder, full disk); the old file is intact."""


def atomic_write(path: str | Path, data: bytes) -> None:
    """Replace `path` with `data` atomically, or raise `ExportWriteError` leaving it as it was."""
    target = Path(os.path.realpath(path))  # through a symlink, replace the file it names
    if target.is_dir():
        raise ExportWriteError(f"{target}: is a folder, not a file")
    remove_stale_temporaries(target.parent)
    handle, temporary = _locked_temporary(target)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view) :]
            os.fsync(handle)
            if fcntl is None:  # pragma: no cover - Windows renames no open file
                os.close(handle)
                handle = -1
            os.chmod(temporary, _mode_for(target))
            os.replace(temporary, target)
        finally:
            if handle >= 0:
                os.close(handle)  # after the rename: the lock says "in progress" until then
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise _write_error(target, exc) from None
        raise
    _fsync_folder(target.parent)


def is_temporary_name(name: str) -> bool:
    """Whether `name` is one of `atomic_write`'s temporary files (`.NAME.reviewer-XXXXXXXX.tmp`)."""
    return _TEMPORARY.match(name) is not None


def remove_stale_temporaries(folder: Path) -> list[str]:
    """Remove the temporaries of `atomic_write` in `folder` that no live writer holds (a writer
    killed mid-export leaves one); return their names. Never raises: it is only tidying."""
    removed: list[str] = []
    try:
        with os.scandir(folder) as entries:
            names = [entry.name for entry in entries if is_temporary_name(entry.name)]
    except OSError:
        return removed
    for name in names:
        path = folder / name
        with contextlib.suppress(OSError):
            if _remove_if_stale(path):
                removed.append(name)
    return removed


def _remove_if_stale(path: Path) -> bool:
    if fcntl is None:  # pragma: no cover - Windows: age is all there is to go by
        if time.time() - path.stat().st_mtime < STALE_SECONDS:
            return False
        path.unlink()
        return True
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # a writer at work holds it
        if not os.path.samestat(os.fstat(descriptor), path.stat()):
            return False  # renamed away and the name reused meanwhile
        path.unlink()  # while holding the lock: a writer that waited for it starts over
        return True
    finally:
        os.close(descriptor)


def _locked_temporary(target: Path) -> tuple[int, str]:
    """A new temporary beside `target`, open and (on POSIX) locked by this process.

    A cleaner may have opened the file in the instant between its creation and our lock and
    then removed it: the lock is taken blocking, and if the name no longer leads to our file
    we start again with a new one.
    """
    for _ in range(100):
        try:
            handle, temporary = tempfile.mkstemp(
                prefix=f".{target.name}.{TEMPORARY_MARKER}", suffix=".tmp", dir=target.parent
            )
        except OSError as exc:
            raise _write_error(target, exc) from None
        if fcntl is None:  # pragma: no cover - Windows
            return handle, temporary
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
            if os.path.samestat(os.fstat(handle), os.stat(temporary)):
                return handle, temporary
        except FileNotFoundError:
            pass
        except OSError:  # a file system without flock: write unlocked (age-based cleanup)
            return handle, temporary
        os.close(handle)
    raise ExportWriteError(f"cannot write {target}: its temporary file kept disappearing")


def _mode_for(target: Path) -> int:
    """The old file's permissions, or the usual ones for a new file (mkstemp gives 0600)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":  # pragma: no cover - Windows cannot open a folder for fsync
        return
    with contextlib.suppress(OSError):  # some file systems refuse; the data is in place
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _write_error(target: Path, exc: OSError) -> ExportWriteError:
    kept = f"; {target.name} was not changed" if target.exists() else ""
    if exc.errno == errno.ENOSPC:
        reason = "the disk is full"
    elif exc.errno == errno.EDQUOT:
        reason = "the disk quota is exceeded"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        reason = f"the folder {target.parent} cannot be written"
    elif exc.errno in (errno.ENOENT, errno.ENOTDIR):
        reason = f"no such folder {target.parent}"
    else:
        reason = exc.strerror or str(exc)
    return ExportWriteError(f"cannot write {target}: {reason}{kept}")
