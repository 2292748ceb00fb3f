"""Measure what the engines find of real MT errors, against expert MQM annotations.

    .venv/bin/python benchmarks/bench_detection.py [DATA] [--modes default,picky,...]
                                                   [--rules N] [--dump DIR]

DATA defaults to ../shared/data/mqm-ted/mqm_ted_zhen_dev.jsonl (beside the project folder):
zh->en TED-talk machine translations with the error spans professional translators marked
(MQM). Each segment is written as its own paragraph of one document, the document is checked
as `reviewer check` checks it (merged flags), and the flags are scored with the data's own
scorer (`score_flags.py` beside the data, imported by path; it is a development tool, not
part of the package). The data stays outside the package; nothing of it is copied here.

Modes: `default` and `picky` (both engines), `languagetool`, `languagetool-picky` and
`artefacts` (one engine alone), `default-no-picky-only` (both engines, default level, with
categories.yaml's `picky_only` list emptied: what that list does). For each mode it prints
one row of the summary table, then per mode the recall by MQM category and the flags by
rule (flags, precision, errors found, the share of its hits on a Major error).
`--dump DIR` writes each mode's flags as `DIR/MODE.json` (the scorer's input format, with
the rule id as category) for further analysis.
"""

from __future__ import annotations

import argparse
import bisect
import importlib.util
import json
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

from reviewer.core.checking import run_check
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, Engine
from reviewer.engines import create_engines
from reviewer.engines.languagetool.mapping import category_table

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "mqm-ted" / "mqm_ted_zhen_dev.jsonl"
MODES = {
    # name: (engines, picky, keep categories.yaml's picky_only list)
    "default": (("languagetool", "artefacts"), False, True),
    "picky": (("languagetool", "artefacts"), True, True),
    "languagetool": (("languagetool",), False, True),
    "languagetool-picky": (("languagetool",), True, True),
    "artefacts": (("artefacts",), False, True),
    "default-no-picky-only": (("languagetool", "artefacts"), False, False),
}
DEFAULT_MODES = "default,picky,languagetool,artefacts,default-no-picky-only"

Flags = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True, slots=True)
class Segment:
    """One record of the data set: its id, MT text and where it starts in the document."""

    id: str
    start: int
    record: dict[str, Any]


