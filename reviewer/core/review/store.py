"""The `.review` file: one SQLite database per document, every decision committed at once.

SQLite is the application file format here (sqlite.org/appfileformat.html): no Save
button, a crash or power cut loses nothing that was shown as done, and the file can be
copied, mailed or opened by a QA script. The schema version is `PRAGMA user_version`,
upgraded step by step inside one exclusive transaction; a file written by a newer MT
Reviewer is refused rather than damaged. WAL journaling lets a QA script read while the
window writes; an OS lock on the file (released by the kernel when the process dies, so a
crash never blocks reopening) keeps a second writer out.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from reviewer.core.errors import ReviewerError
from reviewer.core.flags import Severity
from reviewer.core.review.model import (
    Annotation,
    Decision,
    DecisionStatus,
    FlagKey,
    Segment,
    SentenceStatus,
    now_iso,
)

try:  # POSIX; on Windows SQLite's own locking is the only guard
    import fcntl
except ImportError:  # pragma: no cover - not on Linux
    fcntl = None  # type: ignore[assignment]

SCHEMA_VERSION = 2
# Versions a read-only open (an export beside a window) reads as they are: 2 only added an
# index, so a review not yet opened by this version reads the same.
_READABLE_AS_IS = frozenset({1, 2})
APPLICATION_ID = 0x4D545276  # "MTRv": `file` and SQLite tools can tell our files apart


class ReviewFileError(ReviewerError):
    """The `.review` file cannot be used (not a review, damaged, too new, locked)."""


class ReviewLockedError(ReviewFileError):
    """Another window or process has this review open for writing."""


class ReviewWriteError(ReviewFileError):
    """A change could not be written (read-only folder, full disk); nothing was applied."""


_SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE original (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    data BLOB NOT NULL,
    text TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    tail TEXT NOT NULL
);
CREATE TABLE sentences (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    lead TEXT NOT NULL,
    text TEXT NOT NULL,
    mt TEXT NOT NULL,
    status TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT '[]',
    updated_at TEXT NOT NULL
);
CREATE INDEX sentences_by_position ON sentences (position);
CREATE TABLE decisions (
    sentence_id TEXT NOT NULL,
    rule TEXT NOT NULL,
    flag_text TEXT NOT NULL,
    occurrence INTEGER NOT NULL,
    status TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    engine TEXT NOT NULL,
    category TEXT NOT NULL,
    severity TEXT NOT NULL,
    message TEXT NOT NULL,
    suggestion INTEGER,
    replacement TEXT,
    reason TEXT NOT NULL DEFAULT '',
    reviewer TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL,
    PRIMARY KEY (sentence_id, rule, flag_text, occurrence)
);
CREATE TABLE annotations (
    id TEXT PRIMARY KEY,
    sentence_id TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL,
    category TEXT NOT NULL,
    severity TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    reviewer TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE flags (
    engine TEXT NOT NULL,
    sentence_id TEXT NOT NULL,
    rule TEXT NOT NULL,
    flag_text TEXT NOT NULL,
    occurrence INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    sentence_text TEXT NOT NULL,
    category TEXT NOT NULL,
    severity TEXT NOT NULL,
    message TEXT NOT NULL,
    suggestions TEXT NOT NULL,
    confidence REAL NOT NULL,
    extra TEXT NOT NULL,
    raised_at TEXT NOT NULL
);
CREATE INDEX flags_by_engine ON flags (engine);
CREATE TABLE edits (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    sentence_id TEXT NOT NULL,
    before TEXT NOT NULL,
    after TEXT NOT NULL,
    at TEXT NOT NULL,
    cause TEXT NOT NULL
);
CREATE TABLE visits (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    sentence_id TEXT NOT NULL,
    entered_at TEXT NOT NULL,
    left_at TEXT
);
CREATE TABLE history (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT NOT NULL,
    changes TEXT NOT NULL,
    at TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0
);
"""


