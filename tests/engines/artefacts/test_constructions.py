"""A fix is never worse than the text: correct constructions stay quiet, their MT versions do not.

`tests/data/correct_constructions.txt` is correct news English we wrote around the
constructions that fooled the detectors (reduced relative clauses, participial openers,
parentheticals, abbreviations, a time that belongs to a noun, false-friend words in their
English sense). The whole artefacts engine must give it no flag at all, and above all no
flag that suggests deleting or rewriting text: a reviewer who accepts one wrong fix stops
trusting the tool. `tests/data/mt_constructions.txt` holds the machine-translated versions of
the same constructions, each of which must still be caught.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Flag
from reviewer.engines.artefacts.engine import ArtefactsEngine

DATA = Path(__file__).resolve().parents[2] / "data"
CORRECT = DATA / "correct_constructions.txt"
CLEAN = DATA / "clean_news.txt"
MT = DATA / "mt_constructions.txt"


def _mt_cases() -> list[tuple[str, str, str]]:
    cases = []
    for line in MT.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rule, span, text = line.split("\t")
        cases.append((rule, span, text))
    return cases


def _listing(flags: list[Flag]) -> str:
    return "\n".join(f"  {f.rule} {f.text!r} -> {list(f.suggestions)}: {f.message}" for f in flags)


@pytest.fixture(scope="module")
def engine() -> ArtefactsEngine:
    return ArtefactsEngine()


def test_corpora_are_large_enough() -> None:
    assert len(Document.from_file(CORRECT).sentences) >= 60
    assert len(_mt_cases()) >= 20


@pytest.mark.parametrize("path", [CORRECT, CLEAN], ids=lambda p: p.name)
def test_no_change_suggested_on_correct_english(engine: ArtefactsEngine, path: Path) -> None:
    document = Document.from_file(path)
    flags = engine.check(document, CheckOptions()).flags
    changing = [f for f in flags if f.suggestions]
    assert changing == [], f"fixes offered on correct English:\n{_listing(changing)}"


def test_correct_constructions_get_no_flags(engine: ArtefactsEngine) -> None:
    flags = engine.check(Document.from_file(CORRECT), CheckOptions()).flags
    assert flags == [], f"flags on correct English:\n{_listing(flags)}"


@pytest.mark.parametrize(("rule", "span", "text"), _mt_cases(), ids=lambda v: str(v)[:40])
def test_mt_version_is_caught(engine: ArtefactsEngine, rule: str, span: str, text: str) -> None:
    flags = engine.check(Document.from_text(text), CheckOptions()).flags
    assert any(f.rule == rule and f.text == span for f in flags), _listing(flags)
