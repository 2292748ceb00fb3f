"""Flags per rule before and after LanguageTool's custom MT-artefact rules decide.

    .venv/bin/python benchmarks/bench_custom_rules.py [--no-mqm]

Three ways to check, on one local LanguageTool server started by our `ServerManager` (so with
resources/languagetool/rules/ on its class path), each paragraph sent cold (no cache):

- `python`: the artefacts engine alone (no Java: the fallback).
- `before`: both engines, our LanguageTool rules switched off (`--disable-categories
  MT_ARTEFACTS`): LanguageTool's own rules plus every Python detector, as before this change.
- `after`: both engines with our rules: MT_DOUBLED_SUBJECT_POS, MT_HEADLINE_AGREEMENT_POS,
  MT_PERFECT_WITH_PAST_TIME_POS and MT_STRAY_CAPITAL_POS decide for the Python detectors they
  stand in for (resources/languagetool/rules/supersedes.yaml).

Corpora: ../shared/data/mqm-ted/refs_ted_clean.txt (correct human English: every flag is a
false alarm), tests/data/clean_news.txt, the seed article (copied to a temporary folder
first), tests/data/mt_constructions.txt (our own MT sentences: how many of the expected
flags of the four covered rules each way finds), and the `<example>` sentences of
grammar_custom.xml (each rule's constructions: the sentences to flag, found each way, and the
correct look-alikes, flagged by mistake). With the MQM development set present
(../shared/data/mqm-ted/mqm_ted_zhen_dev.jsonl, real MT output with raters' error spans), the
covered rules' flags on its MT targets are counted with how many overlap a rater's error (a
lower bound of precision). The data stays outside the package; nothing of it is printed but
counts.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

from reviewer.core.checking import run_check, twin_rules
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, Engine
from reviewer.core.flags import Flag
from reviewer.engines.artefacts.engine import ArtefactsEngine
from reviewer.engines.languagetool.cache import ParagraphCache
from reviewer.engines.languagetool.engine import LanguageToolEngine
from reviewer.engines.languagetool.install import install
from reviewer.engines.languagetool.server import ServerManager, ServerState
from reviewer.engines.languagetool.serverconfig import (
    CUSTOM_CATEGORY,
    CUSTOM_RULES_FILE,
    custom_rules_dir,
)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "mqm-ted"
REFS = SHARED / "refs_ted_clean.txt"
MQM = SHARED / "mqm_ted_zhen_dev.jsonl"
CLEAN = ROOT / "tests" / "data" / "clean_news.txt"
SEED = ROOT / "seeds" / "000_04f21086b02ac016.txt"
MT_CASES = ROOT / "tests" / "data" / "mt_constructions.txt"
WAYS = ("python", "before", "after")


def pairs() -> dict[str, str]:
    """Python rule -> its LanguageTool twin (one each today)."""
    return {python: custom for custom, covered in twin_rules().items() for python in covered}


def family(rule: str) -> str:
    """A covered rule and its twin count together: "MT_DOUBLED_SUBJECT(_POS)"."""
    for python, custom in pairs().items():
        if rule in (python, custom):
            return python
    return rule


@dataclass
class Outcome:
    """One way of checking one corpus."""

    flags: list[Flag] = field(default_factory=list)
    sentences: int = 0
    flagged_sentences: int = 0
    seconds: float = 0.0


def check(document: Document, engines: list[Engine], options: CheckOptions) -> Outcome:
    began = time.perf_counter()
    result = run_check(document, engines, options)
    seconds = time.perf_counter() - began
    flagged = {s.index for f in result.flags if (s := document.sentence_at(f.start)) is not None}
    return Outcome(result.flags, len(document.sentences), len(flagged), seconds)


def print_corpus(name: str, outcomes: dict[str, Outcome]) -> None:
    print(f"\n### {name}\n")
    counts = {way: Counter(family(f.rule) for f in o.flags) for way, o in outcomes.items()}
    covered = list(pairs())
    print("| rule | python | before | after |")
    print("| --- | ---: | ---: | ---: |")
    for rule in covered:
        print(f"| {rule} (+ _POS) | " + " | ".join(str(counts[w][rule]) for w in WAYS) + " |")
    others = {w: sum(n for r, n in counts[w].items() if r not in covered) for w in WAYS}
    print("| other rules | " + " | ".join(str(others[w]) for w in WAYS) + " |")
    print("| **all flags** | " + " | ".join(str(len(outcomes[w].flags)) for w in WAYS) + " |")
    sentences = outcomes["python"].sentences
    print(
        f"| sentences flagged (of {sentences}) | "
        + " | ".join(str(outcomes[w].flagged_sentences) for w in WAYS)
        + " |"
    )
    print("| check time, s | " + " | ".join(f"{outcomes[w].seconds:.1f}" for w in WAYS) + " |")


def mt_cases() -> list[tuple[str, str, str]]:
    """(rule, flagged text, paragraph) of our MT corpus, for the covered rules only."""
    cases = []
    for line in MT_CASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rule, flagged, text = line.split("\t")
        if rule in pairs():
            cases.append((rule, flagged, text))
    return cases


def print_mt_cases(ways: dict[str, tuple[list[Engine], CheckOptions]]) -> None:
    cases = mt_cases()
    document = Document.from_text("\n\n".join(text for _, _, text in cases))
    found: dict[str, int] = {}
    for way, (engines, options) in ways.items():
        result = run_check(document, engines, options)
        hits = 0
        for (rule, flagged, _text), paragraph in zip(cases, document.paragraphs, strict=True):
            start = paragraph.start + paragraph.text.index(flagged)
            end = start + len(flagged)
            hits += any(
                family(f.rule) == rule and f.start < end and start < f.end for f in result.flags
            )
        found[way] = hits
    print(f"\n### {MT_CASES.name}: expected flags of the covered rules found\n")
    print("| cases | python | before | after |")
    print("| ---: | ---: | ---: | ---: |")
    print(f"| {len(cases)} | " + " | ".join(str(found[w]) for w in WAYS) + " |")


def print_rule_examples(ways: dict[str, tuple[list[Engine], CheckOptions]]) -> None:
    """The custom rules' own example sentences: found (to flag) and false alarms (correct)."""
    folder = custom_rules_dir()
    assert folder is not None
    root = ElementTree.parse(folder.joinpath(*CUSTOM_RULES_FILE)).getroot()
    python_rule = {custom: sorted(covered)[0] for custom, covered in twin_rules().items()}
    examples: list[tuple[str, str, str | None]] = []  # (python rule, text, marked words)
    for group in root.iter():
        rule = group.get("id")
        if group.tag not in ("rule", "rulegroup") or rule not in python_rule:
            continue
        for example in group.iter("example"):
            marker = example.find("marker")
            marked = "".join(marker.itertext()) if example.get("correction") is not None else None
            examples.append((python_rule[rule], "".join(example.itertext()), marked))
    texts = list(dict.fromkeys(text for _, text, _ in examples))
    document = Document.from_text("\n\n".join(texts))
    where = {text: paragraph for text, paragraph in zip(texts, document.paragraphs, strict=True)}
    print("\n### grammar_custom.xml examples: to flag found / correct flagged\n")
    print("| rule | to flag | correct | python | before | after |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    results = {way: run_check(document, e, o).flags for way, (e, o) in ways.items()}
    for rule in pairs():
        mine = [(text, marked) for r, text, marked in examples if r == rule]
        bad = sum(1 for _, marked in mine if marked is not None)
        cells = []
        for way in WAYS:
            found = alarms = 0
            for text, marked in mine:
                paragraph = where[text]
                hit = any(
                    family(f.rule) == rule and paragraph.start <= f.start < paragraph.end
                    for f in results[way]
                )
                if marked is None:
                    alarms += hit
                else:
                    found += hit
            cells.append(f"{found} / {alarms}")
        print(f"| {rule} | {bad} | {len(mine) - bad} | " + " | ".join(cells) + " |")


def print_mqm(ways: dict[str, tuple[list[Engine], CheckOptions]]) -> None:
    """Covered rules' flags on real MT output, and how many touch a rater's error span."""
    records = [json.loads(line) for line in MQM.read_text(encoding="utf-8").splitlines()]
    targets = [r["target"] for r in records]
    errors = [
        [(e["start"], e["end"]) for e in r["errors"] if e["start"] is not None] for r in records
    ]
    document = Document.from_text("\n\n".join(targets))
    print(f"\n### {MQM.name}: {len(targets)} MT segments, covered rules only\n")
    print("| rule | python: flags / on an error | before | after |")
    print("| --- | ---: | ---: | ---: |")
    table: dict[str, dict[str, tuple[int, int]]] = {rule: {} for rule in pairs()}
    for way, (engines, options) in ways.items():
        result = run_check(document, engines, options)
        for rule in pairs():
            flags = hits = 0
            for paragraph, spans in zip(document.paragraphs, errors, strict=True):
                for f in result.flags:
                    if family(f.rule) != rule or not paragraph.start <= f.start < paragraph.end:
                        continue
                    flags += 1
                    start, end = f.start - paragraph.start, f.end - paragraph.start
                    hits += any(s < end and start < e for s, e in spans)
            table[rule][way] = (flags, hits)
    for rule, by_way in table.items():
        cells = " | ".join(f"{by_way[w][0]} / {by_way[w][1]}" for w in WAYS)
        print(f"| {rule} (+ _POS) | {cells} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-mqm", action="store_true", help="skip the MQM development set")
    args = parser.parse_args()

    manager = ServerManager(install())
    status = manager.ensure_ready()
    if status.state is not ServerState.READY:
        print(f"LanguageTool did not start: {status.reason}")
        return 1
    languagetool = LanguageToolEngine(server=manager, cache=ParagraphCache(enabled=False))
    artefacts = ArtefactsEngine()
    ways: dict[str, tuple[list[Engine], CheckOptions]] = {
        "python": ([artefacts], CheckOptions()),
        "before": (
            [languagetool, artefacts],
            CheckOptions(disabled_categories=frozenset({CUSTOM_CATEGORY})),
        ),
        "after": ([languagetool, artefacts], CheckOptions()),
    }
    print(f"## Custom LanguageTool rules: flags per rule ({date.today().isoformat()})")
    if REFS.is_file():  # warm the server's pipelines, with and without our rules, untimed
        warm = Document.from_file(REFS)
        for engines, options in ways.values():
            run_check(warm, engines, options)
    try:
        with tempfile.TemporaryDirectory() as folder:
            seed_copy = Path(folder) / SEED.name  # opening the seed in place writes beside it
            shutil.copyfile(SEED, seed_copy)
            for path in (REFS, CLEAN, seed_copy):
                if not path.is_file():
                    print(f"\n(skipped: {path} not found)")
                    continue
                document = Document.from_file(path)
                outcomes = {
                    way: check(document, engines, options)
                    for way, (engines, options) in ways.items()
                }
                print_corpus(path.name, outcomes)
        print_mt_cases(ways)
        print_rule_examples(ways)
        if not args.no_mqm and MQM.is_file():
            print_mqm(ways)
    finally:
        languagetool.close()
        manager.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
