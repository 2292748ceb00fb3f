"""Inconsistency detectors: known variants, compounds, names, dates and numbers.

Table-driven like translate-toolkit's pofilter tests: each case is a short article, the text
the flag must cover and the suggestion it must carry; negative cases must give no flag.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Flag
from reviewer.engines.artefacts.detector import Detector
from reviewer.engines.artefacts.detectors.formats import (
    DateFormatInconsistency,
    NumberFormatInconsistency,
)
from reviewer.engines.artefacts.detectors.inconsistency import (
    CompoundInconsistency,
    NameInconsistency,
    VariantInconsistency,
)
from tests.engines.artefacts.helpers import run

SEED = Path(__file__).resolve().parents[3] / "seeds" / "000_04f21086b02ac016.txt"


def flags_of(detector: Detector, text: str, options: CheckOptions | None = None) -> list[Flag]:
    _, flags = run(text, detector, options=options)
    for flag in flags:
        assert flag.rule == detector.rule_id
        assert flag.message
    return flags


# (text, flagged spans in order, suggestion of the first flag)
VARIANT_POSITIVE = [
    (
        "The U.S. military said on Monday that US forces would stay. US officials agreed.",
        ["U.S."],
        "US",
    ),
    (
        "The US embassy said the U.S. envoy met U.S. diplomats and U.S. officials on Monday.",
        ["US"],
        "U.S.",
    ),
    (
        "The strike killed Qassem Soleimani. Aides to Suleimani had warned of it. "
        "Soleimani’s funeral drew crowds.",
        ["Suleimani"],
        "Soleimani",
    ),
    (
        "Officials sent an e-mail on Monday. The email was leaked, and a second email followed.",
        ["e-mail"],
        "email",
    ),
    (
        "Inflation rose 3 percent in May and 4 percent in June, or 1 per cent more than forecast.",
        ["per cent"],
        "percent",
    ),
    (
        "The council organised a vote. Critics said it was poorly organized, and the organizers "
        "apologized.",
        ["organised"],
        "organized",
    ),
    (
        "Email the ministry before Friday, the notice said. Questions by e-mail will be answered.",
        ["e-mail"],
        "Email",
    ),
]


@pytest.mark.parametrize(("text", "spans", "suggestion"), VARIANT_POSITIVE)
def test_variant_flags_minority_form(text: str, spans: list[str], suggestion: str) -> None:
    flags = flags_of(VariantInconsistency(), text)
    assert [f.text for f in flags] == spans
    assert flags[0].suggestions[0].lower() == suggestion.lower()


def test_variant_tie_flags_the_later_form_and_says_so() -> None:
    flags = flags_of(VariantInconsistency(), "Troops moved toward the border and towards the sea.")
    assert [f.text for f in flags] == ["towards"]
    assert flags[0].suggestions == ("toward",)
    assert "first one used wins" in flags[0].message


def test_variant_keeps_the_full_stop_at_sentence_end() -> None:
    text = "US troops left. US aid continued. Aid workers returned to the U.S. They were tired."
    flags = flags_of(VariantInconsistency(), text)
    assert [(f.text, f.suggestions) for f in flags] == [("U.S.", ("US.",))]


def test_variant_absorbs_the_full_stop_when_the_majority_has_one() -> None:
    text = "U.S. troops left. U.S. aid continued. Aid workers returned to the US. They were tired."
    flags = flags_of(VariantInconsistency(), text)
    assert [(f.text, f.suggestions) for f in flags] == [("US.", ("U.S.",))]


VARIANT_NEGATIVE = [
    "The U.S. military said on Monday that U.S. forces would stay in the region.",
    "Let us be clear, the minister told us on Friday: the plan will go ahead.",
    "The USA team beat Canada, and fans of the US team celebrated in Chicago.",
    "The email arrived at 9 a.m. and a second email followed an hour later.",
    "Colorado officials said the colour of the new flag had not been chosen.",
    "Among the victims were two children, the police said, while others were injured.",
    # proper names keep their own spelling in a British text
    "The Australian Labor Party said the labour market was weak and labour costs rose.",
    "Officials at the Kennedy Center said the city centre would be closed to traffic.",
]


@pytest.mark.parametrize("text", VARIANT_NEGATIVE)
def test_variant_consistent_text_is_clean(text: str) -> None:
    assert flags_of(VariantInconsistency(), text) == []


COMPOUND_POSITIVE = [
    (
        "The counter-terrorism unit was expanded. Its counterterrorism budget doubled, and "
        "counterterrorism experts welcomed it.",
        "counter-terrorism",
        "counterterrorism",
    ),
    (
        "The co-operation agreement was signed in May. Cooperation had stalled, and "
        "cooperation with Paris resumed.",
        "co-operation",
        "cooperation",
    ),
    (
        "The anti-corruption law passed. Anti-corruption groups cheered, but anti corruption "
        "campaigners said it was weak.",
        "anti corruption",
        "anti-corruption",
    ),
    (
        "He was re-elected in May. Reelected mayors rarely change course, and re-elected "
        "officials seldom do.",
        "Reelected",
        "Re-elected",
    ),
    (
        "The non-profit group sued. The nonprofit said the law was unfair to every "
        "non-profit in the state.",
        "nonprofit",
        "non-profit",
    ),
]


@pytest.mark.parametrize(("text", "span", "suggestion"), COMPOUND_POSITIVE)
def test_compound_flags_minority_spelling(text: str, span: str, suggestion: str) -> None:
    flags = flags_of(CompoundInconsistency(), text)
    assert [f.text for f in flags] == [span]
    assert flags[0].suggestions == (suggestion,)


COMPOUND_NEGATIVE = [
    # attributive hyphen and predicative open form are both correct
    "It is a long-term plan, and officials said it would pay off in the long term.",
    # different words
    "The minister may resign, but he will not re-sign the contract he rejected.",
    "She hopes to recover the funds, and workers will re-cover the roof next week.",
    # consistent
    "The counterterrorism unit grew, and counterterrorism spending rose by 4 percent.",
    # names are not compounds
    "The US-led coalition met in Paris, and the US led the talks on Friday.",
    # known variants are left to MT_INCONSISTENT_VARIANT
    "She sent an e-mail on Monday and another email on Tuesday to the editor.",
]


@pytest.mark.parametrize("text", COMPOUND_NEGATIVE)
def test_compound_clean_text(text: str) -> None:
    assert flags_of(CompoundInconsistency(), text) == []


NAME_POSITIVE = [
    (
        "Forward Carlos Jiménez scored twice. The coach praised Jiménez, and fans chanted for "
        "Jimenez after the match.",
        "Jimenez",
        "Jiménez",
    ),
    (
        "The envoy met Hossein Amir. Officials said Hussein had asked for the meeting, and "
        "aides to Hossein confirmed it.",
        "Hussein",
        "Hossein",
    ),
    (
        "Minister Abdullah Karimi resigned. Critics of Abdallah said the move was overdue, "
        "while allies of Abdullah disagreed.",
        "Abdallah",
        "Abdullah",
    ),
    (
        "The company hired McKenzie in May. Staff said McKenzie was popular, but a memo spelled "
        "it Mckenzie.",
        "Mckenzie",
        "McKenzie",
    ),
    (
        "Hezbollah leader Hassan Nasrallah spoke on Friday. Supporters of Nasrullah rallied, "
        "and Nasrallah thanked them.",
        "Nasrullah",
        "Nasrallah",
    ),
]


@pytest.mark.parametrize(("text", "span", "suggestion"), NAME_POSITIVE)
def test_name_flags_minority_spelling(text: str, span: str, suggestion: str) -> None:
    flags = flags_of(NameInconsistency(), text)
    assert [f.text for f in flags] == [span]
    assert flags[0].suggestions == (suggestion,)


NAME_NEGATIVE = [
    # two different people: the last letter differs
    "Roberto Silva and his sister Roberta ran the firm until Roberto retired.",
    # letters no transliteration confuses
    "Iraqis and Iranis crossed the border, and more Iraqis followed in June.",
    # common English words
    "The Senate debated the budget while the Center for Policy watched the Senate closely.",
    # all-caps dateline and ordinary name
    "BAGHDAD – Officials in Baghdad said the talks would resume.",
    # sentence-initial capital is not a name spelling
    "Parliament met on Monday. Members of parliament said the vote would be close.",
    # known variant pair: reported by MT_INCONSISTENT_VARIANT instead
    "Qassem Soleimani was killed. Suleimani had led the force for years.",
]


@pytest.mark.parametrize("text", NAME_NEGATIVE)
def test_name_clean_text(text: str) -> None:
    assert flags_of(NameInconsistency(), text) == []


DATE_POSITIVE = [
    (
        "Talks began on January 3 and resumed on January 9. A deal was signed on 12 March.",
        "12 March",
        "March 12",
    ),
    (
        "The vote is on 3 May. Results are due on 5 May. Campaigning ended on May 1.",
        "May 1",
        "1 May",
    ),
    (
        "The court sat on March 2, 2020 and on March 9, 2020. The ruling came on 2020-04-01.",
        "2020-04-01",
        "April 1, 2020",
    ),
    (
        "Filed on 4 June 2019 and heard on 11 June 2019, the appeal was decided on June 30, 2019.",
        "June 30, 2019",
        "30 June 2019",
    ),
    (
        "The fire started on Aug. 3 and was contained on Aug. 9. A report dated 9/15/2020 "
        "blamed a power line.",
        "9/15/2020",
        None,
    ),
]


@pytest.mark.parametrize(("text", "span", "suggestion"), DATE_POSITIVE)
def test_date_format_flags_minority(text: str, span: str, suggestion: str | None) -> None:
    flags = flags_of(DateFormatInconsistency(), text)
    assert [f.text for f in flags] == [span]
    assert flags[0].suggestions == ((suggestion,) if suggestion else ())
    assert flags[0].category == "Locale convention/Date format"


DATE_NEGATIVE = [
    "The talks began on January 3 and ended on January 9, 2020.",
    "The talks began on 3 January and ended on 9 January 2020.",
    # months without days are not dates in a format
    "Sales fell in May 2019 and rose in June, the company said on March 4.",
    # the modal verb and the name are not months
    "She may 3D-print the part, and June Carter said on March 4 that it works.",
    # scores and fractions are not numeric dates
    "The team won 3-1 after a 24/7 training camp, and two thirds (2/3) of fans came.",
]


@pytest.mark.parametrize("text", DATE_NEGATIVE)
def test_date_format_clean_text(text: str) -> None:
    assert flags_of(DateFormatInconsistency(), text) == []


NUMBER_POSITIVE = [
    (
        "About 10,000 people marched, 12,500 by police count, and 15 000 by the organizers’.",
        "15 000",
        "15,000",
    ),
    (
        "The army has 250 000 troops and 40 000 reservists, and plans to hire 1,200 more.",
        "1,200",
        "1 200",
    ),
    (
        "Sales rose 10 percent in May and 12 percent in June, but only 2% in July.",
        "2%",
        "2 percent",
    ),
    (
        "Turnout was 61% in the north and 58% in the south, against 40 per cent nationally.",
        "40 per cent",
        "40%",
    ),
    (
        "Ticket sales reached 120,000 in April and 135,000 in May, and 2.450.000 for the year.",
        "2.450.000",
        "2,450,000",
    ),
]


@pytest.mark.parametrize(("text", "span", "suggestion"), NUMBER_POSITIVE)
def test_number_format_flags_minority(text: str, span: str, suggestion: str) -> None:
    flags = flags_of(NumberFormatInconsistency(), text)
    assert [f.text for f in flags] == [span]
    assert flags[0].suggestions == (suggestion,)
    assert flags[0].category == "Locale convention/Number format"


NUMBER_NEGATIVE = [
    "About 10,000 people marched, and 2,500 more joined in the afternoon.",
    # decimals, not thousands
    "The company earned $1.250 million, up from $3.5 million, and shares rose 2.5 percent.",
    # a year next to a number is not a space-grouped number
    "In 2019 300 workers were hired, and in 2020 the firm hired 1,200 more.",
    "Inflation was 3% in May and 4% in June, the bank said.",
    "Unemployment fell to 4.1 percent from 4.3 percent, the lowest level since 2000.",
]


@pytest.mark.parametrize("text", NUMBER_NEGATIVE)
def test_number_format_clean_text(text: str) -> None:
    assert flags_of(NumberFormatInconsistency(), text) == []


def test_seed_us_form_points_at_the_majority() -> None:
    """The seed writes "U.S." once and "US" everywhere else: the single "U.S." is flagged."""
    flags = flags_of(VariantInconsistency(), SEED.read_text(encoding="utf-8"))
    assert [(f.text, f.suggestions) for f in flags] == [("U.S.", ("US",))]
    assert "elsewhere" in flags[0].message
