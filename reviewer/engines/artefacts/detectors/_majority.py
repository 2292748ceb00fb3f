"""Shared logic of the inconsistency detectors: which form wins, which occurrences to flag.

Every consistency check ends the same way: several forms of one thing (spellings of a name,
date formats) occur in the document, the most frequent form is the house style and every
occurrence of another form is flagged with the majority form as suggestion. On a tie the form
that appears first wins and the later forms are flagged, and the message says it was a tie, so
the reviewer knows the choice was arbitrary.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One place where a form of a variable thing occurs; `form` is its normalised label."""

    start: int
    end: int
    form: str


@dataclass(frozen=True, slots=True)
class Minority:
    """An occurrence of a minority form, with the form (and its count) it should follow."""

    occurrence: Occurrence
    majority: str
    majority_count: int
    count: int
    tie: bool


def minorities(occurrences: Iterable[Occurrence]) -> Iterator[Minority]:
    """Yield the occurrences of every form other than the majority (first-seen wins ties)."""
    counts: dict[str, int] = {}
    first_seen: dict[str, int] = {}
    ordered = sorted(occurrences, key=lambda o: o.start)
    for occurrence in ordered:
        counts[occurrence.form] = counts.get(occurrence.form, 0) + 1
        first_seen.setdefault(occurrence.form, occurrence.start)
    if len(counts) < 2:
        return
    majority = max(counts, key=lambda form: (counts[form], -first_seen[form]))
    top = counts[majority]
    for occurrence in ordered:
        if occurrence.form != majority:
            yield Minority(
                occurrence=occurrence,
                majority=majority,
                majority_count=top,
                count=counts[occurrence.form],
                tie=counts[occurrence.form] == top,
            )


def times(count: int) -> str:
    """'once', 'twice', '5 times': counts as a reviewer reads them."""
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def elsewhere(minority: Minority) -> str:
    """How often the majority occurs, or that it won a tie: the end of every message.

    '5 times elsewhere', or 'elsewhere (each twice; the first one used wins)' so the reviewer
    knows the choice was arbitrary.
    """
    if minority.tie:
        return f"elsewhere (each {times(minority.count)}; the first one used wins)"
    return f"{times(minority.majority_count)} elsewhere"


def majority_message(what: str, found: str, majority: str, minority: Minority) -> str:
    """The message of an inconsistency flag, e.g. 'Inconsistent name: “U.S.” here, “US” ...'.

    `found` and `majority` are the texts to show (a stem group shows whole words).
    """
    return f"Inconsistent {what}: “{found}” here, “{majority}” {elsewhere(minority)}"
