"""SRC_FALSE_FRIEND: the source word decides, and it decides for MT_FALSE_FRIEND too."""

from __future__ import annotations

import pytest

from reviewer.core.checking import run_check
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions
from reviewer.engines.artefacts.detectors.false_friends import (
    available_languages,
    trigger_languages,
)
from reviewer.engines.artefacts.engine import ArtefactsEngine
from reviewer.engines.source.engine import SourceEngine
from tests.engines.source.helpers import one, units_of

RULE = "SRC_FALSE_FRIEND"

# (language, source, target, flagged text, source word named in the message)
CONFIRMED = [
    (
        "es",
        "El ejército detuvo la ofensiva.",
        "The army arrested the offensive.",
        "arrested",
        "detuvo",
    ),
    (
        "es",
        "Actualmente hay 300 pacientes.",
        "Actually there are 300 patients.",
        "Actually",
        "Actualmente",
    ),
    (
        "fr",
        "Le gouvernement a arrêté les travaux sur le pont.",
        "The government arrested the works on the bridge.",
        "arrested",
        "arrêté",
    ),
    ("de", "Ich habe mein Handy verloren.", "I lost my handy.", "handy", "Handy"),
    (
        "es",
        "La policía realizó una investigación sobre el caso.",
        "The police realized an investigation into the case.",
        "realized",
        "realizó",
    ),
    (
        "fr",
        "Actuellement, 40 % des élèves mangent à la cantine.",
        "Actually, 40% of the pupils eat in the canteen.",
        "Actually",
        "Actuellement",
    ),
]

# The English context is suspicious but the source holds another word (or the right sense).
CLEARED = [
    ("es", "El ejército paró la ofensiva.", "The army arrested the offensive."),
    ("es", "La policía detuvo a tres sospechosos.", "The police arrested three suspects."),
    ("es", "En realidad hay 300 pacientes.", "Actually there are 300 patients."),
    (
        "fr",
        "Le gouvernement a suspendu les travaux sur le pont.",
        "The government arrested the works on the bridge.",
    ),
    ("de", "Ich habe mein Telefon verloren.", "I lost my handy."),
    (
        "es",
        "La policía hizo una investigación sobre el caso.",
        "The police realized an investigation into the case.",
    ),
]


@pytest.mark.parametrize(("language", "source", "target", "text", "word"), CONFIRMED)
def test_a_false_friend_with_its_source_word_is_flagged(
    language: str, source: str, target: str, text: str, word: str
) -> None:
    flags = one(source, target, language, RULE)
    assert [flag.text for flag in flags] == [text]
    assert f"“{word}”" in flags[0].message
    assert flags[0].suggestions


@pytest.mark.parametrize(("language", "source", "target"), CLEARED)
def test_no_flag_without_the_source_word(language: str, source: str, target: str) -> None:
    assert one(source, target, language, RULE) == []


def test_every_entry_names_its_source_triggers() -> None:
    assert set(trigger_languages()) == set(available_languages())


def false_friend_flags(document: Document, *engines: object) -> list[tuple[str, int]]:
    """(rule, unit index) of each false-friend flag of the merged check."""
    result = run_check(document, list(engines), CheckOptions())  # type: ignore[arg-type]
    return [
        (flag.rule, document.text.count("\n", 0, flag.start))
        for flag in result.flags
        if "FALSE_FRIEND" in flag.rule
    ]


def test_with_the_source_engine_the_source_word_decides_for_the_guess() -> None:
    """The English alone looks wrong ("arrested the offensive"), but the source says
    *detuvo* only in the second unit: one flag there (the guess and the check merged, as
    LanguageTool's twins are), none in the first."""
    pairs = [
        ("La policía acabó con la ofensiva.", "The army arrested the offensive."),
        ("El ejército detuvo la ofensiva.", "The army arrested the offensive."),
    ]
    document = Document.from_units(units_of(pairs), source_language="es")
    assert false_friend_flags(document, ArtefactsEngine()) == [
        ("MT_FALSE_FRIEND", 0),
        ("MT_FALSE_FRIEND", 1),
    ]
    merged = run_check(document, [ArtefactsEngine(), SourceEngine()], CheckOptions())
    (flag,) = [f for f in merged.flags if "FALSE_FRIEND" in f.rule]
    assert document.text.count("\n", 0, flag.start) == 1
    assert flag.extra.get("also_reported_by") == "source:SRC_FALSE_FRIEND"


def test_without_the_source_engine_the_guess_stands() -> None:
    pairs = [("La policía acabó con la ofensiva.", "The army arrested the offensive.")]
    document = Document.from_units(units_of(pairs), source_language="es")
    assert false_friend_flags(document, ArtefactsEngine()) == [("MT_FALSE_FRIEND", 0)]


def test_a_source_language_without_a_list_keeps_the_artefacts_detector() -> None:
    pair = [("Ordu taarruzu durdurdu.", "The army arrested the offensive.")]
    document = Document.from_units(units_of(pair), source_language="tr")
    report = SourceEngine().check(document, CheckOptions(source_language="tr"))
    assert report.covers == frozenset()
    assert false_friend_flags(document, ArtefactsEngine(), SourceEngine()) == (
        false_friend_flags(document, ArtefactsEngine())
    )
