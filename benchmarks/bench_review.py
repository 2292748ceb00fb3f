"""Benchmark the review domain (`reviewer/core/review`) on a ~50,000-word document.

    .venv/bin/python benchmarks/bench_review.py [--words 50000] [--dir DIR]

The document is the artefacts benchmark's (the seed plus the clean news corpus, repeated with
variations). A review of it is created in a temporary folder (or `--dir`, to measure another
disk) and the artefacts engine's flags are recorded. Then:

(a) accept latency: `review.accept(flag)` plus rebuilding `review.layout`, which is what the
    window needs before it repaints; 50 accepts spread over the document (goal < 100 ms);
(b) the SQLite transaction of one decision (BEGIN ... COMMIT, synchronous=FULL, WAL) and the
    whole `review.reject(flag)` call, over 500 rejects (a flag is reopened, untimed, before
    it is rejected again when there are fewer than 500);
(c) opening a `.review` holding 5,000 decisions (rejects on every open flag, then error
    annotations up to 5,000 records, each its own command and undo step):
    `open_review_file` plus the first layout (goal < 1 s);
(d) a full re-render of the layout after a sentence edit.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from bench_artefacts import build_text  # benchmarks/ is on the path when run as a script

from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Severity
from reviewer.core.review import Review, ReviewFlag, open_review, open_review_file
from reviewer.engines.artefacts.engine import ArtefactsEngine

ACCEPT_GOAL = 0.100
OPEN_GOAL = 1.0


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def open_flags(review: Review) -> list[ReviewFlag]:
    return [rf for segment in review.segments for rf in review.open_flags_in(segment.id)]


def spread(items: list[ReviewFlag], count: int) -> list[ReviewFlag]:
    """At most `count` flags in distinct sentences, evenly spaced over the document."""
    by_sentence: dict[str, ReviewFlag] = {}
    for rf in items:
        by_sentence.setdefault(rf.key.sentence_id, rf)
    distinct = list(by_sentence.values())
    if len(distinct) <= count:
        return distinct
    step = len(distinct) / count
    return [distinct[int(i * step)] for i in range(count)]


def timed_transactions(review: Review) -> tuple[list[float], Callable[[], None]]:
    """Record the duration of every `store.transaction()` until the returned undo is called."""
    store = review.store
    original = store.transaction
    durations: list[float] = []

    @contextlib.contextmanager
    def transaction() -> Iterator[None]:
        started = time.perf_counter()
        with original():
            yield
        durations.append(time.perf_counter() - started)

    store.transaction = transaction  # type: ignore[method-assign]
    return durations, lambda: setattr(store, "transaction", original)


def bench_accept(review: Review, count: int) -> tuple[list[float], list[float], int]:
    candidates = [rf for rf in open_flags(review) if rf.flag.suggestions]
    times = []
    layouts = []
    for chosen in spread(candidates, count):
        current = next(
            (rf for rf in review.open_flags_in(chosen.key.sentence_id) if rf.key == chosen.key),
            None,
        )
        if current is None:
            continue
        _ = review.layout  # the window is showing the current text
        started = time.perf_counter()
        review.accept(current, 0)
        accepted = time.perf_counter()
        _ = review.layout
        times.append(time.perf_counter() - started)
        layouts.append(time.perf_counter() - accepted)
    return times, layouts, len(candidates)


def bench_rejects(review: Review, count: int) -> tuple[list[float], list[float]]:
    flags = open_flags(review)
    calls: list[float] = []
    commits: list[float] = []
    durations, restore = timed_transactions(review)
    try:
        for index in range(count):
            rf = flags[index % len(flags)]
            if review.decision(rf.key) is not None:
                review.reopen_flag(rf)  # untimed: makes the flag open again
            durations.clear()
            started = time.perf_counter()
            review.reject(rf, "benchmark")
            calls.append(time.perf_counter() - started)
            commits.extend(durations)
    finally:
        restore()
    for rf in flags:  # leave them open for the 5,000-decision review
        if review.decision(rf.key) is not None:
            review.reopen_flag(rf)
    return calls, commits


def make_decisions(review: Review, total: int) -> tuple[int, int]:
    """Reject every open flag, then annotate sentences until `total` records exist."""
    rejects = 0
    for rf in open_flags(review):
        if len(review.decisions) + len(review.annotations) >= total:
            break
        review.reject(rf, "benchmark")
        rejects += 1
    segments = [s for s in review.segments if len(s.text) > 12]
    annotations = 0
    index = 0
    while len(review.decisions) + len(review.annotations) < total:
        segment = segments[index % len(segments)]
        start = (index // len(segments)) % 8
        review.annotate(
            segment.id,
            start=start,
            end=start + 4,
            category="Fluency/Grammar",
            severity=Severity.MINOR,
            note="benchmark",
        )
        annotations += 1
        index += 1
    return rejects, annotations


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--accepts", type=int, default=50)
    parser.add_argument("--rejects", type=int, default=500)
    parser.add_argument("--decisions", type=int, default=5_000)
    parser.add_argument("--dir", default=None, help="folder for the review (default: a temp dir)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        text_path = Path(folder) / "article.txt"
        text_path.write_text(build_text(args.words), encoding="utf-8")
        started = time.perf_counter()
        review = open_review(text_path)
        created = time.perf_counter() - started
        document = review.document
        words = len(document.text.split())
        report = ArtefactsEngine().check(document, CheckOptions(language=review.language))
        started = time.perf_counter()
        review.record_flags(report.name, document, report.flags)
        recorded = time.perf_counter() - started

        accepts, accept_layouts, fixable = bench_accept(review, args.accepts)
        calls, commits = bench_rejects(review, args.rejects)

        renders = []
        for segment in [s for s in review.segments if s.text][:: max(1, words // 1000)][:20]:
            review.edit_sentence(segment.id, segment.text + " Indeed.")
            started = time.perf_counter()
            _ = review.layout
            renders.append(time.perf_counter() - started)

        started = time.perf_counter()
        rejects, annotations = make_decisions(review, args.decisions)
        making = time.perf_counter() - started
        review.close()
        size = Path(review.path).stat().st_size

        opens = []
        for _ in range(3):
            started = time.perf_counter()
            reopened = open_review_file(review.path)
            _ = reopened.layout
            opens.append(time.perf_counter() - started)
            records = len(reopened.decisions) + len(reopened.annotations)
            reopened.close()

    print(f"## Benchmark: review ({date.today().isoformat()})\n")
    print(
        f"{os.cpu_count()} cores, Python {platform.python_version()}, {words:,} words, "
        f"{len(document.sentences):,} sentences, {len(report.flags)} artefact flags "
        f"({fixable} open with a suggestion). Review created in {created:.2f} s; "
        f"flags recorded in {recorded:.2f} s.\n"
    )
    print("| measure | runs | median ms | max / p99 ms | goal |")
    print("| --- | ---: | ---: | ---: | --- |")
    accept_max = max(accepts)
    print(
        f"| (a) accept + layout rebuild | {len(accepts)} | {ms(statistics.median(accepts))} "
        f"| max {ms(accept_max)} | < 100 ms: "
        f"{'met' if accept_max < ACCEPT_GOAL else 'MISSED'} |"
    )
    print(
        f"| (a) of which the layout rebuild | {len(accept_layouts)} "
        f"| {ms(statistics.median(accept_layouts))} | max {ms(max(accept_layouts))} | |"
    )
    print(
        f"| (b) SQLite transaction per decision | {len(commits)} "
        f"| {ms(statistics.median(commits))} | p99 {ms(percentile(commits, 0.99))} | |"
    )
    print(
        f"| (b) whole `reject()` call | {len(calls)} | {ms(statistics.median(calls))} "
        f"| p99 {ms(percentile(calls, 0.99))} | |"
    )
    print(
        f"| (c) open {records:,}-record review + first layout | {len(opens)} "
        f"| first {ms(opens[0])}, best {ms(min(opens))} | max {ms(max(opens))} | < 1 s: "
        f"{'met' if max(opens) < OPEN_GOAL else 'MISSED'} |"
    )
    print(
        f"| (d) full layout re-render after an edit | {len(renders)} "
        f"| {ms(statistics.median(renders))} | max {ms(max(renders))} | |"
    )
    print(
        f"\n(c): {rejects} rejects + {annotations} annotations made in {making:.1f} s "
        f"(one command and undo step each); the file is {size / 1e6:.1f} MB."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
