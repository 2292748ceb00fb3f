"""The log file where engine problems are written with their details.

A detector that raises (say after a bad edit of its YAML data) or a flag that breaks the
report's contract is named in the engine's report in one line; the traceback, or the flag's
span and texts, go here for whoever fixes it. The file lives in the user's log folder
(`platformdirs.user_log_dir("mt-reviewer")`, `$REVIEWER_LOG_DIR` overrides it) and is kept
small: past `MAX_BYTES` the previous file becomes `problems.log.1`. A log that cannot be
written is skipped: a failing disk must not turn a detector's failure into a failed check.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import platformdirs

LOG_DIR_ENV = "REVIEWER_LOG_DIR"
LOG_NAME = "problems.log"
MAX_BYTES = 1_000_000

_lock = threading.Lock()


def log_dir() -> Path:
    """`$REVIEWER_LOG_DIR`, or the platform's per-user log folder."""
    override = os.environ.get(LOG_DIR_ENV)
    return Path(override) if override else Path(platformdirs.user_log_dir("mt-reviewer"))


def log_path() -> Path:
    """The problems log (which may not exist yet)."""
    return log_dir() / LOG_NAME


def log_problem(summary: str, details: str = "") -> Path | None:
    """Append a dated entry; return the log's path, or None when it cannot be written."""
    path = log_path()
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    entry = f"--- {stamp} pid {os.getpid()}: {summary}\n"
    if details:
        entry += details if details.endswith("\n") else details + "\n"
    with _lock:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.exists() and path.stat().st_size > MAX_BYTES:
                path.replace(path.with_name(LOG_NAME + ".1"))
            with path.open("a", encoding="utf-8") as handle:
                handle.write(entry)
        except OSError:
            return None
    return path
