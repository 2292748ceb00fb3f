"""Check a bilingual document as if its paired tags were not there, then map back.

Paired inline codes (`<g>…</g>`, `<bpt>…<ept>`, an HTML `<b>…</b>`) are formatting: the
sentence reads the same without them. Engines that know nothing of codes stumble on them
("Mr. ⟨Pompeo⟩ He refused" no longer looks like a doubled subject to a pattern that wants a
name then a space), so they check a view of the text with those codes taken out, and
their flags are mapped back: spans widen to cover the codes inside them, and every code a
suggestion's span held is put back into the suggestion where the unchanged text around it
says it belongs. Standalone codes (`<x/>`, `%s`, a line break) stand for content and stay.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from reviewer.core.bilingual import PlaceholderKind, Unit
from reviewer.core.document import Document
from reviewer.core.flags import Flag

_PAIRED = (PlaceholderKind.OPEN, PlaceholderKind.CLOSE)


@dataclass(frozen=True)
class CodeFreeView:
    """`document` without paired codes; `origin[i]` is where its character i stands in the
    original text (and `origin[len]` the original's length)."""

    original: Document
    document: Document
    origin: tuple[int, ...]
    paired: frozenset[str]

    def to_original(self, flag: Flag) -> Flag:
        """The flag placed in the original text, codes kept in its suggestions."""
        start = self.origin[flag.start]
        end = self.origin[flag.end - 1] + 1 if flag.end > flag.start else start
        text = self.original.text[start:end]
        if text == flag.text:
            return replace(flag, start=start, end=end)
        codes = _codes_by_position(text, self.paired)
        suggestions = tuple(_with_codes(flag.text, s, codes) for s in flag.suggestions)
        return replace(flag, start=start, end=end, text=text, suggestions=suggestions)


def code_free_view(document: Document) -> CodeFreeView | None:
    """The view engines check, or None when the document has no paired codes."""
    paired = {
        placeholder.char
        for unit in document.units
        for placeholder in unit.placeholders
        if placeholder.kind in _PAIRED
    }
    if not paired or not any(character in paired for character in document.text):
        return None
    origin: list[int] = []
    units: list[Unit] = []
    position = 0
    for index, unit in enumerate(document.units):
        if index:
            origin.append(position)  # the line break between two units
            position += 1
        kept = []
        for character in unit.target:
            if character not in paired:
                origin.append(position)
                kept.append(character)
            position += 1
        units.append(replace(unit, target="".join(kept)))
    origin.append(position)
    view = Document.from_units(
        units, document.path, document.language, source_language=document.source_language
    )
    return CodeFreeView(document, view, tuple(origin), frozenset(paired))


def _codes_by_position(text: str, paired: frozenset[str]) -> list[tuple[int, str]]:
    """(offset in the code-free text, code) for each paired code inside `text`."""
    found: list[tuple[int, str]] = []
    plain = 0
    for character in text:
        if character in paired:
            found.append((plain, character))
        else:
            plain += 1
    return found


def _with_codes(plain: str, suggestion: str, codes: list[tuple[int, str]]) -> str:
    """`suggestion` (for the code-free `plain`) with each code put back where the text it
    stood next to went; a code inside text that was replaced goes before the replacement."""
    if not codes:
        return suggestion
    opcodes = SequenceMatcher(None, plain, suggestion, autojunk=False).get_opcodes()
    placed: list[tuple[int, str]] = []
    for offset, code in codes:
        target = len(suggestion)
        for tag, i1, i2, j1, j2 in opcodes:
            if tag == "equal" and i1 <= offset <= i2:
                target = j1 + (offset - i1)
                break
            if i1 <= offset < i2 or (i1 == i2 == offset):
                target = j1 if offset == i1 else j2
                break
        placed.append((target, code))
    pieces = []
    cursor = 0
    for wanted, code in placed:  # codes come in order, and so do their places
        at = max(wanted, cursor)
        pieces.append(suggestion[cursor:at])
        pieces.append(code)
        cursor = at
    pieces.append(suggestion[cursor:])
    return "".join(pieces)
