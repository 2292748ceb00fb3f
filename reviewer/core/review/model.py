"""The records a review is made of: segments, decisions, annotations.

They are plain frozen values. The `Review` (session.py) holds the current set in memory and
the `.review` SQLite file holds the same set on disk; both change only through the
primitive changes in `changes.py`, so what the window shows and what the file holds can
never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from reviewer.core.flags import Severity


class SentenceStatus(StrEnum):
    """Where the reviewer is with a sentence."""

    OPEN = "open"
    EDITED = "edited"
    REVIEWED = "reviewed"


class DecisionStatus(StrEnum):
    """What became of a flag. A flag without a decision is open."""

    ACCEPTED = "accepted"  # a suggestion (`suggestion` is its index) or a hand replacement
    REJECTED = "rejected"  # the flag was wrong here; `reason` may say why
    RESOLVED = "resolved_by_edit"  # the reviewer's own edit made the flag go away


@dataclass(frozen=True, slots=True)
class Segment:
    """One sentence of the document as the review keeps it.

    `id` is permanent: given when the document is first opened, kept through edits, never
    derived from text again. `lead` is what stands between the previous segment and this
    one (a space, or a newline when the segment opens a paragraph; for the first segment,
    whatever precedes it in the file). An empty `text` means the sentence was deleted.
    `mt` is the machine translation as first opened; a piece split off by an edit has none,
    and `origin` names the segments it came from.
    """

    id: str
    paragraph: int
    lead: str
    text: str
    mt: str
    status: SentenceStatus = SentenceStatus.OPEN
    origin: tuple[str, ...] = ()

    @property
    def deleted(self) -> bool:
        return not self.text


@dataclass(frozen=True, slots=True)
class FlagKey:
    """What a decision is attached to, so it finds its flag again after any re-check.

    Not the flag's offset (an edit elsewhere in the sentence moves it) nor the engine's
    message (an upgrade rewords it): the sentence, the rule, the flagged text and which
    occurrence of that text, among the rule's flags in the sentence, it is.
    """

    sentence_id: str
    rule: str
    text: str
    occurrence: int = 1

    def to_json(self) -> dict[str, object]:
        return {
            "sentence_id": self.sentence_id,
            "rule": self.rule,
            "text": self.text,
            "occurrence": self.occurrence,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> FlagKey:
        return cls(
            str(data["sentence_id"]),
            str(data["rule"]),
            str(data["text"]),
            int(str(data["occurrence"])),
        )


@dataclass(frozen=True, slots=True)
class Decision:
    """A reviewer's verdict on one flag, with what the scorecard needs to count it."""

    key: FlagKey
    status: DecisionStatus
    offset: int  # the flag's start within the sentence when decided
    engine: str
    category: str
    severity: Severity
    message: str
    suggestion: int | None = None  # index of the accepted suggestion
    replacement: str | None = None  # the text that replaced the span, when accepted
    reason: str = ""
    reviewer: str = ""
    decided_at: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "key": self.key.to_json(),
            "status": str(self.status),
            "offset": self.offset,
            "engine": self.engine,
            "category": self.category,
            "severity": str(self.severity),
            "message": self.message,
            "suggestion": self.suggestion,
            "replacement": self.replacement,
            "reason": self.reason,
            "reviewer": self.reviewer,
            "decided_at": self.decided_at,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Decision:
        key = data["key"]
        assert isinstance(key, dict)
        suggestion = data.get("suggestion")
        replacement = data.get("replacement")
        return cls(
            key=FlagKey.from_json(key),
            status=DecisionStatus(str(data["status"])),
            offset=int(str(data["offset"])),
            engine=str(data["engine"]),
            category=str(data["category"]),
            severity=Severity(str(data["severity"])),
            message=str(data["message"]),
            suggestion=None if suggestion is None else int(str(suggestion)),
            replacement=None if replacement is None else str(replacement),
            reason=str(data.get("reason", "")),
            reviewer=str(data.get("reviewer", "")),
            decided_at=str(data.get("decided_at", "")),
        )


@dataclass(frozen=True, slots=True)
class Annotation:
    """An error the reviewer marked by hand: a span of a sentence no checker flagged.

    `start`/`end` index the sentence's text as it was when the error was marked; `text` is
    the marked span itself, kept because later edits may change the sentence.
    """

    id: str
    sentence_id: str
    start: int
    end: int
    text: str
    category: str
    severity: Severity
    note: str = ""
    reviewer: str = ""
    created_at: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "sentence_id": self.sentence_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "category": self.category,
            "severity": str(self.severity),
            "note": self.note,
            "reviewer": self.reviewer,
            "created_at": self.created_at,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Annotation:
        return cls(
            id=str(data["id"]),
            sentence_id=str(data["sentence_id"]),
            start=int(str(data["start"])),
            end=int(str(data["end"])),
            text=str(data["text"]),
            category=str(data["category"]),
            severity=Severity(str(data["severity"])),
            note=str(data.get("note", "")),
            reviewer=str(data.get("reviewer", "")),
            created_at=str(data.get("created_at", "")),
        )


def now_iso() -> str:
    """A UTC timestamp with milliseconds: sortable as text, exact enough for effort figures."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")
