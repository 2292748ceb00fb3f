"""The primitive changes every review command is made of, each with its exact inverse.

A command (accept a flag, edit a sentence, replace all ...) is a list of these. Doing it
applies them in order; undoing applies their inverses in reverse order. They are plain
values that serialise to JSON, so the undo history is kept in the `.review` file too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from reviewer.core.review.model import (
    Annotation,
    Decision,
    FlagKey,
    Segment,
    SentenceStatus,
)


class ReviewData(Protocol):
    """Where changes land: the in-memory state and the SQLite store both implement it."""

    def replace_segment(self, before: Segment, after: Segment) -> None: ...

    def insert_segment(self, position: int, segment: Segment) -> None: ...

    def remove_segment(self, position: int, segment: Segment) -> None: ...

    def put_decision(self, key: FlagKey, decision: Decision | None) -> None: ...

    def put_annotation(self, annotation_id: str, annotation: Annotation | None) -> None: ...


@dataclass(frozen=True, slots=True)
class SegmentChange:
    """One segment's text, lead or status changes; its id and position stay."""

    before: Segment
    after: Segment

    def inverse(self) -> SegmentChange:
        return SegmentChange(self.after, self.before)

    def apply(self, data: ReviewData) -> None:
        data.replace_segment(self.before, self.after)

    def to_json(self) -> dict[str, object]:
        return {
            "op": "segment",
            "before": segment_json(self.before),
            "after": segment_json(self.after),
        }


@dataclass(frozen=True, slots=True)
class SegmentPresence:
    """A segment appears at a position (split) or disappears from it (merge)."""

    position: int
    segment: Segment
    present: bool

    def inverse(self) -> SegmentPresence:
        return SegmentPresence(self.position, self.segment, not self.present)

    def apply(self, data: ReviewData) -> None:
        if self.present:
            data.insert_segment(self.position, self.segment)
        else:
            data.remove_segment(self.position, self.segment)

    def to_json(self) -> dict[str, object]:
        return {
            "op": "presence",
            "position": self.position,
            "segment": segment_json(self.segment),
            "present": self.present,
        }


@dataclass(frozen=True, slots=True)
class DecisionChange:
    """A flag's decision is made, changed or withdrawn (None = open)."""

    key: FlagKey
    before: Decision | None
    after: Decision | None

    def inverse(self) -> DecisionChange:
        return DecisionChange(self.key, self.after, self.before)

    def apply(self, data: ReviewData) -> None:
        data.put_decision(self.key, self.after)

    def to_json(self) -> dict[str, object]:
        return {
            "op": "decision",
            "key": self.key.to_json(),
            "before": None if self.before is None else self.before.to_json(),
            "after": None if self.after is None else self.after.to_json(),
        }


@dataclass(frozen=True, slots=True)
class AnnotationChange:
    """A hand-marked error is added (before None), changed, or removed (after None)."""

    annotation_id: str
    before: Annotation | None
    after: Annotation | None

    def inverse(self) -> AnnotationChange:
        return AnnotationChange(self.annotation_id, self.after, self.before)

    def apply(self, data: ReviewData) -> None:
        data.put_annotation(self.annotation_id, self.after)

    def to_json(self) -> dict[str, object]:
        return {
            "op": "annotation",
            "id": self.annotation_id,
            "before": None if self.before is None else self.before.to_json(),
            "after": None if self.after is None else self.after.to_json(),
        }


Change = SegmentChange | SegmentPresence | DecisionChange | AnnotationChange


def segment_json(segment: Segment) -> dict[str, object]:
    return {
        "id": segment.id,
        "paragraph": segment.paragraph,
        "lead": segment.lead,
        "text": segment.text,
        "mt": segment.mt,
        "status": str(segment.status),
        "origin": list(segment.origin),
    }


def segment_from_json(data: dict[str, object]) -> Segment:
    origin = data.get("origin") or []
    assert isinstance(origin, list)
    return Segment(
        id=str(data["id"]),
        paragraph=int(str(data["paragraph"])),
        lead=str(data["lead"]),
        text=str(data["text"]),
        mt=str(data["mt"]),
        status=SentenceStatus(str(data["status"])),
        origin=tuple(str(item) for item in origin),
    )


def change_from_json(data: dict[str, object]) -> Change:
    """Rebuild a change from the history table."""

    def mapping(value: object) -> dict[str, object]:
        assert isinstance(value, dict)
        return value

    def optional(value: object) -> dict[str, object] | None:
        return None if value is None else mapping(value)

    op = data["op"]
    if op == "segment":
        return SegmentChange(
            segment_from_json(mapping(data["before"])), segment_from_json(mapping(data["after"]))
        )
    if op == "presence":
        return SegmentPresence(
            int(str(data["position"])),
            segment_from_json(mapping(data["segment"])),
            bool(data["present"]),
        )
    if op == "decision":
        before, after = optional(data["before"]), optional(data["after"])
        return DecisionChange(
            FlagKey.from_json(mapping(data["key"])),
            None if before is None else Decision.from_json(before),
            None if after is None else Decision.from_json(after),
        )
    if op == "annotation":
        before, after = optional(data["before"]), optional(data["after"])
        return AnnotationChange(
            str(data["id"]),
            None if before is None else Annotation.from_json(before),
            None if after is None else Annotation.from_json(after),
        )
    raise ValueError(f"unknown change {op!r} in the review history")
