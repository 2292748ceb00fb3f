"""Web-page residue: comment forms, share prompts, cookie banners left in a scraped article.

MT pipelines are often fed whole web pages, so "Leave a Reply" or "Photo: AFP" is translated
and delivered as if it were part of the article. The patterns live in
`resources/artefacts/web_residue.yaml`; each must cover a whole segment, which is what keeps
a news sentence that merely mentions a newsletter from being flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from reviewer.core.document import Sentence
from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Severity
from reviewer.engines.artefacts.detector import Finding, SentenceDetector
from reviewer.resources import load_yaml

_WORD = re.compile(r"\S+")


@cache
def _residue_pattern() -> tuple[re.Pattern[str], int]:
    """One alternation of every pattern, anchored to the whole segment (compiled once)."""
    data = load_yaml("artefacts", "web_residue.yaml")
    alternatives = "|".join(f"(?:{pattern})" for pattern in data["patterns"])
    return re.compile(rf"\s*(?:{alternatives})\s*", re.IGNORECASE), int(data["max_words"])


def is_web_residue(text: str) -> bool:
    """True when the whole segment is web-page boilerplate (shared with the fragment check)."""
    pattern, max_words = _residue_pattern()
    if len(text) > 400 or len(_WORD.findall(text)) > max_words:
        return False
    return pattern.fullmatch(text) is not None


class WebResidueDetector(SentenceDetector):
    """Web-page residue (comment form, share prompt, credit line) left in the text

    The whole segment is flagged with a deletion suggestion: such lines are not part of the
    article and a reviewer removes them without rewording anything.
    """

    rule_id = "MT_WEB_RESIDUE"
    category = "Other/Non-translation content"
    severity = Severity.MINOR
    confidence = 0.95

    def check_sentence(self, sentence: Sentence, options: CheckOptions) -> Iterator[Finding]:
        if is_web_residue(sentence.text):
            yield Finding(
                0,
                len(sentence.text),
                f"Web-page residue, not article text: “{_shorten(sentence.text)}”. Delete it.",
                suggestions=("",),
            )


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
