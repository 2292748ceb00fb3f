"""A review in progress: the document's segments, flags, decisions and the undo history.

Every reviewer action is a command method here (accept, reject, edit, annotate, mark
reviewed, apply to all, replace all, merge, undo, redo), so the window, `reviewer fix` and
the tests share one implementation, as Anki keeps undo in its collection rather than its
GUI. A command computes primitive changes (changes.py) against the state in memory, then
commits them, with its undo entry, in one SQLite transaction; only when that commit
succeeds does it return, so nothing is shown as done that the file does not hold. If the
write fails, the memory is rolled back too and the error says why.
"""

from __future__ import annotations

import contextlib
import json
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from reviewer.core.bilingual import (
    Unit,
    codes_change_allowed,
    placeholders_in,
    units_from_json,
)
from reviewer.core.checking import merge_flags
from reviewer.core.document import Document
from reviewer.core.errors import ReviewerError
from reviewer.core.flags import Flag, Severity, is_mqm_category
from reviewer.core.problem_log import log_problem
from reviewer.core.review.changes import (
    AnnotationChange,
    Change,
    DecisionChange,
    SegmentChange,
    SegmentPresence,
    change_from_json,
)
from reviewer.core.review.flagset import ReviewFlag, attach_flags, placed
from reviewer.core.review.layout import Layout, render
from reviewer.core.review.model import (
    Annotation,
    Decision,
    DecisionStatus,
    FlagKey,
    Segment,
    SentenceStatus,
    now_iso,
)
from reviewer.core.review.store import ReviewStore, ReviewWriteError
from reviewer.core.segmentation import Span, sentence_spans
from reviewer.core.wording import count


class ReviewCommandError(ReviewerError):
    """A command cannot apply as asked (the flag is gone, a span is out of range)."""


@dataclass(frozen=True)
class ChangeSet:
    """What one command (or its undo) changed, so a view redraws just that."""

    label: str
    sentence_ids: frozenset[str] = frozenset()
    text_changed: frozenset[str] = frozenset()
    structure_changed: bool = False
    decisions: frozenset[FlagKey] = frozenset()
    annotations: frozenset[str] = frozenset()

    @classmethod
    def of(cls, label: str, changes: Iterable[Change]) -> ChangeSet:
        sentences: set[str] = set()
        texts: set[str] = set()
        decisions: set[FlagKey] = set()
        annotations: set[str] = set()
        structure = False
        for change in changes:
            if isinstance(change, SegmentChange):
                sentences.add(change.after.id)
                if (change.before.text, change.before.lead) != (
                    change.after.text,
                    change.after.lead,
                ):
                    texts.add(change.after.id)
            elif isinstance(change, SegmentPresence):
                sentences.add(change.segment.id)
                texts.add(change.segment.id)
                structure = True
            elif isinstance(change, DecisionChange):
                decisions.add(change.key)
                sentences.add(change.key.sentence_id)
            else:
                annotations.add(change.annotation_id)
                annotated = change.after or change.before
                if annotated is not None:
                    sentences.add(annotated.sentence_id)
        return cls(
            label,
            frozenset(sentences),
            frozenset(texts),
            structure,
            frozenset(decisions),
            frozenset(annotations),
        )


@dataclass
class _HistoryEntry:
    seq: int
    label: str
    changes: list[Change]


@dataclass
class _State:
    """The review in memory; implements `ReviewData` so changes apply to it like to SQL."""

    segments: list[Segment]
    decisions: dict[FlagKey, Decision] = field(default_factory=dict)
    annotations: dict[str, Annotation] = field(default_factory=dict)
    positions: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        self.positions = {segment.id: index for index, segment in enumerate(self.segments)}

    def replace_segment(self, before: Segment, after: Segment) -> None:
        self.segments[self.positions[before.id]] = after

    def insert_segment(self, position: int, segment: Segment) -> None:
        self.segments.insert(position, segment)
        self.reindex()

    def remove_segment(self, position: int, segment: Segment) -> None:
        del self.segments[position]
        self.reindex()

    def put_decision(self, key: FlagKey, decision: Decision | None) -> None:
        if decision is None:
            self.decisions.pop(key, None)
        else:
            self.decisions[key] = decision

    def put_annotation(self, annotation_id: str, annotation: Annotation | None) -> None:
        if annotation is None:
            self.annotations.pop(annotation_id, None)
        else:
            self.annotations[annotation_id] = annotation


