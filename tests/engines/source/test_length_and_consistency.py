"""SRC_LENGTH_RATIO (the document's own statistics) and SRC_INCONSISTENT_TRANSLATION."""

from __future__ import annotations

import pytest

from tests.engines.source.helpers import rule_flags

LENGTH = "SRC_LENGTH_RATIO"

# Twenty-four ordinary Spanish units and their translations: the document's own ratio.
BASE = [
    (
        f"El comité revisó el informe número {n} durante la sesión de la mañana.",
        f"The committee reviewed report number {n} during the morning session.",
    )
    for n in range(1, 25)
]

SHORT = [
    (
        "La ministra anunció ayer un plan de inversión de varios años para las escuelas rurales.",
        "The minister announced.",
    ),
    (
        "Los vecinos protestaron frente al ayuntamiento durante toda la tarde del domingo.",
        "Neighbours protested.",
    ),
    (
        "El tribunal suspendió la audiencia porque faltaban dos testigos importantes del caso.",
        "The court suspended.",
    ),
    (
        "La empresa espera duplicar sus ventas en Asia antes de que termine el próximo año.",
        "The company hopes.",
    ),
    (
        "Los científicos midieron la temperatura del lago cada hora durante tres semanas.",
        "Scientists measured.",
    ),
]
LONG = [
    ("Gracias.", "Thank you."),  # too short a source to judge
    (
        "El comité revisó el informe.",
        "The committee reviewed the report, and then it reviewed the report again, and again, "
        "and it discussed the report for hours and hours and hours without any end in sight.",
    ),
]
NORMAL = [
    (
        "La ministra anunció ayer un plan de inversión para las escuelas rurales.",
        "Yesterday the minister announced an investment plan for rural schools.",
    ),
    (
        "Los vecinos protestaron frente al ayuntamiento el domingo.",
        "Residents protested in front of the town hall on Sunday.",
    ),
    (
        "El tribunal suspendió la audiencia por falta de testigos.",
        "The court adjourned the hearing for lack of witnesses.",
    ),
    (
        "La empresa espera duplicar sus ventas en Asia.",
        "The company hopes to double its sales in Asia.",
    ),
    (
        "Los científicos midieron la temperatura del lago cada hora.",
        "The scientists measured the lake's temperature every hour.",
    ),
]


@pytest.mark.parametrize(("source", "target"), SHORT)
def test_a_much_shorter_target_is_an_omission_risk(source: str, target: str) -> None:
    flags = rule_flags([*BASE, (source, target)], "es", LENGTH)
    assert [(f.text, f.category) for f in flags] == [(target, "Accuracy/Omission")]


def test_a_much_longer_target_is_an_addition_risk() -> None:
    flags = rule_flags([*BASE, *LONG], "es", LENGTH)
    assert [f.category for f in flags] == ["Accuracy/Addition"]
    assert flags[0].text.startswith("The committee reviewed the report, and then")


@pytest.mark.parametrize(("source", "target"), NORMAL)
def test_ordinary_lengths_are_not_flagged(source: str, target: str) -> None:
    assert rule_flags([*BASE, (source, target)], "es", LENGTH) == []


def test_too_few_units_means_no_statistics() -> None:
    assert rule_flags([*BASE[:5], SHORT[0]], "es", LENGTH) == []


CONSISTENCY = "SRC_INCONSISTENT_TRANSLATION"

INCONSISTENT = [
    (
        "es",
        [
            ("Pulse el botón rojo.", "Press the red button."),
            ("Pulse el botón rojo.", "Push the red knob."),
        ],
    ),
    (
        "de",
        [
            ("Bitte warten Sie hier.", "Please wait here."),
            ("Bitte warten Sie hier.", "Please hold on here."),
        ],
    ),
    (
        "fr",
        [
            ("Merci de votre patience.", "Thank you for your patience."),
            ("Merci de votre patience.", "Thanks for waiting."),
        ],
    ),
    ("ru", [("Доступ запрещён.", "Access denied."), ("Доступ запрещён.", "Entry forbidden.")]),
    ("zh", [("请稍后再试。", "Please try again later."), ("请稍后再试。", "Try later please.")]),
    ("ro", [("Salvați fișierul.", "Save the file."), ("Închideți fișierul.", "Save the file.")]),
]
CONSISTENT = [
    (
        "es",
        [
            ("Pulse el botón rojo.", "Press the red button."),
            ("Pulse el botón rojo.", "Press the red button"),
        ],
    ),
    (
        "de",
        [
            ("Bitte warten Sie hier.", "Please wait here."),
            ("Bitte warten Sie dort.", "Please wait there."),
        ],
    ),
    ("fr", [("Oui", "Yes"), ("Oui.", "Yes")]),
    ("ru", [("Доступ запрещён.", "Access denied."), ("доступ запрещён", "access denied")]),
    ("zh", [("请稍后再试。", "Please try again later."), ("请稍后重试。", "Please retry later.")]),
]


@pytest.mark.parametrize(("language", "pairs"), INCONSISTENT)
def test_inconsistent_translations_are_flagged(language: str, pairs: list[tuple[str, str]]) -> None:
    flags = rule_flags(pairs, language, CONSISTENCY)
    assert len(flags) == 1
    assert flags[0].extra["unit"] == "2"  # the second occurrence, quoting the first
    assert "unit 1" in flags[0].message


@pytest.mark.parametrize(("language", "pairs"), CONSISTENT)
def test_consistent_translations_are_not_flagged(
    language: str, pairs: list[tuple[str, str]]
) -> None:
    assert rule_flags(pairs, language, CONSISTENCY) == []
