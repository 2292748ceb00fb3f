"""Read and write the bilingual files translators exchange (XLIFF, PO, TMX, CSV/TSV, DOCX).

Reading gives a `BilingualFile` of `Unit`s with inline markup as tokens; writing takes the
original bytes and returns them with only the named units' targets, states and notes
changed, so a corrected file differs from its input exactly where the review changed it.
"""

from .errors import BilingualFormatError
from .registry import (
    BILINGUAL_SUFFIXES,
    is_bilingual_path,
    parse_bilingual,
    read_bilingual,
    save_bilingual,
    write_bilingual,
)

__all__ = [
    "BILINGUAL_SUFFIXES",
    "BilingualFormatError",
    "is_bilingual_path",
    "parse_bilingual",
    "read_bilingual",
    "save_bilingual",
    "write_bilingual",
]
