"""False friends: context decides, the source language selects the lexicon."""

from __future__ import annotations

import pytest

from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Flag
from reviewer.engines.artefacts.detectors.false_friends import (
    FalseFriendDetector,
    available_languages,
)
from reviewer.resources import load_yaml
from tests.engines.artefacts.helpers import run


def flags_for(text: str, source_language: str | None = "es") -> list[Flag]:
    options = CheckOptions(source_language=source_language)
    return run(text, FalseFriendDetector(), options=options)[1]


# (source language, text) that must stay clean: right senses and near misses.
PASSES = [
    ("es", "Police arrested three men after the attack on the embassy."),
    ("es", "Officers stopped the march and arrested them near the station."),
    ("es", "The bank said it would act to arrest the decline in lending."),
    ("es", "The protesters blocked the road, and the police arrested them within an hour."),
    ("es", "The remains of the soldiers were returned to their families on Friday."),
    ("es", "The Islamic State remains active in the desert."),
    ("es", "The group remains of the view that the talks can succeed."),
    ("es", "She realized that the investigation had stalled."),
    ("es", "He realized the operation was doomed and resigned."),
    ("es", "The company realized a profit of $3 million in the quarter."),
    ("es", "Nurses assisted the victims at the scene of the crash."),
    ("es", "The army will assist in the fight against the insurgents."),
    ("es", "It was a sensible decision, the judge said."),
    ("es", "The talks could eventually lead to a peace agreement."),
    ("es", "The eventual winner of the race was announced after midnight."),
    ("es", "The minister said the budget was a reasonable compromise."),
    ("es", "“Actually, I think we did well,” the coach said."),
    ("es", "The movements of the troops were tracked by satellite."),
    ("es", "Nobody would pretend to be neutral in this fight."),
    ("es", "The actual cost of the project was twice the estimate."),
    ("es", "The movements of the government troops were tracked by satellite."),
    ("es", "The remains of the army officers were buried on Monday."),
    # "remains" of people: a body or burial in the sentence, or a group that is no army
    ("es", "The remains of the climbing team were recovered from the glacier."),
    ("es", "The remains of the fishing party were brought ashore on Sunday."),
    ("es", "The remains of the guerrilla commander were identified by DNA tests."),
    ("es", "The remains of the militia leader were buried in his home village."),
    # "actually" without a present-state figure is the English emphatic sense
    ("es", "The plan actually has broad support among farmers."),
    ("es", "The council actually holds most of the power in the city."),
    ("es", "Actually, the opposite is the case."),
    # "eventual"/"eventually" in their English senses
    ("es", "The government eventually agreed to pay compensation."),
    ("es", "Surgery was eventually needed to repair the damage."),
    ("es", "The eventual attack on the city came in May."),
    ("fr", "The civil rights movement demanded the right to vote."),
    ("fr", "The chef of the restaurant won a third star."),
    (None, "The minister said 2 million people attended the demonstration."),
]

# Native English uses of every risky word, checked against all language files at once.
NATIVE = [
    "The central bank raised rates in an effort to arrest the slide of the currency.",
    "Doctors said he had suffered a cardiac arrest during the flight.",
    "The rebels attacked the convoy, and soldiers arrested them hours later.",
    "Actually, that is not what the report says, according to the agency.",
    "The company actually has fewer employees than it did a decade ago.",
    "The war eventually ended in 1975 after years of fighting.",
    "The remains of the ancient city lie under the modern town.",
    "Much of the group remains in hiding in the north of the country.",
    "Investors realized gains of more than $2 billion.",
    "The striker assisted the goal in the 34th minute.",
    "The movement of the government to a new capital took a decade.",
    "The deal was a compromise with the opposition on pensions.",
    "The company advertised that it was hiring 500 new workers.",
    "He contested the election results in court.",
    "The app is a handy tool for commuters.",
    "Prices became a concern for voters in the spring.",
    "The company will spare no expense to win the contract.",
    "She wore a costume of red silk at the festival.",
    "The family reunion was held in the village square.",
    "The manifestation of the disease varies from patient to patient.",
    "The first casualty of the war was the truth, the author wrote.",
    "He said he was embarrassed by the comments.",
    "The balance of power in the region has shifted.",
    "The border control agency hired 300 officers.",
    "The actual president of the club is a retired banker, not the man on television.",
    "The government demanded the release of the hostages.",
    "The minister said he could not support the plan in its current form.",
    "The pilots flew in close formation over the city.",
    "The government pretended that nothing had happened.",
    "The exit of the United Kingdom from the EU took years.",
]

