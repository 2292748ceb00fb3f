"""Turn a file's bytes into the `Document` engines check: plain text or a bilingual file.

A bilingual file (XLIFF, PO, TMX, CSV/TSV, DOCX; see `reviewer.formats.bilingual`) becomes
one paragraph per translation unit that has a target, with the units attached, so the
source-aware engine and the reports know each row's id and source. Everything else is
decoded as text. The choice is by file name, as the readers choose their format.
"""

from __future__ import annotations

from reviewer.core.bilingual import is_bilingual_path
from reviewer.core.document import Document
from reviewer.core.errors import InputError, ReviewerError
from reviewer.core.textio import decode_text, read_file_bytes, read_text_file


def document_from_bytes(data: bytes, path: str, language: str = "en-US") -> Document:
    """The document held in `data`, read from `path` (whose name picks the format)."""
    if is_bilingual_path(path):
        from reviewer.formats.bilingual import parse_bilingual  # lxml, translate-toolkit: heavy

        try:
            bilingual = parse_bilingual(data, path)
        except InputError:
            raise
        except ReviewerError as exc:  # a malformed file is unreadable input, like bad text
            raise InputError(str(exc)) from None
        return Document.from_units(
            bilingual.reviewable(),
            path=path,
            language=language,
            source_language=bilingual.source_language,
        )
    return Document.from_text(decode_text(data, name=path), path=path, language=language)


def load_document(path: str, language: str = "en-US") -> Document:
    """Read and segment `path` ('-' reads standard input as text)."""
    if path != "-" and is_bilingual_path(path):
        return document_from_bytes(read_file_bytes(path), path, language)
    return Document.from_text(read_text_file(path), path=path, language=language)
