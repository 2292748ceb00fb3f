"""Benchmark the LanguageTool engine against a direct `/v2/check` request and the plain way.

    .venv/bin/python benchmarks/bench_languagetool.py [--seed-runs 3] [--words 50000]
                                                    [--plain-sample 300]

On one warm, tuned server (started by our `ServerManager`) and the same text it measures:

1. a direct HTTP POST of the whole text to `/v2/check` (the floor: LanguageTool's own work);
2. `reviewer check --engines languagetool` as a subprocess pointed at that server through
   REVIEWER_LANGUAGETOOL_URL (a new process, so our paragraph cache is cold), and the
   engine in-process with the cache off (cold) and on (warm, second check);
3. the re-check after editing one sentence (cache on);
4. language-tool-python the plain way: `LanguageTool('en-US')` (its own downloaded server)
   and `.check(sentence)` per sentence. When its download cannot run (this machine reaches
   only package registries) it falls back to an untuned server started from the same Maven
   jars with LanguageTool's default settings, queried per sentence through
   language-tool-python in remote mode; the output says which ran.

LanguageTool caches results per sentence, so every timed run checks a fresh variant of the
text: each sentence gets a unique number before its final punctuation (same words, same
length within a few characters, no cache hits). The documents are built from the seed
article; the ~50,000-word one is the seed's paragraphs repeated with distinct numbers.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import requests

from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, EngineStatus
from reviewer.core.segmentation import Span
from reviewer.engines.languagetool.cache import ParagraphCache
from reviewer.engines.languagetool.engine import LanguageToolEngine
from reviewer.engines.languagetool.install import install
from reviewer.engines.languagetool.server import ServerManager, ServerState

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_04f21086b02ac016.txt"
SENTENCE_END = re.compile(r"([.!?])(?=\s|$)")


def main() -> int:
    """Run every measurement and print a markdown section."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed-runs", type=int, default=7)
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--plain-sample", type=int, default=300, help="sentences, plain way")
    args = parser.parse_args()

    installation = install()
    tuned = ServerManager(installation)
    began = time.perf_counter()
    status = tuned.ensure_ready()
    tuned_start = time.perf_counter() - began
    if status.state is not ServerState.READY or status.url is None:
        print(f"tuned server failed: {status.reason}", file=sys.stderr)
        return 1
    url = status.url
    seed_text = SEED.read_text(encoding="utf-8")
    big_text = build_big_text(seed_text, args.words)
    rows: list[str] = []
    try:
        for label, text, runs in (
            ("seed", seed_text, args.seed_runs),
            (f"{len(big_text.split()):,} words", big_text, 1),
        ):
            rows.append(measure_document(label, text, runs, url))
        empty = min(timed(lambda: cli_check(url, "\n")) for _ in range(3))
        _NOTES.insert(0, f"`reviewer check` of an empty file (interpreter, imports): {empty:.2f} s")
        plain = measure_plain_way(
            big_text, args.plain_sample, installation_classpath=installation.classpath
        )
    finally:
        tuned.stop()
    ours_rate = _LAST_RATES.get("big", 0.0)
    print_report(tuned_start, rows, plain, ours_rate)
    return 0


_LAST_RATES: dict[str, float] = {}
_NOTES: list[str] = []


def build_big_text(seed_text: str, words: int) -> str:
    """Repeat the seed's paragraphs until `words`, numbering sentences so none repeats."""
    paragraphs = [p for p in seed_text.split("\n") if p.strip()]
    out: list[str] = []
    count = 0
    copy = 0
    while count < words:
        copy += 1
        for paragraph in paragraphs:
            out.append(SENTENCE_END.sub(lambda m, c=copy: f" {c}{m.group(1)}", paragraph, count=1))
            count += len(paragraph.split())
            if count >= words:
                break
    return "\n\n".join(out) + "\n"


def variant(text: str, run: str) -> str:
    """The same text with a unique number before every sentence end (defeats LT's cache)."""
    counter = iter(range(10**9))
    return SENTENCE_END.sub(lambda m: f" {run}{next(counter)}{m.group(1)}", text)


def timed(action: Callable[[], object]) -> float:
    began = time.perf_counter()
    action()
    return time.perf_counter() - began


def direct_check(url: str, text: str) -> None:
    response = requests.post(
        f"{url}/v2/check",
        data={"language": "en-US", "text": text},
        headers={"Connection": "close"},
        timeout=600,
    )
    response.raise_for_status()
    response.json()


