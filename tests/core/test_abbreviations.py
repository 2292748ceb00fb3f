"""The one abbreviation list (resources/abbreviations.yaml) and what it answers."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from reviewer.core.abbreviations import (
    abbreviation_at_end,
    continues_after,
    is_abbreviation,
    is_title,
    keeps_sentence_open,
    kind_of,
    titles,
)
from reviewer.engines.languagetool.mapping import category_table, matches_to_flags
from reviewer.resources import resource_path

GROUPS = ("titles", "may_end_sentence", "mid_sentence", "numbers")


def raw() -> dict[str, Any]:
    data = yaml.safe_load(resource_path("abbreviations.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_file_has_the_groups_and_only_strings() -> None:
    data = raw()
    assert set(data) == set(GROUPS)
    for group in GROUPS:
        assert data[group], group
        # YAML 1.1 would turn an unquoted `no` into False and silently drop the word
        assert all(isinstance(entry, str) and entry for entry in data[group]), group
        assert not any(entry.endswith(".") for entry in data[group]), group


def test_each_abbreviation_is_listed_once() -> None:
    entries = [entry for group in GROUPS for entry in raw()[group]]
    assert len(entries) == len(set(entries))


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("Mr", "title"),
        ("Gen", "title"),
        ("GEN", "title"),
        ("St", "title"),
        ("Inc", "may_end_sentence"),
        ("Corp", "may_end_sentence"),
        ("Jr", "may_end_sentence"),
        ("etc", "may_end_sentence"),
        ("Etc", "may_end_sentence"),
        ("approx", "mid_sentence"),
        ("e.g", "mid_sentence"),
        ("Jan", "mid_sentence"),
        ("no", "numbers"),
        ("No", "numbers"),
        ("U.S", "initialism"),
        ("p.m", "initialism"),
        ("F", "initialism"),
        # capitalised entries do not match lower-case words
        ("gen", None),
        ("inc", None),
        ("jan", None),
        # ordinary words
        ("officials", None),
        ("Monday", None),
        ("May", None),
        ("3", None),
        ("3.5", None),
    ],
)
def test_kind_of(word: str, kind: str | None) -> None:
    assert kind_of(word) == kind
    assert is_abbreviation(word) is (kind is not None)


def test_titles() -> None:
    assert {"Mr", "Mrs", "Dr", "Gen", "Maj", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt"} <= set(
        titles()
    )
    assert is_title("Capt") and is_title("Prof") and is_title("Rev")
    assert not is_title("Inc") and not is_title("etc") and not is_title("Smith")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The deal values Foo Corp.", "Corp"),
        ("He met approx.", "approx"),
        ("Costs include fuel, food, etc.", "etc"),
        ("He returned to the U.S.", "U.S"),
        ("x" * 200 + " Acme Inc.", "Inc"),
        ("Officials met on Monday.", None),
        ("The officials...", None),
        ("Acme Inc", None),
        ("Prices rose 3.5.", None),
    ],
)
def test_abbreviation_at_end(text: str, word: str | None) -> None:
    assert abbreviation_at_end(text) == word


@pytest.mark.parametrize(
    ("before", "after", "continues"),
    [
        ("Shares of Acme Inc.", "rose 4 percent", True),
        ("The deal values Foo Corp.", "at $3 billion.", True),
        ("Regulators fined Northwind Ltd.", "£2 million", True),
        ("He met approx.", "40 officers", True),
        ("Voting begins Jan.", "3 and ends", True),
        ("He was ranked No.", "3 in the world", True),
        # a capitalised word may start a new sentence: not decided here
        ("He works for Acme Inc.", "The company", False),
        # "No." only before a number
        ("He said no.", "the coalition", False),
        # not an abbreviation
        ("Officials met on Monday.", "the coalition", False),
        ("Shares of Acme Inc", "rose", False),
    ],
)
def test_continues_after(before: str, after: str, continues: bool) -> None:
    assert continues_after(before, after) is continues


def test_keeps_sentence_open() -> None:
    assert keeps_sentence_open("Gen") and keeps_sentence_open("vs")
    assert keeps_sentence_open("U.S")
    assert not keeps_sentence_open("Inc") and not keeps_sentence_open("etc")
    assert not keeps_sentence_open("no") and not keeps_sentence_open("Monday")


def _spelling_confidence(text: str, word: str) -> float:
    match = {
        "offset": text.index(word),
        "length": len(word),
        "message": "Possible spelling mistake found.",
        "rule": {"id": "MORFOLOGIK_RULE_EN_US", "category": {"id": "TYPOS"}},
    }
    (flag,) = matches_to_flags([match], text, category_table())
    return flag.confidence


@pytest.mark.parametrize(
    ("text", "probable_name"),
    [
        ("Talks with Gen. Qassimov ended.", True),
        ("Talks with Brig. Qassimov ended.", True),
        ("The final was Madrid vs. Qassimov United.", True),
        ("He flew to the U.S. Qassimov stayed.", True),
        ("He works for Acme Inc. Qassimov left.", False),
        ("The talks ended. Qassimov left.", False),
    ],
)
def test_languagetool_name_check_uses_the_same_list(text: str, probable_name: bool) -> None:
    assert (_spelling_confidence(text, "Qassimov") < 1.0) is probable_name
