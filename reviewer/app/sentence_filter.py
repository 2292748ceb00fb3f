"""Show only the sentences a reviewer still needs to look at, riskiest first if asked.

A proxy over `SentenceModel`: with "flagged only" on, rows without flags at or above the
chosen severity are hidden. The proxy re-filters by itself when an engine's flags arrive
(the source model signals `dataChanged` for the rows that changed).

"Riskiest first" orders the rows by sentence risk (`reviewer.core.risk`: how likely the
sentence holds a Major error), highest first, ties in document order. The order is a
snapshot, taken when it is switched on and when a check finishes (`refresh_order`), not
re-sorted on every edit: a sentence the reviewer just fixed must not jump away from under
the cursor.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from reviewer.app.sentence_model import ModelIndex, SentenceModel
from reviewer.core.flags import Severity


class SentenceFilterModel(QSortFilterProxyModel):
    """Filters sentence rows by whether they carry flags of a minimum severity."""

    def __init__(self, source: SentenceModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._flagged_only = False
        self._minimum = Severity.MINOR
        self._risks: dict[str, float] = {}
        self._riskiest_first = False
        self.setSourceModel(source)
        self.setDynamicSortFilter(True)
        source.modelReset.connect(self._snapshot_if_sorted)

    @property
    def riskiest_first(self) -> bool:
        return self._riskiest_first

    def set_riskiest_first(self, value: bool) -> None:
        """Order rows by risk (True) or as the document has them (False)."""
        self._riskiest_first = value
        if value:
            self.refresh_order()
        else:
            self._risks = {}
            self.sort(-1)  # back to the source model's order

    def refresh_order(self) -> None:
        """Take the risks anew (after a check) and re-sort, when riskiest-first is on."""
        if not self._riskiest_first:
            return
        self._snapshot()
        self.invalidate()
        self.sort(0, Qt.SortOrder.DescendingOrder)

    def risk_of_row(self, source_row: int) -> float:
        """The row's risk as the current order has it (0 before any snapshot)."""
        return self._risks.get(self._source.segment_id(source_row), 0.0)

    def _snapshot_if_sorted(self) -> None:
        if self._riskiest_first:
            self._snapshot()

    def _snapshot(self) -> None:
        """Every row's risk as the model has it now (a bilingual row's with its source)."""
        self._risks = {
            self._source.segment_id(row): self._source.risk_of_row(row)
            for row in range(self._source.rowCount())
        }

    def lessThan(self, left: ModelIndex, right: ModelIndex) -> bool:
        left_risk, right_risk = self.risk_of_row(left.row()), self.risk_of_row(right.row())
        if left_risk != right_risk:
            return left_risk < right_risk
        return left.row() > right.row()  # sorted descending: equal risks in document order

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