def cli_check(url: str, text: str) -> None:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(text)
    try:
        env = {**os.environ, "REVIEWER_LANGUAGETOOL_URL": url, "REVIEWER_LANGUAGETOOL_CACHE": "off"}
        completed = subprocess.run(
            [
                str(Path(sys.executable).with_name("reviewer")),
                "check",
                "--engines",
                "languagetool",
                "--format",
                "json",
                f.name,
            ],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        if completed.returncode != 0 or '"status": "ok"' not in completed.stdout.replace(
            '"status":"ok"', '"status": "ok"'
        ):
            raise RuntimeError(f"reviewer check failed: {completed.stderr[-500:]}")
    finally:
        os.unlink(f.name)


def measure_document(label: str, text: str, runs: int, url: str) -> str:
    """One table row: direct vs ours (CLI, in-process cold and warm), edit re-check."""
    direct, cli, cold, build = [], [], [], []
    # warm the JVM's JIT on this kind of text, untimed, so neither side pays for it
    direct_check(url, variant(text, "81"))
    LanguageToolEngine(url=url, cache=ParagraphCache(enabled=False)).check(
        Document.from_text(variant(text, "82")), CheckOptions()
    )
    for run in range(runs):
        direct.append(timed(lambda r=run: direct_check(url, variant(text, f"9{r}1"))))
        cli.append(timed(lambda r=run: cli_check(url, variant(text, f"9{r}2"))))
        cold_engine = LanguageToolEngine(url=url, cache=ParagraphCache(enabled=False))
        began = time.perf_counter()
        document = Document.from_text(variant(text, f"9{run}3"))
        build.append(time.perf_counter() - began)
        report = None

        def check_cold(doc: Document = document, engine: LanguageToolEngine = cold_engine) -> None:
            nonlocal report
            report = engine.check(doc, CheckOptions())

        cold.append(timed(check_cold))
        assert report is not None and report.status is EngineStatus.OK, report
        cold_engine.close()
    # warm cache and one-sentence edit, cache on
    engine = LanguageToolEngine(url=url, cache=ParagraphCache())
    document = Document.from_text(variant(text, "94"))
    full = timed(lambda: engine.check(document, CheckOptions()))
    warm = timed(lambda: engine.check(document, CheckOptions()))
    middle = document.sentences[len(document.sentences) // 2]
    edited = document.replace_span(Span(middle.start, middle.start), "Meanwhile, ")
    edit = timed(lambda: engine.check(edited, CheckOptions()))
    engine.close()
    sentences = len(document.sentences)
    median = statistics.median
    _NOTES.append(f"segmenting the {label} into a `Document` (pysbd): {median(build):.2f} s")
    rate = sentences / median(cold)
    _LAST_RATES["big" if runs == 1 else "seed"] = rate
    return (
        f"| {label} ({sentences:,} sentences) | {median(direct):.2f} s | {median(cli):.2f} s"
        f" ({median(cli) / median(direct):.2f}x) | {median(cold):.2f} s"
        f" ({median(cold) / median(direct):.2f}x) | {warm:.3f} s | {edit:.3f} s"
        f" ({100 * edit / full:.1f}% of {full:.2f} s) | {rate:.0f} |"
    )


def measure_plain_way(text: str, sample: int, installation_classpath: str) -> str:
    """Sentences/second of language-tool-python used per sentence, as most code does."""
    import language_tool_python

    sentences = [s.text for s in Document.from_text(variant(text, "95")).sentences][:sample]
    how = "`language_tool_python.LanguageTool('en-US')` (its own downloaded server)"
    tool = None
    plain_manager = None
    start_seconds = 0.0
    try:
        began = time.perf_counter()
        tool = language_tool_python.LanguageTool("en-US")
        start_seconds = time.perf_counter() - began
    except Exception as exc:
        reason = " ".join(str(exc).split())[:160]
        from reviewer.engines.languagetool.install import find_installation

        installation = find_installation()
        assert installation is not None
        plain_manager = ServerManager(installation, properties={})
        began = time.perf_counter()
        status = plain_manager.ensure_ready()
        start_seconds = time.perf_counter() - began
        assert status.url is not None, status.reason
        tool = language_tool_python.LanguageTool("en-US", remote_server=status.url)
        how = (
            "language-tool-python in remote mode, one `.check(sentence)` per sentence, against"
            " an untuned server from the same Maven jars with LanguageTool's default settings"
            f" (its own download failed: {reason})"
        )
    try:
        tool.check(sentences[0])
        elapsed = timed(lambda: [tool.check(s) for s in sentences])
    finally:
        tool.close()
        if plain_manager is not None:
            plain_manager.stop()
    rate = len(sentences) / elapsed
    _LAST_RATES["plain"] = rate
    return (
        f"{how}: {rate:.0f} sentences/s on a sample of {len(sentences)} sentences of the"
        f" large document ({elapsed:.1f} s; server start {start_seconds:.1f} s)"
    )


def print_report(tuned_start: float, rows: list[str], plain: str, ours_rate: float) -> None:
    plain_rate = _LAST_RATES.get("plain", 0.0)
    print(f"### LanguageTool benchmark ({date.today().isoformat()}, {os.cpu_count()} cores)\n")
    print(
        f"Tuned server start (Java launch to first answered check, English pipeline warm):"
        f" {tuned_start:.1f} s.\n"
    )
    print(
        "| document | direct `/v2/check` | `reviewer check` CLI (ratio) | engine in-process,"
        " cache off (ratio) | warm cache | re-check after a one-sentence edit |"
        " sentences/s (in-process) |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for row in rows:
        print(row)
    print("\nFixed costs inside the CLI column: " + "; ".join(_NOTES) + ".")
    print(f"\nPlain way: {plain}.")
    if plain_rate:
        print(f"\nFull-document speed-up over the plain way: {ours_rate / plain_rate:.1f}x.")


if __name__ == "__main__":
    raise SystemExit(main())
