"""Benchmark batch checking: one `reviewer check DIR` against one call per file, the warm
background server, and throughput with --jobs and with two LanguageTool servers.

    .venv/bin/python benchmarks/bench_batch.py [--copies 200] [--separate 20] [--files 40]

1. `--copies` variants of the seed in a temporary folder, checked by one `reviewer check DIR`
   call (one LanguageTool started by the command), against `--separate` single-file calls
   (each starts its own server) scaled up to all copies.
2. With `reviewer languagetool start` up: the second `reviewer check` of the seed, against a
   raw `/v2/check` of the same text plus the start-up of `reviewer check` on an empty file.
3. Sentences per second of `reviewer check DIR` on `--files` fresh variants: `--jobs 1` and
   `--jobs 2` against one server, and `--jobs 2` against two servers on this machine.

Each variant numbers its sentences (a number before each sentence end) so neither our
paragraph cache (a new process anyway) nor LanguageTool's sentence cache helps a later run.
Everything runs with a private REVIEWER_RUNTIME_DIR, so a background server of yours is not
touched. Prints a Markdown table with the date.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_04f21086b02ac016.txt"
REVIEWER = [sys.executable, "-m", "reviewer"]
_SENTENCE_END = re.compile(r"(?<=[a-z])([.!?])(?=\s|$)")


def variant(text: str, number: int) -> str:
    """The seed with `number` before every sentence end: same words, no cache hits."""
    return _SENTENCE_END.sub(lambda m: f" {number}{m.group(1)}", text)


def write_variants(folder: Path, count: int, first: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    text = SEED.read_text(encoding="utf-8")
    paths = []
    for index in range(count):
        path = folder / f"doc{index:04d}.txt"
        path.write_text(variant(text, first + index), encoding="utf-8")
        paths.append(path)
    return paths


def timed(
    command: list[str], env: dict[str, str]
) -> tuple[float, subprocess.CompletedProcess[str]]:
    began = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - began
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr}")
    return seconds, result


def sentences_in(jsonl: str) -> int:
    return sum(len(json.loads(line)["sentences"]) for line in jsonl.splitlines() if line)


Rows = list[tuple[str, str]]


def bench_one_call(work: Path, env: dict[str, str], copies: int, separate: int) -> Rows:
    """One `reviewer check DIR` for all copies against one call per file (scaled up)."""
    write_variants(work / "copies", copies, first=1000)
    batch_seconds, batch = timed(
        [*REVIEWER, "check", str(work / "copies"), "--format", "jsonl"], env
    )
    each = [
        timed([*REVIEWER, "check", str(path), "--format", "json"], env)[0]
        for path in write_variants(work / "separate", separate, first=5000)
    ]
    per_file = sum(each) / len(each)
    scaled = per_file * copies
    print(f"1. one call {batch_seconds:.1f} s; separate {per_file:.2f} s per file", flush=True)
    return [
        (
            f"{copies} seed variants, one `reviewer check DIR`",
            f"{batch_seconds:.1f} s ({sentences_in(batch.stdout)} sentences)",
        ),
        (
            f"the same as separate calls ({len(each)} timed, scaled)",
            f"{scaled:.0f} s ({per_file:.2f} s per file)",
        ),
        ("ratio", f"{scaled / batch_seconds:.1f}x"),
    ]


def bench_background(work: Path, env: dict[str, str], repeat: int = 7) -> Rows:
    """The second `reviewer check` with the background server up, against the floor: the
    fastest of `repeat` rounds each, a round timing the three one after the other (on a
    shared machine the load changes from minute to minute: both sides of the ratio see it)."""
    timed([*REVIEWER, "languagetool", "start"], env)
    try:
        record_file = Path(env["REVIEWER_RUNTIME_DIR"]) / "languagetool.json"
        url = f"http://127.0.0.1:{json.loads(record_file.read_text(encoding='utf-8'))['port']}"
        seed_copy = work / "seed.txt"
        text = SEED.read_text(encoding="utf-8")
        seed_copy.write_text(text, encoding="utf-8")
        empty = work / "empty.txt"
        empty.write_text("", encoding="utf-8")
        timed([*REVIEWER, "check", str(seed_copy)], env)
        seconds: list[float] = []
        startups: list[float] = []
        raw: list[float] = []
        for _ in range(repeat):
            seconds.append(timed([*REVIEWER, "check", str(seed_copy)], env)[0])
            startups.append(timed([*REVIEWER, "check", str(empty)], env)[0])
            began = time.perf_counter()
            response = requests.post(
                f"{url}/v2/check",
                data={"language": "en-US", "text": text},
                headers={"Connection": "close"},
                timeout=60,
            )
            response.raise_for_status()
            raw.append(time.perf_counter() - began)
    finally:
        timed([*REVIEWER, "languagetool", "stop"], env)
    second, startup = min(seconds), min(startups)
    floor = min(raw) + startup
    print(f"2. second {second:.2f} s; raw {min(raw):.2f} s + start-up {startup:.2f} s", flush=True)
    return [
        ("second `reviewer check` of the seed, background server up", f"{second:.2f} s"),
        (
            "raw `/v2/check` of the seed + `reviewer check` of an empty file",
            f"{min(raw):.2f} s + {startup:.2f} s = {floor:.2f} s",
        ),
        ("ratio (goal at most 1.5x)", f"{second / floor:.2f}x"),
    ]


def bench_throughput(work: Path, env: dict[str, str], files: int) -> Rows:
    """Sentences/s with --jobs 1 and 2 on one server, and --jobs 2 on two servers."""
    from reviewer.engines.languagetool.server import ServerManager, ServerState

    servers = [ServerManager(), ServerManager()]
    rows: Rows = []
    try:
        urls = []
        for server in servers:
            status = server.ensure_ready()
            if status.state is not ServerState.READY or status.url is None:
                raise SystemExit(f"LanguageTool did not start: {status.reason}")
            urls.append(status.url)
        runs = [
            ("--jobs 1, one server", "1", urls[0]),
            ("--jobs 2, one server", "2", urls[0]),
            ("--jobs 2, two servers", "2", ",".join(urls)),
        ]
        rates = []
        for number, (label, jobs, url_setting) in enumerate(runs):
            folder = work / f"jobs{number}"
            write_variants(folder, files, first=10_000 + 1000 * number)
            seconds, result = timed(
                [*REVIEWER, "check", str(folder), "--format", "jsonl", "--jobs", jobs],
                {**env, "REVIEWER_LANGUAGETOOL_URL": url_setting},
            )
            rate = sentences_in(result.stdout) / seconds
            rates.append(rate)
            print(f"3. {label}: {rate:.0f} sentences/s ({seconds:.1f} s)", flush=True)
            rows.append((f"throughput, {files} files, {label}", f"{rate:.0f} sentences/s"))
    finally:
        for server in servers:
            server.stop()
    rows.append(("--jobs 2 / --jobs 1", f"{rates[1] / rates[0]:.2f}x"))
    rows.append(("two servers / one (--jobs 2)", f"{rates[2] / rates[1]:.2f}x"))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--separate", type=int, default=20)
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: 1,2,3")
    parser.add_argument("--repeat", type=int, default=7, help="runs per timing in part 2")
    args = parser.parse_args()
    skip = set(args.skip.split(","))
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as scratch:
        work = Path(scratch)
        runtime = work / "runtime"
        runtime.mkdir(mode=0o700)
        env = {**os.environ, "REVIEWER_RUNTIME_DIR": str(runtime)}
        env.pop("REVIEWER_LANGUAGETOOL_URL", None)
        rows: Rows = []
        if "1" not in skip:
            rows += bench_one_call(work, env, args.copies, args.separate)
        if "2" not in skip:
            rows += bench_background(work, env, args.repeat)
        if "3" not in skip:
            rows += bench_throughput(work, env, args.files)
    print(f"\nbench_batch.py, {date.today().isoformat()}, {os.cpu_count()} cores\n")
    print("| measurement | result |\n| --- | --- |")
    for name, value in rows:
        print(f"| {name} | {value} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
