"""Token tables shared by the readers, and the rules a target edit must obey on write-back.

Each reader walks a unit's source first and then its target through one `TokenTable`, so the
same markup on both sides becomes the same private-use character. Keys say what the markup
means, not only how it reads: two `</g>` close different tags, so they get different
characters even though they are written the same way, and the table knows which closing
token belongs to which opening one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable

from reviewer.core.bilingual import (
    Placeholder,
    PlaceholderKind,
    is_placeholder,
    placeholder_char,
    placeholders_in,
)

from .errors import BilingualFormatError


class TokenTable:
    """The placeholders of one unit, keyed by what the markup means (not only how it reads)."""

    def __init__(self) -> None:
        self._by_key: dict[Hashable, str] = {}
        self.placeholders: list[Placeholder] = []
        self.markup: dict[str, str] = {}
        self.kinds: dict[str, PlaceholderKind] = {}
        self.closer_of: dict[str, str] = {}  # an opening token -> its own closing token
        self.open_codes: dict[str, str] = {}  # <bpt id> -> its token, to pair its <ept>

    def token(self, key: Hashable, markup: str, kind: PlaceholderKind) -> str:
        """The character for `key`, allocating one (with `markup` as its text) if new."""
        char = self._by_key.get(key)
        if char is None:
            char = placeholder_char(len(self.placeholders))
            self._by_key[key] = char
            self.placeholders.append(Placeholder(char, markup, kind))
            self.markup[char] = markup
            self.kinds[char] = kind
        return char

    def pair(self, opening: str, closing: str) -> None:
        """Record that `closing` ends what `opening` starts (for the nesting check)."""
        self.closer_of[opening] = closing

    def nesting_problem(self, tokens: list[str]) -> str:
        """Why `tokens` do not nest (an opening token left open, a closing token closing
        something else), or "" when they do. Tokens with no known partner are free."""
        openers = {closing: opening for opening, closing in self.closer_of.items()}
        stack: list[str] = []
        for character in tokens:
            if character in self.closer_of:
                stack.append(character)
            elif character in openers:
                if not stack or self.closer_of[stack[-1]] != character:
                    return f"{self.markup[character]!r} closes a tag that is not open"
                stack.pop()
        if stack:
            return f"{self.markup[stack[-1]]!r} is never closed"
        return ""

    def render(self, text: str, escape: bool = True) -> str:
        """`text` with tokens written out as their markup and the rest XML-escaped."""
        parts: list[str] = []
        for character in text:
            markup = self.markup.get(character)
            if markup is not None:
                parts.append(markup)
            elif escape:
                parts.append(_ESCAPES.get(character, character))
            else:
                parts.append(character)
        return "".join(parts)


_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def check_edit(
    name: str, unit_id: str, *, old_target: str, source: str, new_target: str, table: TokenTable
) -> None:
    """Refuse an edit that drops, adds or duplicates tokens, or leaves paired tags unbalanced.

    Keeping the old target's tokens in order is always accepted. Otherwise the new target
    must keep every token of the old one and take any others from the source (each at most
    as often as there, anywhere, since languages order words differently), with every
    opening tag closed by its own closing tag: this is how a reviewer restores a tag or
    placeholder the MT dropped, all at once or one pair at a time (the review's own rule,
    `codes_change_allowed`, is no looser). A monolingual file (no source) only has the old
    target to go by.
    """
    for character in new_target:
        if is_placeholder(character) and character not in table.markup:
            raise BilingualFormatError(
                f"{name}: unit {unit_id}: the new target holds a token "
                f"(U+{ord(character):04X}) that is not one of the unit's inline codes"
            )
    control = _CONTROL.search(new_target.replace("\n", "").replace("\r", ""))
    if control:
        raise BilingualFormatError(
            f"{name}: unit {unit_id}: the new target holds a control character"
            f" (U+{ord(control.group()):04X}) no bilingual format can carry"
        )
    if "\n" in new_target or "\r" in new_target:
        raise BilingualFormatError(
            f"{name}: unit {unit_id}: a line break inside a target must be the unit's token"
        )
    tokens = placeholders_in(new_target)
    if old_target.strip() and tokens == placeholders_in(old_target):
        return
    kept = Counter(placeholders_in(old_target)) - Counter(tokens)
    if not source or kept or Counter(tokens) - Counter(placeholders_in(source)):
        reference = old_target if old_target.strip() else source
        before = " ".join(table.markup[c] for c in placeholders_in(reference)) or "none"
        after = " ".join(table.markup[c] for c in tokens) or "none"
        raise BilingualFormatError(
            f"{name}: unit {unit_id}: the edit drops, adds or reorders inline codes "
            f"({before!r} became {after!r}; keep the target's codes in order or use "
            "exactly the source's)"
        )
    problem = table.nesting_problem(tokens)
    if problem:
        raise BilingualFormatError(
            f"{name}: unit {unit_id}: the edit leaves paired tags not well-formed ({problem})"
        )