class Review:
    """One document under review, backed by its `.review` file."""

    def __init__(self, store: ReviewStore, reviewer: str = "") -> None:
        self.store = store
        self.reviewer = reviewer
        self.language = store.get_meta("language", "en-US")
        self.text_path = store.get_meta("text_path") or None
        _, self.original_text, self.original_sha256, self.tail = store.original()
        units = store.get_meta("units")
        self.units: tuple[Unit, ...] = units_from_json(units) if units else ()
        self.source_language = store.get_meta("source_language", "")
        self.file_name = store.get_meta("file_name", "")
        self._units_by_id = {unit.id: unit for unit in self.units}
        self._state = _State(store.segments())
        self._state.decisions = {d.key: d for d in store.decisions()}
        self._state.annotations = {a.id: a for a in store.annotations()}
        self._flags: dict[str, dict[str, list[ReviewFlag]]] = self._load_flags()
        self._done: list[_HistoryEntry] = []
        self._undone: list[_HistoryEntry] = []  # redo stack: the next redo is the last item
        self._load_history()
        self._layout: Layout | None = None
        self._close_dangling_visits()

    # -- reading --------------------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def segments(self) -> list[Segment]:
        """Every segment in order, deleted ones included (a copy: change them by commands)."""
        return list(self._state.segments)

    def segment(self, segment_id: str) -> Segment:
        try:
            return self._state.segments[self._state.positions[segment_id]]
        except KeyError:
            raise ReviewCommandError(f"no sentence {segment_id} in this review") from None

    def position_of(self, segment_id: str) -> int:
        return self._state.positions[segment_id]

    @property
    def bilingual(self) -> bool:
        """A review of a bilingual file: one segment per translation unit, never split or
        merged, with the unit's inline codes protected."""
        return bool(self.units)

    def unit(self, segment_id: str) -> Unit | None:
        """The translation unit of a segment (None in a plain-text review)."""
        return self._units_by_id.get(segment_id)

    @property
    def layout(self) -> Layout:
        """The corrected document as engines check it, rebuilt only after a change."""
        if self._layout is None:
            layout = render(self._state.segments, self.tail, self.text_path, self.language)
            if self.units:
                layout = self._with_units(layout)
            self._layout = layout
        return self._layout

    def _with_units(self, layout: Layout) -> Layout:
        """Give the rendered document its units (current targets), one per live paragraph,
        so the source-aware engine checks the corrected text against its source."""
        units = tuple(
            replace(self._units_by_id[sentence.id], target=sentence.text)
            for sentence in layout.document.sentences
        )
        document = replace(layout.document, units=units, source_language=self.source_language)
        return Layout(document=document, spans=layout.spans)

    @property
    def document(self) -> Document:
        return self.layout.document

    @property
    def text(self) -> str:
        """The corrected text (newlines normalised), as exports write it."""
        return self.layout.document.text

    @property
    def decisions(self) -> list[Decision]:
        return list(self._state.decisions.values())

    def decision(self, key: FlagKey) -> Decision | None:
        return self._state.decisions.get(key)

    @property
    def annotations(self) -> list[Annotation]:
        return list(self._state.annotations.values())

    def annotations_in(self, segment_id: str) -> list[Annotation]:
        return sorted(
            (a for a in self._state.annotations.values() if a.sentence_id == segment_id),
            key=lambda a: (a.start, a.end),
        )

    def flags_in(self, segment_id: str) -> list[ReviewFlag]:
        """The sentence's flags from every engine, merged, placed in the current text."""
        candidates = self._placed_flags(segment_id)
        if len(candidates) < 2:
            return candidates
        by_identity = {_identity(rf.flag): rf for rf in candidates}
        merged = merge_flags(rf.flag for rf in candidates)
        return [replace(by_identity[_identity(flag)], flag=flag) for flag in merged]

    def merged_twins(self, segment_id: str) -> dict[FlagKey, FlagKey]:
        """Flags shown merged into another engine's flag of the same problem: each one's
        key, and the key of the flag whose card stands for both (its decision is theirs)."""
        candidates = self._placed_flags(segment_id)
        if len(candidates) < 2:
            return {}
        shown = self.flags_in(segment_id)
        identities = {_identity(rf.flag) for rf in shown}
        twins = {}
        for review_flag in candidates:
            if _identity(review_flag.flag) in identities:
                continue
            tag = f"{review_flag.flag.engine}:{review_flag.flag.rule}"
            host = next(
                (
                    rf
                    for rf in shown
                    if rf.flag.overlaps(review_flag.flag)
                    and tag in rf.flag.extra.get("also_reported_by", "").split(",")
                ),
                None,
            )
            if host is not None:
                twins[review_flag.key] = host.key
        return twins

    def _placed_flags(self, segment_id: str) -> list[ReviewFlag]:
        """Every engine's flags of the sentence placed in its current text, unmerged."""
        segment = self.segment(segment_id)
        start, _ = self.layout.span_of(segment_id)
        lead = self._rendered_lead(segment, start)
        candidates: list[ReviewFlag] = []
        for by_sentence in self._flags.values():
            for review_flag in by_sentence.get(segment_id, ()):
                here = placed(review_flag, lead, segment.text, start)
                if here is not None:
                    candidates.append(here)
        return candidates

    def _rendered_lead(self, segment: Segment, start: int) -> str:
        """What stands before the sentence in the rendered text. Not always its own `lead`:
        once the sentences before it in its paragraph are deleted, the paragraph's line
        break (or, at the top, the file's opening whitespace) stands there instead."""
        if segment.deleted:
            return segment.lead
        document = self.layout.document
        sentence = document.sentence_at(start)
        index = sentence.index if sentence is not None else 0
        previous_end = document.sentences[index - 1].end if index > 0 else 0
        return document.text[previous_end:start]

    def open_flags_in(self, segment_id: str) -> list[ReviewFlag]:
        """The sentence's flags that have no decision yet."""
        return [rf for rf in self.flags_in(segment_id) if rf.key not in self._state.decisions]

    def open_severities(self, segment_id: str) -> list[Severity]:
        """The severities of `open_flags_in(segment_id)`, for counting: when one engine
        flagged the sentence as it reads now (the usual case right after a check), its
        flags are already placed and merging changes nothing, so they are counted as they
        are; placing every flag of a 100,000-sentence check cost the window a second."""
        segment = self.segment(segment_id)
        lists = [by[segment_id] for by in self._flags.values() if by.get(segment_id)]
        if not lists:
            return []
        if len(lists) == 1 and all(
            rf.sentence_text == segment.text and rf.start >= 0 for rf in lists[0]
        ):
            decided = self._state.decisions
            return [rf.flag.severity for rf in lists[0] if rf.key not in decided]
        return [rf.flag.severity for rf in self.open_flags_in(segment_id)]

    # -- checking -------------------------------------------------------------------------

    def record_flags(self, engine: str, document: Document, flags: Iterable[Flag]) -> set[str]:
        """Take one engine's flags for `document` (a layout of this review); return the
        ids of sentences whose flags changed.

        Sentences edited since `document` was rendered keep their previous flags (the check
        is stale for them); deleted sentences lose theirs. An open flag that an edit made
        disappear is recorded as "resolved by edit"; such a record is withdrawn if the flag
        comes back (the edit was undone). These records follow from the edit, so they are
        not undo steps.
        """
        fresh = attach_flags(document, flags)
        current = self._flags.setdefault(engine, {})
        changed: set[str] = set()
        derived: list[DecisionChange] = []
        for sentence in document.sentences:
            new = fresh.get(sentence.id, [])
            old = current.get(sentence.id, [])
            if not new and not old:
                continue  # most sentences of a long text: nothing was, nothing is
            position = self._state.positions.get(sentence.id)
            if position is None or self._state.segments[position].text != sentence.text:
                continue
            derived += self._resolutions(old, new, sentence.text)
            if _signature(old) != _signature(new):
                changed.add(sentence.id)
        checked = {sentence.id for sentence in document.sentences}
        for sentence_id, old in current.items():
            position = self._state.positions.get(sentence_id)
            gone = position is None or not self._state.segments[position].text
            if old and sentence_id not in checked and gone:
                derived += self._resolutions(old, [], "")
                changed.add(sentence_id)
        if changed or derived:
            saved = self._save_flags(engine, changed, fresh, derived)
            for sentence_id in changed:
                current[sentence_id] = fresh.get(sentence_id, [])
            for change in derived if saved else ():
                change.apply(self._state)
                changed.add(change.key.sentence_id)
        return changed

    def _save_flags(
        self,
        engine: str,
        changed: set[str],
        fresh: dict[str, list[ReviewFlag]],
        derived: list[DecisionChange],
    ) -> bool:
        """Store a check's flags and the decisions they imply; False when the review cannot
        be written (open read-only, or a failed write). Flags are derived from the text, so
        the reviewer still sees them; the implied decisions wait for a writable review."""
        if self.store.read_only:
            return False
        try:
            with self.store.transaction():
                for sentence_id in changed:
                    self._write_flags(engine, sentence_id, fresh.get(sentence_id, []))
                for change in derived:
                    change.apply(self.store)
        except ReviewWriteError as exc:
            log_problem(f"{self.path}: the check's flags were not saved ({exc})")
            return False
        return True

    def _resolutions(
        self, old: list[ReviewFlag], new: list[ReviewFlag], text: str
    ) -> list[DecisionChange]:
        new_keys = {rf.key for rf in new}
        changes = []
        for rf in old:
            decision = self._state.decisions.get(rf.key)
            if decision is None and rf.key not in new_keys and rf.sentence_text != text:
                resolved = self._decision_for(rf, DecisionStatus.RESOLVED)
                changes.append(DecisionChange(rf.key, None, resolved))
        for rf in new:
            decision = self._state.decisions.get(rf.key)
            if decision is not None and decision.status is DecisionStatus.RESOLVED:
                changes.append(DecisionChange(rf.key, decision, None))
        return changes

    def _write_flags(self, engine: str, sentence_id: str, flags: list[ReviewFlag]) -> None:
        self.store.db.execute(
            "DELETE FROM flags WHERE engine = ? AND sentence_id = ?", (engine, sentence_id)
        )
        raised = now_iso()
        self.store.db.executemany(
            "INSERT INTO flags (engine, sentence_id, rule, flag_text, occurrence, start_offset,"
            " end_offset, sentence_text, category, severity, message, suggestions, confidence,"
            " extra, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    engine,
                    sentence_id,
                    rf.key.rule,
                    rf.key.text,
                    rf.key.occurrence,
                    rf.start,
                    rf.end,
                    rf.sentence_text,
                    rf.flag.category,
                    str(rf.flag.severity),
                    rf.flag.message,
                    json.dumps(list(rf.flag.suggestions)),
                    rf.flag.confidence,
                    json.dumps(rf.flag.extra),
                    raised,
                )
                for rf in flags
            ],
        )

    def _load_flags(self) -> dict[str, dict[str, list[ReviewFlag]]]:
        loaded: dict[str, dict[str, list[ReviewFlag]]] = {}
        rows = self.store.query(
            "SELECT engine, sentence_id, rule, flag_text, occurrence, start_offset, end_offset,"
            " sentence_text, category, severity, message, suggestions, confidence, extra"
            " FROM flags ORDER BY rowid"
        )
        for row in rows:
            engine, sentence_id, rule, text, occurrence, start, end, sentence_text = row[:8]
            flag = Flag(
                start=max(0, start),
                end=max(0, start) + len(text),
                text=text,
                rule=rule,
                engine=engine,
                category=row[8],
                severity=Severity(row[9]),
                message=row[10],
                suggestions=tuple(json.loads(row[11])),
                confidence=row[12],
                extra=json.loads(row[13]),
            )
            key = FlagKey(sentence_id, rule, text, occurrence)
            loaded.setdefault(engine, {}).setdefault(sentence_id, []).append(
                ReviewFlag(key, start, end, sentence_text, flag)
            )
        return loaded

    # -- commands -------------------------------------------------------------------------

    def accept(self, review_flag: ReviewFlag, suggestion: int = 0) -> ChangeSet:
        """Replace the flagged span by suggestion number `suggestion` (0-based)."""
        suggestions = review_flag.flag.suggestions
        if not 0 <= suggestion < len(suggestions):
            raise ReviewCommandError(
                f"{review_flag.rule} has {count(len(suggestions), 'suggestion')},"
                f" not {suggestion + 1}"
            )
        return self._run(
            f"Accept “{_short(suggestions[suggestion]) or 'delete'}”",
            lambda: self._accept_changes(review_flag, suggestion, suggestions[suggestion]),
        )

    def accept_replacement(self, review_flag: ReviewFlag, replacement: str) -> ChangeSet:
        """Fix the flagged span with the reviewer's own words instead of a suggestion."""
        return self._run(
            f"Fix “{_short(review_flag.text)}”",
            lambda: self._accept_changes(review_flag, None, replacement),
        )

    def reject(self, review_flag: ReviewFlag, reason: str = "") -> ChangeSet:
        """Record that the flag is wrong here; the text stays as it is."""
        decision = self._decision_for(review_flag, DecisionStatus.REJECTED, reason=reason.strip())
        return self._run(
            f"Reject {review_flag.rule}",
            lambda: iter([self._decide(review_flag.key, decision)]),
        )

    def reopen_flag(self, review_flag: ReviewFlag) -> ChangeSet:
        """Withdraw the decision on a flag (it becomes open again)."""
        return self._run(
            f"Reopen {review_flag.rule}", lambda: iter([self._decide(review_flag.key, None)])
        )

    def apply_to_all(self, review_flag: ReviewFlag, suggestion: int = 0) -> ChangeSet:
        """Accept the same fix on every open flag of this rule and text, in one undo step."""
        replacement = review_flag.flag.suggestions[suggestion]
        twins = self.identical_open_flags(review_flag, suggestion)

        def changes() -> Iterator[Change]:
            for twin in twins:
                index = twin.flag.suggestions.index(replacement)
                current = self._relocated(twin)
                if current is not None:
                    yield from self._accept_changes(current, index, replacement)

        return self._run(f"Apply “{_short(replacement) or 'delete'}” to {len(twins)}", changes)

    def identical_open_flags(
        self, review_flag: ReviewFlag, suggestion: int = 0
    ) -> list[ReviewFlag]:
        """Open flags anywhere with this rule, this text and this suggestion among theirs.

        Ordered so that applying them one by one never moves a flag not yet applied: by
        sentence, then right to left inside a sentence.
        """
        replacement = review_flag.flag.suggestions[suggestion]
        rule, text = review_flag.rule, review_flag.text
        holders = {  # only sentences that hold such a flag at all: a cheap pre-filter
            sentence_id
            for by_sentence in self._flags.values()
            for sentence_id, flags in by_sentence.items()
            if sentence_id in self._state.positions
            and any(rf.key.rule == rule and rf.key.text == text for rf in flags)
        }
        found: list[ReviewFlag] = []
        for sentence_id in sorted(holders, key=self._state.positions.__getitem__):
            same = [
                rf
                for rf in self.open_flags_in(sentence_id)
                if rf.rule == rule and rf.text == text and replacement in rf.flag.suggestions
            ]
            found += sorted(same, key=lambda rf: -rf.start)
        return found

    def edit_sentence(self, segment_id: str, text: str) -> ChangeSet | None:
        """Replace a sentence's text by the reviewer's edit (None when nothing changed).

        A newline cannot be typed into a sentence (paragraphs are the file's lines). If the
        edit holds several sentences now, the sentence splits; the pieces record their origin.
        """
        segment = self.segment(segment_id)
        if _clean(text) == segment.text:
            return None
        return self._run("Edit sentence", lambda: self._text_changes(segment, segment.lead, text))

    def mark_reviewed(self, segment_id: str, reviewed: bool = True) -> ChangeSet | None:
        """Mark a sentence done (or not); None when it already was."""
        segment = self.segment(segment_id)
        if reviewed:
            status = SentenceStatus.REVIEWED
        else:
            status = SentenceStatus.EDITED if segment.text != segment.mt else SentenceStatus.OPEN
        if status is segment.status:
            return None
        label = "Mark reviewed" if reviewed else "Mark not reviewed"
        return self._run(
            label, lambda: iter([SegmentChange(segment, replace(segment, status=status))])
        )

    def annotate(
        self,
        segment_id: str,
        start: int,
        end: int,
        *,
        category: str,
        severity: Severity,
        note: str = "",
    ) -> ChangeSet:
        """Mark an error no checker found on a span of the sentence."""
        segment = self.segment(segment_id)
        if not 0 <= start < end <= len(segment.text):
            raise ReviewCommandError("select some text of the sentence to mark an error")
        if not is_mqm_category(category):
            raise ReviewCommandError(f"unknown MQM category {category!r}")
        annotation = Annotation(
            id=uuid.uuid4().hex,
            sentence_id=segment_id,
            start=start,
            end=end,
            text=segment.text[start:end],
            category=category,
            severity=Severity(severity),
            note=note.strip(),
            reviewer=self.reviewer,
            created_at=now_iso(),
        )
        return self._run(
            f"Mark {category} error",
            lambda: iter([AnnotationChange(annotation.id, None, annotation)]),
        )

    def remove_annotation(self, annotation_id: str) -> ChangeSet:
        annotation = self._state.annotations.get(annotation_id)
        if annotation is None:
            raise ReviewCommandError("that error mark no longer exists")
        return self._run(
            "Remove error mark", lambda: iter([AnnotationChange(annotation_id, annotation, None)])
        )

    def find(
        self, needle: str, *, match_case: bool = False, whole_words: bool = False
    ) -> list[tuple[str, int, int]]:
        """Every match in the corrected text as (sentence id, start, end) within the sentence."""
        pattern = _search_pattern(needle, match_case, whole_words)
        if pattern is None:
            return []
        return [
            (segment.id, match.start(), match.end())
            for segment in self._state.segments
            for match in pattern.finditer(segment.text)
        ]

    def replace_all(
        self, needle: str, replacement: str, *, match_case: bool = False, whole_words: bool = False
    ) -> ChangeSet | None:
        """Replace every match in every sentence, as one undoable command."""
        pattern = _search_pattern(needle, match_case, whole_words)
        if pattern is None:
            return None

        def substituted(text: str) -> str:
            return pattern.sub(lambda _: replacement, text)

        # A sentence whose matches already read as the replacement is not touched (nor
        # marked edited), and such matches are not counted.
        targets = [s for s in self._state.segments if s.text and substituted(s.text) != s.text]
        if not targets:
            return None

        def changes() -> Iterator[Change]:
            for target in targets:
                segment = self.segment(target.id)
                yield from self._text_changes(segment, segment.lead, substituted(segment.text))

        count = sum(
            1 for s in targets for match in pattern.finditer(s.text) if match[0] != replacement
        )
        return self._run(f"Replace {count} × “{_short(needle)}”", changes)

    def merge_with_next(self, segment_id: str) -> ChangeSet:
        """Join a sentence and the next one of its paragraph (segmentation was wrong)."""
        segment = self.segment(segment_id)
        if self.bilingual:
            raise ReviewCommandError("translation units cannot be merged; each is its own row")
        position = self.position_of(segment_id)
        following = self._state.segments[position + 1 : position + 2]
        if not following or following[0].paragraph != segment.paragraph:
            raise ReviewCommandError("this is the last sentence of its paragraph")
        other = following[0]
        merged = replace(
            segment,
            text=_joined(segment.text, other.lead, other.text),
            mt=_joined(segment.mt, other.lead, other.mt),
            status=SentenceStatus.EDITED,
            origin=(*segment.origin, other.id) if segment.origin else (segment.id, other.id),
        )
        changes: list[Change] = [
            SegmentChange(segment, merged),
            SegmentPresence(position + 1, other, False),
        ]
        return self._run("Merge sentences", lambda: changes)

    # -- undo and redo --------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_label(self) -> str:
        return self._done[-1].label if self._done else ""

    @property
    def redo_label(self) -> str:
        return self._undone[-1].label if self._undone else ""

    def undo(self) -> ChangeSet | None:
        """Take back the last command (any number of times, across sentences, in order)."""
        if not self._done:
            return None
        entry = self._done[-1]
        inverses = [change.inverse() for change in reversed(entry.changes)]
        self._replay(inverses, "undo", "UPDATE history SET undone = 1 WHERE seq = ?", entry.seq)
        self._undone.append(self._done.pop())
        return ChangeSet.of(f"Undo {entry.label}", inverses)

    def redo(self) -> ChangeSet | None:
        """Do again the last command that was undone."""
        if not self._undone:
            return None
        entry = self._undone[-1]
        self._replay(
            entry.changes, "redo", "UPDATE history SET undone = 0 WHERE seq = ?", entry.seq
        )
        self._done.append(self._undone.pop())
        return ChangeSet.of(f"Redo {entry.label}", entry.changes)

    def _replay(self, changes: list[Change], cause: str, sql: str, seq: int) -> None:
        self.store.edit_cause = cause
        try:
            with self.store.transaction():
                for change in changes:
                    change.apply(self.store)
                self.store.db.execute(sql, (seq,))
        finally:
            self.store.edit_cause = "edit"
        for change in changes:
            change.apply(self._state)
        self._layout = None

    def _load_history(self) -> None:
        rows = self.store.query("SELECT seq, label, changes, undone FROM history ORDER BY seq")
        for seq, label, changes, undone in rows:
            entry = _HistoryEntry(seq, label, [change_from_json(c) for c in json.loads(changes)])
            (self._undone if undone else self._done).append(entry)
        self._undone.reverse()

    # -- time spent -----------------------------------------------------------------------

    @property
    def current_sentence(self) -> str | None:
        """The sentence the reviewer was on when the review was last left."""
        value = self.store.get_meta("current_sentence")
        return value if value in self._state.positions else None

    def enter(self, segment_id: str) -> None:
        """Record that the reviewer moved to a sentence (for effort figures and reopening)."""
        now = now_iso()
        with self.store.transaction():
            self.store.db.execute("UPDATE visits SET left_at = ? WHERE left_at IS NULL", (now,))
            self.store.db.execute(
                "INSERT INTO visits (sentence_id, entered_at) VALUES (?, ?)", (segment_id, now)
            )
            self.store.set_meta("current_sentence", segment_id)

    def leave(self) -> None:
        """Close the open visit (the window lost the review or is closing)."""
        with self.store.transaction():
            self.store.db.execute(
                "UPDATE visits SET left_at = ? WHERE left_at IS NULL", (now_iso(),)
            )

    def visits(self) -> list[tuple[str, str, str | None]]:
        return [
            (str(row[0]), str(row[1]), None if row[2] is None else str(row[2]))
            for row in self.store.query(
                "SELECT sentence_id, entered_at, left_at FROM visits ORDER BY seq"
            )
        ]

    def _close_dangling_visits(self) -> None:
        """A visit left open by a crash ends at the last thing the reviewer did in it."""
        rows = self.store.query("SELECT seq, entered_at FROM visits WHERE left_at IS NULL")
        if not rows:
            return
        try:
            with self.store.transaction():
                for seq, entered in rows:
                    last = self.store.query(
                        "SELECT max(at) FROM (SELECT at FROM edits WHERE at >= ?"
                        " UNION ALL SELECT decided_at AS at FROM decisions WHERE decided_at >= ?)",
                        (entered, entered),
                    )[0][0]
                    self.store.db.execute(
                        "UPDATE visits SET left_at = ? WHERE seq = ?", (last or entered, seq)
                    )
        except ReviewWriteError:
            pass  # a read-only file: the figures use what is there

    def close(self) -> None:
        with contextlib.suppress(ReviewWriteError):
            self.leave()
        self.store.close()

    # -- machinery --------------------------------------------------------------------------

    def _run(self, label: str, build: Callable[[], Iterable[Change]]) -> ChangeSet:
        """Apply the changes `build` yields (each sees the ones before), then commit them
        and their undo entry in one transaction; on failure, memory is restored too."""
        applied: list[Change] = []
        try:
            for change in build():
                change.apply(self._state)
                applied.append(change)
        except BaseException:
            self._revert(applied)
            raise
        finally:
            self._layout = None
        if not applied:
            return ChangeSet(label)
        try:
            with self.store.transaction():
                for change in applied:
                    change.apply(self.store)
                self.store.db.execute("DELETE FROM history WHERE undone = 1")
                cursor = self.store.db.execute(
                    "INSERT INTO history (label, changes, at) VALUES (?, ?, ?)",
                    (label, json.dumps([c.to_json() for c in applied]), now_iso()),
                )
        except BaseException:
            self._revert(applied)
            raise
        self._undone.clear()
        self._done.append(_HistoryEntry(int(cursor.lastrowid or 0), label, applied))
        return ChangeSet.of(label, applied)

    def _revert(self, applied: list[Change]) -> None:
        for change in reversed(applied):
            change.inverse().apply(self._state)
        self._layout = None

    def _decide(self, key: FlagKey, decision: Decision | None) -> DecisionChange:
        return DecisionChange(key, self._state.decisions.get(key), decision)

    def _decision_for(
        self,
        review_flag: ReviewFlag,
        status: DecisionStatus,
        *,
        suggestion: int | None = None,
        replacement: str | None = None,
        reason: str = "",
    ) -> Decision:
        flag = review_flag.flag
        return Decision(
            key=review_flag.key,
            status=status,
            offset=review_flag.start,
            engine=flag.engine,
            category=flag.category,
            severity=flag.severity,
            message=flag.message,
            suggestion=suggestion,
            replacement=replacement,
            reason=reason,
            reviewer=self.reviewer,
            decided_at=now_iso(),
        )

    def _relocated(self, review_flag: ReviewFlag) -> ReviewFlag | None:
        """The flag placed in its sentence as it reads now (earlier changes may have moved it)."""
        if review_flag.key.sentence_id not in self._state.positions:
            return None
        segment = self.segment(review_flag.key.sentence_id)
        return placed(review_flag, segment.lead, segment.text, None)

    def _accept_changes(
        self, review_flag: ReviewFlag, suggestion: int | None, replacement: str
    ) -> Iterator[Change]:
        current = self._relocated(review_flag)
        if current is None:
            raise ReviewCommandError(
                f"“{_short(review_flag.text)}” is no longer in the sentence; check it again"
            )
        segment = self.segment(current.key.sentence_id)
        yield self._decide(
            current.key,
            self._decision_for(
                current, DecisionStatus.ACCEPTED, suggestion=suggestion, replacement=replacement
            ),
        )
        start, end = current.start, min(current.end, len(segment.text))
        if start >= 0 or self._opens_paragraph(segment):
            start = max(start, 0)
            text = segment.text[:start] + replacement + segment.text[end:]
            yield from self._text_changes(segment, segment.lead, text)
            return
        combined = segment.lead + segment.text
        cut_start, cut_end = len(segment.lead) + start, len(segment.lead) + end
        joined = combined[:cut_start] + replacement + combined[cut_end:]
        text = joined.lstrip()
        yield from self._text_changes(segment, joined[: len(joined) - len(text)], text)

    def _opens_paragraph(self, segment: Segment) -> bool:
        position = self.position_of(segment.id)
        return position == 0 or self._state.segments[position - 1].paragraph != segment.paragraph

    def _text_changes(self, segment: Segment, lead: str, text: str) -> Iterator[Change]:
        """Changes that give `segment` this lead and text, splitting it if it now holds
        several sentences."""
        text = _clean(text)
        if self.bilingual:
            _check_codes_kept(segment, text, self.unit(segment.id))
        status = (
            SentenceStatus.REVIEWED
            if segment.status is SentenceStatus.REVIEWED
            else (SentenceStatus.EDITED)
        )
        pieces = [("", text)] if self.bilingual and text else _split_sentences(text, self.language)
        first_text = pieces[0][1] if pieces else ""
        yield SegmentChange(segment, replace(segment, lead=lead, text=first_text, status=status))
        position = self.position_of(segment.id)
        for offset, (gap, piece) in enumerate(pieces[1:], start=1):
            new = Segment(
                id=self._new_id(segment.id),
                paragraph=segment.paragraph,
                lead=gap,
                text=piece,
                mt="",
                status=SentenceStatus.EDITED,
                origin=(segment.id,),
            )
            yield SegmentPresence(position + offset, new, True)

    def _new_id(self, parent: str) -> str:
        """A never-reused id for a piece split off `parent`: a number freed by an undo
        would let flags and decisions of the old piece attach to an unrelated new one."""
        while True:
            candidate = f"{parent}.{uuid.uuid4().hex[:8]}"
            if candidate not in self._state.positions:
                return candidate


