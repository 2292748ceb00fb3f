"""Measure false alarms on correct English: flags by rule, sentences flagged, fixes offered.

    .venv/bin/python benchmarks/bench_precision.py [REFS] [--languagetool] [--list]

REFS defaults to ../shared/data/mqm-ted/refs_ted_clean.txt (beside the project folder):
human reference translations that professional raters found error-free. The data stays
outside the package; a missing file is reported and skipped. The project's own correct
corpora (tests/data/correct_constructions.txt, tests/data/clean_news.txt) are measured too.

Every flag on these texts is a false alarm (or an error the raters missed). The worst kind
suggests a change: a deletion (an empty suggestion, or one that keeps only some of the
flagged words: "Pompeo He" -> "Pompeo") or a rewrite (any other suggestion). Both are
counted and listed. Without `--languagetool` only the artefacts engine runs (no Java);
with it, both engines run as `reviewer check` runs them (merged flags).
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reviewer.core.checking import run_check
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, Engine
from reviewer.core.flags import Flag
from reviewer.engines import create_engines

ROOT = Path(__file__).resolve().parent.parent
REFS = ROOT.parent / "shared" / "data" / "mqm-ted" / "refs_ted_clean.txt"
OWN = [
    ROOT / "tests" / "data" / "correct_constructions.txt",
    ROOT / "tests" / "data" / "clean_news.txt",
]


@dataclass(frozen=True, slots=True)
class Measure:
    """What one engine set flagged in one corpus."""

    name: str
    sentences: int
    flags: list[Flag]
    flagged_sentences: int

    @property
    def deletions(self) -> list[Flag]:
        return [f for f in self.flags if fix_kind(f) == "deletion"]

    @property
    def rewrites(self) -> list[Flag]:
        return [f for f in self.flags if fix_kind(f) == "rewrite"]


def fix_kind(flag: Flag) -> str | None:
    """ "deletion", "rewrite" or None (no change suggested) for a flag."""
    if not flag.suggestions:
        return None
    flagged = flag.text.split()
    for suggestion in flag.suggestions:
        words = suggestion.split()
        if not words or (len(words) < len(flagged) and set(words) <= set(flagged)):
            return "deletion"
    return "rewrite"


def measure(path: Path, engines: Sequence[Engine]) -> Measure:
    """Check one corpus with `engines` and count its flags."""
    document = Document.from_file(path)
    result = run_check(document, engines, CheckOptions(language=document.language))
    starts = [s.start for s in document.sentences]
    flagged = set()
    for flag in result.flags:
        index = next(
            (i for i, s in enumerate(document.sentences) if s.start <= flag.start < s.end),
            max((i for i, start in enumerate(starts) if start <= flag.start), default=0),
        )
        flagged.add(index)
    return Measure(path.name, len(document.sentences), result.flags, len(flagged))


def report(measures: list[Measure], engines: str, listing: bool) -> None:
    """Print one markdown table of all corpora, then the flags by rule and the fixes."""
    print(f"## False alarms on correct English: {engines} ({date.today().isoformat()})\n")
    print("| corpus | sentences | flags | sentences flagged | deletions | rewrites |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for m in measures:
        print(
            f"| {m.name} | {m.sentences} | {len(m.flags)} | {m.flagged_sentences} | "
            f"{len(m.deletions)} | {len(m.rewrites)} |"
        )
    for m in measures:
        if not m.flags:
            continue
        rules = Counter(f.rule for f in m.flags)
        by_rule = ", ".join(f"{rule} {count}" for rule, count in rules.most_common())
        print(f"\n{m.name}: {by_rule}")
        for flag in m.deletions + m.rewrites:
            kind = fix_kind(flag)
            print(f"  {kind}: {flag.rule} {flag.text!r} -> {list(flag.suggestions)[:3]}")
        if listing:
            for flag in m.flags:
                if fix_kind(flag) is None:
                    print(f"  no fix: {flag.rule} {flag.text!r}: {flag.message[:100]}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("refs", nargs="?", type=Path, default=REFS, help="correct English text")
    parser.add_argument(
        "--languagetool", action="store_true", help="run both engines (needs Java and LT)"
    )
    parser.add_argument("--list", action="store_true", help="also list flags without a fix")
    args = parser.parse_args(argv)

    paths = [args.refs, *OWN]
    missing = [p for p in paths if not p.is_file()]
    for path in missing:
        print(f"(skipped: {path} not found)")
    names = ["languagetool", "artefacts"] if args.languagetool else ["artefacts"]
    engines = create_engines(names)
    try:
        measures = [measure(path, engines) for path in paths if path not in missing]
    finally:
        for engine in engines:
            engine.close()
    report(measures, " + ".join(names), args.list)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
