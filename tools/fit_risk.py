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

It also chooses `high_risk`, the risk from which a sentence is marked for reading against
the source: the lowest that keeps the error-free segments flagged or marked within
`--clean-budget` (default 6%, issue 12's limit for flags), and prints the Major-segment
detection of the flags alone and of flags or marks.

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

from reviewer.core.document import Document  # noqa: E402
from reviewer.core.flags import Flag, Severity  # noqa: E402
from reviewer.core.risk import (  # noqa: E402
    FEATURES,
    SOURCE_FEATURES,
    RiskModel,
    flags_by_sentence,
    risk_features,
    sentence_risk,
    source_features,
    typical_log_length,
    typical_log_ratio,
)

DATA = ROOT.parent / "shared" / "data" / "mqm-ted" / "mqm_ted_zhen_dev.jsonl"


def has_major(record: dict[str, Any]) -> bool:
    return any(
        e["severity"] in ("Major", "Critical") and e["category"] != "Source error"
        for e in record["errors"]
    )


def segment_flags(record: dict[str, Any], flags: list[dict[str, Any]]) -> list[Flag]:
    """The dumped flags of a segment as `Flag`s (offsets into its target)."""
    text = str(record["target"])
    return [
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


def typical_lengths(records: list[dict[str, Any]]) -> dict[tuple[str, str], float]:
    """Each talk's typical sentence length as one system translated it (one document),
    over its sentences as the product splits them (pysbd)."""
    texts: dict[tuple[str, str], list[str]] = {}
    for record in records:
        sentences = Document.from_text(str(record["target"])).sentences
        texts.setdefault(talk_of(record), []).extend(s.text for s in sentences)
    return {talk: typical_log_length(group) for talk, group in texts.items()}


def talk_of(record: dict[str, Any]) -> tuple[str, str]:
    return str(record["doc"]), str(record["system"])


def segment_features(
    record: dict[str, Any], flags: list[dict[str, Any]], typical_length: float
) -> list[float]:
    """Features of the whole segment (it is usually one sentence)."""
    values = risk_features(str(record["target"]), segment_flags(record, flags), typical_length)
    return [values[name] for name in FEATURES]


def runtime_risk(
    record: dict[str, Any],
    flags: list[dict[str, Any]],
    model: RiskModel,
    source: dict[str, float] | None,
    typical_length: float,
) -> float:
    """The segment's risk as the product computes it: a text file's segment is split into
    sentences (pysbd) and its riskiest sentence counts; a bilingual unit is one sentence."""
    text = str(record["target"])
    objects = segment_flags(record, flags)
    if source is not None:
        return sentence_risk(text, objects, model, source, typical_length)
    document = Document.from_text(text)
    return max(
        (
            sentence_risk(sentence.text, sentence_flags, model, typical_length=typical_length)
            for sentence, sentence_flags in zip(
                document.sentences, flags_by_sentence(document, objects), strict=True
            )
        ),
        default=0.0,
    )


def high_risk_threshold(
    risks: list[float], flagged: list[bool], clean: list[bool], budget: float
) -> float:
    """The lowest risk from which marking sentences keeps the error-free segments that are
    flagged or marked within `budget` (a share): the marks add to the flags' false alarms."""
    allowed = budget * sum(clean) - sum(f and c for f, c in zip(flagged, clean, strict=True))
    unflagged_clean = sorted(
        (r for r, f, c in zip(risks, flagged, clean, strict=True) if c and not f), reverse=True
    )
    if allowed < 1 or not unflagged_clean:
        return 2.0  # the flags alone use the budget: mark nothing
    # marking from risk t marks every unflagged clean segment with risk >= t
    count = int(allowed)
    if count >= len(unflagged_clean):
        return 0.0
    threshold = unflagged_clean[count - 1]
    if unflagged_clean[count] == threshold:  # a tie would overshoot: step above it
        threshold = round(threshold + 0.001, 3)
    return threshold


def choose_high_risk(
    records: list[dict[str, Any]],
    flags: dict[str, Any],
    risks: list[float],
    labels: list[bool],
    budget: float,
) -> float:
    """`high_risk_threshold` on the data, printing the Major-segment detection of the flags
    alone and of flags or high-risk marks."""
    flagged = [bool(flags.get(r["id"])) for r in records]
    clean = [not any(e["category"] != "Source error" for e in r["errors"]) for r in records]
    high = high_risk_threshold(risks, flagged, clean, budget)
    marked = [f or r >= high for f, r in zip(flagged, risks, strict=True)]
    for name, chosen in (("flags alone", flagged), ("flags or high risk", marked)):
        tp = sum(c and m for c, m in zip(chosen, labels, strict=True))
        precision, recall = tp / max(1, sum(chosen)), tp / max(1, sum(labels))
        f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
        false_alarms = sum(c and k for c, k in zip(chosen, clean, strict=True)) / sum(clean)
        print(
            f"  {name}: Major segments P {precision:.1%} R {recall:.1%} F1 {f1:.1%}, "
            f"error-free segments marked {false_alarms:.1%}"
        )
    print(f"  high risk from {high:.3f}")
    return high


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("flags", type=Path)
    parser.add_argument("data", nargs="?", type=Path, default=DATA)
    parser.add_argument("--write", action="store_true", help="write resources/risk.yaml")
    parser.add_argument("--bilingual", action="store_true", help="add the source features")
    parser.add_argument(
        "--clean-budget",
        type=float,
        default=0.06,
        help="share of error-free segments that flags and high-risk marks may reach",
    )
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
    lengths = typical_lengths(records)
    x = [segment_features(r, flags.get(r["id"], []), lengths[talk_of(r)]) for r in records]
    names = list(FEATURES)
    sources: list[dict[str, float]] = []
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
            sources.append(extra)
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
    fitted = RiskModel(bias=bias, weights=weights)
    risks = [
        runtime_risk(
            r, flags.get(r["id"], []), fitted, sources[i] if sources else None, lengths[talk_of(r)]
        )
        for i, r in enumerate(records)
    ]
    high = choose_high_risk(records, flags, risks, y, args.clean_budget)
    if args.write:
        kind = "with the source features, " if args.bilingual else ""
        lines = [
            '# Sentence risk (reviewer/core/risk.py): a logistic model of "the sentence holds a',
            '# Major error". Written by tools/fit_risk.py (scikit-learn LogisticRegression on the',
            f"# MQM dev set, {len(records)} segments, {kind}default-mode flags, {date.today()});",
            "# edit by re-running it, not by hand.",
            f"bias: {bias:.4f}",
            f"# a sentence from this risk is marked high risk: with the flags, at most"
            f" {args.clean_budget:.0%} of",
            "# the error-free segments are flagged or marked",
            f"high_risk: {high:.3f}",
            "weights:",
            *(f"  {name}: {weight:.4f}" for name, weight in weights.items()),
        ]
        name = "risk_bilingual.yaml" if args.bilingual else "risk.yaml"
        (ROOT / "resources" / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote resources/{name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
