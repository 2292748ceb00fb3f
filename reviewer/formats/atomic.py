"""Write an export so that the target is either the old file or the whole new one.

The bytes go to a temporary file beside the target (same folder, so the final rename
never crosses file systems), are flushed and fsynced, take the old file's permissions,
and are renamed over the target with `os.replace`; then the folder itself is fsynced so
the rename survives a power cut (as Anki's `atomic_rename` does). On any failure the
temporary file is removed and the old target is left as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from reviewer.core.errors import ReviewerError


class ExportWriteError(ReviewerError):
    """An export could not be written (read-only folder, full disk); the old file is intact."""


def atomic_write(path: str | Path, data: bytes) -> None:
    """Replace `path` with `data` atomically, or raise `ExportWriteError` leaving it as it was."""
    target = Path(os.path.realpath(path))  # through a symlink, replace the file it names
    if target.is_dir():
        raise ExportWriteError(f"{target}: is a folder, not a file")
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
    except OSError as exc:
        raise _write_error(target, exc) from None
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view) :]
            os.fsync(handle)
        finally:
            os.close(handle)
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise _write_error(target, exc) from None
        raise
    _fsync_folder(target.parent)


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