# Each entry upgrades a file from version (index) to version (index + 1).
# (`executescript` would commit the surrounding transaction, so statements run one by one.)
def _run_script(db: sqlite3.Connection, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


# 2: flags are replaced sentence by sentence (`DELETE ... WHERE engine = ? AND sentence_id
# = ?`); with an index on the engine alone each delete scanned all that engine's flags, and
# storing the first check of a 100,000-sentence document stalled the window for 15 s.
_SCHEMA_V2 = """
DROP INDEX flags_by_engine;
CREATE INDEX flags_by_sentence ON flags (engine, sentence_id);
"""

_MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    lambda db: _run_script(db, _SCHEMA_V1),
    lambda db: _run_script(db, _SCHEMA_V2),
]


class ReviewStore:
    """SQL access to one `.review` file; every write happens inside `transaction()`."""

    def __init__(
        self, path: Path, db: sqlite3.Connection, lock_fd: int | None, *, read_only: bool = False
    ) -> None:
        self.path = path
        self.db = db
        self._lock_fd = lock_fd
        self.read_only = read_only
        self.edit_cause = "edit"  # what the edits log records for the next text changes

    # -- opening and closing ----------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, create: bool = False, read_only: bool = False) -> ReviewStore:
        """Open (or create) a review file, lock it, and bring its schema up to date.

        `read_only` opens it for reading alone (exports), even while a window holds it:
        no lock, no upgrade, and SQLite's `mode=ro` so that nothing can be written.
        """
        if not create and not path.is_file():
            raise ReviewFileError(f"{path}: no such review file")
        if read_only:
            return cls._open_read_only(path)
        lock_fd = _lock(path)
        try:
            db = sqlite3.connect(str(path), timeout=5.0, isolation_level=None)
        except sqlite3.Error as exc:
            _unlock(lock_fd)
            raise ReviewFileError(f"{path}: cannot open ({exc})") from None
        store = cls(path, db, lock_fd)
        try:
            store._prepare()
        except sqlite3.DatabaseError as exc:
            store.close()
            raise ReviewFileError(f"{path}: not a usable review file ({exc})") from None
        except ReviewFileError:
            store.close()
            raise
        return store

    @classmethod
    def _open_read_only(cls, path: Path) -> ReviewStore:
        # Another connection (the window's, in this process or another) may be writing:
        # SQLite's own locks keep the reads consistent; ours (flock) is for writers only.
        try:
            db = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0, isolation_level=None
            )
        except sqlite3.Error as exc:
            raise ReviewFileError(f"{path}: cannot open ({exc})") from None
        store = cls(path, db, None, read_only=True)
        try:
            store._check_read_only()
        except sqlite3.DatabaseError as exc:
            store.close()
            raise ReviewFileError(f"{path}: not a usable review file ({exc})") from None
        except ReviewFileError:
            store.close()
            raise
        return store

    def _check_read_only(self) -> None:
        application_id = self.db.execute("PRAGMA application_id").fetchone()[0]
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if application_id != APPLICATION_ID:
            raise ReviewFileError(f"{self.path}: this SQLite file is not an MT Reviewer review")
        if version not in _READABLE_AS_IS:
            raise ReviewFileError(
                f"{self.path}: review format {version}, this version reads {SCHEMA_VERSION}; "
                "open it in MT Reviewer first"
                if version < SCHEMA_VERSION
                else f"{self.path}: written by a newer MT Reviewer (review format {version}); "
                "please update MT Reviewer"
            )

    def _prepare(self) -> None:
        db = self.db
        application_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        has_tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        if has_tables and application_id != APPLICATION_ID:
            raise ReviewFileError(f"{self.path}: this SQLite file is not an MT Reviewer review")
        if version > SCHEMA_VERSION:
            raise ReviewFileError(
                f"{self.path}: written by a newer MT Reviewer (review format {version}; this "
                f"version reads up to {SCHEMA_VERSION}); please update MT Reviewer"
            )
        if has_tables and db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise ReviewFileError(f"{self.path}: the review file is damaged")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")  # durable at each commit, even on power loss
        db.execute("PRAGMA foreign_keys=ON")
        if version < SCHEMA_VERSION:
            db.execute("BEGIN EXCLUSIVE")
            try:
                for step in range(version, SCHEMA_VERSION):
                    _MIGRATIONS[step](db)
                db.execute(f"PRAGMA application_id={APPLICATION_ID}")
                db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
        _unlock(self._lock_fd)
        self._lock_fd = None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic write: all of it reaches the disk, or none of it does."""
        if self.read_only:
            raise ReviewWriteError(f"{self.path}: the review is open read-only")
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise ReviewWriteError(f"{self.path}: cannot write the review ({exc})") from None
        try:
            yield
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("ROLLBACK")
            raise ReviewWriteError(f"{self.path}: cannot write the review ({exc})") from None
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("ROLLBACK")
            raise

    def backup_to(self, target: Path) -> None:
        """Copy the whole review into another file (Save Review As), consistently."""
        destination = sqlite3.connect(str(target))
        try:
            self.db.backup(destination)
        finally:
            destination.close()

    # -- meta and original ------------------------------------------------------------------

    def get_meta(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def set_original(self, data: bytes, text: str, sha256: str, tail: str) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO original (id, data, text, sha256, tail) VALUES (1, ?, ?, ?, ?)",
            (data, text, sha256, tail),
        )

    def original(self) -> tuple[bytes, str, str, str]:
        """(the file's bytes, its normalised text, their SHA-256, text after the last sentence)."""
        row = self.db.execute("SELECT data, text, sha256, tail FROM original").fetchone()
        if row is None:
            raise ReviewFileError(f"{self.path}: the review holds no document")
        return bytes(row[0]), str(row[1]), str(row[2]), str(row[3])

    # -- ReviewData: the primitive changes -----------------------------------------------------

    def replace_segment(self, before: Segment, after: Segment) -> None:
        self.db.execute(
            "UPDATE sentences SET paragraph = ?, lead = ?, text = ?, mt = ?, status = ?,"
            " origin = ?, updated_at = ? WHERE id = ?",
            (
                after.paragraph,
                after.lead,
                after.text,
                after.mt,
                str(after.status),
                json.dumps(list(after.origin)),
                now_iso(),
                after.id,
            ),
        )
        if before.text != after.text:
            self._log_edit(after.id, before.text, after.text)

    def insert_segment(self, position: int, segment: Segment) -> None:
        self.db.execute(
            "UPDATE sentences SET position = position + 1 WHERE position >= ?", (position,)
        )
        self._insert_row(position, segment)
        self._log_edit(segment.id, "", segment.text)

    def remove_segment(self, position: int, segment: Segment) -> None:
        self.db.execute("DELETE FROM sentences WHERE id = ?", (segment.id,))
        self.db.execute(
            "UPDATE sentences SET position = position - 1 WHERE position > ?", (position,)
        )
        self._log_edit(segment.id, segment.text, "")

    def put_decision(self, key: FlagKey, decision: Decision | None) -> None:
        self.db.execute(
            "DELETE FROM decisions WHERE sentence_id = ? AND rule = ? AND flag_text = ?"
            " AND occurrence = ?",
            (key.sentence_id, key.rule, key.text, key.occurrence),
        )
        if decision is None:
            return
        self.db.execute(
            "INSERT INTO decisions (sentence_id, rule, flag_text, occurrence, status,"
            " start_offset, engine, category, severity, message, suggestion, replacement,"
            " reason, reviewer, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                key.sentence_id,
                key.rule,
                key.text,
                key.occurrence,
                str(decision.status),
                decision.offset,
                decision.engine,
                decision.category,
                str(decision.severity),
                decision.message,
                decision.suggestion,
                decision.replacement,
                decision.reason,
                decision.reviewer,
                decision.decided_at,
            ),
        )

    def put_annotation(self, annotation_id: str, annotation: Annotation | None) -> None:
        self.db.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
        if annotation is None:
            return
        self.db.execute(
            "INSERT INTO annotations (id, sentence_id, start_offset, end_offset, text, category,"
            " severity, note, reviewer, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                annotation.id,
                annotation.sentence_id,
                annotation.start,
                annotation.end,
                annotation.text,
                annotation.category,
                str(annotation.severity),
                annotation.note,
                annotation.reviewer,
                annotation.created_at,
            ),
        )

    def _insert_row(self, position: int, segment: Segment) -> None:
        self.db.execute(
            "INSERT INTO sentences (id, position, paragraph, lead, text, mt, status, origin,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                segment.id,
                position,
                segment.paragraph,
                segment.lead,
                segment.text,
                segment.mt,
                str(segment.status),
                json.dumps(list(segment.origin)),
                now_iso(),
            ),
        )

    def _log_edit(self, sentence_id: str, before: str, after: str) -> None:
        self.db.execute(
            "INSERT INTO edits (sentence_id, before, after, at, cause) VALUES (?, ?, ?, ?, ?)",
            (sentence_id, before, after, now_iso(), self.edit_cause),
        )

    # -- bulk writes and reads --------------------------------------------------------------

    def insert_segments(self, segments: list[Segment]) -> None:
        for position, segment in enumerate(segments):
            self._insert_row(position, segment)

    def segments(self) -> list[Segment]:
        rows = self.db.execute(
            "SELECT id, paragraph, lead, text, mt, status, origin FROM sentences ORDER BY position"
        )
        return [
            Segment(
                id=row[0],
                paragraph=row[1],
                lead=row[2],
                text=row[3],
                mt=row[4],
                status=SentenceStatus(row[5]),
                origin=tuple(json.loads(row[6])),
            )
            for row in rows
        ]

    def decisions(self) -> list[Decision]:
        rows = self.db.execute(
            "SELECT sentence_id, rule, flag_text, occurrence, status, start_offset, engine,"
            " category, severity, message, suggestion, replacement, reason, reviewer, decided_at"
            " FROM decisions ORDER BY decided_at"
        )
        return [
            Decision(
                key=FlagKey(row[0], row[1], row[2], row[3]),
                status=DecisionStatus(row[4]),
                offset=row[5],
                engine=row[6],
                category=row[7],
                severity=Severity(row[8]),
                message=row[9],
                suggestion=row[10],
                replacement=row[11],
                reason=row[12],
                reviewer=row[13],
                decided_at=row[14],
            )
            for row in rows
        ]

    def annotations(self) -> list[Annotation]:
        rows = self.db.execute(
            "SELECT id, sentence_id, start_offset, end_offset, text, category, severity, note,"
            " reviewer, created_at FROM annotations ORDER BY created_at"
        )
        return [
            Annotation(
                id=row[0],
                sentence_id=row[1],
                start=row[2],
                end=row[3],
                text=row[4],
                category=row[5],
                severity=Severity(row[6]),
                note=row[7],
                reviewer=row[8],
                created_at=row[9],
            )
            for row in rows
        ]

    def query(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Read-only access for reports (edits, visits) without exposing the connection."""
        return list(self.db.execute(sql, parameters))


# Reviews this process holds, by (device, inode). Closing *any* descriptor of a file drops
# every POSIX lock this process holds on it, SQLite's own included (sqlite.org/howtocorrupt):
# a second window of this process must be refused without opening the file at all.
_held: dict[tuple[int, int], int] = {}


def _lock(path: Path) -> int | None:
    """Take an exclusive OS lock on the review file; the kernel drops it if we die."""
    if fcntl is None:
        return None
    with contextlib.suppress(OSError):
        status = path.stat()
        if (status.st_dev, status.st_ino) in _held:
            raise _locked(path)
    try:
        fd = os.open(str(path), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise ReviewFileError(f"{path}: cannot open ({exc.strerror})") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)  # another process holds it, so this process has no locks to lose
        raise _locked(path) from None
    status = os.fstat(fd)
    _held[(status.st_dev, status.st_ino)] = fd
    return fd


def _locked(path: Path) -> ReviewLockedError:
    return ReviewLockedError(
        f"{path.name} is already open in another MT Reviewer window or process"
    )


def _unlock(fd: int | None) -> None:
    if fd is None:
        return
    for key, held in list(_held.items()):
        if held == fd:
            del _held[key]
    with contextlib.suppress(OSError):
        os.close(fd)  # closing the descriptor releases the flock
