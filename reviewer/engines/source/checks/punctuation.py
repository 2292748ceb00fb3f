"""SRC_END_PUNCTUATION: a question stays a question, an exclamation an exclamation.

The end of a unit says what kind of utterance it is. MT turns questions into statements
(and back) and drops the colon that introduces a list. Only these three kinds are compared:
a full stop against no stop is house style, not an error of meaning. Full-width CJK marks
count as their ASCII kind, and closing quotes and brackets are looked through.
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewer.core.bilingual import is_placeholder
from reviewer.core.flags import Severity
from reviewer.engines.source.check import BilingualView, Finding, UnitCheck, UnitView

_CLOSERS = set("\"'”’»«“‘„）)]】」』›‹")  # at the end every quote closes („…“, «…»)
_PUNCTUATION = set(".?!:;…。？！：；؟")
_KINDS = {"question": "?？؟", "exclamation": "!！", "colon": ":："}
_MARKS = {"question": "?", "exclamation": "!", "colon": ":"}


def _ending(text: str) -> tuple[int, int]:
    """The span of the final run of punctuation, looking through closers and codes
    (start == end, at the last letter's end, when the text ends without punctuation)."""
    end = len(text.rstrip())
    while end and (
        text[end - 1] in _CLOSERS or is_placeholder(text[end - 1]) or text[end - 1].isspace()
    ):
        end -= 1
    start = end
    while start and text[start - 1] in _PUNCTUATION:
        start -= 1
    return start, end


def kind(text: str) -> str:
    """ "question", "exclamation", "colon" or "statement"."""
    start, end = _ending(text)
    run = text[start:end]
    for name, marks in _KINDS.items():
        if any(mark in run for mark in marks):
            return name
    return "statement"


class EndPunctuation(UnitCheck):
    """The source ends as a question, exclamation or colon and the target does not (or the
    reverse)"""

    rule_id = "SRC_END_PUNCTUATION"
    category = "Fluency/Punctuation"
    severity = Severity.MINOR
    confidence = 0.7

    def check_unit(self, unit: UnitView, view: BilingualView) -> Iterator[Finding]:
        source_kind, target_kind = kind(unit.source), kind(unit.target)
        if source_kind == target_kind:
            return
        start, end = _ending(unit.target)
        s_start, s_end = _ending(unit.source)
        source_mark = unit.source[s_start:s_end] or "no final punctuation"
        target_mark = unit.target[start:end] or "no final punctuation"
        message = (
            f"The source ends as a {source_kind} (“{source_mark}”); "
            f"the target as a {target_kind} (“{target_mark}”)"
        )
        wanted = _MARKS.get(source_kind)
        if source_kind == "statement" and s_end > s_start:
            wanted = "." if unit.source[s_end - 1] in ".。" else None
        if start == end:  # nothing to replace: point at the last character, append the mark
            if start == 0:
                return
            last = unit.target[start - 1]
            suggestions = (last + wanted,) if wanted else ()
            yield Finding(start - 1, start, message, suggestions=suggestions)
        else:
            yield Finding(start, end, message, suggestions=(wanted,) if wanted else ())
