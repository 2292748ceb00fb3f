"""How likely a sentence holds a Major error: a score in [0, 1] to read the riskiest first.

A logistic model over a few features of the sentence and its flags: how many flags of each
severity and how confident, the sentence's length, words repeated in it, dashes, long
numbers and capitalised words inside it. The weights are data (`resources/risk.yaml`),
fitted by `tools/fit_risk.py` on expert MQM annotations of real machine translation; scoring
needs no library beyond the standard one.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from reviewer.core.document import Document
from reviewer.core.flags import Flag, Severity
from reviewer.resources import load_yaml

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_DASH = re.compile(r"--|\s[-–—]\s|(?<=[a-z])[-–—](?=[a-z]+\b)")
_LONG_NUMBER = re.compile(r"\d{5,}")

FEATURES = (
    "log_words",
    "major_flags",
    "minor_flags",
    "max_confidence",
    "repeated_words",
    "dashes",
    "long_numbers",
    "inner_capitals",
    "commas_per_word",
)


@dataclass(frozen=True, slots=True)
class RiskModel:
    """Logistic weights per feature (names in `FEATURES`) and a bias."""

    bias: float
    weights: Mapping[str, float]

    def score(self, features: Mapping[str, float]) -> float:
        """The probability-like risk in [0, 1]."""
        z = self.bias + sum(w * features.get(name, 0.0) for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


@cache
def risk_model() -> RiskModel:
    """The model of resources/risk.yaml (loaded once)."""
    data: dict[str, Any] = load_yaml("risk.yaml")
    weights = {str(k): float(v) for k, v in (data.get("weights") or {}).items()}
    unknown = set(weights) - set(FEATURES)
    if unknown:
        raise ValueError(f"risk.yaml: unknown features {sorted(unknown)}")
    return RiskModel(bias=float(data["bias"]), weights=weights)


def risk_features(text: str, flags: Iterable[Flag] = ()) -> dict[str, float]:
    """The features of one sentence's text and the flags inside it."""
    words = _WORD.findall(text)
    lowered = Counter(w.lower() for w in words if len(w) > 3)
    major = minor = 0
    confidence = 0.0
    for flag in flags:
        if flag.severity.rank >= Severity.MAJOR.rank:
            major += 1
        else:
            minor += 1
        confidence = max(confidence, flag.confidence)
    inner_capitals = sum(1 for w in words[1:] if w[:1].isupper())
    return {
        "log_words": math.log1p(len(words)),
        "major_flags": float(major),
        "minor_flags": float(minor),
        "max_confidence": confidence,
        "repeated_words": float(sum(n - 1 for n in lowered.values() if n > 1)),
        "dashes": float(len(_DASH.findall(text))),
        "long_numbers": float(len(_LONG_NUMBER.findall(text))),
        "inner_capitals": float(inner_capitals),
        "commas_per_word": text.count(",") / len(words) if words else 0.0,
    }


def sentence_risk(text: str, flags: Iterable[Flag] = (), model: RiskModel | None = None) -> float:
    """The risk of one sentence, rounded to 3 decimals."""
    return round((model or risk_model()).score(risk_features(text, flags)), 3)


def flags_by_sentence(document: Document, flags: Iterable[Flag]) -> list[list[Flag]]:
    """Each sentence's flags (a flag belongs to the sentence its start lies in)."""
    starts = [s.start for s in document.sentences]
    out: list[list[Flag]] = [[] for _ in starts]
    for flag in flags:
        index = bisect.bisect_right(starts, flag.start) - 1
        if index >= 0:
            out[index].append(flag)
    return out
