"""Checker precision: for every rule, how often reviewers agreed with its flags.

A rule's flags are those the last check raised (the review's `flags` table, one row per
flag and engine) together with flags that have a decision but are no longer raised (an
accepted fix removes its flag; a rule switched off leaves its decisions behind). Each is
counted once, under what became of it:

* accepted: the reviewer applied a suggestion or their own fix;
* rejected: the reviewer said the flag is wrong here;
* resolved by edit: the reviewer's edit made it go away without a verdict;
* open: no decision yet.

A flag the window showed merged into another engine's card (the same problem on the same
words) counts under that card's decision: the reviewer judged both at once.

precision = accepted ÷ (accepted + rejected). Resolved flags are left out of it: an edit
may remove a flag the reviewer never looked at (rewording the sentence, deleting it, or
accepting another engine's twin of the same problem). `lenient_precision` counts them as
agreed: (accepted + resolved) ÷ (accepted + resolved + rejected).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reviewer.core.review import DecisionStatus, Review
from reviewer.core.scoring.weights import ScoringModel


@dataclass(frozen=True)
class RulePrecision:
    """What became of one rule's flags."""

    rule: str
    engine: str
    category: str
    raised: int
    accepted: int
    rejected: int
    resolved: int
    open: int
    disabled: bool = False  # switched off in the settings the scorecard was made with
    suggest_switch_off: bool = False

    @property
    def decided(self) -> int:
        return self.accepted + self.rejected

    @property
    def precision(self) -> float | None:
        return self.accepted / self.decided if self.decided else None

    @property
    def lenient_precision(self) -> float | None:
        agreed = self.accepted + self.resolved
        return agreed / (agreed + self.rejected) if agreed + self.rejected else None

    def to_json(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "engine": self.engine,
            "category": self.category,
            "raised": self.raised,
            "accepted": self.accepted,
            "rejected": self.rejected,
            "resolved_by_edit": self.resolved,
            "open": self.open,
            "precision": _round(self.precision),
            "lenient_precision": _round(self.lenient_precision),
            "suggest_switch_off": self.suggest_switch_off,
        }


def rule_precision(
    review: Review, model: ScoringModel, disabled_rules: frozenset[str] = frozenset()
) -> list[RulePrecision]:
    """Every rule that raised a flag in this review, most flags first."""
    raised: dict[tuple[str, str, str, int], tuple[str, str]] = {}
    for engine, sentence_id, rule, text, occurrence, category in review.store.query(
        "SELECT engine, sentence_id, rule, flag_text, occurrence, category FROM flags"
    ):
        raised.setdefault((sentence_id, rule, text, occurrence), (str(engine), str(category)))
    decided: dict[tuple[str, str, str, int], DecisionStatus] = {}
    for decision in review.decisions:
        key = decision.key
        identity = (key.sentence_id, key.rule, key.text, key.occurrence)
        decided[identity] = decision.status
        raised.setdefault(identity, (decision.engine, decision.category))
    _decide_merged_twins(review, raised, decided)
    tallies: dict[str, dict[str, int]] = {}
    about: dict[str, tuple[str, str]] = {}
    for identity, (engine, category) in raised.items():
        rule = identity[1]
        about.setdefault(rule, (engine, category))
        counts = tallies.setdefault(rule, dict.fromkeys(_COLUMNS, 0))
        counts["raised"] += 1
        status = decided.get(identity)
        counts[_OUTCOMES[status] if status else "open"] += 1
    rows = []
    for rule, counts in tallies.items():
        engine, category = about[rule]
        row = RulePrecision(
            rule=rule,
            engine=engine,
            category=category,
            raised=counts["raised"],
            accepted=counts["accepted"],
            rejected=counts["rejected"],
            resolved=counts["resolved"],
            open=counts["open"],
            disabled=rule in disabled_rules,
        )
        precision = row.precision
        if (
            precision is not None
            and row.decided >= model.switch_off_min_decided
            and precision <= model.switch_off_max_precision
        ):
            row = _with_suggestion(row)
        rows.append(row)
    return sorted(rows, key=lambda r: (-r.raised, r.rule))


_COLUMNS = ("raised", "accepted", "rejected", "resolved", "open")


def _decide_merged_twins(
    review: Review,
    raised: dict[tuple[str, str, str, int], tuple[str, str]],
    decided: dict[tuple[str, str, str, int], DecisionStatus],
) -> None:
    """A flag the window showed merged into another engine's card (the same problem on the
    same words) was judged with that card: give it the card's decision, or it would stay
    "open" in its rule's row forever. Only sentences flagged by two engines can hold one."""
    engines: dict[str, set[str]] = {}
    for (sentence_id, _rule, _text, _occurrence), (engine, _category) in raised.items():
        engines.setdefault(sentence_id, set()).add(engine)
    for sentence_id, names in engines.items():
        if len(names) < 2:
            continue
        try:
            twins = review.merged_twins(sentence_id)
        except KeyError:
            continue  # a sentence merged away since
        for twin, host in twins.items():
            status = decided.get((host.sentence_id, host.rule, host.text, host.occurrence))
            identity = (twin.sentence_id, twin.rule, twin.text, twin.occurrence)
            if status is not None and identity not in decided:
                decided[identity] = status


_OUTCOMES = {
    DecisionStatus.ACCEPTED: "accepted",
    DecisionStatus.REJECTED: "rejected",
    DecisionStatus.RESOLVED: "resolved",
}


def _with_suggestion(row: RulePrecision) -> RulePrecision:
    return replace(row, suggest_switch_off=True)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
