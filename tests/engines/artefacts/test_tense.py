"""Present perfect with a finished time: table-driven passes and fails."""

from __future__ import annotations

import pytest

from reviewer.core.flags import Flag
from reviewer.engines.artefacts.detectors.tense import PerfectWithPastTime
from tests.engines.artefacts.helpers import run

RULE = "MT_PERFECT_WITH_PAST_TIME"


def flags_for(text: str) -> list[Flag]:
    return run(text, PerfectWithPastTime())[1]


PASSES = [
    # durations and "since"
    "She has lived in Lisbon since 2010 and has no plans to move.",
    "Prices have risen for three years in a row.",
    "The law, which has been in force since 2019, was amended last week.",
    "Investors have been waiting for the decision since last week.",
    "Unemployment has fallen to its lowest level since records began in 1971.",
    "Sales have doubled in the last year.",
    "The company has hired more staff in recent years.",
    # questions
    "Has the government approved the budget on Tuesday?",
    # the time belongs to a later verb or another clause
    "The minister has said it will announce the results on Monday.",
    "They have indeed agreed to meet on Monday.",
    "The government has approved the budget, which takes effect on Monday.",
    "The government has approved a budget that takes effect in January.",
    "The firm has grown and last year it hired 300 workers.",
    "The storm has left thousands without power, officials said on Tuesday.",
    "The minister has resigned; his deputy was appointed on Monday.",
    "Police have identified the man killed on Saturday.",
    "The price of oil has dropped to levels last seen in 2019.",
    # the time attaches to a verb before the perfect
    "The ministry said on Monday it has approved the plan.",
    "The report published on Monday has shown a sharp drop in sales.",
    "On Monday the minister said the plan has worked.",
    # not a perfect
    "The company has until Friday to respond to the regulator.",
    "The council has yet to decide on Monday's proposal.",
    "The minister has to present the plan on Monday.",
    "The two leaders have a meeting on Monday.",
    "The city has limited parking on Sunday.",
    # other tenses and forms
    "The builders will have finished the bridge by Friday.",
    "The cabinet had approved the plan on Tuesday.",
    "He is said to have approved the plan on Tuesday.",
    "The government’s approved the budget on Tuesday.",
    # comparisons, noun phrases, habits, scheduled events, future years
    "Sales have risen 5 percent over last year.",
    "Inflation has been higher than last year.",
    "Rents have climbed 8 percent from a year ago.",
    "The minister has spent his last year in office travelling.",
    "The team has beaten last year's record.",
    "The museum has opened at 9 a.m. every day since 1990.",
    "The union has called a strike on Monday.",
    "The bank has raised its forecast for growth in 2090.",
    "The airline has added flights on Mondays.",
    # the time dates an event noun after a preposition, not the perfect
    "The author has compared the crisis with the crash in 1929.",
    "Investigators have found similarities with the attack in March 2015.",
    "The company has never fully recovered from the fire in 1998.",
    "Historians have written about the famine in 1846.",
    "The report has revived memories of the blackout in 2003.",
    # negated perfects with a span, not a finished time
    "She has not attended a cabinet meeting since January.",
    "He hasn't spoken publicly since the vote.",
    "The union hasn't called a strike on Monday.",
]

FAILS = [
    # (text, flagged span, suggestion)
    ("The government has approved on Tuesday a new budget.", "has approved", "approved"),
    (
        "The minister has announced yesterday that the plan would be delayed.",
        "has announced",
        "announced",
    ),
    ("Police have arrested two men last week in the port city.", "have arrested", "arrested"),
    ("The company has been founded in 1998 by two engineers.", "has been founded", "was founded"),
    ("Two suspects have been arrested on Monday night.", "have been arrested", "were arrested"),
    ("The two leaders have met two days ago in Geneva.", "have met", "met"),
    ("On Tuesday, the regional government has approved a new budget.", "has approved", "approved"),
    ("She has gone to Brussels last month to negotiate.", "has gone", "went"),
    ("The bank has already taken over its rival in 2019.", "has already taken", "already took"),
    (
        "Yesterday the prime minister has spoken with the president.",
        "has spoken",
        "spoke",
    ),
    ("The rebels have taken the town a few weeks ago.", "have taken", "took"),
    ("Sales have risen 4 percent in 2019, the company said.", "have risen", "rose"),
    ("The quake has struck at 4:30 local time.", "has struck", "struck"),
    ("We have signed the contract on 3 March.", "have signed", "signed"),
    ("I have been elected in 2019 with a large majority.", "have been elected", "was elected"),
    ("The minister has been in Paris the day before yesterday.", "has been", "was"),
]


# Negated perfects: flagged, but "did not" + base form cannot be derived safely, so the
# message explains and no rewrite is offered.
NEGATED = [
    ("The minister has not attended the meeting yesterday.", "has not attended"),
    ("She hasn't attended the hearing on Monday.", "hasn't attended"),
    ("The workers have not been paid last month.", "have not been paid"),
    ("The rebels haven’t released the hostages two days ago.", "haven’t released"),
    ("The company has not published its results in 2019.", "has not published"),
]

# The event is the verb's own object: the time still dates the perfect.
OBJECT_EVENTS = [
    ("He has won the election in 2016 with 52 percent.", "has won", "won"),
    ("The government has approved the reform in 2019.", "has approved", "approved"),
]


@pytest.mark.parametrize(("text", "span"), NEGATED)
def test_negated_perfect_explained_without_rewrite(text: str, span: str) -> None:
    flags = flags_for(text)
    assert [(f.text, f.suggestions) for f in flags] == [(span, ())]
    assert "did not" in flags[0].message


@pytest.mark.parametrize(("text", "span", "suggestion"), OBJECT_EVENTS)
def test_event_as_object_still_flagged(text: str, span: str, suggestion: str) -> None:
    assert [(f.text, f.suggestions) for f in flags_for(text)] == [(span, (suggestion,))]


@pytest.mark.parametrize("text", PASSES)
def test_not_flagged(text: str) -> None:
    assert flags_for(text) == []


@pytest.mark.parametrize(("text", "span", "suggestion"), FAILS)
def test_flagged_with_simple_past(text: str, span: str, suggestion: str) -> None:
    flags = flags_for(text)
    assert [(f.text, f.suggestions, f.rule) for f in flags] == [(span, (suggestion,), RULE)]


def test_message_names_verb_and_time() -> None:
    (flag,) = flags_for("The government has approved on Tuesday a new budget.")
    assert flag.message.startswith("“has approved” with “on Tuesday”")
    assert "simple past" in flag.message
    assert flag.category == "Fluency/Grammar"
    assert flag.confidence == pytest.approx(0.75)


def test_offsets_in_a_longer_document() -> None:
    text = (
        "The council met on Monday.\n\n"
        "Officials said the talks went well. The mayor has resigned last week."
    )
    document, flags = run(text, PerfectWithPastTime())
    (flag,) = flags
    assert document.text[flag.start : flag.end] == "has resigned"
    assert flag.suggestions == ("resigned",)
