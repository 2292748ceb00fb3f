"""Load benchmark: a 100,000-sentence document in the review window (offscreen Qt).

    .venv/bin/python benchmarks/bench_load.py [--sentences 100000] [--languagetool-sample 2000]
        [--artefacts-only] [--profile OUT.prof] [--keep TEXT]

The document is news-like English recombined from our own texts (the seed article, the
clean news corpus, the correct and MT constructions of the tests): paragraphs of one to six
sentences drawn at random (seeded) and varied (names, numbers, weekdays, months, places), so
no two paragraphs are the same and the engines see fresh text throughout, with a headline
now and then. The window is driven as a reviewer would: open the file (the review is created:
segmentation, the SQLite file), wait for the first rows to be painted, let both engines check,
then scroll through the list. The artefacts engine checks the whole document; LanguageTool
(its real server, started by the window) checks a sample of the first paragraphs, as the
issue asks, to keep the run short (the whole document would take it ~20 minutes here).

Measured:
- time to first paint: from `open_path` until the list's viewport has painted rows;
- the longest event-loop stall while the engines check: a 10 ms timer records the gaps
  between its ticks from the first paint until both engines are done (the flags are
  stored and shown on the GUI thread, so this is what a reviewer feels);
- scrolling: the longest of 40 jumps of the scroll bar (top to bottom), until painted;
- peak RSS of the window's process (`ru_maxrss`), of the helper process our detectors run in
  and of the LanguageTool JVM (`VmHWM`).

`--profile OUT` writes a cProfile of the GUI thread from `open_path` to the end of the check,
for the first opening to OUT and for the reopening to OUT.reopen.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import random
import re
import resource
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))  # also when a test loads this file

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from stall_meter import StallMeter, engines_settled, wait

from reviewer.app.main_window import MainWindow
from reviewer.core.document import Document, Paragraph
from reviewer.core.engine import CheckOptions, Engine, EngineReport
from reviewer.engines import create_engine
from reviewer.engines.languagetool.engine import LanguageToolEngine
from reviewer.engines.languagetool.server import shared_server

ROOT = Path(__file__).resolve().parent.parent
LONG_WAIT = 3600.0  # seconds: segmenting and checking 100,000 sentences takes minutes
SOURCES = [
    ROOT / "seeds" / "000_04f21086b02ac016.txt",
    ROOT / "tests" / "data" / "clean_news.txt",
    ROOT / "tests" / "data" / "correct_constructions.txt",
    ROOT / "tests" / "data" / "mt_constructions.txt",
]
NAMES = [
    "Pompeo", "Merkel", "Okafor", "Lindqvist", "Tanaka", "Moreau", "Haddad", "Novak",
    "Fischer", "Castillo", "Ibrahim", "Kowalski", "Jiménez", "Suleimani", "Rossi", "Chen",
]  # fmt: skip
PLACES = [
    "Baghdad", "Madrid", "Lagos", "Hamburg", "Valparaíso", "Osaka", "Lyon", "Gdańsk",
    "Nairobi", "Porto", "Quito", "Leeds", "Bologna", "Tunis", "Cebu", "Tromsø",
]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
# Names and places of the source texts, swapped for others of their kind.
_SURNAME = re.compile(
    r"\b(?:Pompeo|Suleimani|Mahdi|Ruiz|Lopes|Becker|Nguyen|Quispe|Brandt|Hartman|Marsh)\b"
)
_PLACE = re.compile(
    r"\b(?:Baghdad|Washington|Paris|Brussels|Madrid|Sevilla|Lima|Hanoi|Tokyo|Geneva|Lyon"
    r"|Atlanta|Leeds|Vienna)\b"
)
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_WEEKDAY = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b")
_MONTH = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b")


def sentence_pool() -> list[str]:
    """The sentences of our own texts (segmented as the window segments them)."""
    pool: list[str] = []
    for source in SOURCES:
        lines = source.read_text(encoding="utf-8").splitlines()
        document = Document.from_text("\n".join(x for x in lines if not x.startswith("#")))
        pool.extend(" ".join(s.text.split()) for s in document.sentences if len(s.text) > 20)
    return pool


def varied(sentence: str, rng: random.Random) -> str:
    """One sentence with its names, numbers, weekdays and months changed at random."""
    sentence = _WEEKDAY.sub(lambda _m: rng.choice(WEEKDAYS), sentence)
    sentence = _MONTH.sub(lambda _m: rng.choice(MONTHS), sentence)
    sentence = _NUMBER.sub(lambda m: _another_number(m.group(), rng), sentence)
    sentence = _SURNAME.sub(lambda _m: rng.choice(NAMES), sentence)
    return _PLACE.sub(lambda _m: rng.choice(PLACES), sentence)


def _another_number(number: str, rng: random.Random) -> str:
    if "," in number or "." in number or len(number) != 4:  # leave years (4 digits) alone
        digits = max(1, len(number.replace(",", "").replace(".", "")))
        value = rng.randrange(1, 10**digits)
        return f"{value:,}" if "," in number else str(value)
    return number


def build_text(sentences: int, seed: int = 10) -> str:
    """About `sentences` sentences of news-like English in paragraphs, reproducibly."""
    rng = random.Random(seed)
    pool = sentence_pool()
    paragraphs: list[str] = []
    count = 0
    while count < sentences:
        if rng.random() < 0.08:  # a headline: a few words of a sentence, no full stop
            words = varied(rng.choice(pool), rng).rstrip(".").split()[: rng.randint(5, 9)]
            paragraphs.append(" ".join(words))
            count += 1
            continue
        size = min(rng.randint(1, 6), sentences - count)
        paragraphs.append(" ".join(varied(rng.choice(pool), rng) for _ in range(size)))
        count += size
    return "\n\n".join(paragraphs) + "\n"


class _Sample:
    """The first paragraphs of a document, for LanguageTool (its `check` reads only these)."""

    def __init__(self, document: Document, sentences: int) -> None:
        self.paragraphs: list[Paragraph] = []
        counted = 0
        for paragraph in document.paragraphs:
            if counted >= sentences:
                break
            self.paragraphs.append(paragraph)
            counted += len(paragraph.sentence_indexes)


class SampledLanguageTool(LanguageToolEngine):
    """The real engine and server, sent only the first `sample` sentences' paragraphs."""

    def __init__(self, sample: int) -> None:
        super().__init__()
        self.sample = sample

    def check(self, document: Document, options: CheckOptions) -> EngineReport:
        return super().check(_Sample(document, self.sample), options)  # type: ignore[arg-type]


