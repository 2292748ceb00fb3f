"""Show only the sentences a reviewer still needs to look at.

A proxy over `SentenceModel`: with "flagged only" on, rows without flags at or above the
chosen severity are hidden. The proxy re-filters by itself when an engine's flags arrive
(the source model signals `dataChanged` for the rows that changed).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSortFilterProxyModel

from reviewer.app.sentence_model import ModelIndex, SentenceModel
from reviewer.core.flags import Severity


class SentenceFilterModel(QSortFilterProxyModel):
    """Filters sentence rows by whether they carry flags of a minimum severity."""

    def __init__(self, source: SentenceModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._flagged_only = False
        self._minimum = Severity.MINOR
        self.setSourceModel(source)
        self.setDynamicSortFilter(True)

    @property
    def flagged_only(self) -> bool:
        return self._flagged_only

    @property
    def minimum_severity(self) -> Severity:
        return self._minimum

    def set_flagged_only(self, value: bool) -> None:
        self.beginFilterChange()
        self._flagged_only = value
        self.endFilterChange()

    def set_minimum_severity(self, severity: Severity) -> None:
        self.beginFilterChange()
        self._minimum = severity
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        if not self._flagged_only:
            return True
        return any(
            flag.severity.rank >= self._minimum.rank
            for flag in self._source.flags_for_row(source_row)
        )
