"""Measure the source engine's checks on real MT with its source, against expert annotations.

    .venv/bin/python benchmarks/bench_bilingual.py [--mqm PATH] [--mlqepe PATH]
                                                   [--languagetool] [--detect] [--examples N]

Two data sets beside the project folder (`../shared/data/`, outside the package; nothing of
them is copied here):

* `mqm-ted/mqm_ted_zhen_dev.jsonl`: zh->en TED talks, 13 MT systems, error spans marked by
  professional translators (MQM). One document per system (its segments in talk order), so the
  length statistics and the consistency check see a realistic document.
* `mlqepe/mlqepe_en_dev.jsonl`: ro, et, ne, si, ru -> en (1,000 sentences each), untokenised
  source and MT with the MT words a post-editor changed (BAD). One document per language pair.

Every check runs (as with --picky). A flag is right when it overlaps an expert error span (MQM)
or a BAD word (MLQE-PE); a flag on the whole unit (something missing) is also right on MQM when
the translator marked an omission in the source. Whole-unit flags overlap any error of their
unit, so their precision must be read against `chance`: what the same number of flags on
random units of the same documents would score (the share of units with an error). For MQM it
also counts the Accuracy errors the source engine finds that the monolingual engines (artefacts, and
LanguageTool with --languagetool, which needs its server) miss. `--detect` leaves the source
language to the engine's detection instead of declaring it as a bilingual file would.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reviewer.core.bilingual import Unit
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, Engine
from reviewer.core.flags import Flag
from reviewer.engines import create_engine
from reviewer.engines.source.check import SourceCheck
from reviewer.engines.source.engine import SourceEngine

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
MQM = SHARED / "mqm-ted" / "mqm_ted_zhen_dev.jsonl"
MLQEPE = SHARED / "mlqepe" / "mlqepe_en_dev.jsonl"
WHOLE_UNIT = {"Accuracy/Omission"}  # categories whose flags may span the whole unit


@dataclass
class Item:
    """One record as a unit, with its error spans (offsets into the target)."""

    unit: Unit
    spans: list[tuple[int, int]]
    source_errors: int = 0  # MQM errors marked in the source (omissions)
    accuracy: list[tuple[int, int] | None] = field(default_factory=list)  # None: source side


@dataclass
class Tally:
    flags: int = 0
    right: int = 0
    whole: int = 0  # flags on a whole unit
    expected: float = 0.0  # sum of their documents' base rates: random flags' expected hits
    units: set[str] = field(default_factory=set)
    examples: list[str] = field(default_factory=list)


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _flat(text: str) -> str:
    """A target's own line breaks become spaces (same length: the offsets stay)."""
    return text.replace("\r", " ").replace("\n", " ")


def mqm_documents(path: Path) -> dict[str, list[Item]]:
    """One document per MT system, segments in talk and segment order."""
    documents: dict[str, list[Item]] = defaultdict(list)
    records = load_jsonl(path)
    records.sort(key=lambda r: (r["system"], r["doc"], int(r["seg_id"])))
    for record in records:
        spans, accuracy, source_errors = [], [], 0
        for error in record["errors"]:
            span = None if error["start"] is None else (int(error["start"]), int(error["end"]))
            if span is None:
                source_errors += 1
            else:
                spans.append(span)
            if str(error["category"]).startswith("Accuracy"):
                accuracy.append(span)
        unit = Unit(record["id"], _flat(record["source"]), _flat(record["target"]))
        documents[record["system"]].append(Item(unit, spans, source_errors, accuracy))
    return documents


def mlqepe_documents(path: Path) -> dict[str, list[Item]]:
    """One document per language pair."""
    documents: dict[str, list[Item]] = defaultdict(list)
    for record in load_jsonl(path):
        spans = [(int(s), int(e)) for s, e in record["bad_spans_raw"]]
        unit = Unit(record["id"], _flat(record["source_raw"]), _flat(record["mt_raw"]))
        documents[record["pair"]].append(Item(unit, spans))
    return documents


def overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def localised(flag: Flag, document: Document, index: int) -> tuple[int, int]:
    paragraph = document.paragraphs[index]
    return flag.start - paragraph.start, max(
        flag.end - paragraph.start, flag.start - paragraph.start + 1
    )


def unit_index(document: Document) -> dict[str, int]:
    return {unit.id: index for index, unit in enumerate(document.units)}


def run_source(
    items: Sequence[Item], language: str, tallies: dict[str, Tally], examples: int
) -> tuple[list[Flag], Document]:
    document = Document.from_units([item.unit for item in items], source_language=language)
    report = SourceEngine().check(document, CheckOptions(picky=True))
    if report.errors:
        raise SystemExit(f"source engine errors: {report.errors}")
    where = unit_index(document)
    base_rate = sum(1 for item in items if item.spans or item.source_errors) / len(items)
    for flag in report.flags:
        index = where[flag.extra["unit"]]
        item = items[index]
        start, end = localised(flag, document, index)
        right = overlaps(start, end, item.spans) or (
            flag.category in WHOLE_UNIT and item.source_errors > 0
        )
        tally = tallies[flag.rule]
        tally.flags += 1
        tally.right += right
        if flag.text == item.unit.target.strip():
            tally.whole += 1
            tally.expected += base_rate
        tally.units.add(item.unit.id)
        if len(tally.examples) < examples:
            mark = "right" if right else "wrong"
            tally.examples.append(f"[{mark}] {item.unit.id}: {flag.message} | “{flag.text}”")
    return report.flags, document


def found_by(
    flags: Iterable[Flag], document: Document, items: Sequence[Item]
) -> set[tuple[str, int]]:
    """(unit id, error number) of the Accuracy errors the flags find."""
    where = unit_index(document) if document.units else {}
    found: set[tuple[str, int]] = set()
    by_unit: dict[int, list[Flag]] = defaultdict(list)
    for flag in flags:
        if "unit" in flag.extra and where:
            by_unit[where[flag.extra["unit"]]].append(flag)
        else:
            sentence = document.sentence_for_span(flag.start, flag.end)
            if sentence is not None:
                by_unit[sentence.paragraph].append(flag)
    for index, unit_flags in by_unit.items():
        item = items[index]
        for number, span in enumerate(item.accuracy):
            for flag in unit_flags:
                start, end = localised(flag, document, index)
                whole = flag.category in WHOLE_UNIT
                hit = whole if span is None else overlaps(start, end, [span])
                if hit:
                    found.add((item.unit.id, number))
                    break
    return found


def pct(right: int, total: int) -> str:
    return f"{100 * right / total:.0f}%" if total else "-"


