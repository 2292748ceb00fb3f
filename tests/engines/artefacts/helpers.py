"""Run detectors on a text as the engine would, and check what every flag must satisfy.

Each test module used to write its own `flags_of`; they differ only in which detectors run
and what they assert on top, so the document building and the span check live here.
"""

from __future__ import annotations

from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Flag
from reviewer.engines.artefacts.detector import Detector


def run(
    text: str, *detectors: Detector, options: CheckOptions | None = None
) -> tuple[Document, list[Flag]]:
    """The document and the flags of `detectors` on it, in detector order.

    Asserts the invariant every flag keeps: its text is exactly the document span it covers.
    """
    document = Document.from_text(text)
    options = options or CheckOptions()
    flags = [flag for detector in detectors for flag in detector.detect(document, options)]
    for flag in flags:
        assert flag.text == document.text[flag.start : flag.end]
    return document, flags
