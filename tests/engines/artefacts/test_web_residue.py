"""Web-page residue: whole boilerplate segments are flagged for deletion, news is not."""

from __future__ import annotations

import pytest

from reviewer.core.document import Document
from reviewer.core.flags import Flag
from reviewer.engines.artefacts.detectors.web_residue import WebResidueDetector
from tests.engines.artefacts.helpers import run


def flags_for(text: str) -> tuple[Document, list[Flag]]:
    return run(text, WebResidueDetector())


ARTICLE = "The council approved the budget on Thursday after a long session.\n\n"

PASSES = [
    "The company said 2 million people subscribe to its newsletter.",
    "Readers can sign up for the newsletter on the paper’s website, the editor said.",
    "Posted by a friend, the video was shared thousands of times within an hour.",
    "Photos show the damage to the bridge after the storm.",
    "The minister urged people to read more about the vaccine before deciding.",
    "She said the site uses cookies to track visitors, which the regulator disputes.",
    "Advertisement revenue fell 8 percent in the third quarter.",
    "Click here, he said, was the phrase that cost the campaign millions.",
    "Leave a reply to the ministry within 30 days, the letter told the residents.",
    "Related charges were filed against two other executives on Monday.",
]

FAILS = [
    "Leave a Reply",
    "Your email address will not be published.",
    "Required fields are marked *",
    "Share this article",
    "Click here to subscribe",
    "Advertisement",
    "Sign up for our newsletter",
    "Related: Oil prices jump after drone attack",
    "Photo: AFP",
    "Follow us on Twitter",
    "© 2020 The Daily Courier Ltd",
    "All rights reserved.",
    "Read more: Five things to know about the budget",
    "This website uses cookies to improve your experience.",
    "Copyright 2021 Associated Press",
]


@pytest.mark.parametrize("sentence", PASSES)
def test_news_sentences_are_not_residue(sentence: str) -> None:
    _, flags = flags_for(ARTICLE + sentence)
    assert flags == []


@pytest.mark.parametrize("line", FAILS)
def test_residue_lines_are_flagged_whole_with_deletion(line: str) -> None:
    document, flags = flags_for(ARTICLE + line)
    assert len(flags) == 1
    flag = flags[0]
    assert flag.text == document.text[flag.start : flag.end] == line
    assert flag.suggestions == ("",)
    assert flag.rule == "MT_WEB_RESIDUE"
    assert flag.category == "Other/Non-translation content"


def test_two_residue_sentences_in_one_paragraph_are_flagged_separately() -> None:
    _, flags = flags_for(
        ARTICLE + "Your email address will not be published. Required fields are marked *"
    )
    assert [f.text for f in flags] == [
        "Your email address will not be published.",
        "Required fields are marked *",
    ]
