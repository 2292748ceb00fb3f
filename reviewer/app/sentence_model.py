"""A Qt list model over the document's sentences and their flags.

The model stores no widgets and no copies of text beyond the immutable `Document`; the
delegate paints each row from the roles below. Flags arrive per engine (the artefacts engine
answers in milliseconds, LanguageTool later), so `set_engine_flags` replaces one engine's
flags and signals only the rows whose flags changed.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from reviewer.core.checking import merge_flags
from reviewer.core.document import Document
from reviewer.core.flags import Flag, Severity

ModelIndex = QModelIndex | QPersistentModelIndex
SentenceRole = Qt.ItemDataRole.UserRole + 1
FlagsRole = Qt.ItemDataRole.UserRole + 2
SeverityRole = Qt.ItemDataRole.UserRole + 3


class SentenceModel(QAbstractListModel):
    """Rows are sentences; `FlagsRole` gives the merged flags inside each sentence."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._document = Document.from_text("")
        self._flags_by_engine: dict[str, list[Flag]] = {}
        self._flags_by_row: dict[int, list[Flag]] = {}

    @property
    def document(self) -> Document:
        return self._document

    def set_document(self, document: Document) -> None:
        """Show a new document; flags from the previous one are dropped."""
        self.beginResetModel()
        self._document = document
        self._flags_by_engine = {}
        self._flags_by_row = {}
        self.endResetModel()

    def set_engine_flags(self, engine: str, flags: list[Flag]) -> None:
        """Replace one engine's flags and repaint the rows that changed."""
        self._flags_by_engine[engine] = list(flags)
        merged = merge_flags(f for group in self._flags_by_engine.values() for f in group)
        by_row: dict[int, list[Flag]] = defaultdict(list)
        for flag in merged:
            sentence = self._document.sentence_for_span(flag.start, flag.end)
            if sentence is not None:
                by_row[sentence.index].append(flag)
        changed = {
            r
            for r in set(by_row) | set(self._flags_by_row)
            if by_row.get(r) != self._flags_by_row.get(r)
        }
        self._flags_by_row = dict(by_row)
        for row in sorted(changed):
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [FlagsRole, SeverityRole])

    def flags_for_row(self, row: int) -> list[Flag]:
        return list(self._flags_by_row.get(row, []))

    def all_flags(self) -> list[Flag]:
        return [flag for row in sorted(self._flags_by_row) for flag in self._flags_by_row[row]]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._document.sentences)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._document.sentences):
            return None
        sentence = self._document.sentences[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return sentence.text
        if role == SentenceRole:
            return sentence
        if role == FlagsRole:
            return self.flags_for_row(index.row())
        if role == SeverityRole:
            flags = self._flags_by_row.get(index.row())
            return max((f.severity for f in flags), key=lambda s: s.rank) if flags else None
        return None

    def worst_severity_counts(self) -> dict[Severity, int]:
        """Count flags by severity, for the summary line."""
        counts = dict.fromkeys(Severity, 0)
        for flag in self.all_flags():
            counts[flag.severity] += 1
        return counts
