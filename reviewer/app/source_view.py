"""The source of the selected translation unit, above its editor: smaller, muted, read-only.

Inline codes are chips, as in the target. The spans the window asks for (the numbers and names
matching the reviewer's selection in the target) are highlighted. Showing the source is a View
menu toggle (Ctrl+Shift+L), remembered in QSettings; in a plain-text review there is no source
and nothing is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QResizeEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QFrame, QLabel, QTextEdit, QVBoxLayout, QWidget

from reviewer.app import codes
from reviewer.core.bilingual import Unit

SHOW_SOURCE_KEY = "view/show_source"
SHOW_SOURCE_SHORTCUT = "Ctrl+Shift+L"
HIGHLIGHT = QColor("#ffe082")
SOURCE_TEXT = QColor("#59606b")


def show_source_setting() -> bool:
    """Whether the source is shown (the default is yes)."""
    value = QSettings().value(SHOW_SOURCE_KEY, True)
    return value not in (False, "false", "0", 0)


def save_show_source_setting(shown: bool) -> None:
    QSettings().setValue(SHOW_SOURCE_KEY, shown)


class SourceText(QTextEdit):
    """The source text, read-only, as tall as its text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("source-text")
        self.setReadOnly(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.document().setDocumentMargin(2)
        self.setStyleSheet(
            "QTextEdit#source-text { background: transparent; color: #4f5661; border: none; }"
        )
        font = self.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.95))
        self.setFont(font)
        self.document().setDefaultFont(font)
        self.text = ""

    def show_text(self, text: str, unit: Unit | None) -> None:
        self.text = text
        self.setPlainText(text)
        codes.insert_chips(self.document(), codes.unit_codes(unit))
        self.highlight([])
        self._fit()

    def highlight(self, spans: Sequence[tuple[int, int]]) -> None:
        """Mark these spans of the source (replacing the previous marks)."""
        selections = []
        length = len(self.text)
        for start, end in spans:
            if not 0 <= start < end <= length:
                continue
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(HIGHLIGHT)
            selection.format = fmt
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.setExtraSelections(selections)

    def highlighted(self) -> list[str]:
        """The highlighted words (for tests and accessibility tools)."""
        return [selection.cursor.selectedText() for selection in self.extraSelections()]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        self.document().setTextWidth(self.viewport().width())
        height = int(self.document().size().height()) + 2
        if self.height() != height:
            self.setFixedHeight(height)


class SourcePane(QWidget):
    """A small "SOURCE · es" caption over the source text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("source-pane")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            "QWidget#source-pane { background: #f4f6f9; border: 1px solid #e3e7ed;"
            " border-radius: 6px; }"
            "QLabel#source-caption { color: #8a9099; font-size: 8pt; letter-spacing: 1px;"
            " background: transparent; border: none; }"
        )
        self.caption = QLabel("SOURCE")
        self.caption.setObjectName("source-caption")
        self.text = SourceText()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 5, 8, 5)
        layout.setSpacing(1)
        layout.addWidget(self.caption)
        layout.addWidget(self.text)

    def show_unit(self, unit: Unit, language: str = "") -> None:
        self.caption.setText(f"SOURCE · {language}" if language else "SOURCE")
        self.text.show_text(unit.source, unit)


def show_source_action(parent: QWidget, *receivers: Callable[[bool], object]) -> QAction:
    """View > Show Source (Ctrl+Shift+L): checkable, starting from and saved in QSettings.

    Each receiver is called with the state now and on every change."""
    action = QAction("Show &Source", parent)
    action.setObjectName("show-source")
    action.setCheckable(True)
    action.setShortcut(QKeySequence(SHOW_SOURCE_SHORTCUT))
    action.setToolTip(f"Show the source above the translation ({SHOW_SOURCE_SHORTCUT})")
    action.setChecked(show_source_setting())

    def changed(shown: bool) -> None:
        save_show_source_setting(shown)
        for receiver in receivers:
            receiver(shown)

    action.toggled.connect(changed)
    parent.addAction(action)
    for receiver in receivers:
        receiver(action.isChecked())
    return action
