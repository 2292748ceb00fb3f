"""The editor for the selected sentence, with the sentences around it for context.

Typing stays in the editor (its own undo stack undoes keystrokes) until the reviewer
pauses, moves on or presses Ctrl+Enter; then the window commits the text as one review
command. Flagged spans are drawn as extra selections whose cursors follow the typing, so
the underlines stay on the right words until the re-check replaces them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from reviewer.app import theme
from reviewer.core.flags import Flag

PAUSE_MS = 1200  # typing stops this long: commit the edit and re-check


class SentenceEditor(QWidget):
    """Previous sentence, the editable sentence, next sentence."""

    editCommitted = Signal(str, str)  # segment id, new text
    undoRequested = Signal()
    redoRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.segment_id: str | None = None
        self.locked = False  # the review cannot be written: no typing
        self._committed_text = ""
        self.previous = QLabel()
        self.next = QLabel()
        for label in (self.previous, self.next):
            label.setWordWrap(True)
            label.setObjectName("context")
            label.setStyleSheet("color: #8a9099; padding: 2px 4px;")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("sentence-editor")
        self.editor.setPlaceholderText("Select a sentence to edit it")
        self.editor.setTabChangesFocus(True)
        self.editor.setStyleSheet(
            "QPlainTextEdit { font-size: 12pt; padding: 6px; border: 1px solid #c9ced6;"
            " border-radius: 6px; background: #ffffff; }"
            "QPlainTextEdit:focus { border: 1px solid #1e88e5; }"
        )
        self.editor.setMinimumHeight(70)
        self.editor.installEventFilter(self)
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(PAUSE_MS)
        self.pause.timeout.connect(self.commit)
        self.editor.textChanged.connect(self._on_typing)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        layout.addWidget(self.previous)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.next)
        self._loading = False

    def load(
        self,
        segment_id: str | None,
        text: str,
        flags: list[Flag],
        sentence_start: int,
        *,
        previous: str = "",
        following: str = "",
    ) -> None:
        """Show a sentence; pending typing on the previous one is committed first."""
        if segment_id != self.segment_id:
            self.commit()
        self._loading = True
        try:
            self.segment_id = segment_id
            self._committed_text = text
            if self.editor.toPlainText() != text:
                self.editor.setPlainText(text)  # also clears the editor's own undo stack
            else:
                self.editor.document().clearUndoRedoStacks()
            self.editor.setReadOnly(segment_id is None or self.locked)
            self.previous.setText(previous)
            self.previous.setVisible(bool(previous))
            self.next.setText(following)
            self.next.setVisible(bool(following))
            self.show_flags(flags, sentence_start)
        finally:
            self._loading = False

    def show_flags(self, flags: list[Flag], sentence_start: int) -> None:
        """Underline flagged spans; their cursors follow what the reviewer types."""
        selections = []
        length = len(self.editor.toPlainText())
        for flag in flags:
            start = max(0, flag.start - sentence_start)
            end = min(length, flag.end - sentence_start)
            if end <= start:
                continue
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(theme.SEVERITY_COLOURS[flag.severity])
            fmt.setBackground(theme.SEVERITY_TINTS[flag.severity])
            selection.format = fmt
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.editor.setExtraSelections(selections)

    @property
    def has_pending_typing(self) -> bool:
        """True while the editor holds text not yet committed to the review."""
        return self.segment_id is not None and self.editor.toPlainText() != self._committed_text

    def set_locked(self, locked: bool) -> None:
        """Refuse typing while the review cannot be written (the window's read-only mode)."""
        self.locked = locked
        self.editor.setReadOnly(self.segment_id is None or locked)

    def commit(self) -> None:
        """Hand pending typing to the review (one command) now."""
        self.pause.stop()
        if self.has_pending_typing and self.segment_id is not None:
            text = self.editor.toPlainText()
            self._committed_text = text
            self.editCommitted.emit(self.segment_id, text)

    def selected_span(self) -> tuple[int, int] | None:
        """The selected characters of the sentence, if any."""
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            return None
        return cursor.selectionStart(), cursor.selectionEnd()

    def _on_typing(self) -> None:
        if not self._loading:
            self.pause.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Z undoes typing while there is some, else the review's last command."""
        if watched is self.editor and event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            undo = event.matches(QKeySequence.StandardKey.Undo)
            redo = event.matches(QKeySequence.StandardKey.Redo) or (
                event.key() == Qt.Key.Key_Z
                and event.modifiers()
                == Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
            )
            if (
                (undo or redo)
                and not self.editor.document().isUndoAvailable()
                and not (redo and self.editor.document().isRedoAvailable())
            ):
                event.accept()  # the editor leaves the key; the window's action takes it
                (self.undoRequested if undo else self.redoRequested).emit()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                event.ignore()  # not the editor's key: the window's Ctrl+Enter shortcut takes it
                return True
        if watched is self.editor and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.commit()  # a sentence has no line breaks: Enter commits
                return True
        return super().eventFilter(watched, event)
