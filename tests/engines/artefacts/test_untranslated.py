"""MT_UNTRANSLATED: words left in Spanish, French, German, Portuguese or Italian."""

from __future__ import annotations

import pytest

from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Flag
from reviewer.engines.artefacts.detectors.untranslated import UntranslatedWord
from tests.engines.artefacts.helpers import run


def flags_of(text: str, options: CheckOptions | None = None) -> list[Flag]:
    flags = sorted(run(text, UntranslatedWord(), options=options)[1], key=lambda f: f.start)
    for flag in flags:
        assert flag.category == "Accuracy/Untranslated"
    return flags


# (text, flagged spans, language named in the first message)
POSITIVE = [
    ("The minister said the reform was muy important for the economy.", ["muy"], "Spanish"),
    (
        "Officials met on Monday, pero no agreement was reached on the border.",
        ["pero"],
        "Spanish",
    ),
    ("The talks ended avec nous and the delegates went home early.", ["avec nous"], "French"),
    ("The coach said the team was nicht ready for the final.", ["nicht"], "German"),
    ("The company also said que the plant would close, também in May.", ["também"], "Portuguese"),
    ("The mayor thanked voters, anche those who opposed him.", ["anche"], "Italian"),
    ("Sin embargo, the government insisted the plan would go ahead.", ["Sin embargo"], "Spanish"),
    (
        "The company cut its forecast. Aunque sales rose, profits fell sharply.",
        ["Aunque"],
        "Spanish",
    ),
]


@pytest.mark.parametrize(("text", "spans", "language"), POSITIVE)
def test_untranslated_words_are_flagged(text: str, spans: list[str], language: str) -> None:
    flags = flags_of(text)
    assert [f.text for f in flags] == spans
    assert language in flags[0].message
    assert spans[0] in flags[0].message


NEGATIVE = [
    # borrowed terms and phrases English uses
    "The opposition leader is the de facto head of the alliance, per se a coup d’état.",
    "The chargé d’affaires said the status quo was a fait accompli, vice versa.",
    # names and name particles
    "Abu Mahdi al-Muhandis met Nguyen Van Minh and Ursula von der Leyen in Brussels.",
    "Forward Carlos Jiménez joined Real Madrid from Sevilla last summer.",
    # lower-case words inside a multi-word name
    "Shares in Banca Monte dei Paschi di Siena rose after the Universidad de Chile report.",
    # English words that are also Spanish or Italian
    "The embargo on arms sales was lifted after the fiesta in the plaza.",
    "Critics called the decision a sin, and the padre agreed with them.",
    # a short quoted term cited on purpose
    "Money moves through an informal network known as “hawala” or “la movida” locally.",
    # part of a URL
    "Details were posted at www.elpais.com/noticias/economia on Monday.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_borrowings_names_and_english_words_are_not_flagged(text: str) -> None:
    assert flags_of(text) == []


def test_source_language_restricts_languages_and_raises_confidence() -> None:
    text = "The minister said pero the talks were over, avec nous."
    generic = flags_of(text)
    assert [f.text for f in generic] == ["pero", "avec nous"]
    spanish = flags_of(text, CheckOptions(source_language="es"))
    assert [f.text for f in spanish] == ["pero"]
    assert spanish[0].confidence > generic[0].confidence


def test_unknown_source_language_is_silent() -> None:
    assert (
        flags_of("The minister said pero the talks were over.", CheckOptions(source_language="ja"))
        == []
    )
