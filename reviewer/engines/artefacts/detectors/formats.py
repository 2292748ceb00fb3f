"""Mixed date and number formats across the document ("January 3" / "3 January" / "3/1/2020",
"10,000" / "10 000", "10 percent" / "10%").

A human writer follows one style sheet; MT translates sentence by sentence and copies each
source sentence's convention, so mixed formats in one article are an MT fingerprint. As with
the other inconsistency checks, the majority style wins and the minority is flagged with the
majority rendering as suggestion where the conversion is unambiguous (a numeric date such as
3/1/2020 could be March 1 or January 3, so it gets none).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Flag, Severity
from reviewer.engines.artefacts.detector import Detector, Finding
from reviewer.engines.artefacts.detectors._majority import (
    Minority,
    Occurrence,
    elsewhere,
    minorities,
)
from reviewer.engines.artefacts.detectors._words import word_set
from reviewer.resources import load_yaml


@dataclass(frozen=True, slots=True)
class Rendering:
    """One matched date or number, its style label and the parts needed to rewrite it."""

    start: int
    end: int
    style: str
    parts: tuple[str, ...]


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml("artefacts", "formats.yaml")
    return data


@cache
def _date_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    data = _data()
    names = [*data["months"], *(rf"{a}\." for a in data["month_abbreviations"])]
    month = "(" + "|".join(sorted(names, key=len, reverse=True)) + ")"
    day = r"(\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?:,?[ ](\d{4}))?"
    return (
        ("month-day", re.compile(rf"(?=[A-Z])\b{month}[ ]{day}(?![\d:,.]\d){year}(?!\d)")),
        (
            "day-month",
            re.compile(rf"(?=\d)(?<![\d,.])\b{day}[ ](?:of[ ])?{month}(?![\w]){year}(?!\d)"),
        ),
        ("numeric", re.compile(r"(?=\d)(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])")),
        ("ISO", re.compile(r"(?=\d)(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")),
    )


_DATE_STYLES = {
    "month-day": "“January 3”",
    "day-month": "“3 January”",
    "numeric": "“3/1/2020”",
    "ISO": "“2020-01-03”",
}


def _month_name(written: str) -> str:
    return str(_data()["month_abbreviations"].get(written.rstrip("."), written.rstrip(".")))


def _date_parts(style: str, match: re.Match[str]) -> tuple[str, ...] | None:
    """(month name, day, year or '') for named and ISO dates; None for ambiguous numeric."""
    if style == "month-day":
        month, day, year = match[1], match[2], match[3] or ""
    elif style == "day-month":
        day, month, year = match[1], match[2], match[3] or ""
    elif style == "ISO":
        number = int(match[2])
        if not 1 <= number <= 12:
            return None
        month, day, year = _data()["months"][number - 1], str(int(match[3])), match[1]
    else:
        return None
    if not 1 <= int(day) <= 31:
        return None
    return _month_name(month), day, year


def _render_date(style: str, parts: tuple[str, ...]) -> str | None:
    month, day, year = parts
    if style == "month-day":
        return f"{month} {day}, {year}" if year else f"{month} {day}"
    if style == "day-month":
        return f"{day} {month} {year}" if year else f"{day} {month}"
    return None


def _style_message(what: str, found: str, minority: Minority, describe: dict[str, str]) -> str:
    majority = describe.get(minority.majority, minority.majority)
    return f"Mixed {what}: “{found}” here, {majority} style {elsewhere(minority)}"


def _report(
    detector: Detector,
    document: Document,
    renderings: list[Rendering],
    *,
    what: str,
    describe: dict[str, str],
    render: Callable[[str, Rendering], str | None],
) -> Iterator[Flag]:
    by_start = {r.start: r for r in renderings}
    occurrences = [Occurrence(r.start, r.end, r.style) for r in renderings]
    for minority in minorities(occurrences):
        rendering = by_start[minority.occurrence.start]
        found = document.text[rendering.start : rendering.end]
        suggestion = render(minority.majority, rendering)
        finding = Finding(
            rendering.start,
            rendering.end,
            _style_message(what, found, minority, describe),
            (suggestion,) if suggestion else (),
        )
        yield detector.flag(document, finding)


class DateFormatInconsistency(Detector):
    """Dates written in different formats (January 3 / 3 January / 3/1/2020)

    Suggests the majority format for named and ISO dates; numeric dates are ambiguous
    (day or month first?) and get no suggestion.
    """

    rule_id = "MT_INCONSISTENT_DATE_FORMAT"
    category = "Locale convention/Date format"
    severity = Severity.MINOR
    confidence = 0.8

    def detect(self, document: Document, options: CheckOptions) -> Iterator[Flag]:
        renderings: list[Rendering] = []
        taken: set[int] = set()
        for style, pattern in _date_patterns():
            for match in pattern.finditer(document.text):
                if match.start() in taken:
                    continue
                parts = _date_parts(style, match)
                if parts is None and style in ("month-day", "day-month"):
                    continue  # "May 45" is not a date
                taken.update(range(match.start(), match.end()))
                renderings.append(Rendering(match.start(), match.end(), style, parts or ()))

        def render(style: str, rendering: Rendering) -> str | None:
            return _render_date(style, rendering.parts) if rendering.parts else None

        yield from _report(
            self, document, renderings, what="date formats", describe=_DATE_STYLES, render=render
        )


# --- numbers --------------------------------------------------------------------------------

_SEPARATORS = {"comma": ",", "space": " ", "dot": "."}
_SEPARATOR_STYLES = {"comma": "“10,000”", "space": "“10 000”", "dot": "“10.000”"}
_GROUPED = {
    "comma": re.compile(r"(?=\d)(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d]|[.,]\d)"),
    "space": re.compile(r"(?=\d)(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d]|[.,]\d)"),
    "dot": re.compile(r"(?=\d)(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d]|[.,]\d)"),
}
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


@cache
def _percent_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w).replace(r"\ ", " ") for w in _data()["percent_words"])
    return re.compile(rf"(?=\d)(?<![\d.,])(\d+(?:[.,]\d+)?)(?:[ ]?(%)|[ ]({words})\b)")


class NumberFormatInconsistency(Detector):
    """Numbers written in different formats (10,000 / 10 000 / 10.000; 10 percent / 10%)

    Two independent comparisons: the thousands separator, and percentages written with a
    sign or a word. Suggests the number rewritten in the majority style.
    """

    rule_id = "MT_INCONSISTENT_NUMBER_FORMAT"
    category = "Locale convention/Number format"
    severity = Severity.MINOR
    confidence = 0.8

    def detect(self, document: Document, options: CheckOptions) -> Iterator[Flag]:
        yield from self._separators(document)
        yield from self._percentages(document)

    def _separators(self, document: Document) -> Iterator[Flag]:
        text = document.text
        decimal_words = word_set(_data()["decimal_context_words"])
        renderings = []
        for style, pattern in _GROUPED.items():
            for match in pattern.finditer(text):
                if style == "dot" and match[0].count(".") == 1:
                    following = _NEXT_WORD.match(text, match.end())
                    if following is None or following[1].lower() in decimal_words:
                        continue  # "3.500" alone, "1.250 million": decimals
                digits = re.sub(r"\D", "", match[0])
                renderings.append(Rendering(match.start(), match.end(), style, (digits,)))

        def render(style: str, rendering: Rendering) -> str:
            digits = rendering.parts[0]
            head = len(digits) % 3 or 3
            groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
            return _SEPARATORS[style].join(groups)

        yield from _report(
            self,
            document,
            renderings,
            what="thousands separators",
            describe=_SEPARATOR_STYLES,
            render=render,
        )

    def _percentages(self, document: Document) -> Iterator[Flag]:
        renderings = []
        for match in _percent_pattern().finditer(document.text):
            style = "sign" if match[2] else "word"
            renderings.append(
                Rendering(match.start(), match.end(), style, (match[1], match[3] or ""))
            )
        word = next((r.parts[1] for r in renderings if r.style == "word"), "percent")
        describe = {"sign": "“10%”", "word": f"“10 {word}”"}

        def render(style: str, rendering: Rendering) -> str:
            number = rendering.parts[0]
            return f"{number}%" if style == "sign" else f"{number} {word}"

        yield from _report(
            self, document, renderings, what="percentages", describe=describe, render=render
        )
