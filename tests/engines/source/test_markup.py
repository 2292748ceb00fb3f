"""SRC_PLACEHOLDER_MISMATCH and SRC_LITERAL_MISMATCH: codes and literals are copied."""

from __future__ import annotations

import pytest

from reviewer.core.bilingual import Placeholder, PlaceholderKind, Unit, placeholder_char
from tests.engines.source.helpers import check, one

B, E, X = placeholder_char(0), placeholder_char(1), placeholder_char(2)
TABLE = (
    Placeholder(B, '<g id="1">', PlaceholderKind.OPEN),
    Placeholder(E, "</g>", PlaceholderKind.CLOSE),
    Placeholder(X, "%s", PlaceholderKind.CODE),
)


def unit(source: str, target: str) -> Unit:
    return Unit("u1", source, target, TABLE)


def placeholder_flags(source: str, target: str, language: str) -> list[str]:
    flags = check([unit(source, target)], language)
    return [f.category for f in flags if f.rule == "SRC_PLACEHOLDER_MISMATCH"]


TAGS_LOST = [
    ("es", f"Pulse {B}Guardar{E} para continuar.", "Press Save to continue."),
    ("de", f"Die Datei {X} wurde gelöscht.", "The file was deleted."),
    ("fr", f"{B}Attention{E} : {X} fichiers restants.", f"{B}Warning{E}: files left."),
    ("ro", f"Apăsați {B}Salvare{E}.", f"Press {B}Save."),
    ("ru", f"Файл {X} не найден.", "File not found."),
    ("zh", f"请点击{B}确定{E}。", "Please click OK."),
]
TAGS_KEPT = [
    ("es", f"Pulse {B}Guardar{E} para continuar.", f"Press {B}Save{E} to continue."),
    ("de", f"Die Datei {X} wurde gelöscht.", f"The file {X} was deleted."),
    ("fr", f"{B}Attention{E} : {X} fichiers restants.", f"{B}Warning{E}: {X} files left."),
    ("ru", f"Файл {X} не найден.", f"File {X} not found."),
    ("zh", f"请点击{B}确定{E}。", f"Please click {B}OK{E}."),
]


@pytest.mark.parametrize(("language", "source", "target"), TAGS_LOST)
def test_a_lost_code_is_flagged(language: str, source: str, target: str) -> None:
    assert placeholder_flags(source, target, language) == ["Accuracy/Omission"]


@pytest.mark.parametrize(("language", "source", "target"), TAGS_KEPT)
def test_codes_kept_are_not_flagged(language: str, source: str, target: str) -> None:
    assert placeholder_flags(source, target, language) == []


def test_an_added_code_points_at_it() -> None:
    flags = check([unit("Guardar cambios.", f"Save {X} changes.")], "es")
    assert [(f.text, f.category) for f in flags if f.rule == "SRC_PLACEHOLDER_MISMATCH"] == [
        (X, "Accuracy/Addition")
    ]


LITERAL = "SRC_LITERAL_MISMATCH"
LITERALS_WRONG = [
    ("es", "Escríbanos a info@ayuda.es para más datos.", "Write to us for more details."),
    ("de", "Mehr unter https://www.beispiel.de/hilfe.", "More at https://www.example.de/help."),
    ("fr", "Suivez #JeuxOlympiques sur les réseaux.", "Follow #OlympicGames on social media."),
    ("ro", "Scrieți-ne pe @primaria_cluj.", "Write to us."),
    ("ru", "Подробнее на www.primer.ru.", "More details on the website."),
    ("zh", "请访问 https://example.cn/news 了解更多。", "Visit our site to learn more."),
]
LITERALS_RIGHT = [
    (
        "es",
        "Escríbanos a info@ayuda.es para más datos.",
        "Write to us at info@ayuda.es for more details.",
    ),
    ("de", "Mehr unter https://www.beispiel.de/hilfe.", "More at https://www.beispiel.de/hilfe."),
    ("fr", "Suivez #JeuxOlympiques sur les réseaux.", "Follow #JeuxOlympiques on social media."),
    ("ro", "Scrieți-ne pe @primaria_cluj.", "Write to us at @primaria_cluj."),
    ("ru", "Подробнее на www.primer.ru.", "More details at www.primer.ru."),
    ("zh", "请访问 https://example.cn/news 了解更多。", "See https://example.cn/news for more."),
]


@pytest.mark.parametrize(("language", "source", "target"), LITERALS_WRONG)
def test_a_changed_or_lost_literal_is_flagged(language: str, source: str, target: str) -> None:
    assert len(one(source, target, language, LITERAL)) == 1


@pytest.mark.parametrize(("language", "source", "target"), LITERALS_RIGHT)
def test_copied_literals_are_not_flagged(language: str, source: str, target: str) -> None:
    assert one(source, target, language, LITERAL) == []


def test_a_changed_url_suggests_the_source_url() -> None:
    (flag,) = one("Véase https://a.es/x.", "See https://a.com/x.", "es", LITERAL)
    assert flag.text == "https://a.com/x"
    assert flag.suggestions == ("https://a.es/x",)
