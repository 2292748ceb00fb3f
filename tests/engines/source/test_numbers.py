"""SRC_NUMBER_MISMATCH: numbers on both sides, however each language writes them."""

from __future__ import annotations

import pytest

from reviewer.engines.source.numbers import han_value, numbers_in, readings
from tests.engines.source.helpers import one

RULE = "SRC_NUMBER_MISMATCH"

# (language, source, target, flagged target text, suggestion or None)
WRONG = [
    (
        "es",
        "El ayuntamiento contrató a 1.500 trabajadores.",
        "The council hired 15,00 workers.",
        "15,00",
        "1,500",
    ),
    ("de", "Der Umsatz stieg um 4,5 Prozent.", "Sales rose by 45 percent.", "45", "4.5"),
    (
        "fr",
        "La ville compte 12 000 habitants.",
        "The town has 1,200 inhabitants.",
        "1,200",
        "12,000",
    ),
    (
        "ro",
        "Proiectul a costat 250 de milioane de lei.",
        "The project cost 25 million lei.",
        "25",
        "250",
    ),
    ("ru", "В аварии пострадали 17 человек.", "71 people were injured in the crash.", "71", "17"),
    ("zh", "这座桥长３２０米。", "The bridge is 230 metres long.", "230", "320"),
]

# The target lost a number the source has: the whole unit is flagged (Omission).
MISSING = [
    ("es", "El tren salió a las 8 con 300 pasajeros.", "The train left at 8 with passengers."),
    ("zh", "会议于2021年在上海举行。", "The meeting was held in Shanghai."),
    ("ru", "Компания открыла 5 новых заводов.", "The company opened new factories."),
]

# Right translations, however the numbers are written.
RIGHT = [
    (
        "es",
        "Vendieron 1.500 coches y 2,5 toneladas de acero.",
        "They sold 1,500 cars and 2.5 tonnes of steel.",
    ),
    ("de", "Die Stadt hat 3,2 Millionen Einwohner.", "The city has 3.2 million inhabitants."),
    ("fr", "Il a payé 1 200 euros, soit 15 % de plus.", "He paid 1,200 euros, 15% more."),
    ("zh", "他们招募了3.5万名志愿者。", "They recruited 35,000 volunteers."),
    ("zh", "这本书卖了两千册。", "The book sold 2,000 copies."),
    ("zh", "全市有１２所医院。", "The city has 12 hospitals."),
    ("ru", "Он прожил там два года.", "He lived there for two years."),
    ("ro", "Au fost arestate trei persoane în 2019.", "Three people were arrested in 2019."),
    ("es", "Llegaron dos autobuses.", "2 buses arrived."),
    ("es", "Tiene 4 hijos.", "He has four children."),
    ("ar", "وصل ٣٤ شخصا.", "34 people arrived."),
    ("hi", "१२ लोग आए।", "12 people came."),
]


@pytest.mark.parametrize(("language", "source", "target", "text", "suggestion"), WRONG)
def test_a_wrong_number_is_flagged_on_the_target_number(
    language: str, source: str, target: str, text: str, suggestion: str
) -> None:
    flags = one(source, target, language, RULE)
    assert [flag.text for flag in flags] == [text]
    assert flags[0].category == "Accuracy/Mistranslation"
    assert flags[0].suggestions == (suggestion,)
    assert "source has" in flags[0].message and text in flags[0].message


@pytest.mark.parametrize(("language", "source", "target"), MISSING)
def test_a_missing_number_flags_the_unit(language: str, source: str, target: str) -> None:
    flags = one(source, target, language, RULE)
    assert len(flags) == 1
    assert flags[0].category == "Accuracy/Omission"
    assert flags[0].text == target
    assert flags[0].suggestions == ()  # nothing is inserted for the reviewer


def test_an_added_number_is_flagged_as_an_addition() -> None:
    flags = one("Los precios subieron.", "Prices rose by 10%.", "es", RULE)
    assert [(flag.text, flag.category) for flag in flags] == [("10", "Accuracy/Addition")]


@pytest.mark.parametrize(("language", "source", "target"), RIGHT)
def test_numbers_that_agree_are_not_flagged(language: str, source: str, target: str) -> None:
    assert one(source, target, language, RULE) == []


def test_readings_of_separators() -> None:
    assert {str(v) for v in readings("1.500")} == {"1500", "1.5"}
    assert {str(v) for v in readings("15,00")} == {"15"}
    assert {str(v) for v in readings("1 000 000")} == {"1000000"}
    assert {str(v) for v in readings("1.234,5")} == {"1234.5"}


def test_chinese_numerals() -> None:
    assert han_value("三千五百") == 3500
    assert han_value("两万") == 20000
    assert han_value("十二") == 12
    assert han_value("一二") is None
    assert [n.text for n in numbers_in("2.5亿美元", "zh") if 250_000_000 in n.values] == ["2.5"]


def test_roman_numerals_and_decades_vouch_for_the_target() -> None:
    assert one("Palatul a fost ridicat în secolul al XIX-lea.", "The palace was built in the "
               "19th century.", "ro", RULE) == []  # fmt: skip
    assert one("Muzica anilor '90 revine.", "The music of the 1990s is back.", "ro", RULE) == []
    assert one("В XX веке город вырос.", "In the 20th century the city grew.", "ru", RULE) == []


def test_dates_in_words_or_digits_agree() -> None:
    assert one("La reunión es el 05/03/2024.", "The meeting is on March 5, 2024.", "es", RULE) == []
    assert one("Встреча 5 марта 2024 года.", "The meeting is on 5.3.2024.", "ru", RULE) == []
    assert one("Treffen am 12. Mai.", "Meeting on 12 May.", "de", RULE) == []
    flags = one("La reunión es el 05/03/2024.", "The meeting is on March 6, 2024.", "es", RULE)
    assert [flag.text for flag in flags] == ["6"]


def test_numbers_beyond_decimal_precision_do_not_break_the_check() -> None:
    huge = "9" * 40
    assert one(f"Costó {huge} millones.", f"It cost {huge} million.", "es", RULE) == []
    assert one(f"花了{huge}亿亿亿。", "It cost a lot.", "zh", RULE)[0].category == (
        "Accuracy/Omission"
    )
