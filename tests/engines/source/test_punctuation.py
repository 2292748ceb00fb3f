"""SRC_END_PUNCTUATION: questions, exclamations and colons keep their kind."""

from __future__ import annotations

import pytest

from tests.engines.source.helpers import one

RULE = "SRC_END_PUNCTUATION"

CHANGED = [
    ("es", "¿Cuándo llega el tren?", "When does the train arrive.", ".", "?"),
    ("fr", "Quelle belle surprise !", "What a nice surprise.", ".", "!"),
    ("de", "Folgende Unterlagen sind nötig:", "The following documents are needed.", ".", ":"),
    ("zh", "你明天来吗？", "Are you coming tomorrow", "w", "w?"),
    ("ru", "Это правда.", "Is it true?", "?", "."),
    ("ro", "Unde ați fost ieri?", "Where were you yesterday!", "!", "?"),
]
SAME = [
    ("es", "¿Cuándo llega el tren?", "When does the train arrive?"),
    ("fr", "Quelle belle surprise !", "What a nice surprise!"),
    ("zh", "你明天来吗？", "Are you coming tomorrow?"),
    ("zh", "请注意以下几点：", "Please note the following:"),
    ("ru", "Это правда.", "It is true"),
    ("de", "„Kommst du mit?“", "“Are you coming along?”"),
]


@pytest.mark.parametrize(("language", "source", "target", "text", "suggestion"), CHANGED)
def test_a_changed_ending_is_flagged(
    language: str, source: str, target: str, text: str, suggestion: str
) -> None:
    flags = one(source, target, language, RULE)
    assert [(f.text, f.suggestions) for f in flags] == [(text, (suggestion,))]


@pytest.mark.parametrize(("language", "source", "target"), SAME)
def test_the_same_kind_is_not_flagged(language: str, source: str, target: str) -> None:
    assert one(source, target, language, RULE) == []


def test_spaces_before_a_closing_quote_are_looked_through() -> None:
    assert one("他说：“谁会相信？”", 'He said: "Who would believe it? "', "zh", RULE) == []
