"""SRC_NAME_MISSING: names and Latin-script tokens of the source reach the target."""

from __future__ import annotations

import pytest

from tests.engines.source.helpers import one

RULE = "SRC_NAME_MISSING"

LOST = [
    ("zh", "北约秘书长在会上提到了NATO的新预算。", "He mentioned the new budget."),
    ("ru", "Он купил новый iPhone в Москве.", "He bought a new phone in Moscow."),
    ("zh", "Pompeo周二抵达北京。", "He arrived in Beijing on Tuesday."),
    ("es", "El portavoz Martínez habló con Reuters.", "The spokesman spoke with the agency."),
    (
        "ro",
        "Ministrul a discutat cu Ursula von der Leyen la Bruxelles.",
        "The minister talked with the Commission president in Brussels.",
    ),
    (
        "fr",
        "Le groupe Airbus a livré les avions à Lufthansa.",
        "The group delivered the aircraft to the airline.",
    ),
]
KEPT = [
    (
        "zh",
        "北约秘书长在会上提到了NATO的新预算。",
        "The secretary-general mentioned NATO's new budget.",
    ),
    ("ru", "Он купил новый iPhone в Москве.", "He bought a new iPhone in Moscow."),
    ("es", "El portavoz Martínez habló con Reuters.", "Spokesman Martinez spoke with Reuters."),
    (
        "ro",
        "Ministrul a discutat cu Ursula von der Leyen la Bruxelles.",
        "The minister talked with Ursula von der Leyen in Brussels.",
    ),
    (
        "fr",
        "Le groupe Airbus a livré les avions à Lufthansa.",
        "Airbus delivered the aircraft to Lufthansa.",
    ),
    ("es", "El martes, Juan viajó a Londres.", "On Tuesday, Juan travelled to London."),
    ("de", "Die Regierung plant eine neue Steuer.", "The government plans a new tax."),
]


@pytest.mark.parametrize(("language", "source", "target"), LOST)
def test_a_lost_name_is_flagged(language: str, source: str, target: str) -> None:
    flags = one(source, target, language, RULE)
    assert len(flags) == 1
    assert flags[0].text == target
    assert flags[0].category == "Accuracy/Omission"


@pytest.mark.parametrize(("language", "source", "target"), KEPT)
def test_names_present_are_not_flagged(language: str, source: str, target: str) -> None:
    assert one(source, target, language, RULE) == []


def test_translated_acronyms_roman_numerals_and_inflected_names() -> None:
    assert one("Raportul OMS a fost publicat azi.", "The WHO report was published today.",
               "ro", RULE) == []  # fmt: skip
    assert one("Orașul a crescut în secolul XIX.", "The city grew in the 19th century.",
               "ro", RULE) == []  # fmt: skip
    assert one("Podul peste Dunării a fost redeschis.", "The bridge over the Danube reopened.",
               "ro", RULE) == []  # fmt: skip
