"""The scorecard window (View > Scorecard, Ctrl+Shift+S): how good the machine translation
was, how much work it took, and which checks earned their keep.

Figures come from `reviewer.core.scoring.build_scorecard` and the charts are the same SVG
the HTML report embeds (reviewer/formats/scorecard_charts.py), drawn by Qt's SVG renderer.
From the precision table a rule reviewers keep rejecting can be switched off: that is the
same setting as Preferences > rules off, applied through the window's `apply_preferences`
(so the document is checked again without it). With "Also switch off in reviewer.toml"
ticked it also goes into the project file's `disable-rules` (a new `reviewer.toml` beside the
document, after asking, when none applies), so `reviewer check` leaves it out too.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.app import theme
from reviewer.core.errors import ReviewerError
from reviewer.core.flags import Severity
from reviewer.core.project_config import PROJECT_FILE
from reviewer.core.scoring import FORMULA, Scorecard, build_scorecard
from reviewer.core.scoring.precision import RulePrecision
from reviewer.core.wording import count
from reviewer.formats.scorecard_charts import errors_chart, format_duration, hter_chart, time_chart

if TYPE_CHECKING:
    from reviewer.app.main_window import MainWindow

_STYLE = """
QDialog#scorecard { background: #f6f7f9; }
QFrame#summary-card { background: #ffffff; border: 1px solid #e1e4e8; border-radius: 8px; }
QFrame#chart-panel { background: #ffffff; border: 1px solid #e1e4e8; border-radius: 8px; }
QLabel#card-label, QLabel#panel-title { color: #6b7280; font-size: 11px; font-weight: 600;
    letter-spacing: 1px; }
