"""Choose a bilingual reader or writer by file suffix (XLIFF by its version)."""

from __future__ import annotations

import importlib
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Protocol, cast

from reviewer.core.bilingual import BilingualFile
from reviewer.formats.atomic import atomic_write

from ._xml import xliff_major_version
from .errors import BilingualFormatError

_READ_ONLY = {".sdlxliff": "Trados", ".mqxliff": "memoQ"}


class _Format(Protocol):
    """What each format module provides."""

    def read(self, data: bytes, name: str) -> BilingualFile: ...

    def write(
        self,
        data: bytes,
        name: str,
        targets: Mapping[str, str],
        reviewed: Collection[str],
        notes: Mapping[str, Sequence[str]],
    ) -> bytes: ...


_MODULES = {
    ".po": "po",
    ".pot": "po",
    ".tmx": "tmx",
    ".csv": "delimited",
    ".tsv": "delimited",
    ".docx": "docx",
}


def _module(data: bytes, name: str) -> _Format:
    """The format module for `name`'s suffix (imported on first use)."""
    suffix = Path(name).suffix.lower()
    if suffix in (".xlf", ".xliff", ".sdlxliff", ".mqxliff"):
        module = "xliff2" if xliff_major_version(data) == 2 else "xliff1"
    elif suffix in _MODULES:
        module = _MODULES[suffix]
    else:
        raise BilingualFormatError(f"{name}: not a bilingual file type ({suffix or 'no suffix'})")
    return cast(_Format, importlib.import_module(f"{__package__}.{module}"))


def parse_bilingual(data: bytes, name: str) -> BilingualFile:
    """The units of `data`, read as the format `name`'s suffix says."""
    return _module(data, name).read(data, name)


def read_bilingual(path: str | Path) -> BilingualFile:
    """Read a bilingual file from disk (an unreadable file is a `BilingualFormatError`)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise BilingualFormatError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    return parse_bilingual(data, str(path))


def write_bilingual(
    data: bytes,
    name: str,
    targets: Mapping[str, str],
    *,
    reviewed: Collection[str] = (),
    notes: Mapping[str, Sequence[str]] | None = None,
) -> bytes:
    """The corrected file: `data` (the original bytes) with the named units' targets
    replaced, units in `reviewed` set to the format's reviewed state and `notes` added.
    Units not named stay exactly as they were; nothing is written to disk."""
    suffix = Path(name).suffix.lower()
    if suffix in _READ_ONLY:
        raise BilingualFormatError(
            f"{name}: {_READ_ONLY[suffix]} {suffix} files can be reviewed but not written back;"
            " export the corrections (TMX, CSV) and import them in the CAT tool"
        )
    return _module(data, name).write(data, name, targets, reviewed, notes or {})


def notes_name_their_author(data: bytes, name: str) -> bool:
    """Whether the format records who wrote a note it adds (XLIFF 1.2 `<note from=...>`,
    2.0 `<note category=...>`, a Word comment's author), so that the note's text need not
    say it; a PO comment, a TMX `<note>` and a CSV notes cell are text only."""
    return bool(getattr(_module(data, name), "NOTES_NAME_THEIR_AUTHOR", False))


def save_bilingual(path: str | Path, data: bytes) -> None:
    """Write the corrected file atomically (the old file stays whole if anything fails)."""
    atomic_write(path, data)
