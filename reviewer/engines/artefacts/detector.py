"""The unit of the artefacts engine: one detector, one job, one rule id.

Detectors are a catalogue, as in translate-toolkit's pofilter: each is a small class with a
rule id, an MQM category, a default severity and a confidence, and a docstring whose first
line is the title shown to reviewers. Linguistic data (word lists, patterns) is loaded from
`resources/artefacts/` so that a linguist can extend it without touching Python.

A detector sees the whole `Document` (for cross-document checks such as inconsistency) but
most work sentence by sentence or paragraph by paragraph; `SentenceDetector` and
`ParagraphDetector` make those the easy cases.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar, Protocol

from reviewer.core.document import Document, Paragraph, Sentence
from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Flag, Severity

ENGINE_NAME = "artefacts"


class Rule(Protocol):
    """What a detector or a source-aware check says of its findings by default."""

    @property
    def rule_id(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def confidence(self) -> float: ...


@dataclass(frozen=True, slots=True)
class Finding:
    """What a detector found, relative to the text it was given; turned into a `Flag`."""

    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()
    confidence: float | None = None
    severity: Severity | None = None
    category: str | None = None

    def to_flag(
        self,
        document: Document,
        offset: int,
        rule: Rule,
        engine: str,
        extra: dict[str, str] | None = None,
    ) -> Flag:
        """The `Flag` of this finding (offsets relative to `offset`) for `rule`, whose id,
        category, severity and confidence stand where the finding names none."""
        start, end = offset + self.start, offset + self.end
        return Flag(
            start=start,
            end=end,
            text=document.text[start:end],
            rule=rule.rule_id,
            engine=engine,
            category=self.category or rule.category,
            severity=self.severity or rule.severity,
            message=self.message,
            suggestions=self.suggestions,
            confidence=rule.confidence if self.confidence is None else self.confidence,
            extra=extra or {},
        )


class Detector(ABC):
    """Base class for every MT-artefact detector (discovered automatically by the registry)."""

    rule_id: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity] = Severity.MINOR
    confidence: ClassVar[float] = 0.8

    @classmethod
    def title(cls) -> str:
        """The first line of the docstring: what reviewers see in rule lists."""
        return (cls.__doc__ or cls.rule_id).strip().splitlines()[0]

    @abstractmethod
    def detect(self, document: Document, options: CheckOptions) -> Iterable[Flag]:
        """Yield flags for the whole document."""

    def flag(self, document: Document, finding: Finding, offset: int = 0) -> Flag:
        """Build a `Flag` from a finding whose offsets are relative to `offset`."""
        return finding.to_flag(document, offset, self, ENGINE_NAME)


class SentenceDetector(Detector):
    """A detector that looks at one sentence at a time."""

    @abstractmethod
    def check_sentence(self, sentence: Sentence, options: CheckOptions) -> Iterable[Finding]:
        """Yield findings with offsets relative to `sentence.text`."""

    def detect(self, document: Document, options: CheckOptions) -> Iterator[Flag]:
        for sentence in document.sentences:
            for finding in self.check_sentence(sentence, options):
                yield self.flag(document, finding, offset=sentence.start)


class ParagraphDetector(Detector):
    """A detector that looks at one paragraph at a time.

    For checks whose evidence can straddle sentences, such as the blanks between two
    sentences, which belong to no sentence but do belong to their paragraph.
    """

    @abstractmethod
    def check_paragraph(self, paragraph: Paragraph, options: CheckOptions) -> Iterable[Finding]:
        """Yield findings with offsets relative to `paragraph.text`."""

    def detect(self, document: Document, options: CheckOptions) -> Iterator[Flag]:
        for paragraph in document.paragraphs:
            for finding in self.check_paragraph(paragraph, options):
                yield self.flag(document, finding, offset=paragraph.start)