QLabel#card-value { font-size: 22px; font-weight: 600; color: #1f2328; }
QLabel#card-sub, QLabel#muted { color: #6b7280; }
QLabel#title { font-size: 18px; font-weight: 600; color: #1f2328; }
QTableWidget { background: #ffffff; border: 1px solid #e1e4e8; gridline-color: #eef0f3; }
QPushButton#switch-off { color: #374151; border: 1px solid #d0d4d9; border-radius: 4px;
    padding: 2px 10px; background: #ffffff; }
QPushButton#switch-off-suggested { color: #ffffff; border: 1px solid #c62828; border-radius: 4px;
    padding: 2px 10px; background: #c62828; font-weight: 600; }
QPushButton#switch-on { color: #1b5e20; border: 1px solid #c8e6c9; border-radius: 4px;
    padding: 2px 10px; background: #f1f8f1; }
"""

EXPORT_FORMATS = {  # button label -> (format, file filter, suffix)
    "HTML": ("html", "HTML report (*.html)", ".html"),
    "CSV": ("csv", "CSV (*.csv)", ".csv"),
    "JSON": ("json", "JSON (*.json)", ".json"),
}


class ScorecardView(QDialog):
    """The scorecard of the window's review, with charts, tables and exports."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.card: Scorecard | None = None
        self.setObjectName("scorecard")
        self.setWindowTitle("Scorecard")
        self.setStyleSheet(_STYLE)
        self.resize(1340, 900)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(10)
        self._build_summary(layout)
        self._build_tables(layout)
        self._build_buttons(layout)

    def _build_summary(self, layout: QVBoxLayout) -> None:
        self.title = QLabel()
        self.title.setObjectName("title")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("muted")
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        self.cards = QHBoxLayout()
        self.cards.setSpacing(10)
        layout.addLayout(self.cards)
        charts = QHBoxLayout()
        charts.setSpacing(10)
        self.errors_svg = _ChartPanel("ERRORS BY CATEGORY AND SEVERITY")
        self.hter_svg = _ChartPanel("HTER PER SENTENCE")
        self.time_svg = _ChartPanel("TIME PER SENTENCE")
        for panel in (self.errors_svg, self.hter_svg, self.time_svg):
            charts.addWidget(panel, 1)
        layout.addLayout(charts)
        self.formula = QLabel()
        self.formula.setObjectName("muted")
        self.formula.setWordWrap(True)
        self.formula.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.formula)

    def _build_tables(self, layout: QVBoxLayout) -> None:
        self.tabs = QTabWidget()
        self.rules_table = _table(
            [
                *("Rule", "Engine", "Category", "Raised", "Accepted", "Rejected"),
                *("Resolved by edit", "Open", "Precision", ""),
            ]
        )
        self.errors_table = _table(
            ["#", "Severity", "Category", "Text", "Correction", "Found by", "Weight"]
        )
        self.sentences_table = _table(
            [
                *("#", "Machine translation", "Correction", "HTER", "chrF", "BLEU"),
                *("Time", "Edits", "Errors"),
            ]
        )
        self.tabs.addTab(self.rules_table, "Checker precision")
        self.tabs.addTab(self.errors_table, "Errors")
        self.tabs.addTab(self.sentences_table, "Sentences")  # "Units" in a bilingual review
        layout.addWidget(self.tabs, 1)

    def _build_buttons(self, layout: QVBoxLayout) -> None:
        buttons = QHBoxLayout()
        self.also_in_project = QCheckBox("Also switch off in reviewer.toml")
        self.also_in_project.setObjectName("also-in-project")
        buttons.addWidget(self.also_in_project)
        self.status = QLabel()
        self.status.setObjectName("muted")
        buttons.addWidget(self.status, 1)
        self.export_buttons: dict[str, QPushButton] = {}
        for label in EXPORT_FORMATS:
            button = QPushButton(f"Export {label}…")
            button.clicked.connect(lambda _=False, name=label: self.export(name))
            self.export_buttons[label] = button
            buttons.addWidget(button)
        self.refresh_button = QPushButton("Refresh")
        self.refresh_button.clicked.connect(self.refresh)
        close = QPushButton("Close")
        close.clicked.connect(self.close)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)

    # -- filling ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Compute the scorecard of the window's review again and show it."""
        review = self.window_.review
        if review is None:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.card = build_scorecard(review, disabled_rules=self.window_.options.disabled_rules)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show(self.card)
        self._update_project_choice()

    def _update_project_choice(self) -> None:
        """Name the project file a switched-off rule would also go to."""
        window, box = self.window_, self.also_in_project
        folder = window.project_folder()
        box.setEnabled(window.project_problem is None and folder is not None)
        if window.project_problem is not None:
            box.setText(f"Also switch off in {PROJECT_FILE}")
            box.setToolTip(f"The project file cannot be used: {window.project_problem}")
        elif window.project is not None:
            box.setText(f"Also switch off in {window.project.path.name}")
            box.setToolTip(
                f"Add the rule to disable-rules in {window.project.path}, so that "
                "`reviewer check` leaves it out too"
            )
        else:
            box.setText(f"Also switch off in {PROJECT_FILE}")
            where = folder / PROJECT_FILE if folder is not None else PROJECT_FILE
            box.setToolTip(
                f"No project file applies to this document: create {where} (asks first), "
                "so that `reviewer check` leaves the rule out too"
            )

    def _show(self, card: Scorecard) -> None:
        mqm = card.mqm
        self.setWindowTitle(f"Scorecard - {card.document}")
        self._name_rows(card)
        self.title.setText(f"Scorecard: {card.document}")
        self.subtitle.setText(
            f"Reviewed by {card.reviewer or 'an unnamed reviewer'} · {card.language} · "
            f"{count(card.sentences, card.noun)} ({card.sentences_changed} changed) · "
            f"{count(mqm.words, 'word')} · {count(card.open_flags, 'flag')} still open"
        )
        _clear(self.cards)
        verdict = "PASS" if mqm.passed else mqm.verdict().upper()
        colour = theme.REVIEWED if mqm.passed else theme.SEVERITY_COLOURS[Severity.CRITICAL]
        colour_name = colour.name()
        severities = mqm.by_severity
        for label, value, sub in (
            (
                "MQM SCORE",
                f"<span style='color:{colour_name}'>{mqm.score:.2f}</span>",
                f"<b style='color:{colour_name}'>{escape(verdict)}</b> · threshold "
                f"{mqm.model.pass_threshold:g}",
            ),
            (
                "ERRORS",
                str(len(mqm.errors)),
                " · ".join(f"{severities[s]} {s}" for s in reversed(list(Severity))),
            ),
            ("PENALTY", f"{mqm.penalty:g}", f"{mqm.penalty_per_1000_words:.2f} per 1,000 words"),
            ("HTER", f"{card.distance.document.ter:.2f}", "post-edit distance"),
            ("CHRF", f"{card.distance.document.chrf:.1f}", "MT against the correction"),
            ("BLEU", f"{card.distance.document.bleu:.1f}", "MT against the correction"),
            (
                "ACTIVE TIME",
                escape(format_duration(card.effort.seconds, compact=True)),
                f"{count(card.effort.edits, 'edit')} · "
                f"{count(card.effort.words.total, 'word')} changed",
            ),
        ):
            self.cards.addWidget(_summary_card(label, value, sub), 1)
        self.errors_svg.set_svg(errors_chart(card, width=460))
        self.hter_svg.set_svg(hter_chart(card, width=460))
        self.time_svg.set_svg(time_chart(card, width=460))
        weights = "; ".join(escape(line) for line in mqm.model.describe())
        self.formula.setText(
            f"<b>{escape(FORMULA)}</b> — penalty {mqm.penalty:g}, words {mqm.words}. "
            f"Weights: {weights}. Errors are accepted flags, flags fixed by an edit and "
            "errors marked by hand; rejected flags are not errors. Precision = accepted ÷ "
            "(accepted + rejected)."
        )
        self._fill_rules(card.precision)
        self._fill_errors(card)
        self._fill_sentences(card)
        self.status.setText(f"Computed {card.generated_at[11:19]} UTC")

    def _name_rows(self, card: Scorecard) -> None:
        """Call the rows what the window calls them: units in a bilingual review."""
        self.hter_svg.set_title(f"HTER per {card.noun}".upper())
        self.time_svg.set_title(f"Time per {card.noun}".upper())
        self.tabs.setTabText(self.tabs.indexOf(self.sentences_table), card.nouns.capitalize())

    def _fill_rules(self, rules: list[RulePrecision]) -> None:
        table = self.rules_table
        table.setRowCount(len(rules))
        disabled = self.window_.preferences.disabled_rules
        project = self.window_.project
        in_project = set(project.disabled_rules or ()) if project else set()
        for row, rule in enumerate(rules):
            precision = "–" if rule.precision is None else f"{100 * rule.precision:.0f}%"
            if rule.suggest_switch_off:
                precision = f"⚠ {precision}"
            cells = [
                rule.rule,
                rule.engine,
                rule.category,
                rule.raised,
                rule.accepted,
                rule.rejected,
                rule.resolved,
                rule.open,
                precision,
            ]
            items = _set_row(table, row, cells, numeric_from=3)
            if rule.suggest_switch_off:
                item = items[8]
                item.setForeground(QColor(theme.SEVERITY_COLOURS[Severity.CRITICAL]))
                item.setToolTip("Reviewers keep rejecting this rule: consider switching it off")
            off = rule.rule in disabled
            button = QPushButton("Switch on" if off else "Switch off")
            button.setObjectName(
                "switch-on"
                if off
                else "switch-off-suggested"
                if rule.suggest_switch_off
                else "switch-off"
            )
            button.setToolTip(
                "Check with this rule again (Preferences > rules off)"
                if off
                else "Stop checking with this rule (Preferences > rules off)"
            )
            button.clicked.connect(lambda _=False, name=rule.rule: self.toggle_rule(name))
            if not off and rule.rule in in_project and project is not None:
                button.setText(f"Off in {project.path.name}")
                button.setObjectName("switch-on")
                button.setEnabled(False)
                button.setToolTip(
                    f"Switched off in {project.path}: remove it there to check with it again"
                )
            table.setCellWidget(row, 9, _centred(button))
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def _fill_errors(self, card: Scorecard) -> None:
        index_of = {sid: row.unit.index for row in card.rows for sid in row.unit.segment_ids}
        table = self.errors_table
        table.setRowCount(len(card.mqm.errors))
        for row, error in enumerate(card.mqm.errors):
            correction = "" if error.correction is None else error.correction or "(deleted)"
            found_by = f"{error.rule} ({error.source})" if error.rule else "marked by reviewer"
            items = _set_row(
                table,
                row,
                [
                    index_of.get(error.sentence_id, ""),
                    str(error.severity),
                    error.category,
                    error.text + (f" — {error.note}" if error.note else ""),
                    correction,
                    found_by,
                    f"{error.weight:g}",
                ],
                numeric_from=6,
            )
            items[1].setForeground(theme.SEVERITY_COLOURS[error.severity])
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    def _fill_sentences(self, card: Scorecard) -> None:
        table = self.sentences_table
        table.setRowCount(len(card.rows))
        for row, sentence in enumerate(card.rows):
            _set_row(
                table,
                row,
                [
                    sentence.unit.index,
                    sentence.unit.mt,
                    sentence.unit.corrected if not sentence.unit.deleted else "(deleted)",
                    f"{sentence.distance.ter:.1f}",
                    f"{sentence.distance.chrf:.1f}",
                    f"{sentence.distance.bleu:.1f}",
                    format_duration(sentence.seconds),
                    sentence.edits,
                    len(sentence.errors),
                ],
                numeric_from=3,
            )
        header = table.horizontalHeader()
        table.resizeColumnsToContents()
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    # -- actions ------------------------------------------------------------------------------

    def toggle_rule(self, rule: str) -> None:
        """Switch a rule off (or back on) in Preferences, and check the document again.

        Switching off with "Also switch off in reviewer.toml" ticked also writes it to the
        project file (see `MainWindow.switch_off_in_project`)."""
        preferences = self.window_.preferences
        disabled = set(preferences.disabled_rules)
        disabled.symmetric_difference_update({rule})
        written = None
        if rule in disabled and self.also_in_project.isChecked():
            written = self.window_.switch_off_in_project(rule)
        self.window_.apply_preferences(replace(preferences, disabled_rules=frozenset(disabled)))
        state = "off" if rule in disabled else "on"
        also = f" and in {written}" if written is not None else ""
        self.status.setText(f"{rule} switched {state} (Preferences > rules off{also})")
        if self.card is not None:
            self._fill_rules(self.card.precision)
        self._update_project_choice()

    def export(self, label: str, path: str | None = None) -> Path | None:
        """Write the scorecard as HTML, CSV or JSON (atomically); ask where unless `path`."""
        if self.card is None:
            return None
        output_format, file_filter, suffix = EXPORT_FORMATS[label]
        if path is None:
            start = Path(self.card.review_path).with_suffix("").with_suffix("")
            suggested = f"{start}.scorecard{suffix}"
            path, _ = QFileDialog.getSaveFileName(
                self, f"Export scorecard as {label}", suggested, file_filter
            )
            if not path:
                return None
        from reviewer.commands.scorecard import render_scorecard, write_atomically

        try:
            write_atomically(Path(path), render_scorecard(self.card, output_format).encode())
        except (OSError, ReviewerError) as exc:
            QMessageBox.warning(self, "Cannot export the scorecard", str(exc))
            return None
        self.status.setText(f"Exported to {path}")
        return Path(path)


