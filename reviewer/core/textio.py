"""Read a document's text from disk, refusing what is not text.

Machine-translated articles arrive from many pipelines: UTF-8 with or without a BOM, Windows
line endings, sometimes a legacy encoding. We accept all of those and normalise newlines to
`\n`, because every offset a flag reports is an index into that normalised text. Binary files
and text that no encoding explains are refused with a one-line reason.
"""

from __future__ import annotations

import sys
from pathlib import Path

from charset_normalizer import from_bytes

from reviewer.core.errors import InputError

_UTF8_BOM = b"\xef\xbb\xbf"
_BINARY_SAMPLE = 8192
# Control characters that never occur in prose; a file full of them is not text.
_WESTERN_MAX_ACCENTED = 0.3
_CONTROL_BYTES = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF so that offsets are the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes, *, name: str = "input") -> str:
    """Decode bytes as a document, trying UTF-8 first, then a detected encoding."""
    return normalise_newlines(_decode(data, name)[0])


def detect_encoding(data: bytes, *, name: str = "input") -> str:
    """The codec `decode_text` reads `data` with, so that an export can write it back.

    "utf-8-sig" (UTF-8 with a BOM), "utf-8", "utf-16-le" / "utf-16-be" (read only when the
    data starts with that BOM, which `data.decode(codec)` keeps as U+FEFF), "cp1252", or
    the encoding charset-normalizer chose. Refuses what `decode_text` refuses.
    """
    return _decode(data, name)[1]


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """(the text with its own line endings and no BOM, the codec that reads `data`)."""
    bom = data.startswith(_UTF8_BOM)
    if bom:
        data = data[len(_UTF8_BOM) :]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
        try:
            return data[2:].decode(codec), codec
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: invalid UTF-16 text ({exc.reason})") from None
    if _looks_binary(data):
        raise InputError(f"{name}: this is a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError:
        pass
    western = _decode_western(data)
    if western is not None:
        return western, "cp1252"
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(f"{name}: cannot decode the text (not UTF-8 and no encoding detected)")
    return str(best), str(best.encoding)


def read_text_file(path: str | Path) -> str:
    """Read a text document from a path, or from standard input when path is '-'."""
    if str(path) == "-":
        return decode_text(sys.stdin.buffer.read(), name="<stdin>")
    return decode_text(read_file_bytes(path), name=str(path))


def read_file_bytes(path: str | Path) -> bytes:
    """Read a document's raw bytes, refusing a missing path or a directory in one line.

    A review keeps these bytes so that an untouched export is the very same file.
    """
    file_path = Path(path)
    if not file_path.exists():
        raise InputError(f"{file_path}: no such file")
    if file_path.is_dir():
        raise InputError(f"{file_path}: is a directory, not a text file")
    try:
        return file_path.read_bytes()
    except OSError as exc:
        raise InputError(f"{file_path}: cannot read ({exc.strerror})") from None


def _decode_western(data: bytes) -> str | None:
    """Decode as Windows-1252 when the result looks like Western-European prose.

    Our documents are English; when they are not UTF-8 they are almost always Windows-1252
    (smart quotes, dashes, accented names). Statistical detectors guess badly on such short,
    mostly-ASCII texts (charset-normalizer picks cp775 for French accents), so we try
    cp1252 first and accept it when accented letters are a small minority of all letters,
    which is false for text in another script read through the wrong code page.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [char for char in text if char.isalpha()]
    foreign = sum(1 for char in letters if not char.isascii())
    return text if letters and foreign / len(letters) <= _WESTERN_MAX_ACCENTED else None


def _looks_binary(data: bytes) -> bool:
    sample = data[:_BINARY_SAMPLE]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return control / len(sample) > 0.05
