"""Read and write the bilingual files translators exchange (XLIFF, PO, TMX, CSV/TSV, DOCX).

Reading gives a `BilingualFile` of `Unit`s with inline markup as tokens; writing takes the
original bytes and returns them with only the named units' targets, states and notes
changed, so a corrected file differs from its input exactly where the review changed it.

What stays byte-for-byte on write-back:
- XLIFF 1.2/2.0, TMX: everything but the changed target's content, the state attribute
  (1.2 `<target state="signed-off">`, 2.0 `<segment state="reviewed">`) and added notes.
  Inside a changed target, entity and character references and CDATA come back as plain
  (escaped) text, and a code written differently on the two sides takes the source's
  spelling: the same XML, not the same bytes.
- PO/POT: every entry but the changed ones, which translate-toolkit serialises (gettext
  wrapping); a file whose entries are not separated by blank lines is re-serialised whole.
- CSV/TSV: every cell but the changed ones, each keeping its quoting.
- DOCX: every package member but `word/document.xml` (and, for notes, which become Word
  comments, the comments part, its relationship and the content types).
`.sdlxliff`/`.mqxliff` are read but not written back; TMX, DOCX and CSV without a state
column have no review state to set.
"""

from reviewer.core.bilingual import BILINGUAL_SUFFIXES, is_bilingual_path

from .errors import BilingualFormatError
from .registry import (
    notes_name_their_author,
    parse_bilingual,
    read_bilingual,
    save_bilingual,
    write_bilingual,
)

__all__ = [
    "BILINGUAL_SUFFIXES",
    "BilingualFormatError",
    "is_bilingual_path",
    "notes_name_their_author",
    "parse_bilingual",
    "read_bilingual",
    "save_bilingual",
    "write_bilingual",
]