class _ChartPanel(QFrame):
    """A white panel with a small title and one SVG chart that keeps its proportions."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.setObjectName("chart-panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        self.title = QLabel(title)
        self.title.setObjectName("panel-title")
        layout.addWidget(self.title)
        self.svg = QSvgWidget()
        self.svg.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.svg.setMinimumSize(QSize(300, 170))
        self.svg.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.svg, 1)
        self.source = ""

    def set_title(self, title: str) -> None:
        self.title.setText(title)

    def set_svg(self, svg: str) -> None:
        self.source = svg
        self.svg.load(QByteArray(svg.encode("utf-8")))
        self.svg.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)


def _summary_card(label: str, value: str, sub: str) -> QFrame:
    frame = QFrame()
    frame.setObjectName("summary-card")
    layout = QGridLayout(frame)
    layout.setContentsMargins(12, 8, 12, 8)
    layout.setVerticalSpacing(2)
    for row, (text, name) in enumerate(
        ((label, "card-label"), (value, "card-value"), (sub, "card-sub"))
    ):
        widget = QLabel(text)
        widget.setObjectName(name)
        widget.setTextFormat(Qt.TextFormat.RichText if row else Qt.TextFormat.PlainText)
        widget.setWordWrap(row == 2)
        layout.addWidget(widget, row, 0)
    return frame


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
    return table


def _set_row(
    table: QTableWidget, row: int, cells: list[object], *, numeric_from: int
) -> list[QTableWidgetItem]:
    items = []
    for column, value in enumerate(cells):
        item = QTableWidgetItem(str(value))
        item.setToolTip(str(value))
        if column >= numeric_from or (column == 0 and isinstance(value, int)):
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(row, column, item)
        items.append(item)
    return items


def _centred(widget: QWidget) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(4, 1, 4, 1)
    layout.addWidget(widget)
    return holder


def _clear(layout: QHBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


def show_scorecard(window: MainWindow, view: ScorecardView | None) -> ScorecardView | None:
    """Open (or bring forward) the scorecard view of the window's review, freshly computed."""
    if window.review is None:
        return view
    if view is None:
        view = ScorecardView(window)
    view.refresh()
    view.show()
    view.raise_()
    view.activateWindow()
    return view
