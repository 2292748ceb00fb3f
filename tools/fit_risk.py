"""Fit the sentence-risk weights (resources/risk.yaml) on expert MQM annotations.

    python tools/fit_risk.py FLAGS.json [DATA] [--bilingual] [--write]

FLAGS.json is a default-mode dump of `benchmarks/bench_detection.py --dump DIR`
(`DIR/default.json`); DATA defaults to ../shared/data/mqm-ted/mqm_ted_zhen_dev.jsonl. The
label of a segment is "has a Major error"; its features are those of `reviewer.core.risk`
over its sentences (pysbd, as `reviewer check` segments them), the highest-risk sentence
standing for the segment. Fitting uses scikit-learn's LogisticRegression (a development
tool, not a runtime dependency: run it with an interpreter that has scikit-learn). It prints
the ROC AUC cross-validated by talk (GroupKFold over `doc`, so no talk is both fitted and
scored) and in-sample; `--write` stores bias and weights in resources/risk.yaml.

`--bilingual` fits the model used when the source is known (resources/risk_bilingual.yaml):
the same features plus `reviewer.core.risk.SOURCE_FEATURES`, the length ratio judged
against the median of the same talk translated by the same system (one document).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reviewer.core.flags import Flag, Severity  # noqa: E402
from reviewer.core.risk import (  # noqa: E402
    FEATURES,
    SOURCE_FEATURES,
    risk_features,
    source_features,
    typical_log_ratio,
)

DATA = ROOT.parent / "shared" / "data" / "mqm-ted" / "mqm_ted_zhen_dev.jsonl"


def has_major(record: dict[str, Any]) -> bool:
    return any(
        e["severity"] in ("Major", "Critical") and e["category"] != "Source error"
        for e in record["errors"]
    )


def segment_features(record: dict[str, Any], flags: list[dict[str, Any]]) -> list[float]:
    """Features of the whole segment (it is usually one sentence)."""
    text = str(record["target"])
    objects = [
        Flag(
            start=f["start"],
            end=f["end"],
            text=text[f["start"] : f["end"]],
            rule=f["category"],
            engine=f.get("engine", ""),
            category=f.get("mqm", "Other"),
            severity=Severity(f.get("severity", "minor")),
            message="",
            confidence=float(f.get("confidence", 1.0)),
        )
        for f in flags
    ]
    values = risk_features(text, objects)
    return [values[name] for name in FEATURES]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("flags", type=Path)
    parser.add_argument("data", nargs="?", type=Path, default=DATA)
    parser.add_argument("--write", action="store_true", help="write resources/risk.yaml")
    parser.add_argument("--bilingual", action="store_true", help="add the source features")
    args = parser.parse_args()
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    flags = json.loads(args.flags.read_text(encoding="utf-8"))
    records = [
        json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line
    ]
    x = [segment_features(r, flags.get(r["id"], [])) for r in records]
    names = list(FEATURES)
    if args.bilingual:
        names += SOURCE_FEATURES
        typical = {
            key: typical_log_ratio(
                (r["source"], r["target"]) for r in records if (r["doc"], r["system"]) == key
            )
            for key in {(r["doc"], r["system"]) for r in records}
        }
        for row, record in zip(x, records, strict=True):
            extra = source_features(
                record["source"], record["target"], typical[(record["doc"], record["system"])]
            )
            row.extend(extra[name] for name in SOURCE_FEATURES)
    y = [has_major(r) for r in records]
    groups = [r["doc"] for r in records]
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
    cv = cross_val_predict(model, x, y, groups=groups, cv=GroupKFold(5), method="predict_proba")
    print(f"ROC AUC, cross-validated by talk: {roc_auc_score(y, cv[:, 1]):.3f}")
    model.fit(x, y)
    print(f"ROC AUC, in-sample: {roc_auc_score(y, model.predict_proba(x)[:, 1]):.3f}")
    scaler, logistic = model[0], model[1]
    # fold the standardisation into raw-feature weights: w' = w / s, b' = b - sum(w m / s)
    weights = {
        name: float(w / s)
        for name, w, s in zip(names, logistic.coef_[0], scaler.scale_, strict=True)
    }
    bias = float(logistic.intercept_[0]) - sum(
        float(w * m / s)
        for w, m, s in zip(logistic.coef_[0], scaler.mean_, scaler.scale_, strict=True)
    )
    for name, weight in weights.items():
        print(f"  {name:16s} {weight:+.4f}")
    print(f"  bias             {bias:+.4f}")
    if args.write:
        kind = "with the source features, " if args.bilingual else ""
        lines = [
            '# Sentence risk (reviewer/core/risk.py): a logistic model of "the sentence holds a',
            '# Major error". Written by tools/fit_risk.py (scikit-learn LogisticRegression on the',
            f"# MQM dev set, {len(records)} segments, {kind}default-mode flags, {date.today()});",
            "# edit by re-running it, not by hand.",
            f"bias: {bias:.4f}",
            "weights:",
            *(f"  {name}: {weight:.4f}" for name, weight in weights.items()),
        ]
        name = "risk_bilingual.yaml" if args.bilingual else "risk.yaml"
        (ROOT / "resources" / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote resources/{name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
