"""How likely a sentence holds a Major error: a score in [0, 1] to read the riskiest first.

A logistic model over a few features of the sentence and its flags: how many flags of each
severity and how confident, the sentence's length against its document's typical length,
words repeated in it, dashes, long numbers and capitalised words inside it. The weights are
data (`resources/risk.yaml`), fitted by `tools/fit_risk.py` on expert MQM annotations of
real machine translation; scoring needs no library beyond the standard one.

With the source at hand (a bilingual file) a second model (`resources/risk_bilingual.yaml`)
adds what only the source tells: numbers and Latin-script names of the source missing from
the target, and how far the unit's length ratio strays from the document's usual ratio (an
omission or an addition shows as a target too short or too long for its source).
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
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
    "relative_length",
    "major_flags",
    "minor_flags",
    "max_confidence",
    "repeated_words",
    "dashes",
    "long_numbers",
    "inner_capitals",
    "commas_per_word",
)
SOURCE_FEATURES = (
    "source_numbers_missing",
    "source_names_missing",
    "length_ratio_deviation",
)
_NUMBER = re.compile(r"\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?")
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9.&'-]*[A-Za-z0-9]")


@dataclass(frozen=True, slots=True)
class RiskModel:
    """Logistic weights per feature (names in `FEATURES`), a bias, and the risk from which a
    sentence is marked "high risk" (above 1: never)."""

    bias: float
    weights: Mapping[str, float]
    high_risk: float = 2.0

    def score(self, features: Mapping[str, float]) -> float:
        """The probability-like risk in [0, 1]."""
        z = self.bias + sum(w * features.get(name, 0.0) for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def is_high(self, risk: float) -> bool:
        """Whether a sentence of this risk is marked for reading against the source: the
        threshold is chosen on the data so that, with the flags, few error-free sentences
        are marked (`tools/fit_risk.py`)."""
        return risk >= self.high_risk


@cache
def risk_model(bilingual: bool = False) -> RiskModel:
    """The model of resources/risk.yaml, or risk_bilingual.yaml (loaded once)."""
    name = "risk_bilingual.yaml" if bilingual else "risk.yaml"
    data: dict[str, Any] = load_yaml(name)
    weights = {str(k): float(v) for k, v in (data.get("weights") or {}).items()}
    unknown = set(weights) - set(FEATURES) - (set(SOURCE_FEATURES) if bilingual else set())
    if unknown:
        raise ValueError(f"{name}: unknown features {sorted(unknown)}")
    high = data.get("high_risk")
    return RiskModel(
        bias=float(data["bias"]), weights=weights, high_risk=2.0 if high is None else float(high)
    )


def is_high_risk(risk: float, bilingual: bool = False, flags: Iterable[Flag] = ()) -> bool:
    """Whether a sentence of this `risk` (from `sentence_risk`, with the source when
    `bilingual`) is marked for reading against the source. A sentence with a major or
    critical flag is not: the flag already sends the reviewer there, and on MT full of
    unknown names a mark beside every spelling flag would fall on a third of the rows."""
    if any(flag.severity.rank >= Severity.MAJOR.rank for flag in flags):
        return False
    return risk_model(bilingual).is_high(risk)


def log_length_ratio(source: str, target: str) -> float:
    """log((target characters + 1) / (source characters + 1)): 0 for equal lengths."""
    return math.log((len(target.strip()) + 1) / (len(source.strip()) + 1))


def typical_log_ratio(pairs: Iterable[tuple[str, str]]) -> float:
    """The median log length ratio of a document's (source, target) pairs: the usual
    ratio for this language pair and text, against which one unit's ratio is judged."""
    ratios = sorted(log_length_ratio(source, target) for source, target in pairs if source)
    if not ratios:
        return 0.0
    middle = len(ratios) // 2
    return ratios[middle] if len(ratios) % 2 else (ratios[middle - 1] + ratios[middle]) / 2


def document_source_features(
    pairs: Sequence[tuple[str, str]],
) -> list[dict[str, float] | None]:
    """Each (source, target) pair's `source_features`, its length ratio judged against the
    median of the pairs that have a source; None for a pair without one (the monolingual
    model scores it)."""
    typical = typical_log_ratio(pairs)
    return [
        source_features(source, target, typical) if source else None for source, target in pairs
    ]


