"""Numbers as both sides of a unit write them, reduced to values that can be compared.

"1,500", "1.500" and "1 500" may all be one thousand five hundred, and "1.500" may also be
one and a half: a number token is read as every value its separators allow, and two tokens
agree when their readings meet. Digits of any script (Arabic-Indic, Devanagari, full-width)
count as digits. A multiplier word after a number ("3 million", "3万", "3 millones") adds the
multiplied value, so "3.5万" meets "35,000" and "1,5 millones" meets "1.5 million".

Numbers written in words (English "two", Chinese 三千, Spanish "dos") are *optional*: they
can vouch for a number of the other side but are never required, because "one" or 一 are as
often articles as quantities. Only digit tokens must find a partner.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from reviewer.resources import load_yaml

# Digits of any script, grouped by , . ' ’ or (before exactly three digits) a thin/no-break
# or plain space; decimals by , or .
_NUMBER = re.compile(
    r"(?<![\d])\d+(?:[.,'’]\d+|[\u00a0\u202f\u2009 ](?=\d{3}(?!\d))\d{3})*(?![\d])"
)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_HAN_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万萬亿億]+")
_HAN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_HAN_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_HAN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_HAN_BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
# Roman numerals ("secolul al XIX-lea", "World War II"): two letters at least, since "I" is
# a pronoun and "V" a letter.
ROMAN = re.compile(
    r"(?<![A-Za-z])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?![A-Za-z])"
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
# Characters that may separate a number from its multiplier word (none in Chinese).
_GAP = re.compile(r"[\s\u00a0\u202f]*")


@dataclass(frozen=True, slots=True)
class Number:
    """One number of a text: where it is, as written, and every value it may mean."""

    start: int
    end: int
    text: str
    values: frozenset[Decimal]
    written: bool = False  # in words or CJK numerals: vouches for others, never required
    grouped: bool = False  # the digits had separators ("1,500", "1.500")


@dataclass(frozen=True)
class NumberWords:
    """A language's number words: cardinals and ordinals, and multipliers (as powers of 10)."""

    words: Mapping[str, int]
    multipliers: Mapping[str, int]
    decimal_comma: bool


@cache
def number_words(language: str) -> NumberWords:
    """The number words of `language` from checks.yaml (empty for a language not listed)."""
    data = load_yaml("source", "checks.yaml")["numbers"]
    entry = data["languages"].get(language) or {}
    words: dict[str, int] = {}
    for value, forms in (entry.get("words") or {}).items():
        for form in str(forms).split():
            words[form.lower()] = int(value)
    multipliers = {
        form.lower(): int(power)
        for power, forms in (entry.get("multipliers") or {}).items()
        for form in str(forms).split()
    }
    return NumberWords(words, multipliers, language in set(data["decimal_comma"]))


def ascii_digits(text: str) -> str:
    """Digits of any script as ASCII digits, everything else unchanged."""
    return "".join(
        str(unicodedata.decimal(c)) if c.isdecimal() and not c.isascii() else c for c in text
    )