# (source language, text, flagged span, suggestions)
FAILS = [
    (
        "es",
        "The army arrested the joint operations with the coalition on Friday.",
        "arrested",
        ("halted", "stopped", "suspended"),
    ),
    (
        "es",
        "The government resumed the deportations last week. A judge arrested them on Monday.",
        "arrested",
        ("halted", "stopped", "suspended"),
    ),
    (
        "es",
        "Actually, the company employs more than 4,000 people in the region.",
        "Actually",
        ("Currently", "Now", "At present"),
    ),
    (
        "es",
        "More than 200 delegates assisted to the ceremony in Bogotá.",
        "assisted to",
        ("attended",),
    ),
    (
        "es",
        "The ministry will realize a study of the impact of the new tax.",
        "realize",
        ("carry out", "conduct", "hold"),
    ),
    (
        "es",
        "The movements of the opposition surprised the ruling party.",
        "movements",
        ("moves", "steps"),
    ),
    (
        "es",
        "The army is fighting the remains of the guerrilla in the mountains.",
        "remains",
        ("remnants",),
    ),
    (
        "es",
        "The remains of the militia are still fighting in the north.",
        "remains",
        ("remnants",),
    ),
    (
        "es",
        "The company actually has 1,200 employees in Spain.",
        "actually",
        ("currently", "now", "at present"),
    ),
    (
        "es",
        "The region must prepare for an eventual invasion.",
        "eventual",
        ("possible", "potential"),
    ),
    (
        "es",
        "The documents contain sensible information about military bases.",
        "sensible",
        ("sensitive",),
    ),
    (
        "es",
        "The government pretends to approve the reform before the summer.",
        "pretends",
        ("intends", "aims", "seeks"),
    ),
    (
        "es",
        "The mayor reaffirmed her firm compromise with the fight against corruption.",
        "compromise",
        ("commitment",),
    ),
    (
        "es",
        "The singer announced that she is five months embarrassed.",
        "embarrassed",
        ("pregnant",),
    ),
    (
        "fr",
        "The minister demanded them to leave the building immediately.",
        "demanded",
        ("asked",),
    ),
    (
        "fr",
        "The government announced an envelope of 50 million euros for farmers.",
        "envelope",
        ("budget", "allocation"),
    ),
    (
        "fr",
        "The provisional balance of the attack rose to 12 dead.",
        "balance",
        ("toll", "tally"),
    ),
    (
        "fr",
        "We are still attending the results of the analysis.",
        "attending",
        ("awaiting", "waiting for"),
    ),
    ("fr", "To resume, the government has three options.", "resume", ("sum up",)),
    (
        "pt",
        "Millions of people assisted the final on television.",
        "assisted",
        ("watched", "attended"),
    ),
    ("pt", "As is his costume, the president spoke for two hours.", "costume", ("custom", "habit")),
    ("es", "The actual government has promised reforms.", "actual", ("current", "present")),
    ("es", "The army is prepared for any eventual attack.", "eventual", ("possible", "potential")),
    (
        "es",
        "The minister compromised to reduce emissions by half.",
        "compromised",
        ("pledged", "promised"),
    ),
    ("es", "The company demanded the newspaper for defamation.", "demanded", ("sued",)),
    ("es", "They met by casualty at the airport.", "casualty", ("chance", "coincidence")),
    (
        "es",
        "The residents could not support the heat any longer.",
        "support",
        ("bear", "stand", "tolerate"),
    ),
    ("de", "Every pensioner will become a letter from the ministry.", "become", ("get", "receive")),
    ("de", "Households must spare energy this winter.", "spare", ("save",)),
    ("de", "He has been the chef of the company since 2019.", "chef", ("head", "chief")),
    (
        "it",
        "The bill was approved by the Camera of Deputies on Thursday.",
        "Camera",
        ("Chamber",),
    ),
    (
        "de",
        "Police found his handy, which had been switched off since Friday.",
        "handy",
        ("mobile phone", "phone"),
    ),
]


