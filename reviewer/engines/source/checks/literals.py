"""SRC_LITERAL_MISMATCH: URLs, e-mail addresses, hashtags and @mentions are copied as is.

These are not language: a translated or dropped URL, a respelled address or a translated
@handle no longer works. Each side's set is compared (a literal repeated once on one side
and twice on the other is no error).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reviewer.core.flags import Severity
from reviewer.engines.source.check import BilingualView, Finding, UnitCheck, UnitView, whole

_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"“”«»]+", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_HASHTAG = re.compile(r"(?<![\w#&])#[^\W\d_][\w]*")
_MENTION = re.compile(r"(?<![\w@.])@[A-Za-z0-9_]{2,}\b")
_KINDS = (("URL", _URL), ("e-mail address", _EMAIL), ("hashtag", _HASHTAG), ("mention", _MENTION))
_TRAILING = ".,;:!?)]}'’\""


def literals(text: str) -> dict[str, tuple[str, int, int]]:
    """Every literal of `text` -> (kind, start, end); trailing punctuation is not part of it."""
    found: dict[str, tuple[str, int, int]] = {}
    taken: list[tuple[int, int]] = []
    for kind, pattern in _KINDS:
        for match in pattern.finditer(text):
            value = match.group().rstrip(_TRAILING)
            start, end = match.start(), match.start() + len(value)
            if any(start < e and s < end for s, e in taken):
                continue  # the "@host" inside an address, the "#part" inside a URL
            taken.append((start, end))
            found.setdefault(value, (kind, start, end))
    return found


def _key(value: str) -> str:
    """URLs compare without the scheme's case and a final slash."""
    return (
        value.lower().rstrip("/") if "://" in value or value.lower().startswith("www.") else value
    )


class LiteralMismatch(UnitCheck):
    """A URL, e-mail address, hashtag or @mention differs between source and target"""

    rule_id = "SRC_LITERAL_MISMATCH"
    category = "Accuracy/Mistranslation"
    severity = Severity.MAJOR
    confidence = 0.85

    def check_unit(self, unit: UnitView, view: BilingualView) -> Iterator[Finding]:
        source = literals(unit.source)
        target = literals(unit.target)
        if not source and not target:
            return
        source_keys = {_key(value): value for value in source}
        target_keys = {_key(value): value for value in target}
        missing = [source_keys[key] for key in source_keys if key not in target_keys]
        extra = [target_keys[key] for key in target_keys if key not in source_keys]
        for wanted, found in zip(missing, extra, strict=False):
            kind, start, end = target[found]
            yield Finding(
                start,
                end,
                f"The source has the {source[wanted][0]} “{wanted}”; the target has “{found}”",
                suggestions=(wanted,),
            )
        pairs = min(len(missing), len(extra))
        for wanted in missing[pairs:]:
            start, end = whole(unit.target)
            yield Finding(
                start,
                end,
                f"The source's {source[wanted][0]} “{wanted}” is missing from the target",
                category="Accuracy/Omission",
            )
        for found in extra[pairs:]:
            kind, start, end = target[found]
            yield Finding(
                start,
                end,
                f"The target has the {kind} “{found}”, which the source does not have",
                category="Accuracy/Addition",
            )
