"""The panel beside the sentence list: the selected sentence's flags, and the buttons to act.

One card per flag: severity, MQM category, the flagged words, the message, each suggestion
as a button (Alt+1..9 press them), Reject with an optional reason, "Apply to all N
identical" when the same fix is open elsewhere, and "Ignore everywhere" / "Add to
dictionary". A decided flag keeps its card, greyed, with what was decided and a Reopen
button. The current flag (the one the keys act on) has a blue edge. The reviewer's own
error marks follow the flags.

In a bilingual review quoted text may hold the unit's inline codes: they show as chips (in
the quote) or as their labels (⟨1, 1⟩, %s on buttons and in messages), never as tofu.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reviewer.app import theme
from reviewer.app.codes import Code, escaped_with_chips, readable, unit_codes
from reviewer.core.bilingual import Unit
from reviewer.core.review import Annotation, Decision, DecisionStatus, ReviewFlag
from reviewer.core.wordlists import is_spelling_flag

_CARD_STYLE = """
QFrame#flag-card { background: #ffffff; border: 1px solid #e1e4e8; border-radius: 6px; }
QFrame#flag-card[current="true"] { border: 2px solid #1e88e5; }
QFrame#flag-card[decided="true"] { background: #f6f7f9; }
QPushButton#suggestion { background: #eef6ee; color: #1b5e20; border: 1px solid #c8e6c9;
    border-radius: 4px; padding: 3px 10px; font-family: monospace; }
QPushButton#suggestion:hover { background: #dcefdc; }
QPushButton#delete-suggestion { background: #fdecea; color: #b71c1c; border: 1px solid #f5c6c2;
    border-radius: 4px; padding: 3px 10px; }
QPushButton#reject { border: 1px solid #d0d4d9; border-radius: 4px; padding: 3px 10px; }
QPushButton[link="true"] { border: none; color: #1565c0; padding: 2px 4px; text-align: left; }
QLabel#quote { background: #f3f4f6; padding: 2px 4px; font-family: monospace; }
QLabel#muted { color: #6b7280; }
QLabel#risk-note { color: #4a2a75; background: #f3edfa; border-left: 3px solid #7b4bb7;
    padding: 4px 8px; }