class PaintWatch(QObject):
    """Counts paint events of a widget (the list's viewport)."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def process_peak_rss_mb(pid: int | None) -> float | None:
    """A live process's peak RSS (`VmHWM`), in MB."""
    if pid is None:
        return None
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(found.group(1)) / 1024 if found else None


def helper_processes() -> list[int]:
    """Our Python child processes (the engine helper that runs the detectors)."""
    children: list[int] = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "comm").read_text().strip()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == os.getpid() and command.startswith("python"):
            children.append(int(stat.parent.name))
    return children


@dataclass
class Scenario:
    """What one opening of the document measured."""

    first_paint: float = 0.0
    opened: float = 0.0
    checked: float = 0.0
    stall: float = 0.0
    stall_at: float = 0.0
    rows: int = 0
    flags: int = 0
    states: dict[str, str] = field(default_factory=dict)
    jumps: list[float] = field(default_factory=list)
    jvm: float | None = None


def open_and_check(
    app: QApplication, engines: list[Engine], path: Path, profiler: cProfile.Profile | None
) -> tuple[MainWindow, Scenario]:
    """Open `path` in a new window, wait for the first rows, the check, then scroll."""
    result = Scenario()
    window = MainWindow(engines=engines)
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    watch = PaintWatch()
    window.sentence_view.viewport().installEventFilter(watch)
    if profiler:
        profiler.enable()
    began = time.perf_counter()
    window.open_path(path)
    result.opened = time.perf_counter() - began
    painted_before = watch.paints
    wait(app, lambda: watch.paints > painted_before and window.model.rowCount() > 0, LONG_WAIT)
    result.first_paint = time.perf_counter() - began
    meter = StallMeter(interval_ms=10)
    meter.start()
    wait(app, lambda: engines_settled(window), LONG_WAIT)
    result.stall = meter.stop()
    result.checked = time.perf_counter() - began
    if meter.gaps:  # when the longest stall ended, from open_path
        ticks = list(accumulate(meter.gaps))
        result.stall_at = result.first_paint + ticks[meter.gaps.index(result.stall)]
    if profiler:
        profiler.disable()
    result.rows = window.model.rowCount()
    result.flags = sum(window.model.worst_severity_counts().values())
    result.states = dict(window.engine_states)
    bar = window.sentence_view.verticalScrollBar()
    bar.setValue(0)
    app.processEvents()
    for step in range(1, 41):
        painted_before = watch.paints
        start = time.perf_counter()
        bar.setValue(bar.maximum() * step // 40)
        wait(app, lambda: watch.paints > painted_before, 30)  # noqa: B023 - used at once
        result.jumps.append(time.perf_counter() - start)
    app.processEvents()
    if any(isinstance(engine, LanguageToolEngine) for engine in engines):
        result.jvm = process_peak_rss_mb(shared_server().pid)
    return window, result


def report(name: str, result: Scenario) -> None:
    print(f"{name}:")
    print(
        f"  time to first paint (open_path until rows painted): {result.first_paint:.2f} s"
        f" (open_path returned after {result.opened:.2f} s)"
    )
    print(f"  engines done: {result.checked:.1f} s after open_path; {result.flags:,} open flags")
    for engine, state in result.states.items():
        print(f"    {engine}: {state}")
    print(
        f"  longest event-loop stall while the engines checked: {result.stall * 1000:.0f} ms"
        f" (ending {result.stall_at:.1f} s after open_path)"
    )
    print(f"  scrolling, 40 jumps top to bottom: longest {max(result.jumps) * 1000:.0f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sentences", type=int, default=100_000)
    parser.add_argument("--languagetool-sample", type=int, default=2_000)
    parser.add_argument("--artefacts-only", action="store_true")
    parser.add_argument("--profile", type=Path, help="cProfile of each opening (OUT, OUT.reopen)")
    parser.add_argument("--keep", type=Path, help="also write the generated text here")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])

    def engines() -> list[Engine]:
        if args.artefacts_only:
            return [create_engine("artefacts")]
        return [SampledLanguageTool(args.languagetool_sample), create_engine("artefacts")]

    with tempfile.TemporaryDirectory() as folder:
        os.environ["REVIEWER_CONFIG_DIR"] = str(Path(folder) / "config")
        text = build_text(round(args.sentences * 1.01))  # segmentation joins ~1%
        path = Path(folder) / "load-article.txt"
        path.write_text(text, encoding="utf-8")
        if args.keep:
            args.keep.write_text(text, encoding="utf-8")
        megabytes = len(text.encode("utf-8")) / 1e6
        del text
        baseline = peak_rss_mb()
        profiler = cProfile.Profile() if args.profile else None
        window, first = open_and_check(app, engines(), path, profiler)
        if profiler:
            profiler.dump_stats(args.profile)
        review = window.review
        assert review is not None
        words = len(review.text.split())
        window.close()
        app.processEvents()
        profiler = cProfile.Profile() if args.profile else None
        window, again = open_and_check(app, engines(), path, profiler)  # the review exists
        if profiler:
            profiler.dump_stats(args.profile.with_name(args.profile.name + ".reopen"))
        window.close()
        app.processEvents()
        rss = peak_rss_mb()
        helpers = [process_peak_rss_mb(pid) or 0.0 for pid in helper_processes()]

    print(f"MT Reviewer load benchmark, {date.today().isoformat()}, {os.cpu_count()} cores")
    print(f"document: {first.rows:,} sentences, {words:,} words, {megabytes:.1f} MB")
    report("first opening (the review is created: segmentation, SQLite)", first)
    report("reopening (the review exists; a new window, the same engines' process)", again)
    print(f"peak RSS, the window's process: {rss:.0f} MB (before the window: {baseline:.0f} MB)")
    print(f"peak RSS, the engine helper process: {', '.join(f'{h:.0f} MB' for h in helpers)}")
    if first.jvm is not None:
        sample = args.languagetool_sample
        print(f"peak RSS, LanguageTool JVM (sample of {sample:,} sentences): {first.jvm:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
