"""Spacing around punctuation: doubled spaces, spaces before and missing after punctuation.

These are the whitespace checks of translation QA tools (Xbench, Verifika, pofilter). They
run per paragraph, because the blanks between two sentences belong to no sentence. Patterns
are narrow on purpose: "U.S.", "e.g.", "3.5", "10,000" and URLs must never be flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reviewer.core.document import Paragraph
from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Severity
from reviewer.engines.artefacts.detector import Finding, ParagraphDetector

CATEGORY = "Fluency/Punctuation"

_DOUBLE_SPACE = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")
# Blanks before , ; : ? ! . ) ] but not an ellipsis (" ..."), a decimal (" .5") or a file
# extension (" .pdf files").
_SPACE_BEFORE = re.compile(r"(?<=[^\s(\[])[ \t]+([,;:?!)\]]|\.(?![.\da-z]))")
# Punctuation glued to the next word: "word,word", "end.Start", "Why?He", "word;word".
# A full stop only between a lower-case word of 2+ letters and a capitalised word, so that
# "U.S.", "e.g.", "Node.js" and "example.com" pass; commas only between letters ("10,000").
_MISSING_AFTER = re.compile(
    r"(?<=[^\W\d_])[,;](?=[^\W\d_])"
    r"|(?<=[a-z]{2})[.?!](?=[A-Z][a-z])"
)


class DoubleSpace(ParagraphDetector):
    """Two or more spaces between words

    Suggests a single space. Flags the blanks themselves, so the reviewer sees where.
    """

    rule_id = "QA_DOUBLE_SPACE"
    category = CATEGORY
    severity = Severity.MINOR
    confidence = 0.95

    def check_paragraph(self, paragraph: Paragraph, options: CheckOptions) -> Iterator[Finding]:
        for match in _DOUBLE_SPACE.finditer(paragraph.text):
            yield Finding(match.start(), match.end(), "Double space: use a single space", (" ",))


class SpaceBeforePunctuation(ParagraphDetector):
    """Space before punctuation ("word ,word", "said .")

    The span covers the blank and the mark; the suggestion removes the blank and, when the
    next word is glued to the mark, adds the missing space after it.
    """

    rule_id = "QA_SPACE_BEFORE_PUNCTUATION"
    category = CATEGORY
    severity = Severity.MINOR
    confidence = 0.9

    def check_paragraph(self, paragraph: Paragraph, options: CheckOptions) -> Iterator[Finding]:
        text = paragraph.text
        for match in _SPACE_BEFORE.finditer(text):
            mark = match[1]
            following = text[match.end() : match.end() + 1]
            glued = bool(following) and (following.isalnum() or following in '“"(')
            suggestion = f"{mark} " if glued else mark
            yield Finding(
                match.start(), match.end(), f"Space before “{mark}”: remove it", (suggestion,)
            )


class MissingSpaceAfterPunctuation(ParagraphDetector):
    """No space after punctuation ("word,word", "end.Start")

    Conservative: commas and semicolons only between letters (never "10,000"), full stops,
    question and exclamation marks only between a lower-case word and a capitalised one
    (never "U.S.", "e.g." or a URL).
    """

    rule_id = "QA_MISSING_SPACE_AFTER_PUNCTUATION"
    category = CATEGORY
    severity = Severity.MINOR
    confidence = 0.85

    def check_paragraph(self, paragraph: Paragraph, options: CheckOptions) -> Iterator[Finding]:
        text = paragraph.text
        for match in _MISSING_AFTER.finditer(text):
            if _in_url(text, match.start()) or _in_identifier(text, match.start()):
                continue
            mark = match[0]
            yield Finding(
                match.start(), match.end(), f"Missing space after “{mark}”", (f"{mark} ",)
            )


_WORD_BEFORE = re.compile(r"([\w.]*?)([^\W\d_]+)$")
_WORD_AFTER = re.compile(r"[^\W\d_]+")


def _in_identifier(text: str, position: int) -> bool:
    """True for code such as "pickle.PicklingError" or "AboutDialog.ViewFile()".

    Prose glued at a full stop is two plain words ("end.Start"); an identifier has inner
    capitals, a dotted path before it, or a bracket or another dot right after it.
    """
    if text[position] not in ".?!":
        return False
    after = _WORD_AFTER.match(text, position + 1)
    before = _WORD_BEFORE.search(text, 0, position)
    if after is None or before is None:
        return True
    following = text[after.end() : after.end() + 1]
    return (
        any(c.isupper() for c in after[0][1:])
        or any(c.isupper() for c in before[2][1:])
        or bool(before[1])
        or (following in ("(", ".", "_") and text[after.end() + 1 : after.end() + 2].strip() != "")
    )


def _in_url(text: str, position: int) -> bool:
    """True when `position` falls inside a URL, e-mail address or file name-like token."""
    start = text.rfind(" ", 0, position) + 1
    token = text[start : text.find(" ", position) if " " in text[position:] else len(text)]
    return "://" in token or "@" in token or token.lower().startswith("www.")
