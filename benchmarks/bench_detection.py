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
`artefacts` (one engine alone), `default-plain-languagetool` (both engines, LanguageTool's
own default rules: categories.yaml's `picky_only` list left out, to measure what the
review profile does), `languagetool-off-rules` (LanguageTool alone with every rule it ships
switched off switched on, to choose categories.yaml's `switched_on` rules). For each mode it prints
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
import zipfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

from lxml import etree

from reviewer.core.checking import run_check
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, Engine
from reviewer.core.risk import (
    flags_by_sentence,
    risk_model,
    sentence_risk,
    typical_log_length,
)
from reviewer.engines import create_engines
from reviewer.engines.languagetool.install import find_installation
from reviewer.engines.languagetool.mapping import category_table

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "mqm-ted" / "mqm_ted_zhen_dev.jsonl"
MODES = {
    # name: (engines, picky, LanguageTool profile: "resources" = categories.yaml's
    # picky_only list, "plain" = LanguageTool's own default rules)
    "default": (("languagetool", "artefacts"), False, "resources"),
    "picky": (("languagetool", "artefacts"), True, "resources"),
    "languagetool": (("languagetool",), False, "resources"),
    "languagetool-picky": (("languagetool",), True, "resources"),
    "artefacts": (("artefacts",), False, "resources"),
    "default-plain-languagetool": (("languagetool", "artefacts"), False, "plain"),
    "languagetool-off-rules": (("languagetool",), False, "off-rules"),
}
DEFAULT_MODES = "default,picky,languagetool,artefacts,default-plain-languagetool"

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


_RULE_FILES = ("grammar.xml", "style.xml", "en-US/grammar.xml", "en-US/style.xml")


def off_by_default_rules() -> frozenset[str]:
    """The English rules LanguageTool ships switched off (`default="off"` or "temp_off" on
    the rule, or on its category), read from the installed language-en jar's rule files."""
    installation = find_installation()
    if installation is None:
        raise SystemExit("LanguageTool is not installed: run `reviewer languagetool install`")
    jars = sorted(installation.directory.rglob("language-en-*.jar"))
    if not jars:
        raise SystemExit(f"no language-en jar under {installation.directory}")
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
    rules: set[str] = set()
    with zipfile.ZipFile(jars[0]) as jar:
        for name in _RULE_FILES:
            root = etree.fromstring(jar.read(f"org/languagetool/rules/en/{name}"), parser)
            for category in root.iter("category"):
                category_off = category.get("default") in ("off", "temp_off")
                for rule in category:
                    state = rule.get("default")
                    switched_off = state in ("off", "temp_off") or (category_off and state != "on")
                    if rule.tag in ("rule", "rulegroup") and rule.get("id") and switched_off:
                        rules.add(str(rule.get("id")))
    return frozenset(rules)


@contextmanager
def profile(name: str) -> Iterator[None]:
    """The review profile of categories.yaml ("resources"), LanguageTool's own ("plain"), or
    the profile with every rule LanguageTool ships switched off switched on ("off-rules",
    to measure which of them pay off on MT)."""
    table = category_table()
    saved = table.picky_only, table.switched_on
    if name == "plain":
        table.picky_only = frozenset()
    if name == "off-rules":
        table.switched_on = off_by_default_rules()
    try:
        yield
    finally:
        table.picky_only, table.switched_on = saved


def talk_of(segment: Segment) -> tuple[str, str]:
    """(talk, MT system): one document as a reviewer would receive it."""
    return str(segment.record["doc"]), str(segment.record["system"])


def check_flags(
    document: Document, segments: Sequence[Segment], engines: Sequence[Engine], picky: bool
) -> tuple[Flags, list[float]]:
    """Flags per segment id (offsets into the segment's MT, rule id as the category) and each
    segment's risk (the highest of its sentences', as in the JSON report). A sentence's
    length is judged against its talk as one system translated it: the document a
    reviewer would open."""
    result = run_check(document, engines, CheckOptions(language="en-US", picky=picky))
    risks = [0.0] * len(segments)
    model = risk_model()
    talks: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
    for sentence in document.sentences:
        talks[talk_of(segments[sentence.paragraph])].append(sentence.text)
    typical = {talk: typical_log_length(texts) for talk, texts in talks.items()}
    for sentence, sentence_flags in zip(
        document.sentences, flags_by_sentence(document, result.flags), strict=True
    ):
        segment = segments[sentence.paragraph]
        risk = sentence_risk(
            sentence.text, sentence_flags, model, typical_length=typical[talk_of(segment)]
        )
        risks[sentence.paragraph] = max(risks[sentence.paragraph], risk)
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
    return out, risks


def risk_measures(records: Sequence[dict[str, Any]], risks: Sequence[float]) -> tuple[float, float]:
    """ROC AUC of the segment risk for "has a Major error", and the share of those segments
    among the riskiest 20%."""
    labels = [
        any(
            e["severity"] in ("Major", "Critical") and e["category"] != "Source error"
            for e in r["errors"]
        )
        for r in records
    ]
    order = sorted(range(len(risks)), key=lambda i: risks[i])
    top = order[::-1][: len(order) // 5]
    share = sum(labels[i] for i in top) / sum(labels)
    return roc_auc(risks, labels), share


def ranks(values: Sequence[float]) -> list[float]:
    """Ranks from 1, ties sharing their mean rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def roc_auc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """The probability that a random positive outranks a random negative (ties count
    half), from the rank sum (Mann-Whitney U)."""
    positives = sum(labels)
    negatives = len(labels) - positives
    rank_sum = sum(rank for rank, label in zip(ranks(scores), labels, strict=True) if label)
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def with_high_risk_marks(
    records: Sequence[dict[str, Any]], flags: Flags, risks: Sequence[float]
) -> Flags:
    """The flags plus, on each segment marked high risk (`RiskModel.is_high`), one span
    over the whole segment: what segment-level detection is when the marks count. The
    product leaves a sentence with a major flag unmarked (`is_high_risk`); that segment
    counts as flagged either way, so the measure is the same."""
    model = risk_model()
    out: Flags = {}
    for record, risk in zip(records, risks, strict=True):
        extra = []
        if model.is_high(risk):
            extra = [{"start": 0, "end": len(record["target"]), "category": "HIGH_RISK"}]
        out[record["id"]] = flags.get(record["id"], []) + extra
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
    risk_rows: list[str] = []
    try:
        for mode in modes:
            names, picky, profile_name = MODES[mode]
            began = time.perf_counter()
            with profile(profile_name):
                flags, risks = check_flags(document, segments, [engines[n] for n in names], picky)
            seconds = time.perf_counter() - began
            if args.dump:
                args.dump.mkdir(parents=True, exist_ok=True)
                (args.dump / f"{mode}.json").write_text(json.dumps(flags), encoding="utf-8")
            results[mode] = (
                scored(scorer, records, flags),
                by_rule(records, flags, scorer.overlaps),
            )
            auc, share = risk_measures(records, risks)
            marked = scored(scorer, records, with_high_risk_marks(records, flags, risks))
            seg = marked["segment"]
            major = seg["major"]
            risk_rows.append(
                f"| {mode} | {auc:.3f} | {100 * share:.1f}% | {pct(major['precision'])} / "
                f"{pct(major['recall'])} / {pct(major['f1'])} | "
                f"{pct(seg['clean_segments_flagged_rate'])} |"
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
    print(
        "\n| mode | risk: ROC AUC for a Major error | Major-error segments in the riskiest 20% "
        "| segments with a Major error, flagged or marked high risk: P / R / F1 "
        "| error-free segments flagged or marked |"
    )
    print("| --- | ---: | ---: | --- | ---: |")
    print("\n".join(risk_rows))
    for mode, (res, rules) in results.items():
        print_details(mode, res, rules, args.rules)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