def roman_value(numeral: str) -> int:
    """ "XIX" -> 19 (the numeral is known to be well formed)."""
    total = 0
    for index, letter in enumerate(numeral):
        value = _ROMAN_VALUES[letter]
        following = _ROMAN_VALUES[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def readings(token: str) -> frozenset[Decimal]:
    """Every value a digit token may mean: "1.500" -> {1500, 1.5}; "15,00" -> {15}."""
    token = ascii_digits(token)
    parts = re.split(r"([.,'’\u00a0\u202f\u2009 ])", token)
    groups, separators = parts[0::2], parts[1::2]
    values: set[Decimal] = set()
    if not separators:
        values.add(Decimal(token))
    elif all(len(group) == 3 for group in groups[1:]) and len(set(separators)) == 1:
        values.add(Decimal("".join(groups)))  # every separator groups thousands
    if separators and separators[-1] in ".,":
        head_separators = set(separators[:-1])
        if separators[-1] not in head_separators and all(len(group) == 3 for group in groups[1:-1]):
            values.add(Decimal("".join(groups[:-1]) + "." + groups[-1]))  # the last is decimal
    if len(token) == 4 and token[:2] in {"19", "20"} and token.isdigit():
        values.add(Decimal(token[2:]))  # "1990" is also the "90" of "the '90s", "anii '90"
    return frozenset(_normal(value) for value in values)


def _normal(value: Decimal) -> Decimal:
    """15.00 and 15 are the same value; 1.5E+3 is written 1500."""
    normal = value.normalize()
    # int() is exact at any size, where quantize() fails beyond the context's 28 digits.
    return Decimal(int(normal)) if normal == normal.to_integral_value() else normal


def han_value(text: str) -> int | None:
    """The value of Chinese numerals ("三千五百" -> 3500, "两万" -> 20000), None if not one."""
    total, section, digit = 0, 0, None
    for character in text:
        if character in _HAN_DIGITS:
            if digit is not None:  # "一二" is no number ("十一二" neither)
                return None
            digit = _HAN_DIGITS[character]
        elif character in _HAN_SMALL_UNITS:
            section += (1 if digit is None else digit) * _HAN_SMALL_UNITS[character]
            digit = None
        elif character in _HAN_BIG_UNITS:
            section += digit or 0
            if section == 0:
                return None
            total += section * _HAN_BIG_UNITS[character]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def numbers_in(text: str, language: str) -> list[Number]:
    """Digit numbers (required) and written numbers (optional) of `text` in `language`."""
    words = number_words(language)
    found: list[Number] = []
    for match in _NUMBER.finditer(text):
        values = readings(match.group())
        if not values:  # "5.3.2024", "1,2,3": no one number, but each part is one
            for part in re.finditer(r"\d+", match.group()):
                start = match.start() + part.start()
                single = frozenset({_normal(Decimal(ascii_digits(part.group())))})
                found.append(Number(start, start + len(part.group()), part.group(), single))
            continue
        multiplied = _multiplied(text, match.end(), values, words, language)
        found.append(
            Number(
                match.start(),
                match.end(),
                match.group(),
                values | multiplied,
                grouped=bool(re.search(r"\D", ascii_digits(match.group()))),
            )
        )
    if words.words:
        for match in _WORD.finditer(text):
            parts = match.group().lower().split("-")
            if all(part in words.words for part in parts):
                total = sum(words.words[part] for part in parts)  # "twenty-five"
                base = frozenset({Decimal(total)})
                extra = _multiplied(text, match.end(), base, words, language)
                found.append(
                    Number(match.start(), match.end(), match.group(), base | extra, written=True)
                )
    for match in ROMAN.finditer(text):
        if len(match.group()) >= 2:
            values = frozenset({Decimal(roman_value(match.group()))})
            found.append(Number(match.start(), match.end(), match.group(), values, True))
    if language in {"zh", "ja"} or _HAN_NUMERAL.search(text):
        for match in _HAN_NUMERAL.finditer(text):
            numeral = han_value(match.group())
            if numeral is not None:
                values = frozenset({Decimal(numeral)})
                found.append(Number(match.start(), match.end(), match.group(), values, True))
    found.sort(key=lambda number: number.start)
    return found


def _multiplied(
    text: str, end: int, values: Iterable[Decimal], words: NumberWords, language: str
) -> frozenset[Decimal]:
    """The values times a multiplier right after the number ("3 million", "3万", "3千万")."""
    run = re.match(r"[十百千万萬亿億]+", text[end:])
    if run is not None:
        power = 1
        for character in run.group():
            power *= (_HAN_SMALL_UNITS | _HAN_BIG_UNITS)[character]
        return frozenset(_normal(value * power) for value in values)
    gap = _GAP.match(text, end)
    word = _WORD.match(text, gap.end() if gap else end)
    if word is None:
        return frozenset()
    power10 = words.multipliers.get(word.group().lower())
    if power10 is None:
        return frozenset()
    try:
        return frozenset(_normal(value * Decimal(10) ** power10) for value in values)
    except InvalidOperation:
        return frozenset()


def english(value: Decimal, grouped: bool) -> str:
    """A value written the English way: 1500 -> "1,500" (grouped as the source was)."""
    if value == value.to_integral():
        integer = int(value)
        return f"{integer:,}" if grouped or abs(integer) >= 10000 else str(integer)
    return f"{value:,}"


def preferred(number: Number, language: str) -> Decimal:
    """The reading a writer of `language` means: "1.500" is 1500 in Spanish, 1.5 in English."""
    if number.written:
        return min(number.values)
    raw = readings(number.text)
    if not raw:
        return min(number.values)
    if len(raw) == 1:
        return next(iter(raw))
    separators = re.findall(r"[.,]", ascii_digits(number.text))
    decimal_mark = "," if number_words(language).decimal_comma else "."
    want_decimal = bool(separators) and separators[-1] == decimal_mark
    for value in raw:
        if (value != value.to_integral()) == want_decimal:
            return value
    return max(raw)
