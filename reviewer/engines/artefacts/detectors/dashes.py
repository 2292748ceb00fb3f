"""Two hyphens standing for a dash ("it matters -- plants need it" -> "it matters—plants").

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

from reviewer.core.document import Sentence
from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Severity
from reviewer.engines.artefacts.detector import Finding, SentenceDetector

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
        dash = "—" if options.language.lower() in ("en", "en-us") else " – "
        for match in _DOUBLE_HYPHEN.finditer(sentence.text):
            yield Finding(
                start=match.start(),
                end=match.end(),
                message="Two hyphens stand for a dash: use a real dash",
                suggestions=(dash,),
            )