"""


class FlagCard(QFrame):
    """One flag and its actions."""

    def __init__(
        self,
        panel: FlagPanel,
        position: int,
        review_flag: ReviewFlag,
        decision: Decision | None,
        identical: int,
        *,
        codes: dict[str, Code] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("flag-card")
        self._codes = codes or {}
        self._panel = panel
        self.review_flag = review_flag
        self.position = position
        flag = review_flag.flag
        self.setProperty("decided", "true" if decision else "false")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        colour = theme.SEVERITY_COLOURS[flag.severity].name()
        head = QLabel(
            f"<b style='color:{colour}'>{escape(str(flag.severity).upper())}</b>"
            f" &nbsp;<span style='color:#5f6670'>{escape(flag.category)}</span>"
        )
        layout.addWidget(head)
        quote = QLabel(escaped_with_chips(flag.text, self._codes) or "&nbsp;")
        quote.setObjectName("quote")
        quote.setTextFormat(Qt.TextFormat.RichText)
        quote.setWordWrap(True)
        layout.addWidget(quote)
        message = QLabel(readable(flag.message, self._codes))
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(message)
        self.suggestion_buttons: list[QPushButton] = []
        self.reason: QLineEdit | None = None
        if decision is None:
            self._add_actions(panel, layout, identical)
        else:
            self._add_decision(panel, layout, decision)
        also = flag.extra.get("also_reported_by")
        # a fixed flag is no longer raised: its confidence is not known any more
        confidence = "" if "fixed" in flag.extra else f" · confidence {flag.confidence:.0%}"
        rule = QLabel(
            f"{flag.rule} · {flag.engine}{confidence}" + (f" · also {also}" if also else "")
        )
        rule.setObjectName("muted")
        rule.setWordWrap(True)
        layout.addWidget(rule)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._panel.set_current(self.position)
        super().mousePressEvent(event)

    def _add_actions(self, panel: FlagPanel, layout: QVBoxLayout, identical: int) -> None:
        flag = self.review_flag.flag
        row = _FlowRow()
        for number, suggestion in enumerate(flag.suggestions[:9]):
            shown = readable(suggestion, self._codes)
            button = QPushButton(
                f"{number + 1}  {shown}" if suggestion else f"{number + 1}  Delete"
            )
            button.setObjectName("suggestion" if suggestion else "delete-suggestion")
            button.setToolTip(f"Accept this suggestion (Alt+{number + 1})")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(
                lambda _=False, n=number: panel.acceptRequested.emit(self.review_flag, n)
            )
            self.suggestion_buttons.append(button)
            row.add(button)
        reject = QPushButton("Reject")
        reject.setObjectName("reject")
        reject.setToolTip("This flag is wrong here (Alt+R); the reason is optional")
        reject.clicked.connect(self._reject)
        row.add(reject)
        layout.addWidget(row)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("Reason for rejecting (optional)")
        self.reason.returnPressed.connect(self._reject)
        layout.addWidget(self.reason)
        links = _FlowRow()
        if identical > 1 and flag.suggestions:
            apply_all = _link(
                f"Apply “{readable(flag.suggestions[0], self._codes) or 'delete'}”"
                f" to all {identical} identical"
            )
            apply_all.setObjectName("apply-all")
            apply_all.clicked.connect(lambda: panel.applyAllRequested.emit(self.review_flag, 0))
            links.add(apply_all)
        ignore = _link("Ignore everywhere")
        ignore.setToolTip("Never flag this text for this rule again (all documents, the CLI too)")
        ignore.clicked.connect(lambda: panel.ignoreRequested.emit(self.review_flag))
        links.add(ignore)
        if is_spelling_flag(flag):
            dictionary = _link("Add to dictionary")
            dictionary.setToolTip("A correct name or term: never flag it as a spelling error")
            dictionary.clicked.connect(lambda: panel.dictionaryRequested.emit(self.review_flag))
            links.add(dictionary)
        layout.addWidget(links)

    def _add_decision(self, panel: FlagPanel, layout: QVBoxLayout, decision: Decision) -> None:
        if decision.status is DecisionStatus.ACCEPTED:
            text = f"✓ Accepted “{readable(decision.replacement or '', self._codes) or 'delete'}”"
        elif decision.status is DecisionStatus.REJECTED:
            text = "✗ Rejected" + (f": {decision.reason}" if decision.reason else "")
        else:
            text = "✎ Resolved by an edit"
        label = QLabel(text)
        label.setObjectName("decision")
        label.setWordWrap(True)
        layout.addWidget(label)
        reopen = _link("Reopen")
        reopen.setToolTip("Withdraw this decision")
        reopen.clicked.connect(lambda: panel.reopenRequested.emit(self.review_flag))
        layout.addWidget(reopen)

    def _reject(self) -> None:
        reason = self.reason.text() if self.reason else ""
        self._panel.rejectRequested.emit(self.review_flag, reason)


class FlagPanel(QScrollArea):
    """The selected sentence's flags and error marks, with their actions."""

    acceptRequested = Signal(object, int)  # ReviewFlag, suggestion index
    rejectRequested = Signal(object, str)  # ReviewFlag, reason
    applyAllRequested = Signal(object, int)
    reopenRequested = Signal(object)
    ignoreRequested = Signal(object)
    dictionaryRequested = Signal(object)
    removeAnnotationRequested = Signal(str)
    currentChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.cards: list[FlagCard] = []
        self.current = -1
        self._codes: dict[str, Code] = {}
        self._content = QWidget()
        self._content.setObjectName("flag-panel-content")
        self._content.setStyleSheet(_CARD_STYLE)
        self._layout = QVBoxLayout(self._content)
        self._layout.setContentsMargins(12, 10, 12, 10)
        self._layout.setSpacing(8)
        self.setWidget(self._content)
        self.show_nothing()

    def show_nothing(self, hint: str = "Select a sentence to see its flags.") -> None:
        self._clear()
        self._add_label(hint, muted=True)
        self._layout.addStretch(1)

    def show_flags(
        self,
        heading: str,
        flags: list[tuple[ReviewFlag, Decision | None, int]],
        annotations: list[Annotation],
        current: int = -1,
        unit: Unit | None = None,
        *,
        risk_note: str | None = None,
    ) -> None:
        """Show cards for (flag, its decision, number of identical open flags) triples; in a
        bilingual review `unit` is the row's translation unit (its inline codes).
        `risk_note` says why a high-risk sentence deserves a close reading (the mark down
        the row's left edge)."""
        self._clear()
        self._codes = unit_codes(unit)
        self._add_label(heading, muted=True)
        if risk_note:
            note = QLabel(risk_note)
            note.setObjectName("risk-note")
            note.setWordWrap(True)
            self._layout.addWidget(note)
        if not flags:
            noun = "sentence" if unit is None else "unit"
            self._add_label(f"No flags in this {noun}.", muted=True)
        for position, (review_flag, decision, identical) in enumerate(flags):
            card = FlagCard(self, position, review_flag, decision, identical, codes=self._codes)
            self.cards.append(card)
            self._layout.addWidget(card)
        if annotations:
            self._add_label(
                "<b>Errors you marked</b> <span style='color:#7a7f87'>· underlined solid"
                " in the text</span>"
            )
        for annotation in annotations:
            self._layout.addWidget(self._annotation_row(annotation))
        self._layout.addStretch(1)
        self.set_current(current if 0 <= current < len(self.cards) else self._first_open())

    def set_current(self, position: int) -> None:
        self.current = position
        for card in self.cards:
            card.setProperty("current", "true" if card.position == position else "false")
            card.style().unpolish(card)
            card.style().polish(card)
        if 0 <= position < len(self.cards):
            self.ensureWidgetVisible(self.cards[position])
        self.currentChanged.emit(position)

    def current_card(self) -> FlagCard | None:
        return self.cards[self.current] if 0 <= self.current < len(self.cards) else None

    def toPlainText(self) -> str:
        """Everything the panel says, as text (for tests and accessibility tools)."""
        return "\n".join(label.text() for label in self._content.findChildren(QLabel))

    def _first_open(self) -> int:
        return next((card.position for card in self.cards if card.reason is not None), -1)

    def _annotation_row(self, annotation: Annotation) -> QWidget:
        row = QFrame()
        row.setObjectName("flag-card")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(10, 6, 10, 6)
        colour = theme.SEVERITY_COLOURS[annotation.severity].name()
        note = f" — {escape(annotation.note)}" if annotation.note else ""
        label = QLabel(
            f"<b style='color:{colour}'>{escape(str(annotation.severity).upper())}</b> "
            f"{escape(annotation.category)}: “{escaped_with_chips(annotation.text, self._codes)}”"
            f"{note}"
        )
        label.setWordWrap(True)
        layout.addWidget(label, 1)
        remove = _link("Remove")
        remove.clicked.connect(lambda: self.removeAnnotationRequested.emit(annotation.id))
        layout.addWidget(remove)
        return row

    def _add_label(self, text: str, muted: bool = False) -> None:
        label = QLabel(text)
        label.setWordWrap(True)
        if muted:
            label.setObjectName("muted")
        self._layout.addWidget(label)

    def _clear(self) -> None:
        self.cards = []
        self.current = -1
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # at once: deleteLater() would leave it painted until idle
                widget.setParent(None)
                widget.deleteLater()


class _FlowRow(QWidget):
    """A row of buttons that wraps neither text nor layout: enough for a few actions."""

    def __init__(self) -> None:
        super().__init__()
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 2, 0, 2)
        self._layout.setSpacing(6)
        self._layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def add(self, widget: QWidget) -> None:
        self._layout.insertWidget(self._layout.count() - 1, widget)


def _link(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setProperty("link", "true")
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button
