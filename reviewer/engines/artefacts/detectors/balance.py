"""Unbalanced quotation marks and brackets, paragraph by paragraph.

A dropped closing quote or bracket is a classic MT and post-editing slip, and it changes
what the reader takes to be quoted. The check pairs “ with ”, ‘ with ’, ( with ) and [ with ]
inside each paragraph. Apostrophes are not quotes: ’ between letters ("Parliament’s") or
after a plural ("farmers’ groups") is skipped, so a stray ’ is never reported; only an
opening ‘ left unclosed is. A quotation that continues into the next paragraph (the
paragraph ends open and the next one starts with “) follows news style and is not flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reviewer.core.document import Document, Paragraph
from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Flag, Severity
from reviewer.engines.artefacts.detector import Detector, Finding

CATEGORY = "Fluency/Punctuation"

_OPENERS = {"“": "”", "‘": "’", "(": ")", "[": "]"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_MARKS = re.compile(r"[“”‘’()\[\]\"]")
# "a) first, b) second" and "1) ..." are list markers, not closing brackets.
_LIST_MARKER = re.compile(r"(?:^|\s)[0-9a-zA-Z]{1,2}$")
_NAMES = {
    "“": "opening quotation mark",
    "”": "closing quotation mark",
    "‘": "opening single quotation mark",
    "(": "opening bracket",
    ")": "closing bracket",
    "[": "opening square bracket",
    "]": "closing square bracket",
}


def _is_apostrophe(text: str, index: int) -> bool:
    """’ inside a word ("don’t"), after a plural ("farmers’") or before a year ("’90s")."""
    before = text[index - 1 : index]
    after = text[index + 1 : index + 2]
    return before.isalnum() or after.isalnum()


def unbalanced(text: str) -> list[tuple[int, str]]:
    """Positions and marks left unpaired in one paragraph, in text order."""
    stack: list[tuple[int, str]] = []
    problems: list[tuple[int, str]] = []
    straight: list[int] = []
    for match in _MARKS.finditer(text):
        mark, index = match[0], match.start()
        if mark == '"':
            if not text[index - 1 : index].isdigit():  # 15" screen, 6'2"
                straight.append(index)
        elif mark in _OPENERS:
            if mark == "‘" and text[index + 1 : index + 2].isdigit():
                continue  # ‘90s written with the wrong apostrophe: not a quotation
            stack.append((index, mark))
        elif mark == "’" and _is_apostrophe(text, index):
            if stack and stack[-1][1] == "‘" and not text[index + 1 : index + 2].isalnum():
                stack.pop()  # ‘the farmers’ closes the single quotation it ends
            continue
        elif stack and stack[-1][1] == _CLOSERS[mark]:
            stack.pop()
        elif mark == ")" and _LIST_MARKER.search(text, 0, index):
            continue
        elif mark != "’":
            problems.append((index, mark))
    problems.extend(stack)
    if len(straight) % 2:
        problems.append((straight[-1], '"'))
    return sorted(problems)


class UnbalancedQuotesAndBrackets(Detector):
    """Quotation mark or bracket without its partner

    Flags the unpaired mark. No automatic fix: only the reviewer knows where the quotation
    or the parenthesis should end.
    """

    rule_id = "QA_UNBALANCED_QUOTES_BRACKETS"
    category = CATEGORY
    severity = Severity.MINOR
    confidence = 0.85

    def detect(self, document: Document, options: CheckOptions) -> Iterator[Flag]:
        paragraphs = document.paragraphs
        for number, paragraph in enumerate(paragraphs):
            following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
            for index, mark in unbalanced(paragraph.text):
                if mark in '“"' and _continues(paragraph, mark, index, following):
                    continue
                yield self.flag(document, _finding(index, mark), paragraph.start)


def _continues(paragraph: Paragraph, mark: str, index: int, following: Paragraph | None) -> bool:
    """An open quotation that carries on in the next paragraph, which opens with a quote."""
    if following is None or not following.text.startswith(mark):
        return False
    return mark == '"' or "”" not in paragraph.text[index:]


def _finding(index: int, mark: str) -> Finding:
    if mark == '"':
        message = "Odd number of straight quotation marks in this paragraph"
    elif mark in _OPENERS:
        message = f"Unclosed {_NAMES[mark]}: its partner is missing in this paragraph"
    else:
        message = f"Unmatched {_NAMES[mark]}: no opening partner in this paragraph"
    return Finding(index, index + 1, message)
