"""Benchmark the artefacts engine (all MT-artefact detectors) on a ~50,000-word document.

    .venv/bin/python benchmarks/bench_artefacts.py [--words 50000] [--runs 3]

The document is the seed article plus the clean news corpus, repeated until it reaches the
word count, each copy with small variations (US / U.S., per cent / percent, 3 January /
January 3, Jimenez / Jiménez, 10 000 / 10,000) so that the inconsistency detectors have real
work to do. Segmentation (pysbd) is timed once, separately, because the engine receives an
already segmented document. Then the whole engine is run once to warm up (wordfreq loads
its frequency lists on first use) and timed as the best of `--runs` runs; each detector is
timed the same way. The goal is a whole-engine check under one second.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions
from reviewer.engines.artefacts.detectors import _words
from reviewer.engines.artefacts.engine import ArtefactsEngine

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_04f21086b02ac016.txt"
CLEAN = ROOT / "tests" / "data" / "clean_news.txt"
GOAL_SECONDS = 1.0

# (every nth copy, old, new): variations that make the copies disagree with each other.
VARIATIONS = [
    (3, "U.S.", "US"),
    (4, "percent", "per cent"),
    (5, "January 3", "3 January"),
    (5, "March 15", "15 March"),
    (6, "Jiménez", "Jimenez"),
    (7, "78,000", "78 000"),
    (7, "15,000", "15 000"),
    (8, "6 percent", "6%"),
    (9, "counterterrorism", "counter-terrorism"),
]
EXTRA = (
    "The counterterrorism unit said on Friday that it had finished its review. "
    "Officials said the review took more than 40 days."
)


def build_text(words: int) -> str:
    """Seed + clean corpus, repeated with variations up to about `words` words."""
    base = "\n\n".join([SEED.read_text(encoding="utf-8"), CLEAN.read_text(encoding="utf-8"), EXTRA])
    copies: list[str] = []
    total = 0
    index = 0
    while total < words:
        copy = base
        for every, old, new in VARIATIONS:
            if index % every == every - 1:
                copy = copy.replace(old, new)
        copies.append(copy)
        total += len(copy.split())
        index += 1
    return "\n\n".join(copies)


def best_of(runs: int, action: Callable[[], object]) -> float:
    """Best wall-clock time of `runs` calls (the least disturbed by the machine)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    """Build the document, time segmentation, the engine and each detector; print markdown."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    text = build_text(args.words)
    started = time.perf_counter()
    document = Document.from_text(text)
    segmentation = time.perf_counter() - started
    word_count = len(text.split())
    options = CheckOptions()
    engine = ArtefactsEngine()

    started = time.perf_counter()
    report = engine.check(document, options)  # warm-up: loads data files and wordfreq lists
    warm_up = time.perf_counter() - started
    whole = best_of(args.runs, lambda: engine.check(document, options))

    def tokenise() -> None:
        _words._cache = None
        _words.document_words(document)

    tokenising = best_of(args.runs, tokenise)
    per_detector = []
    for detector in engine.detectors:
        seconds = best_of(args.runs, lambda d=detector: list(d.detect(document, options)))
        flags = sum(1 for f in report.flags if f.rule == detector.rule_id)
        per_detector.append((seconds, detector.rule_id, type(detector).__module__, flags))
    per_detector.sort(reverse=True)

    verdict = "meets" if whole < GOAL_SECONDS else "MISSES"
    print(f"## Benchmark: artefacts engine ({date.today().isoformat()})\n")
    print(
        f"{os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{word_count:,} words, {len(document.sentences):,} sentences, "
        f"{len(document.paragraphs):,} paragraphs, {len(engine.detectors)} detectors.\n"
    )
    print("| step | seconds | words/s |")
    print("| --- | ---: | ---: |")
    print(f"| segmentation (pysbd, once) | {segmentation:.3f} | {word_count / segmentation:,.0f} |")
    print(f"| first check (loads wordfreq lists) | {warm_up:.3f} | {word_count / warm_up:,.0f} |")
    print(
        f"| **whole engine, best of {args.runs}** | **{whole:.3f}** | "
        f"**{word_count / whole:,.0f}** |"
    )
    print(f"| shared word tokenisation (in the above) | {tokenising:.3f} | |")
    print()
    print("| detector | module | seconds | flags |")
    print("| --- | --- | ---: | ---: |")
    for seconds, rule, module, flags in per_detector:
        print(f"| {rule} | {module.rsplit('.', 1)[-1]} | {seconds:.4f} | {flags} |")
    print()
    slowest = per_detector[0]
    print(
        f"Verdict: the whole engine takes {whole:.3f} s on {word_count:,} words: it "
        f"{verdict} the goal of < {GOAL_SECONDS:.0f} s "
        f"(slowest detector {slowest[1]}, {slowest[0]:.3f} s)."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