def print_table(
    title: str, tallies: dict[str, Tally], base_rate: float, checks: Sequence[type[SourceCheck]]
) -> None:
    print(f"\n### {title}\n")
    print(
        f"Units with an error: {100 * base_rate:.0f}%. `chance`: the precision the check's "
        "whole-unit flags would have if they fell on random units of the same documents.\n"
    )
    print("| check | flags | right | precision | whole-unit flags | chance | default |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for check in checks:
        tally = tallies.get(check.rule_id, Tally())
        default = "on" if check.default_on() else "picky"
        chance = f"{100 * tally.expected / tally.whole:.0f}%" if tally.whole else "-"
        print(
            f"| {check.rule_id} | {tally.flags} | {tally.right} | "
            f"{pct(tally.right, tally.flags)} | {tally.whole} | {chance} | {default} |"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mqm", type=Path, default=MQM)
    parser.add_argument("--mlqepe", type=Path, default=MLQEPE)
    parser.add_argument("--languagetool", action="store_true", help="compare with LanguageTool")
    parser.add_argument("--detect", action="store_true", help="detect the source language")
    parser.add_argument("--examples", type=int, default=0, help="flags to show per check")
    args = parser.parse_args(argv)
    checks = [type(check) for check in SourceEngine().checks]
    print(f"## Source engine on the development sets ({date.today().isoformat()})")
    if args.mqm.is_file():
        bench_mqm(args, checks)
    else:
        print(f"(skipped: {args.mqm} not found)")
    if args.mlqepe.is_file():
        bench_mlqepe(args, checks)
    else:
        print(f"(skipped: {args.mlqepe} not found)")
    return 0


def bench_mqm(args: argparse.Namespace, checks: Sequence[type[SourceCheck]]) -> None:
    documents = mqm_documents(args.mqm)
    tallies: dict[str, Tally] = defaultdict(Tally)
    monolingual: list[Engine] = [create_engine("artefacts")]
    if args.languagetool:
        monolingual.append(create_engine("languagetool"))
    total_accuracy = 0
    by_source: set[tuple[str, int]] = set()
    by_monolingual: set[tuple[str, int]] = set()
    by_default: set[tuple[str, int]] = set()  # by the checks on without --picky
    default_rules = {check.rule_id for check in checks if check.default_on()}
    units = with_errors = 0
    began = time.perf_counter()
    try:
        for items in documents.values():
            units += len(items)
            with_errors += sum(1 for item in items if item.spans or item.source_errors)
            total_accuracy += sum(len(item.accuracy) for item in items)
            flags, document = run_source(items, "" if args.detect else "zh", tallies, args.examples)
            by_source |= found_by(flags, document, items)
            defaults = [flag for flag in flags if flag.rule in default_rules]
            by_default |= found_by(defaults, document, items)
            for engine in monolingual:
                report = engine.check(document, CheckOptions(language="en-US"))
                by_monolingual |= found_by(report.flags, document, items)
    finally:
        for engine in monolingual:
            engine.close()
    seconds = time.perf_counter() - began
    print_table(
        f"mqm-ted zh->en: {units} segments, {len(documents)} documents (one per system)",
        tallies,
        with_errors / units,
        checks,
    )
    names = " + ".join(engine.name for engine in monolingual)
    only = by_source - by_monolingual
    print(
        f"\nAccuracy errors: {total_accuracy}; found by the source engine: {len(by_source)} "
        f"({len(by_default)} by its default checks); by {names}: {len(by_monolingual)}; "
        f"by the source engine only: {len(only)} ({len(by_default - by_monolingual)} by its "
        f"default checks) ({seconds:.1f} s)"
    )
    show_examples(tallies, args.examples)


def bench_mlqepe(args: argparse.Namespace, checks: Sequence[type[SourceCheck]]) -> None:
    documents = mlqepe_documents(args.mlqepe)
    overall: dict[str, Tally] = defaultdict(Tally)
    per_pair: dict[str, dict[str, Tally]] = {}
    units = with_bad = 0
    for pair, items in sorted(documents.items()):
        tallies: dict[str, Tally] = defaultdict(Tally)
        language = "" if args.detect else pair.split("-")[0]
        run_source(items, language, tallies, args.examples)
        per_pair[pair] = tallies
        units += len(items)
        with_bad += sum(1 for item in items if item.spans)
        for rule, tally in tallies.items():
            merged = overall[rule]
            merged.flags += tally.flags
            merged.right += tally.right
            merged.whole += tally.whole
            merged.expected += tally.expected
            merged.units |= tally.units
            merged.examples.extend(tally.examples[: max(0, args.examples - len(merged.examples))])
    print_table(
        f"MLQE-PE ro/et/ne/si/ru->en: {units} sentences, {len(documents)} documents (one per pair)",
        overall,
        with_bad / units,
        checks,
    )
    pairs = sorted(per_pair)
    print("\nPer pair (flags / precision):\n")
    print("| check | " + " | ".join(pairs) + " |")
    print("| --- |" + " ---: |" * len(pairs))
    for check in checks:
        cells = []
        for pair in pairs:
            tally = per_pair[pair].get(check.rule_id, Tally())
            cells.append(f"{tally.flags} / {pct(tally.right, tally.flags)}")
        print(f"| {check.rule_id} | " + " | ".join(cells) + " |")
    show_examples(overall, args.examples)


def show_examples(tallies: dict[str, Tally], count: int) -> None:
    if not count:
        return
    for rule, tally in sorted(tallies.items()):
        print(f"\n{rule}:")
        for example in tally.examples[:count]:
            print(f"  {example}")


if __name__ == "__main__":
    raise SystemExit(main())
