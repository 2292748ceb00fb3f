"""Read and write back large XLIFF files: time grows linearly with the units.

    .venv/bin/python benchmarks/bench_bilingual_io.py [UNITS]

Generates an XLIFF 1.2 of UNITS trans-units (default 10,000) with inline tags, and one four
times as large, then times `parse_bilingual` and `write_bilingual` (one unit changed) on
both. Timings are noisy on a shared machine: read the 4x/1x ratios (linear is ~4).
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reviewer.formats.bilingual import parse_bilingual, write_bilingual
from tests.formats.bilingual.test_speed import big_xliff


def timed(count: int) -> tuple[float, float]:
    data = big_xliff(count)
    started = time.perf_counter()
    bilingual = parse_bilingual(data, "big.xlf")
    read = time.perf_counter() - started
    last = bilingual.units[-1]
    started = time.perf_counter()
    write_bilingual(data, "big.xlf", {last.id: last.target.replace("number", "No.")})
    return read, time.perf_counter() - started


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    small, large = timed(count), timed(4 * count)
    print(f"## Bilingual files: read and write back ({date.today().isoformat()})\n")
    print("| units | read (s) | write back one change (s) |")
    print("| ---: | ---: | ---: |")
    print(f"| {count:,} | {small[0]:.2f} | {small[1]:.2f} |")
    print(f"| {4 * count:,} | {large[0]:.2f} | {large[1]:.2f} |")
    print(f"\nratios 4x/1x: read {large[0] / small[0]:.1f}, write {large[1] / small[1]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
