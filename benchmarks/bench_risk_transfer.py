"""Does sentence risk hold outside the talks it was fitted on? Measured on MLQE-PE.

    .venv/bin/python benchmarks/bench_risk_transfer.py [DATA] [--engines languagetool,artefacts]

The risk model and its high-risk threshold were fitted on zh->en TED talks
(`tools/fit_risk.py`). DATA defaults to ../shared/data/mlqepe/mlqepe_en_dev.jsonl: 1,000
Wikipedia sentences per pair (et, ne, ro, ru, si -> en), machine-translated, with their
post-edits and HTER (the share of words a translator changed). Each pair is one document of
its MT sentences (a paragraph each), checked as `reviewer check` checks it, default mode;
a record's risk is its riskiest sentence's. Printed per pair:

- how many sentences the high-risk mark falls on (a sentence with a major flag is not
  marked: the flag speaks for it);
- the ROC AUC of the risk for "heavily post-edited" (HTER >= 0.3: a third of the words
  changed; random is 0.5), beside the AUC of the length against the document alone, so the
  flags' and the other features' share shows;
- HTER among the marked sentences against the others;
- Spearman's rank correlation of risk and HTER.

The data stays outside the package; nothing of it is copied here.
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from bench_detection import ranks, roc_auc

from reviewer.core.checking import run_check
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions
from reviewer.core.risk import (
    flags_by_sentence,
    is_high_risk,
    log_length,
    risk_model,
    sentence_risk,
    typical_log_length,
)
from reviewer.engines import create_engines

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "mlqepe" / "mlqepe_en_dev.jsonl"
HEAVY_EDIT = 0.3


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    return statistics.correlation(ranks(x), ranks(y))


def record_risks(
    records: Sequence[dict[str, Any]], engines: Sequence[Any]
) -> tuple[list[float], list[float], list[bool]]:
    """Each record's risk (its riskiest sentence's), its length against the document, and
    whether one of its sentences is marked high risk; the records' MT joined as one
    document of a paragraph each."""
    document = Document.from_text("\n".join(str(r["mt_raw"]) for r in records))
    result = run_check(document, engines, CheckOptions(language="en-US"))
    typical = typical_log_length([s.text for s in document.sentences])
    model = risk_model()
    risks = [0.0] * len(records)
    lengths = [float("-inf")] * len(records)
    marked = [False] * len(records)
    for sentence, flags in zip(
        document.sentences, flags_by_sentence(document, result.flags), strict=True
    ):
        index = sentence.paragraph
        risk = sentence_risk(sentence.text, flags, model, typical_length=typical)
        risks[index] = max(risks[index], risk)
        lengths[index] = max(lengths[index], log_length(sentence.text) - typical)
        marked[index] = marked[index] or is_high_risk(risk, flags=flags)
    return risks, lengths, marked


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DATA, help="MLQE-PE jsonl")
    parser.add_argument("--engines", default="languagetool,artefacts")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"(skipped: {args.data} not found)")
        return 0
    by_pair: defaultdict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in args.data.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            by_pair[str(record["pair"])].append(record)
    engines = create_engines([e.strip() for e in args.engines.split(",") if e.strip()])
    rows = []
    try:
        for pair, records in sorted(by_pair.items()):
            risks, lengths, marked = record_risks(records, engines)
            hter = [float(r["hter"]) for r in records]
            heavy = [h >= HEAVY_EDIT for h in hter]
            marked_hter = [h for h, m in zip(hter, marked, strict=True) if m]
            other_hter = [h for h, m in zip(hter, marked, strict=True) if not m]
            rows.append(
                f"| {pair} | {len(records)} | {sum(heavy) / len(heavy):.0%} | "
                f"{sum(marked)} ({sum(marked) / len(marked):.1%}) | "
                f"{roc_auc(risks, heavy):.3f} | {roc_auc(lengths, heavy):.3f} | "
                f"{statistics.mean(marked_hter) if marked_hter else 0:.2f} / "
                f"{statistics.mean(other_hter):.2f} | {spearman(risks, hter):.3f} |"
            )
            print(f"({pair} checked)")
    finally:
        for engine in engines:
            engine.close()
    print(f"\n## Sentence risk on MLQE-PE ({args.engines}, default mode, {date.today()})\n")
    print(
        f"| pair | sentences | HTER >= {HEAVY_EDIT} | marked high risk | risk: ROC AUC for "
        "HTER >= 0.3 | length alone: AUC | mean HTER, marked / not | Spearman risk ~ HTER |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
