"""Subject-verb agreement in headlines: "US military resume joint operations with Iraq".

Headlines drop articles and auxiliaries, which is where LanguageTool's agreement rules lose
track, while MT engines often pick the plural verb for a collective subject. The check is a
lexicon match: a singular subject noun (`singular`, or `collective` outside British English)
directly followed by a base-form verb from `verbs`, in a headline only. Data in
`resources/artefacts/headline_agreement.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from reviewer.core.document import Paragraph
from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Severity
from reviewer.engines.artefacts.detector import Finding, ParagraphDetector
from reviewer.engines.artefacts.detectors._headlines import is_headline
from reviewer.engines.artefacts.detectors._words import word_set
from reviewer.resources import load_yaml

# A word and (in a look-ahead, so that pairs overlap) the lower-case word after it.
_PAIR = re.compile(r"(?<![\w-])([^\W\d_]+)(?=[ ]+([a-z]+)\b(?![-’']))")
_COORDINATION = re.compile(r"(?:\band|&|,)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class AgreementLexicon:
    """The word lists of `headline_agreement.yaml`."""

    singular: frozenset[str]
    collective: frozenset[str]
    verbs: frozenset[str]
    irregular: dict[str, str]


@cache
def lexicon() -> AgreementLexicon:
    """Load the word lists once (nouns compared in lower case, names as written)."""
    data: dict[str, Any] = load_yaml("artefacts", "headline_agreement.yaml")
    return AgreementLexicon(
        singular=word_set(data["singular"]),
        collective=word_set(data["collective"], lower=True),
        verbs=word_set(data["verbs"]),
        irregular={str(k): str(v) for k, v in data["irregular"].items()},
    )


def third_person(verb: str, irregular: dict[str, str] | None = None) -> str:
    """The third-person singular present of a base verb: resume -> resumes, try -> tries."""
    table = lexicon().irregular if irregular is None else irregular
    if verb in table:
        return table[verb]
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


class HeadlineAgreement(ParagraphDetector):
    """Headline verb does not agree with its singular subject ("US military resume")

    Suggests the -s form ("resumes"). Collective nouns (government, military) are not
    flagged for en-GB, where "the government have" is accepted.
    """

    rule_id = "QA_HEADLINE_AGREEMENT"
    category = "Fluency/Grammar"
    severity = Severity.MAJOR
    confidence = 0.8

    def check_paragraph(self, paragraph: Paragraph, options: CheckOptions) -> Iterator[Finding]:
        if not is_headline(paragraph):
            return
        lex = lexicon()
        british = options.language.lower().startswith("en-gb")
        text = paragraph.text
        for match in _PAIR.finditer(text):
            noun, verb = match[1], match[2]
            collective = noun.lower() in lex.collective and not british
            if not (noun in lex.singular or collective) or verb not in lex.verbs:
                continue
            if _COORDINATION.search(text, 0, match.start()):
                continue  # "EU and US agree": a plural, coordinated subject
            yield Finding(
                match.start(2),
                match.end(2),
                f"Agreement: “{noun}” is singular, so the verb should be “{third_person(verb)}”",
                (third_person(verb),),
            )