def _check_codes_kept(segment: Segment, text: str, unit: Unit | None) -> None:
    """Refuse an edit that drops, adds or reorders a unit's inline codes: they are the
    file's markup (tags, placeholders) and the writer must find each one again. Codes the
    MT dropped may be put back from the source (`codes_change_allowed`)."""
    if codes_change_allowed(segment.text, text, unit):
        return
    before, after = placeholders_in(segment.text), placeholders_in(text)
    what = (
        "removes"
        if len(after) < len(before)
        else "adds"
        if len(after) > len(before)
        else ("reorders")
    )
    raise ReviewCommandError(
        f"this change {what} an inline code (tag or placeholder) of the unit; "
        "codes are kept as they are (only codes the source has may be put back, in its "
        "order): edit the words around them"
    )


def _split_sentences(text: str, language: str) -> list[tuple[str, str]]:
    """(space before, sentence) pieces of an edited sentence; one piece in the usual case."""
    if not text:
        return []
    if not _INNER_SENTENCE_END.search(text):
        return [("", text)]  # the usual edit: no sentence end inside, so no need for pysbd
    segmenter_language = language.split("-", maxsplit=1)[0].lower() or "en"
    spans = sentence_spans(text, Span(0, len(text)), segmenter_language)
    if len(spans) <= 1:
        return [("", text)]
    pieces = []
    cursor = 0
    for span in spans:
        pieces.append((text[cursor : span.start], text[span.start : span.end]))
        cursor = span.end
    first_gap, first = pieces[0]
    pieces[0] = ("", first_gap + first)
    return pieces


def _joined(first: str, gap: str, second: str) -> str:
    """Two sentences as one; the gap only stands between two that both have text (a
    deleted sentence merged with the next must not leave a space at the start)."""
    return first + gap + second if first and second else first or second


# A sentence end followed by more text: only then can an edit hold two sentences.
_INNER_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*\s+\S")


def _clean(text: str) -> str:
    """A sentence holds no line breaks and no space at either end."""
    return re.sub(r"\s*\n\s*", " ", text).strip()


def _search_pattern(needle: str, match_case: bool, whole_words: bool) -> re.Pattern[str] | None:
    if not needle:
        return None
    body = re.escape(needle)
    if whole_words:
        body = rf"(?<!\w){body}(?!\w)"
    return re.compile(body, 0 if match_case else re.IGNORECASE)


def _identity(flag: Flag) -> tuple[int, int, str, str]:
    return (flag.start, flag.end, flag.engine, flag.rule)


def _signature(flags: list[ReviewFlag]) -> list[tuple[object, ...]]:
    return [
        (rf.key, rf.start, rf.end, rf.flag.message, rf.flag.suggestions, rf.flag.severity)
        for rf in flags
    ]


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
