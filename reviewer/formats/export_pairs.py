"""Sentence pairs (machine translation, correction) for MT training and audit.

One record per sentence of the review, in document order, deleted sentences included
(with an empty correction) and sentences the reviewer added (split off an edit) with an
empty MT. Each record carries the sentence's flags as they stand now (with what was decided
about each), every decision and error mark made on it, and the effort it took
(reviewer/core/effort.py). Three files come from the same records:

* TMX 1.4, written with translate-toolkit's `tmxfile` (never hand-built XML): header
  `srclang="en"`; each `<tu tuid="SENTENCE-ID">` holds the MT as the `xml:lang="en"` variant
  and the correction as the `xml:lang="en-x-post-edit"` variant (a BCP 47 private-use
  subtag: both sides are English). TMX holds the pairs only.
* CSV (UTF-8 with a BOM so spreadsheet programs read accents): one row per sentence; the
  flags, decisions and annotations columns hold JSON arrays.
* JSON Lines (UTF-8): one JSON object per sentence, the same fields, lists as lists.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from translate.storage.tmx import tmxfile

from reviewer.core.effort import sentence_efforts
from reviewer.core.review import Decision, FlagKey, Review
from reviewer.formats.unit_text import shown_text

MT_LANGUAGE = "en"
POST_EDIT_LANGUAGE = "en-x-post-edit"

CSV_COLUMNS = (
    "sentence_id",
    "index",
    "paragraph",
    "status",
    "deleted",
    "source",
    "mt",
    "correction",
    "seconds",
    "visits",
    "edits",
    "words_inserted",
    "words_deleted",
    "words_substituted",
    "flags",
    "decisions",
    "annotations",
)


@dataclass(frozen=True)
class SentencePair:
    """One sentence's MT and correction with what happened to it."""

    sentence_id: str
    index: int
    paragraph: int
    status: str  # open, edited, reviewed
    mt: str
    correction: str  # empty when the sentence was deleted
    flags: list[dict[str, Any]]
    decisions: list[dict[str, Any]]
    annotations: list[dict[str, Any]]
    seconds: float  # active time, idle gaps left out
    visits: int
    edits: int
    words_inserted: int
    words_deleted: int
    words_substituted: int
    source: str = ""  # a bilingual review's source text (inline codes as markup)

    @property
    def deleted(self) -> bool:
        return not self.correction

    def to_json(self) -> dict[str, Any]:
        return {
            "sentence_id": self.sentence_id,
            "index": self.index,
            "paragraph": self.paragraph,
            "status": self.status,
            "deleted": self.deleted,
            "source": self.source,
            "mt": self.mt,
            "correction": self.correction,
            "seconds": round(self.seconds, 3),
            "visits": self.visits,
            "edits": self.edits,
            "words_inserted": self.words_inserted,
            "words_deleted": self.words_deleted,
            "words_substituted": self.words_substituted,
            "flags": self.flags,
            "decisions": self.decisions,
            "annotations": self.annotations,
        }


def sentence_pairs(review: Review) -> list[SentencePair]:
    """Every segment of the review as a pair record, in document order."""
    efforts = sentence_efforts(review)
    decisions: dict[str, list[Decision]] = defaultdict(list)
    for decision in review.decisions:
        decisions[decision.key.sentence_id].append(decision)
    pairs = []
    for index, segment in enumerate(review.segments):
        effort = efforts[segment.id]
        unit = review.unit(segment.id)
        shown = shown_text(review, unit)
        flags = [
            {
                "rule": rf.rule,
                "text": rf.text,
                "severity": str(rf.flag.severity),
                "category": rf.flag.category,
                "engine": rf.flag.engine,
                "message": rf.flag.message,
                "status": _flag_status(review, rf.key),
            }
            for rf in review.flags_in(segment.id)
        ]
        pairs.append(
            SentencePair(
                sentence_id=segment.id,
                index=index,
                paragraph=segment.paragraph,
                status=str(segment.status),
                mt=shown(segment.mt),
                correction=shown(segment.text),
                source=shown(unit.source) if unit else "",
                flags=flags,
                decisions=[
                    _decision_json(d)
                    for d in sorted(decisions[segment.id], key=lambda d: d.decided_at)
                ],
                annotations=[
                    {
                        "text": a.text,
                        "category": a.category,
                        "severity": str(a.severity),
                        "note": a.note,
                        "reviewer": a.reviewer,
                        "time": a.created_at,
                    }
                    for a in review.annotations_in(segment.id)
                ],
                seconds=effort.seconds,
                visits=effort.visits,
                edits=effort.edits,
                words_inserted=effort.words.inserted,
                words_deleted=effort.words.deleted,
                words_substituted=effort.words.substituted,
            )
        )
    return pairs


def tmx_bytes(pairs: list[SentencePair], languages: tuple[str, str] | None = None) -> bytes:
    """TMX 1.4: the MT (`en`) and the correction (`en-x-post-edit`), `tuid` = sentence id.

    A bilingual review passes its (source, target) `languages`: the memory then pairs each
    unit's source with its corrected target, which is what a translation memory is for.
    """
    source_language, target_language = languages or (MT_LANGUAGE, POST_EDIT_LANGUAGE)
    store = tmxfile(sourcelanguage=source_language, targetlanguage=target_language)
    for pair in pairs:
        unit = store.addsourceunit(  # type: ignore[no-untyped-call]
            pair.source if languages else pair.mt
        )
        unit.target = pair.correction
        unit.xmlelement.set("tuid", pair.sentence_id)  # tmxunit has no setid of its own
    return bytes(store)


def csv_bytes(pairs: list[SentencePair]) -> bytes:
    """One row per sentence (RFC 4180 quoting, CRLF rows); lists as JSON text."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for pair in pairs:
        row = pair.to_json()
        for column in ("flags", "decisions", "annotations"):
            row[column] = json.dumps(row[column], ensure_ascii=False)
        row["deleted"] = "yes" if pair.deleted else "no"
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8-sig")


def jsonl_bytes(pairs: list[SentencePair]) -> bytes:
    """One JSON object per line, UTF-8."""
    lines = [json.dumps(pair.to_json(), ensure_ascii=False) + "\n" for pair in pairs]
    return "".join(lines).encode("utf-8")


def _flag_status(review: Review, key: FlagKey) -> str:
    decision = review.decision(key)
    return "open" if decision is None else str(decision.status)


def _decision_json(decision: Decision) -> dict[str, Any]:
    return {
        "rule": decision.key.rule,
        "text": decision.key.text,
        "status": str(decision.status),
        "replacement": decision.replacement,
        "reason": decision.reason,
        "reviewer": decision.reviewer,
        "time": decision.decided_at,
        "category": decision.category,
        "severity": str(decision.severity),
    }
