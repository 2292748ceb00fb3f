"""Hyphens standing for a dash: two ("it matters -- plants need it" -> "it matters—plants"),
or one between two words where no compound can be ("we realized-this is new").

A typewriter habit that machine translation keeps producing where the source had a dash;
edited English sets a real dash. Command-line options ("run it with --verbose"), rules of
three or more hyphens and hyphens at a line's start or end are left alone.

A house-style matter, so it runs only with --picky: transcripts and many newsrooms write
"--" on purpose (the error-free TED references use it 20 times), and a default check must
not propose changes to correct English (its precision on the MQM dev set is 44%).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from reviewer.core.document import Sentence
from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Severity
from reviewer.engines.artefacts.detector import Finding, SentenceDetector
from reviewer.engines.artefacts.detectors._words import word_set
from reviewer.resources import load_yaml

# "word -- word" (spaced) or "word--word" (closed), after a word or closing punctuation;
# not "---", not an option such as " --verbose" (a blank before, none after).
_DOUBLE_HYPHEN = re.compile(r"(?<=[\w.,;:!?’”\"')])(?: --(?= )|--(?=[\w“‘\"(]))(?!-) ?")


class DoubleHyphen(SentenceDetector):
    """Two hyphens used as a dash ("important -- plants" -> "important—plants")

    Suggests an em dash closed up (American style) for en-US, a spaced en dash for other
    variants (British style).
    """

    rule_id = "QA_DOUBLE_HYPHEN"
    category = "Fluency/Punctuation"
    severity = Severity.MINOR
    confidence = 0.8

    def check_sentence(self, sentence: Sentence, options: CheckOptions) -> Iterator[Finding]:
        if not options.picky:
            return
        dash = _dash_for(options)
        for match in _DOUBLE_HYPHEN.finditer(sentence.text):
            yield Finding(
                start=match.start(),
                end=match.end(),
                message="Two hyphens stand for a dash: use a real dash",
                suggestions=(dash,),
            )


def _dash_for(options: CheckOptions) -> str:
    """An em dash closed up (American style) for en-US, a spaced en dash otherwise."""
    return "—" if options.language.lower() in ("en", "en-us") else " – "


@cache
def _hyphen_pattern() -> tuple[re.Pattern[str], frozenset[str]]:
    """word-WORD with WORD from dashes.yaml's `after` list, and the compounds allowed."""
    data = load_yaml("artefacts", "dashes.yaml")
    after = sorted(word_set(data["after"], lower=True), key=len, reverse=True)
    # a whole word, not inside a longer hyphenated chain ("state-of-the-art", "up-to-date")
    pattern = re.compile(
        r"(?<![\w’'-])([A-Za-z0-9][\w’']*)-(" + "|".join(map(re.escape, after)) + r")\b(?![-’'])",
        re.IGNORECASE,
    )
    return pattern, word_set(data["compounds"], lower=True)


class HyphenAsDash(SentenceDetector):
    """A hyphen used as a dash between two words ("we realized-this is new" -> "realized—this")

    The word after the hyphen is one no compound ends in (an article, a pronoun, a
    conjunction: `resources/artefacts/dashes.yaml`), so "self-repair", "check-in" and
    "built-in" are left alone, and so are compounds listed there ("as-is", "thank-you").
    A capital "A" after the hyphen is a grade or a type ("Type-A"), and an "a" after a
    number a sub-item ("clause 3-a"), not an article.
    """

    rule_id = "QA_HYPHEN_AS_DASH"
    category = "Fluency/Punctuation"
    severity = Severity.MINOR
    confidence = 0.75

    def check_sentence(self, sentence: Sentence, options: CheckOptions) -> Iterator[Finding]:
        pattern, compounds = _hyphen_pattern()
        dash = _dash_for(options)
        for match in pattern.finditer(sentence.text):
            if match.group(0).lower() in compounds or match.group(2) == "A":
                continue
            if match.group(2).lower() == "a" and match.group(1)[-1].isdigit():
                continue  # "item 3-a": a sub-item, not an article
            hyphen = match.end(1)
            yield Finding(
                start=hyphen,
                end=hyphen + 1,
                message=(
                    f"A hyphen joins “{match.group(1)}” and “{match.group(2)}”, which no "
                    "compound does: a dash was meant"
                ),
                suggestions=(dash,),
            )
