"""Translation units: what a bilingual file (XLIFF, PO, TMX, CSV, DOCX) gives a review.

A unit's source and target are plain strings in which every piece of inline markup (an XLIFF
`<g>`/`<x/>`/`<ph>`, a PO format specifier such as `%s` or `{0}`, an HTML tag, a line break
inside the unit) stands as one character from Unicode's private use area. The engines and
the editor see ordinary text with opaque, uneditable tokens in it, offsets stay exact, and
the file writer turns each token back into the markup it stands for. Source and target share
one table per unit: the same markup on both sides is the same character, so "the same tags
on both sides" is a comparison of characters.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

# The files read as bilingual (reviewer/formats/bilingual/): the one list the readers and
# the cheap check before loading them share (the readers import lxml and translate-toolkit).
BILINGUAL_SUFFIXES = (
    ".xlf",
    ".xliff",
    ".sdlxliff",
    ".mqxliff",
    ".po",
    ".pot",
    ".tmx",
    ".csv",
    ".tsv",
    ".docx",
)


def is_bilingual_path(path: str | Path) -> bool:
    """Whether the file's suffix names a bilingual format (XLIFF, PO, TMX, CSV/TSV, DOCX)."""
    return Path(path).suffix.lower() in BILINGUAL_SUFFIXES


PLACEHOLDER_FIRST = 0xE000
PLACEHOLDER_LAST = 0xF8FF


def is_placeholder(character: str) -> bool:
    """Whether `character` is a protected token standing for inline markup."""
    return len(character) == 1 and PLACEHOLDER_FIRST <= ord(character) <= PLACEHOLDER_LAST


def placeholder_char(index: int) -> str:
    """The token character for the `index`-th distinct piece of markup of a unit."""
    if not 0 <= index <= PLACEHOLDER_LAST - PLACEHOLDER_FIRST:
        raise ValueError(f"too many inline codes in one unit ({index + 1})")
    return chr(PLACEHOLDER_FIRST + index)


def placeholders_in(text: str) -> list[str]:
    """The token characters of `text`, in order (duplicates kept)."""
    return [character for character in text if is_placeholder(character)]


class PlaceholderKind(StrEnum):
    """What a token stands for; paired codes must keep their order (open before close)."""

    OPEN = "open"  # <g id="1">, <bpt>, <pc>, an HTML start tag
    CLOSE = "close"  # </g>, <ept>, the end of a <pc>, an HTML end tag
    EMPTY = "empty"  # <x/>, <ph/>, <bx/>, <ex/>, <it>, <sc/>/<ec/>
    CODE = "code"  # a format specifier (%s, {0}, %(name)d), an escape, a line break


@dataclass(frozen=True, slots=True)
class Placeholder:
    """One token character and the markup it stands for, exactly as the file writes it."""

    char: str
    markup: str
    kind: PlaceholderKind = PlaceholderKind.CODE

    def display(self) -> str:
        """A short label for the token in reports and the editor: `<g1>`, `</g1>`, `%s`."""
        return self.markup if len(self.markup) <= 12 else self.markup[:11] + "…"


@dataclass(frozen=True, slots=True)
class Unit:
    """One translation unit: the reviewer's row, checked as one paragraph of the document.

    `id` is unique within the file and is what reports print (`PATH#ID:COL:`): the XLIFF
    trans-unit id, a TMX tuid, an id column of a CSV, otherwise the unit's 1-based position.
    `state` is the file's own word for the unit's workflow state ("translated", "final",
    "fuzzy", ""); `notes` are the notes or comments the file attaches to the unit.
    """

    id: str
    source: str
    target: str
    placeholders: tuple[Placeholder, ...] = ()
    state: str = ""
    notes: tuple[str, ...] = ()

    def with_markup(self, text: str) -> str:
        """`text` (this unit's source or target) with every token written out as markup."""
        table = {placeholder.char: placeholder.markup for placeholder in self.placeholders}
        return "".join(table.get(character, character) for character in text)

    def without_codes(self, text: str) -> str:
        """`text` with its XML codes left out and line breaks restored: how a plain-text
        export shows a unit whose codes are elements (XLIFF, TMX), not characters. A line
        break is a token whose markup is white space holding one ("\r\n", "\n    ")."""
        breaks = {
            placeholder.char
            for placeholder in self.placeholders
            if "\n" in placeholder.markup and not placeholder.markup.strip()
        }
        return "".join(
            "\n" if character in breaks else character
            for character in text
            if character in breaks or not is_placeholder(character)
        )


