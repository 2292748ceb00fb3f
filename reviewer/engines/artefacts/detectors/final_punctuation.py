"""A sentence that ends without a full stop, question mark or exclamation mark.

MT output loses final punctuation when a segment is cut or merged. Headlines and title-like
lines ("Leave a Reply", "Related articles") legitimately have none and are skipped (see
`_headlines`), and so are lines ending in a symbol such as "*" (form residue) and segments
starting in lower case (orphan fragments, reported by their own detector).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Flag, Severity
from reviewer.engines.artefacts.detector import Detector, Finding
from reviewer.engines.artefacts.detectors._headlines import has_final_punctuation, is_headline

_LAST_WORD = re.compile(r"\S+$")


class MissingFinalPunctuation(Detector):
    """Sentence without final punctuation

    Only the last sentence of a paragraph can lack it (the segmenter splits at punctuation).
    Flags the last word and suggests it with a full stop.
    """

    rule_id = "QA_MISSING_FINAL_PUNCTUATION"
    category = "Fluency/Punctuation"
    severity = Severity.MINOR
    confidence = 0.8

    def detect(self, document: Document, options: CheckOptions) -> Iterator[Flag]:
        for paragraph in document.paragraphs:
            if not paragraph.sentence_indexes:
                continue
            sentence = document.sentences[paragraph.sentence_indexes[-1]]
            text = sentence.text.rstrip()
            if has_final_punctuation(text) or not text[-1:].isalnum():
                continue  # ends in "*", "-", a quote mark...: residue or a lead-in, not prose
            if not text[:1].isupper() and text[:1] not in '“"‘':
                continue  # a lower-case fragment: the fragments detector reports it
            if is_headline(paragraph):
                continue
            last = _LAST_WORD.search(text)
            if last is None:
                continue
            finding = Finding(
                last.start(),
                last.end(),
                "Sentence has no final punctuation: add a full stop",
                (last[0] + ".",),
            )
            yield self.flag(document, finding, sentence.start)