@pytest.mark.parametrize(("language", "text"), PASSES)
def test_right_senses_are_not_flagged(language: str | None, text: str) -> None:
    assert flags_for(text, language) == []


@pytest.mark.parametrize("text", NATIVE)
def test_native_english_is_not_flagged_with_any_lexicon(text: str) -> None:
    assert flags_for(text, None) == []


@pytest.mark.parametrize(("language", "text", "span", "suggestions"), FAILS)
def test_wrong_senses_are_flagged_with_the_intended_word(
    language: str, text: str, span: str, suggestions: tuple[str, ...]
) -> None:
    flags = flags_for(text, language)
    assert [(f.text, f.suggestions) for f in flags] == [(span, suggestions)]
    assert flags[0].rule == "MT_FALSE_FRIEND"
    assert flags[0].category == "Accuracy/Mistranslation"


def test_pronoun_antecedent_is_named_in_the_message() -> None:
    (flag,) = flags_for(
        "The government resumed the deportations last week. A judge arrested them on Monday."
    )
    assert "“arrested them”" in flag.message
    assert "deportations" in flag.message
    assert "Spanish “detener”" in flag.message


def test_stated_source_language_uses_only_its_file() -> None:
    text = "The minister demanded them to leave the building immediately."
    assert flags_for(text, "es") == []  # "demander" is French
    assert [f.text for f in flags_for(text, "fr")] == ["demanded"]


def test_unknown_source_language_uses_all_files_with_lower_confidence() -> None:
    text = "The army arrested the joint operations with the coalition on Friday."
    (stated,) = flags_for(text, "es")
    (guessed,) = flags_for(text, None)
    assert guessed.confidence < stated.confidence
    assert "Spanish “detener”" in guessed.message
    assert "French “arrêter”" in guessed.message


def test_source_language_without_a_file_gives_no_flags() -> None:
    assert flags_for("The army arrested the joint operations on Friday.", "ru") == []


def test_regional_code_selects_the_language_file() -> None:
    assert len(flags_for("The army arrested the joint operations on Friday.", "es-MX")) == 1


def test_language_files_are_well_formed() -> None:
    assert {"es", "fr", "pt", "it", "de"} <= set(available_languages())
    for code in available_languages():
        data = load_yaml("artefacts", "false_friends", f"{code}.yaml")
        for entry in data["entries"]:
            assert entry["contexts"], entry["source"]
            for form, senses in entry["forms"].items():
                assert isinstance(form, str) and senses, (code, entry["source"], form)
                assert all(isinstance(s, str) and s for s in senses), (code, form)


def test_every_pattern_of_every_lexicon_compiles() -> None:
    """Context and veto patterns compile on first use (a check's start does not pay for the
    lexicons' ~120 patterns); a bad edit of the YAML must still fail here, not in a check."""
    from reviewer.engines.artefacts.detectors.false_friends import (
        _language_entries,
        available_languages,
    )

    patterns = [
        pattern
        for code in available_languages()
        for entry in _language_entries(code)
        for pattern in (
            *entry.vetoes,
            *(p for context in entry.contexts for p in (context.before, context.after) if p),
        )
    ]
    assert len(patterns) > 50
    for pattern in patterns:
        assert pattern.regex.pattern == pattern.source
