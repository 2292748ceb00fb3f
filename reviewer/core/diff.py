"""Word-level "machine translation vs corrected" diff, for the review window and the scorecard.

A reviewer wants to see which *words* the post-editor touched, not which characters: a
character diff of "arrested" -> "halted" keeps the shared "ed" and reads as noise. So the text
is cut into tokens (words, single punctuation marks, whitespace runs) and difflib aligns the
token lists. Tokens never split a letter from its combining accents or an emoji from its
modifiers, so a change can never leave half a grapheme on either side (Weblate and Meld both
need a clean-up pass for that; cutting at grapheme-ish boundaries avoids it).

The same alignment feeds two consumers with different needs:

* `word_diff` / `diff_html` are for reading: whitespace between two changes is folded into
  them so "the big red" -> "a small blue" is one strike-through and one underline, not six
  fragments;
* `count_word_edits` is for the scorecard: it counts words (and punctuation marks) inserted,
  deleted and substituted, and never whitespace.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from html import escape
from typing import Literal

__all__ = [
    "DIFF_CSS",
    "DiffKind",
    "DiffPiece",
    "WordEdits",
    "count_word_edits",
    "diff_html",
    "tokenize",
    "word_diff",
]

DiffKind = Literal["equal", "insert", "delete"]

# Raw pieces: whitespace runs, runs of letters/digits, or any single character. The merge pass
# in `tokenize` then glues accents, emoji modifiers and in-word apostrophes/hyphens back on.
_RAW = re.compile(r"\s+|[^\W_]+|.", re.DOTALL)

# Apostrophes and hyphens join two word parts ("don't", "counter-terrorism", "Jiménez's").
_JOINERS = frozenset("'\u2019\u02bc-\u2010\u2011")
_ZWJ = "\u200d"
# Characters that only make sense attached to what precedes them. Variation selectors are
# category Mn already; these are the ones Unicode does not class as marks.
_EXTRA_ATTACHED = frozenset("\u200c\u200d") | frozenset(chr(c) for c in range(0x1F3FB, 0x1F400))


@lru_cache(maxsize=4096)
def _attaches(char: str) -> bool:
    """True for characters that belong to the previous grapheme (accents, ZWJ, skin tones)."""
    if char in _EXTRA_ATTACHED or 0xE0020 <= ord(char) <= 0xE007F:  # emoji tag sequences
        return True
    return unicodedata.category(char).startswith("M")


def _is_regional_indicator(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


def _is_word(token: str) -> bool:
    return token[0].isalnum()


def tokenize(text: str) -> list[str]:
    """Split `text` losslessly into words, single punctuation marks and whitespace runs.

    Words are letters and digits, with apostrophes and hyphens *inside* them ("don't",
    "counter-terrorism"), so replacing a hyphenated compound is one word edit. Combining
    accents, emoji modifiers and ZWJ sequences stay with their base character, so decomposed
    "é" or a family emoji is never cut in two. `"".join(tokenize(t)) == t` always holds.
    """
    raw = _RAW.findall(text)
    tokens: list[str] = []
    glue_next = False  # the last token ended with a ZWJ or a joiner that wants a partner
    for index, piece in enumerate(raw):
        if not tokens:
            tokens.append(piece)
            glue_next = piece == _ZWJ
            continue
        last = tokens[-1]
        if piece.isspace():
            tokens.append(piece)
            glue_next = False
        elif glue_next:
            tokens[-1] = last + piece
            glue_next = False
        elif len(piece) == 1 and _attaches(piece) and not last.isspace():
            tokens[-1] = last + piece
            glue_next = piece == _ZWJ
        elif _is_word(piece) and _is_word(last):
            # Only after an accent was glued on: "e" + U+0301 + "t" is one word.
            tokens[-1] = last + piece
        elif (
            piece in _JOINERS
            and _is_word(last)
            and index + 1 < len(raw)
            and _is_word(raw[index + 1])
        ):
            tokens[-1] = last + piece
            glue_next = True
        elif (
            len(piece) == 1
            and len(last) == 1
            and _is_regional_indicator(piece)
            and _is_regional_indicator(last)
        ):
            tokens[-1] = last + piece  # a flag is a pair of regional indicators
        else:
            tokens.append(piece)
            glue_next = piece == _ZWJ
    return tokens


@dataclass(frozen=True)
class DiffPiece:
    """One run of the diff: text kept, inserted by the post-editor, or deleted from the MT."""

    kind: DiffKind
    text: str


@dataclass(frozen=True)
class WordEdits:
    """Words the post-editor inserted, deleted and substituted (whitespace never counts).

    A punctuation mark is a token of its own and counts as a word: adding a missing full stop
    is an edit the scorecard should see. Replacing k words by m words counts min(k, m)
    substitutions plus the surplus as insertions or deletions, as edit distance would.
    """

    inserted: int = 0
    deleted: int = 0
    substituted: int = 0

    def to_json(self) -> dict[str, int]:
        """The three counts under the names reports and exports give them."""
        return {
            "words_inserted": self.inserted,
            "words_deleted": self.deleted,
            "words_substituted": self.substituted,
        }

    @property
    def total(self) -> int:
        return self.inserted + self.deleted + self.substituted


def _opcodes(a: list[str], b: list[str]) -> Iterator[tuple[str, int, int, int, int]]:
    # autojunk=False: with it, any token making up over 1% of a 200+ token text (spaces,
    # "the", commas) is ignored and long diffs collapse into one giant replace.
    yield from SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


def _raw_pieces(before: str, after: str) -> list[DiffPiece]:
    a, b = tokenize(before), tokenize(after)
    pieces: list[DiffPiece] = []
    for tag, i1, i2, j1, j2 in _opcodes(a, b):
        if tag == "equal":
            pieces.append(DiffPiece("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(DiffPiece("delete", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(DiffPiece("insert", "".join(b[j1:j2])))
    return pieces


def _merge_same_kind(pieces: list[DiffPiece]) -> list[DiffPiece]:
    merged: list[DiffPiece] = []
    for piece in pieces:
        if not piece.text:
            continue
        if merged and merged[-1].kind == piece.kind:
            merged[-1] = DiffPiece(piece.kind, merged[-1].text + piece.text)
        else:
            merged.append(piece)
    return merged


def _is_blank_equal(piece: DiffPiece) -> bool:
    return piece.kind == "equal" and piece.text.isspace()


def _fold_group(group: list[DiffPiece]) -> list[DiffPiece]:
    """Turn changes separated only by whitespace into one deletion and one insertion.

    The whitespace exists on both sides, so it goes into both. Folding is skipped when every
    change in the group is of one kind: "A B" deleted around a kept space would otherwise
    become a deletion plus an insertion of a lone space, which is more confusing, not less.
    """
    kinds = {piece.kind for piece in group if piece.kind != "equal"}
    if len(kinds) < 2:
        return group
    deleted = "".join(p.text for p in group if p.kind != "insert")
    inserted = "".join(p.text for p in group if p.kind != "delete")
    return [DiffPiece("delete", deleted), DiffPiece("insert", inserted)]


def _fold_whitespace(pieces: list[DiffPiece]) -> list[DiffPiece]:
    out: list[DiffPiece] = []
    group: list[DiffPiece] = []  # changes, possibly with whitespace-only equals between them
    for index, piece in enumerate(pieces):
        if piece.kind != "equal":
            group.append(piece)
            continue
        between_changes = (
            group
            and _is_blank_equal(piece)
            and index + 1 < len(pieces)
            and pieces[index + 1].kind != "equal"
        )
        if between_changes:
            group.append(piece)
            continue
        out.extend(_fold_group(group))
        group = []
        out.append(piece)
    out.extend(_fold_group(group))
    return out


def word_diff(before: str, after: str) -> list[DiffPiece]:
    """Align `before` (the MT) with `after` (the corrected text) word by word.

    Joining the texts of the equal and delete pieces gives `before`; equal and insert give
    `after`. A replaced run is a deletion followed by an insertion, so the old wording is read
    before the new one.
    """
    if before == after:
        return [DiffPiece("equal", before)] if before else []
    return _merge_same_kind(_fold_whitespace(_merge_same_kind(_raw_pieces(before, after))))


def _words(tokens: list[str]) -> list[str]:
    return [token for token in tokens if not token.isspace()]


def count_word_edits(before: str, after: str) -> WordEdits:
    """Count the words the post-editor inserted, deleted and substituted.

    The alignment runs on words and punctuation alone, with whitespace dropped first, so a
    re-spaced sentence counts zero edits and a stray double space cannot shift the alignment:
    the result is zero exactly when both texts have the same words in the same order.
    """
    a, b = _words(tokenize(before)), _words(tokenize(after))
    inserted = deleted = substituted = 0
    for tag, i1, i2, j1, j2 in _opcodes(a, b):
        if tag == "equal":
            continue
        removed, added = i2 - i1, j2 - j1
        paired = min(removed, added)
        substituted += paired
        deleted += removed - paired
        inserted += added - paired
    return WordEdits(inserted=inserted, deleted=deleted, substituted=substituted)


# Qt's rich text understands this CSS subset. Strike-through and underline carry the meaning
# on their own, so the diff still reads for colour-blind reviewers and in print.
DIFF_CSS = """
.diff { white-space: pre-wrap; }
.del { color: #b71c1c; background-color: #fdecea; text-decoration: line-through; }
.ins { color: #1b5e20; background-color: #e3f4e4; text-decoration: underline; }
"""


def diff_html(before: str, after: str) -> str:
    """The word diff as an HTML fragment; every piece of document text is escaped.

    The fragment is a `<span class="diff">` holding plain text and `<span class="del">` /
    `<span class="ins">` runs; style it with `DIFF_CSS`. Line breaks become `<br>` because Qt
    rich text does not keep them inside an inline span.
    """
    parts = ['<span class="diff">']
    for piece in word_diff(before, after):
        text = escape(piece.text).replace("\n", "<br>")
        if piece.kind == "equal":
            parts.append(text)
        elif piece.kind == "delete":
            parts.append(f'<span class="del">{text}</span>')
        else:
            parts.append(f'<span class="ins">{text}</span>')
    parts.append("</span>")
    return "".join(parts)