def load_scorer(data: Path) -> ModuleType:
    """Import `score_flags.py` from the data's folder."""
    path = data.parent / "score_flags.py"
    spec = importlib.util.spec_from_file_location("score_flags", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_document(records: Sequence[dict[str, Any]]) -> tuple[Document, list[Segment]]:
    """One document, each segment's MT its own paragraph (line)."""
    segments, parts, offset = [], [], 0
    for record in records:
        target = str(record["target"])
        segments.append(Segment(str(record["id"]), offset, record))
        parts.append(target)
        offset += len(target) + 1
    text = "\n".join(parts)
    document = Document.from_text(text)
    if document.text != text:
        raise SystemExit("the document's text differs from the segments joined by newlines")
    return document, segments


@contextmanager
def picky_only_list(keep: bool) -> Iterator[None]:
    """Empty categories.yaml's `picky_only` list for the duration (when `keep` is False)."""
    table = category_table()
    saved = table.picky_only
    if not keep:
        table.picky_only = frozenset()
    try:
        yield
    finally:
        table.picky_only = saved


def check_flags(
    document: Document, segments: Sequence[Segment], engines: Sequence[Engine], picky: bool
) -> Flags:
    """Flags per segment id, offsets into the segment's MT, rule id as the category."""
    result = run_check(document, engines, CheckOptions(language="en-US", picky=picky))
    starts = [s.start for s in segments]
    out: Flags = {s.id: [] for s in segments}
    for flag in result.flags:
        index = bisect.bisect_right(starts, flag.start) - 1
        segment = segments[index]
        length = len(segment.record["target"])
        start, end = flag.start - segment.start, min(flag.end - segment.start, length)
        out[segment.id].append(
            {
                "start": start,
                "end": end,
                "category": flag.rule,
                "mqm": flag.category,
                "severity": flag.severity.value,
                "confidence": flag.confidence,
                "engine": flag.engine,
            }
        )
    return out


def scored(scorer: ModuleType, records: Sequence[dict[str, Any]], flags: Flags) -> Any:
    """The scorer's metrics for these flags."""
    as_tuples = {
        sid: [(f["start"], f["end"], f["category"]) for f in lst] for sid, lst in flags.items()
    }
    return scorer.score(list(records), as_tuples)


def by_rule(
    records: Sequence[dict[str, Any]], flags: Flags, overlaps: Callable[..., bool]
) -> list[tuple[str, int, int, int, int, int]]:
    """(rule, flags, flags on an error, errors found, hits on a Major error, hits on Fluency)."""
    counts: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    major: Counter[str] = Counter()
    fluency: Counter[str] = Counter()
    found: defaultdict[str, set[tuple[str, int]]] = defaultdict(set)
    for record in records:
        errors = [
            (i, e)
            for i, e in enumerate(record["errors"])
            if e.get("start") is not None and e["category"] != "Source error"
        ]
        for flag in flags.get(record["id"], []):
            rule = flag["category"]
            counts[rule] += 1
            over = [
                (i, e)
                for i, e in errors
                if overlaps(flag["start"], flag["end"], e["start"], e["end"])
            ]
            if over:
                hits[rule] += 1
                found[rule].update((record["id"], i) for i, _ in over)
                major[rule] += any(e["severity"] in ("Major", "Critical") for _, e in over)
                fluency[rule] += any(e["category"].startswith("Fluency") for _, e in over)
    return [
        (rule, n, hits[rule], len(found[rule]), major[rule], fluency[rule])
        for rule, n in counts.most_common()
    ]


def pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def summary_row(mode: str, res: Any) -> str:
    fl = res["recall"]["Fluency"]
    seg = res["segment"]
    major = seg["major"]
    return (
        f"| {mode} | {res['n_flags']} | {pct(fl['recall'])} | {pct(res['precision']['fluency'])} | "
        f"{pct(res['precision']['any'])} | {pct(seg['clean_segments_flagged_rate'])} | "
        f"{pct(major['precision'])} / {pct(major['recall'])} / {pct(major['f1'])} |"
    )


def print_details(
    mode: str, res: Any, rules: list[tuple[str, int, int, int, int, int]], top: int
) -> None:
    print(f"\n### {mode}: recall by MQM category\n")
    print("| category | errors | found | recall | Major recall | Minor recall |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, v in res["recall"].items():
        if v["n_span"]:
            print(
                f"| {name} | {v['n_span']} | {v['found']} | {pct(v['recall'])} | "
                f"{pct(v['recall_major'])} | {pct(v['recall_minor'])} |"
            )
    print(f"\n### {mode}: flags by rule (top {top})\n")
    print(
        "| rule | flags | precision | on a Fluency error | errors found | hits on a Major error |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for rule, n, hit, found, major, fluency in rules[:top]:
        print(
            f"| {rule} | {n} | {pct(hit / n)} | {pct(fluency / n)} | {found} | "
            f"{pct(major / hit if hit else None)} |"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DATA, help="MQM jsonl")
    parser.add_argument("--modes", default=DEFAULT_MODES, help=f"of {', '.join(MODES)}")
    parser.add_argument("--rules", type=int, default=40, help="rules listed per mode")
    parser.add_argument("--dump", type=Path, help="write each mode's flags to DIR/MODE.json")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"(skipped: {args.data} not found)")
        return 0
    scorer = load_scorer(args.data)
    records = scorer.load_segments(str(args.data))
    document, segments = build_document(records)
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    unknown = [m for m in modes if m not in MODES]
    if unknown:
        parser.error(f"unknown modes: {', '.join(unknown)}")
    engines = {name: create_engines([name])[0] for name in ("languagetool", "artefacts")}
    results: dict[str, tuple[Any, list[tuple[str, int, int, int, int, int]]]] = {}
    try:
        for mode in modes:
            names, picky, keep = MODES[mode]
            began = time.perf_counter()
            with picky_only_list(keep):
                flags = check_flags(document, segments, [engines[n] for n in names], picky)
            seconds = time.perf_counter() - began
            if args.dump:
                args.dump.mkdir(parents=True, exist_ok=True)
                (args.dump / f"{mode}.json").write_text(json.dumps(flags), encoding="utf-8")
            results[mode] = (
                scored(scorer, records, flags),
                by_rule(records, flags, scorer.overlaps),
            )
            print(f"({mode}: checked in {seconds:.1f} s)")
    finally:
        for engine in engines.values():
            engine.close()
    print(
        f"\n## Detection on {args.data.name} ({len(records)} segments, "
        f"{date.today().isoformat()})\n"
    )
    print(
        "| mode | flags | Fluency errors found (span recall) | flags on a Fluency error "
        "(precision) | flags on any error | error-free segments flagged | "
        "segments with a Major error: P / R / F1 |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for mode, (res, _) in results.items():
        print(summary_row(mode, res))
    for mode, (res, rules) in results.items():
        print_details(mode, res, rules, args.rules)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
