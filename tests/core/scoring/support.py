"""A hand-made review with known decisions and error marks, for the scorecard tests.

The text is written for these tests. Flags come from a pretend engine ("test") so that
every rule, category and severity is known; the review's own commands make the decisions.

What the reviewer did, and what the scorecard must make of it:

| flag / mark | rule | category | severity | outcome | counted | weight |
| --- | --- | --- | --- | --- | --- | --- |
| "rised" | T_VERB | Fluency/Grammar | major | accepted -> "rose" | yes | 5 |
| "rised" | T_TENSE | Fluency/Grammar | minor | resolved (by accepting T_VERB) | no, overlaps | 0 |
| "there" | T_SPELL | Fluency/Spelling | minor | rejected | no | 0 |
| " ," | T_SPACE | Fluency/Punctuation | minor | accepted -> "," | yes | 0.1 |
| "The the" | T_REPEAT | Fluency/Grammar | minor | resolved by a hand edit | yes | 1 |
| "Share this article" | T_RESIDUE | Other/Non-translation content | minor | open | no | 0 |
| "Monday" | (mark) | Accuracy/Mistranslation | critical | error mark | yes | 25 |
| "Share this article" | (mark) | Non-translation | minor | error mark | yes | 25 |
"""

from __future__ import annotations

from pathlib import Path

from reviewer.core.flags import Flag, Severity
from reviewer.core.review import Review, ReviewFlag, open_review

TEXT = (
    "Rains Flood The Valley\n"
    "\n"
    "The river rised over its banks on Monday. Farmers lost there crops , officials said. "
    "The the mayor asked for help.\n"
    "\n"
    "Share this article\n"
)
MT_WORDS = 27  # words of TEXT (punctuation marks are not words)
EXPECTED_PENALTY = 5 + 0.1 + 1 + 25 + 25

# rule -> (flagged text, category, severity, suggestions)
FLAGS = {
    "T_VERB": ("rised", "Fluency/Grammar", Severity.MAJOR, ("rose",)),
    "T_TENSE": ("rised", "Fluency/Grammar", Severity.MINOR, ("had risen",)),
    "T_SPELL": ("there", "Fluency/Spelling", Severity.MINOR, ("their",)),
    "T_SPACE": (" ,", "Fluency/Punctuation", Severity.MINOR, (",",)),
    "T_REPEAT": ("The the", "Fluency/Grammar", Severity.MINOR, ("The",)),
    "T_RESIDUE": ("Share this article", "Other/Non-translation content", Severity.MINOR, ("",)),
}


def flags_for(review: Review, rules: list[str]) -> list[Flag]:
    """The pretend engine's flags of `rules` that still occur in the review's text."""
    text = review.text
    found = []
    for rule in rules:
        needle, category, severity, suggestions = FLAGS[rule]
        start = text.find(needle)
        if start < 0:
            continue
        found.append(
            Flag(
                start=start,
                end=start + len(needle),
                text=needle,
                rule=rule,
                engine="test",
                category=category,
                severity=severity,
                message=f"{rule} message",
                suggestions=suggestions,
            )
        )
    return found


def record(review: Review, rules: list[str]) -> None:
    review.record_flags("test", review.document, flags_for(review, rules))


def flag(review: Review, rule: str) -> ReviewFlag:
    for segment in review.segments:
        for review_flag in review.open_flags_in(segment.id):
            if review_flag.rule == rule:
                return review_flag
    raise AssertionError(f"no open {rule} flag")


def segment_with(review: Review, words: str) -> str:
    return next(s.id for s in review.segments if words in s.text)


def hand_made_review(folder: Path, text: str = TEXT) -> Review:
    """Open a review of `text` and make the decisions in the table above."""
    path = folder / "article.txt"
    path.write_text(text, encoding="utf-8")
    review = open_review(path, reviewer="ann")
    record(review, list(FLAGS))
    review.accept(flag(review, "T_VERB"))
    review.reject(flag(review, "T_SPELL"), "a dialect spelling")
    review.accept(flag(review, "T_SPACE"))
    record(review, ["T_SPELL", "T_REPEAT", "T_RESIDUE", "T_TENSE"])  # T_TENSE is gone now
    repeat = segment_with(review, "The the")
    review.edit_sentence(repeat, "The mayor asked for help.")
    record(review, ["T_SPELL", "T_REPEAT", "T_RESIDUE"])
    monday = segment_with(review, "Monday")
    start = review.segment(monday).text.index("Monday")
    review.annotate(
        monday,
        start,
        start + len("Monday"),
        category="Accuracy/Mistranslation",
        severity=Severity.CRITICAL,
        note="the source says Tuesday",
    )
    residue = segment_with(review, "Share this article")
    review.annotate(
        residue,
        0,
        len("Share this article"),
        category="Non-translation",
        severity=Severity.MINOR,
    )
    return review