def source_features(source: str, target: str, typical_ratio: float) -> dict[str, float]:
    """What the source says about a target: its numbers and Latin-script names (in a
    source of another script) that the target lacks, and the stray of the length ratio."""
    target_digits = {_digits(number) for number in _NUMBER.findall(target)}
    missing_numbers = sum(
        1 for number in _NUMBER.findall(source) if _digits(number) not in target_digits
    )
    letters = [ch for ch in source if ch.isalpha()]
    # a source in another script (one CJK character is a whole word, hence a quarter)
    latin_source = sum(ord(ch) > 0x24F for ch in letters) < 0.25 * len(letters)
    lowered = target.lower()
    missing_names = (
        0
        if latin_source
        else sum(1 for name in _LATIN_NAME.findall(source) if name.lower() not in lowered)
    )
    return {
        "source_numbers_missing": float(missing_numbers),
        "source_names_missing": float(missing_names),
        "length_ratio_deviation": abs(log_length_ratio(source, target) - typical_ratio),
    }


def _digits(number: str) -> str:
    """A number's digits without group separators: "1,500" / "1 500" / "1500" agree (a
    decimal part stays, so 1.5 and 15 differ)."""
    return re.sub(r"[.,\s](?=\d{3}(?!\d))", "", number)


def log_length(text: str) -> float:
    """log(1 + the number of words): the scale on which sentence lengths are compared."""
    return math.log1p(len(_WORD.findall(text)))


def typical_log_length(texts: Sequence[str], sample: int = 2001) -> float:
    """The median `log_length` of a document's sentences, against which one sentence's
    length is judged: a long sentence is risky for its document (news runs longer than
    talks, and an absolute length would mark half an article). A long document is judged
    on `sample` sentences spread evenly through it, so the first paint of 100,000 rows
    does not wait for every one."""
    texts = [t for t in texts if t.strip()]
    if not texts:
        return 0.0
    step = max(1, len(texts) // sample)
    lengths = sorted(log_length(t) for t in texts[::step])
    middle = len(lengths) // 2
    return lengths[middle] if len(lengths) % 2 else (lengths[middle - 1] + lengths[middle]) / 2


def risk_features(
    text: str, flags: Iterable[Flag] = (), typical_length: float | None = None
) -> dict[str, float]:
    """The features of one sentence's text and the flags inside it; `typical_length` is
    the document's `typical_log_length` (None: this sentence is taken as typical)."""
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
        "relative_length": (
            0.0 if typical_length is None else math.log1p(len(words)) - typical_length
        ),
        "major_flags": float(major),
        "minor_flags": float(minor),
        "max_confidence": confidence,
        "repeated_words": float(sum(n - 1 for n in lowered.values() if n > 1)),
        "dashes": float(len(_DASH.findall(text))),
        "long_numbers": float(len(_LONG_NUMBER.findall(text))),
        "inner_capitals": float(inner_capitals),
        "commas_per_word": text.count(",") / len(words) if words else 0.0,
    }


def sentence_risk(
    text: str,
    flags: Iterable[Flag] = (),
    model: RiskModel | None = None,
    source: Mapping[str, float] | None = None,
    typical_length: float | None = None,
) -> float:
    """The risk of one sentence, rounded to 3 decimals; `source` adds `source_features`
    (and then the bilingual model is the default); `typical_length` is the document's
    `typical_log_length`."""
    features = risk_features(text, flags, typical_length)
    if source is not None:
        features.update(source)
    chosen = model or risk_model(bilingual=source is not None)
    return round(chosen.score(features), 3)


def flags_by_sentence(document: Document, flags: Iterable[Flag]) -> list[list[Flag]]:
    """Each sentence's flags (a flag belongs to the sentence its start lies in)."""
    starts = [s.start for s in document.sentences]
    out: list[list[Flag]] = [[] for _ in starts]
    for flag in flags:
        index = bisect.bisect_right(starts, flag.start) - 1
        if index >= 0:
            out[index].append(flag)
    return out
