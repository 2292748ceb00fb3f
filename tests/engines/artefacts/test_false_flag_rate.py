"""The whole artefacts engine on clean, human-written news prose must stay quiet.

`tests/data/clean_news.txt` is well-formed English (consistent "U.S.", dates and numbers,
quotations, foreign names, borrowed terms). Every flag on it is a false flag; a reviewer
stops trusting a tool that cries wolf, so the budget is at most one flag per 20 sentences.
All detectors run, including ones added later by other modules.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions
from reviewer.engines.artefacts.engine import ArtefactsEngine

CLEAN = Path(__file__).resolve().parents[2] / "data" / "clean_news.txt"


def test_clean_corpus_is_large_enough() -> None:
    document = Document.from_file(CLEAN)
    assert len(document.sentences) >= 60


def test_false_flag_rate_on_clean_news() -> None:
    document = Document.from_file(CLEAN)
    report = ArtefactsEngine().check(document, CheckOptions())
    budget = len(document.sentences) // 20
    listing = "\n".join(
        f"  {f.rule} {f.text!r} -> {list(f.suggestions)}: {f.message}" for f in report.flags
    )
    assert len(report.flags) <= budget, (
        f"{len(report.flags)} flags on {len(document.sentences)} clean sentences "
        f"(budget {budget}):\n{listing}"
    )
