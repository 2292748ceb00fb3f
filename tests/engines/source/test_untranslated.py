"""SRC_UNTRANSLATED: copied targets, source script in the target, copied source words."""

from __future__ import annotations

import pytest

from tests.engines.source.helpers import one

RULE = "SRC_UNTRANSLATED"

UNTRANSLATED = [
    (
        "es",
        "La reunión terminó sin acuerdo.",
        "La reunión terminó sin acuerdo.",
        "La reunión terminó sin acuerdo.",
    ),
    (
        "ro",
        "Guvernul a aprobat bugetul.",
        "Guvernul a aprobat bugetul.",
        "Guvernul a aprobat bugetul.",
    ),
    ("zh", "他们在公园里散步。", "They walked in the 公园.", "公园"),
    ("ru", "Мы встретились в библиотеке.", "We met in the библиотеке.", "библиотеке"),
    ("de", "Die Verhandlungen scheiterten gestern.", "The Verhandlungen failed yesterday.", None),
    (
        "es",
        "El equipo ganó gracias a su entrenador.",
        "The team won thanks to its entrenador.",
        "entrenador",
    ),
]
TRANSLATED = [
    ("es", "La reunión terminó sin acuerdo.", "The meeting ended without agreement."),
    ("fr", "Paris Saint-Germain", "Paris Saint-Germain"),
    ("de", "Bundesliga 2023", "Bundesliga 2023"),
    ("zh", "他们在公园里散步。", "They walked in the park."),
    ("ru", "Мы встретились в библиотеке.", "We met in the library."),
    ("ro", "Guvernul a aprobat bugetul.", "The government approved the budget."),
]


@pytest.mark.parametrize(("language", "source", "target", "text"), UNTRANSLATED)
def test_untranslated_text_is_flagged(
    language: str, source: str, target: str, text: str | None
) -> None:
    flags = one(source, target, language, RULE)
    assert flags, "expected a flag"
    assert flags[0].category == "Accuracy/Untranslated"
    if text is not None:
        assert flags[0].text == text


@pytest.mark.parametrize(("language", "source", "target"), TRANSLATED)
def test_translated_and_name_only_units_are_not_flagged(
    language: str, source: str, target: str
) -> None:
    assert one(source, target, language, RULE) == []


def test_an_english_title_in_a_russian_file_is_not_untranslated() -> None:
    assert one("Star Wars Fallen Order", "Star Wars Fallen Order", "ru", RULE) == []
    assert one("Game of thrones", "Game of thrones", "ru", RULE) == []
