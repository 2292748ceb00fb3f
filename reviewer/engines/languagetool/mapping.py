"""Turn LanguageTool matches (the JSON of `/v2/check`) into `Flag`s.

The LanguageTool -> MQM table is data (`resources/languagetool/categories.yaml`) so a linguist
can re-classify a rule or a category without touching Python. Offsets are converted from
LanguageTool's UTF-16 units (see `offsets`) and shifted to document offsets by the caller.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from reviewer.core.abbreviations import keeps_sentence_open
from reviewer.core.flags import Flag, Severity, is_mqm_category
from reviewer.engines.languagetool.offsets import utf16_to_python
from reviewer.resources import load_yaml

ENGINE_NAME = "languagetool"
MAX_SUGGESTIONS = 5


@dataclass(frozen=True)
class Classification:
    """The MQM category and severity a LanguageTool match is reported with."""

    category: str
    severity: Severity


@dataclass(frozen=True)
class ProbableNamePolicy:
    """How a spelling match on a capitalised word inside a sentence is reported.

    LanguageTool's dictionary does not know most foreign names ("Qassim", "Suleimani"), and
    news translations are full of them; reporting each as a major spelling error buries the
    real problems. Such matches keep their suggestions (a transliteration may be wrong) but
    are demoted, with a note telling the reviewer why.
    """

    categories: frozenset[str]
    severity: Severity
    confidence: float
    note: str


_COMMON_ZIPF = 4.0  # a word seen about once in 100,000 words of English, or more often


class CategoryTable:
    """The lookup of `categories.yaml`: rule id, then category id, then issue type, then default."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        names = data["probable_names"]
        self.probable_names = ProbableNamePolicy(
            categories=frozenset(names["categories"]),
            severity=Severity(names["severity"]),
            confidence=float(names["confidence"]),
            note=str(names["note"]),
        )
        self.default = _classification(data["default"], "default")
        self.rules = _section(data, "rules")
        self.categories = _section(data, "categories")
        self.issue_types = _section(data, "issue_types")
        self.picky_only = frozenset(str(rule) for rule in data.get("picky_only") or ())
        # rules LanguageTool ships switched off that pay off on machine translation
        self.switched_on = frozenset(str(rule) for rule in data.get("switched_on") or ())
        self.switched_on_picky = frozenset(
            str(rule) for rule in data.get("switched_on_picky") or ()
        )

    def classify(self, rule_id: str, category_id: str, issue_type: str) -> Classification:
        """Return how a match of this rule, category and issue type is reported."""
        return (
            self.rules.get(rule_id)
            or self.categories.get(category_id)
            or self.issue_types.get(issue_type)
            or self.default
        )


@cache
def category_table() -> CategoryTable:
    """The table from resources/languagetool/categories.yaml (loaded once)."""
    return CategoryTable(load_yaml("languagetool", "categories.yaml"))


def matches_to_flags(
    matches: Iterable[Mapping[str, Any]], text: str, table: CategoryTable
) -> list[Flag]:
    """Build the flags of all matches of one checked text, converting offsets once."""
    to_python = utf16_to_python(text)
    flags: list[Flag] = []
    for match in matches:
        offset, length = int(match["offset"]), int(match["length"])
        flag = _flag(match, text, table, to_python(offset), to_python(offset + length))
        if flag is not None:
            flags.append(flag)
    return flags


def _flag(
    match: Mapping[str, Any], text: str, table: CategoryTable, start: int, end: int
) -> Flag | None:
    if not 0 <= start <= end <= len(text):
        return None
    rule = match.get("rule") or {}
    rule_id = str(rule.get("id", "UNKNOWN_RULE"))
    category = rule.get("category") or {}
    category_id = str(category.get("id", ""))
    issue_type = str(rule.get("issueType", ""))
    classification = table.classify(rule_id, category_id, issue_type)
    suggestions = tuple(
        str(replacement.get("value", ""))
        for replacement in (match.get("replacements") or [])[:MAX_SUGGESTIONS]
    )
    severity, confidence = classification.severity, 1.0
    message = str(match.get("message") or match.get("shortMessage") or rule_id)
    names = table.probable_names
    if category_id in names.categories and _is_probable_name(text, start, end):
        severity, confidence = names.severity, names.confidence
        message = f"{message} {names.note}"
        # The dictionary's nearest words are no fix for a name it lacks ("Rorslett" ->
        # "Rowlett", "Cylons" -> "Pylons"); a common word is ("Tuesdy" -> "Tuesday").
        suggestions = tuple(s for s in suggestions if _common_word(s))
    extra = {"languagetool_category": category_id, "issue_type": issue_type}
    sub_id = rule.get("subId")
    if sub_id:
        extra["sub_id"] = str(sub_id)
    return Flag(
        start=start,
        end=end,
        text=text[start:end],
        rule=rule_id,
        engine=ENGINE_NAME,
        category=classification.category,
        severity=severity,
        message=message,
        suggestions=suggestions,
        confidence=confidence,
        extra=extra,
    )


@lru_cache(maxsize=4096)
def _common_word(text: str) -> bool:
    """Every word of `text` is common English (wordfreq Zipf >= 4: "Tuesday", "Paris")."""
    from reviewer.core.english import english_zipf  # only needed for probable names

    words = text.split()
    return bool(words) and all(english_zipf(word) >= _COMMON_ZIPF for word in words)


def _is_probable_name(text: str, start: int, end: int) -> bool:
    """A word with a capital letter that does not open its sentence ("said Qassim")."""
    word = text[start:end]
    if not any(char.isupper() for char in word):
        return False
    before = text[:start].rstrip(' \t\u00a0"“‘(–—-')
    if not before or before[-1] in "!?:\n":
        return False
    if before[-1] == ".":
        # "Mr. Pompeo", "Gen. Suleimani", "U.S. Army": an abbreviation that never ends a
        # sentence (resources/abbreviations.yaml), not the end of a sentence
        previous_word = before[:-1].rsplit(None, 1)[-1] if before[:-1].strip() else ""
        previous_word = previous_word.lstrip('"“‘([')
        return len(previous_word) == 1 or keeps_sentence_open(previous_word)
    return True


def _section(data: Mapping[str, Any], name: str) -> dict[str, Classification]:
    return {
        str(key): _classification(value, f"{name}.{key}")
        for key, value in (data.get(name) or {}).items()
    }


def _classification(entry: Mapping[str, Any], where: str) -> Classification:
    category = str(entry["mqm"])
    if not is_mqm_category(category):
        raise ValueError(f"categories.yaml {where}: {category!r} is not an MQM category")
    return Classification(category=category, severity=Severity(entry["severity"]))