@dataclass(frozen=True)
class BilingualFile:
    """The units of a bilingual file plus what the file says about its languages.

    `format` names the reader and writer: "xliff1", "xliff2", "po", "tmx", "csv", "tsv" or
    "docx" (monolingual: every source is empty). Languages are as the file writes them
    ("de-DE", "zh"), empty when the file does not say.
    """

    format: str
    units: tuple[Unit, ...]
    source_language: str = ""
    target_language: str = ""

    def unit(self, unit_id: str) -> Unit:
        for unit in self.units:
            if unit.id == unit_id:
                return unit
        raise KeyError(unit_id)

    def reviewable(self) -> list[Unit]:
        """The units a review shows: those with a non-blank target (an untranslated unit
        has nothing to post-edit and is written back untouched)."""
        return [unit for unit in self.units if unit.target.strip()]


def same_placeholders(before: str, after: str) -> bool:
    """Whether an edit kept every token, in the same order (the rule edits must obey)."""
    return placeholders_in(before) == placeholders_in(after)


def codes_change_allowed(before: str, after: str, unit: Unit | None) -> bool:
    """Whether an edit of a unit's target from `before` to `after` treats its codes right.

    Keeping every code in its order always is. Beyond that, a reviewer may only put back
    codes the machine translation dropped: every code kept in its order, the new ones
    taken from the source (each at most as often as there), anywhere (languages order words
    differently), and each opening tag closed by its own closing tag, as in the source.
    """
    old, new = placeholders_in(before), placeholders_in(after)
    if old == new:
        return True
    if unit is None or not _in_order(old, new):
        return False
    if Counter(new) - Counter(placeholders_in(unit.source)):
        return False
    return _nested(new, _partners(unit))


def _in_order(part: list[str], whole: list[str]) -> bool:
    """Whether `part` is `whole` with some items left out (a subsequence)."""
    remaining = iter(whole)
    return all(any(item == candidate for candidate in remaining) for item in part)


def _partners(unit: Unit) -> dict[str, str]:
    """Each opening code's closing code, as the (well-formed) source and MT pair them."""
    kinds = {placeholder.char: placeholder.kind for placeholder in unit.placeholders}
    partners: dict[str, str] = {}
    for text in (unit.source, unit.target):
        stack: list[str] = []
        for character in placeholders_in(text):
            if kinds.get(character) is PlaceholderKind.OPEN:
                stack.append(character)
            elif kinds.get(character) is PlaceholderKind.CLOSE and stack:
                partners.setdefault(stack.pop(), character)
    return partners


def _nested(characters: list[str], partners: dict[str, str]) -> bool:
    """Whether every opening code among `characters` is closed by its own partner, nested."""
    closing = set(partners.values())
    stack: list[str] = []
    for character in characters:
        if character in partners:
            stack.append(character)
        elif character in closing and (not stack or partners[stack.pop()] != character):
            return False
    return not stack


def units_to_json(units: Iterable[Unit]) -> str:
    """The units as JSON, for the review file (which must reopen without the parser)."""
    return json.dumps(
        [
            {
                "id": unit.id,
                "source": unit.source,
                "target": unit.target,
                "placeholders": [[p.char, p.markup, str(p.kind)] for p in unit.placeholders],
                "state": unit.state,
                "notes": list(unit.notes),
            }
            for unit in units
        ],
        ensure_ascii=False,
    )


def units_from_json(text: str) -> tuple[Unit, ...]:
    """Inverse of `units_to_json`."""
    return tuple(
        Unit(
            id=entry["id"],
            source=entry["source"],
            target=entry["target"],
            placeholders=tuple(
                Placeholder(char, markup, PlaceholderKind(kind))
                for char, markup, kind in entry["placeholders"]
            ),
            state=entry["state"],
            notes=tuple(entry["notes"]),
        )
        for entry in json.loads(text)
    )
