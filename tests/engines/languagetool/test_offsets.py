"""LanguageTool counts UTF-16 code units; flags must slice the Python string exactly."""

from __future__ import annotations

import pytest

from reviewer.engines.languagetool.offsets import utf16_span, utf16_to_python


def _utf16_offset(text: str, python_offset: int) -> int:
    return len(text[:python_offset].encode("utf-16-le")) // 2


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("plain ascii text with a wrod", "wrod"),
        ("Thé café était fermé, sayd José.", "sayd"),
        ("😀 emoji first, then a wrod", "wrod"),
        ("two 😀😀 then 👍🏽 skin tone and a wrod 😀", "wrod"),
        ("mathematical 𝐀𝐁𝐂 letters wrod", "wrod"),
        ("combining e\u0301 accent and a wrod", "wrod"),
    ],
)
def test_utf16_span_maps_to_the_python_slice(text: str, word: str) -> None:
    start = text.index(word)
    offset = _utf16_offset(text, start)
    length = _utf16_offset(text, start + len(word)) - offset
    python_start, python_end = utf16_span(text, offset, length)
    assert text[python_start:python_end] == word


def test_every_character_boundary_round_trips() -> None:
    text = "a😀b👍🏽cé𝐀d"
    convert = utf16_to_python(text)
    for index in range(len(text) + 1):
        assert convert(_utf16_offset(text, index)) == index


def test_ascii_text_is_the_identity() -> None:
    convert = utf16_to_python("no astral characters here, é ok")
    assert [convert(i) for i in range(5)] == list(range(5))
