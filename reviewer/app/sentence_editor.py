"""The editor for the selected sentence, with the sentences around it for context.

Typing stays in the editor (its own undo stack undoes keystrokes) until the reviewer
pauses, moves on or presses Ctrl+Enter; then the window commits the text as one review
command. Flagged spans are drawn as extra selections whose cursors follow the typing, so
the underlines stay on the right words until the re-check replaces them. The errors the
reviewer marked (Ctrl+M) are underlined solid, as in the sentence list, and follow the typing
by the same rule that moves them in the review (`moved_span`): words typed inside a mark
widen it, words typed just before or after it stay outside, a changed word at its edge is
taken in whole.

In a bilingual review the unit's source sits above the editor (smaller, muted; View > Show
Source), selecting words in the target highlights the numbers and names they hold in the
source, and the unit's inline codes are chips (reviewer.app.codes) that cannot be deleted or
typed over: an edit that would drop, add or reorder one is refused with a beep and a line
under the editor, and the committed text holds the original code characters.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from html import escape

from PySide6.QtCore import QEvent, QMimeData, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPlainTextEdit,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from reviewer.app import codes, theme
from reviewer.app.sentence_delegate import mark_tooltip, paint_marks
from reviewer.app.sentence_model import (
    moved_span,
    text_opcodes,
)
from reviewer.app.source_view import SourcePane, show_source_setting
from reviewer.core.alignment import matching_source_spans
from reviewer.core.bilingual import Unit, codes_change_allowed, is_placeholder
from reviewer.core.flags import Flag
from reviewer.core.review import Annotation

PAUSE_MS = 1200  # typing stops this long: commit the edit and re-check
NOTICE_MS = 6000  # how long a refused edit's line stays under the editor
CODES_MIME = "application/x-mt-reviewer-codes"  # copied text with its code characters


# Keys that delete next to the cursor: (key, its word-wise shortcut, the word-wise and the
# character-wise move that spans what it deletes).
_DELETIONS = (
    (
        Qt.Key.Key_Backspace,
        QKeySequence.StandardKey.DeleteStartOfWord,
        QTextCursor.MoveOperation.PreviousWord,
        QTextCursor.MoveOperation.PreviousCharacter,
    ),
    (
        Qt.Key.Key_Delete,
        QKeySequence.StandardKey.DeleteEndOfWord,
        QTextCursor.MoveOperation.NextWord,
        QTextCursor.MoveOperation.NextCharacter,
    ),
)


class CodeTextEdit(QPlainTextEdit):
    """A plain-text editor whose inline-code chips travel through the clipboard: copying puts
    the text with its codes (for pasting here) and with their markup (for other programs) on
    the clipboard; pasting turns the codes back into chips, if the unit's codes stay intact."""

    def __init__(self, owner: SentenceEditor) -> None:
        super().__init__()
        self._owner = owner

    def createMimeDataFromSelection(self) -> QMimeData:
        cursor = self.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        text = self._owner.text()[start:end]
        data = super().createMimeDataFromSelection()  # Qt owns it (a new one would crash)
        if not any(is_placeholder(c) for c in text):
            return data
        data.data("text/plain")  # Qt fills its formats lazily, once: now, before replacing them
        for kind in data.formats():
            data.removeFormat(kind)  # rich text would carry bare object characters
        data.setData(CODES_MIME, text.encode("utf-8"))
        unit = self._owner.unit
        data.setText(unit.with_markup(text) if unit is not None else text)
        return data

    def insertFromMimeData(self, source: QMimeData) -> None:
        if self._owner.unit is None:
            super().insertFromMimeData(source)
            return
        if source.hasFormat(CODES_MIME):
            text = bytes(source.data(CODES_MIME).data()).decode("utf-8")
        elif source.hasText():
            text = source.text()
        else:
            return
        self._owner.insert_text(text)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        marks = self._owner.marks
        if not marks:
            return
        painter = QPainter(self.viewport())
        block = self.firstVisibleBlock()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(self.contentOffset())
            if geometry.top() > event.rect().bottom():
                break
            paint_marks(painter, block, QPointF(geometry.left(), geometry.top()), marks)
            block = block.next()
        painter.end()


class SentenceEditor(QWidget):
    """Previous sentence, the editable sentence, next sentence."""

    editCommitted = Signal(str, str)  # segment id, new text
    undoRequested = Signal()
    redoRequested = Signal()
    # where the reviewer's error marks come from (segment id -> its marks); None: the
    # window's sentence model (`AnnotationsRole`)
    marks_provider: Callable[[str], list[Annotation]] | None = None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.segment_id: str | None = None
        self.locked = False  # the review cannot be written: no typing
        self._committed_text = ""
        self.unit: Unit | None = None  # the translation unit shown (None: a plain text)
        self.show_source = show_source_setting()
        self._codes: dict[str, codes.Code] = {}
        # the reviewer's error marks in the sentence, as the committed text holds them and
        # as they follow the typing since
        self._loaded_marks: list[Annotation] = []
        self.marks: list[Annotation] = []
        self._marks_text = ""  # the editor's text the marks' offsets index
        self.previous = QLabel()
        self.next = QLabel()
        for label in (self.previous, self.next):
            label.setWordWrap(True)
            label.setObjectName("context")
            label.setStyleSheet("color: #8a9099; padding: 2px 4px;")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source = SourcePane()
        self.source.hide()
        self.notice = QLabel()
        self.notice.setObjectName("editor-notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #b3261e; padding: 0 4px;")
        self.notice.hide()
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(NOTICE_MS)
        self._notice_timer.timeout.connect(self.notice.hide)
        self.editor = CodeTextEdit(self)
        self.editor.setObjectName("sentence-editor")
        self.editor.setPlaceholderText("Select a sentence to edit it")
        self.editor.setTabChangesFocus(True)
        self.editor.setStyleSheet(
            "QPlainTextEdit { font-size: 12pt; padding: 6px; border: 1px solid #c9ced6;"
            " border-radius: 6px; background: #ffffff; }"
            "QPlainTextEdit:focus { border: 1px solid #1e88e5; }"
        )
        self.editor.setMinimumHeight(70)
        for watched in (self.editor, self.editor.viewport()):
            watched.installEventFilter(self)
        self.editor.document().contentsChanged.connect(self._move_marks)
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(PAUSE_MS)
        self.pause.timeout.connect(self.commit)
        self.editor.textChanged.connect(self._on_typing)
        self.editor.selectionChanged.connect(self._highlight_source)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        layout.addWidget(self.previous)
        layout.addWidget(self.source)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.notice)
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
        unit: Unit | None = None,
        source_language: str = "",
    ) -> None:
        """Show a sentence (with its translation unit in a bilingual review); pending typing
        on the previous one is committed first."""
        if segment_id != self.segment_id:
            self.commit()
        self._loading = True
        try:
            self.segment_id = segment_id
            self._committed_text = text
            self.unit = unit
            self._codes = codes.unit_codes(unit)
            if self.text() != text:
                self.editor.setPlainText(text)
                codes.insert_chips(self.editor.document(), self._codes)
            self.editor.document().clearUndoRedoStacks()  # loading is not the reviewer's typing
            self.editor.setReadOnly(segment_id is None or self.locked)
            _show_context(self.previous, previous)
            self.previous.setVisible(bool(previous))
            _show_context(self.next, following)
            self.next.setVisible(bool(following))
            if unit is not None:
                self.source.show_unit(unit, source_language)
            # a monolingual unit (a Word document's paragraph) has no source to show
            self.source.setVisible(unit is not None and bool(unit.source) and self.show_source)
            self.show_flags(flags, sentence_start)
            self.show_marks(self._marks_of(segment_id))
        finally:
            self._loading = False
        self._highlight_source()

    def text(self) -> str:
        """The editor's text with the unit's code characters (what a commit hands over)."""
        return codes.text_with_codes(self.editor.document())

    def set_show_source(self, shown: bool) -> None:
        """View > Show Source: the source above the editor, in a bilingual review."""
        self.show_source = shown
        self.source.setVisible(shown and self.unit is not None and bool(self.unit.source))

    def refuse(self, message: str) -> None:
        """Say why an edit was not made (a beep and a line under the editor)."""
        QApplication.beep()
        self.notice.setText(message)
        self.notice.show()
        self._notice_timer.start()

    def insert_text(self, text: str) -> None:
        """Put `text` (which may hold this unit's code characters) where the cursor is,
        replacing the selection, unless that would break the unit's codes."""
        cursor = self.editor.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        text = text.replace("\r\n", " ").replace("\n", " ")  # a unit has no line breaks
        if not self._keeps_codes(start, end, text):
            self.refuse(
                "Not pasted: the unit's inline codes must stay as they are (each once, in"
                " order; codes the source has may be put back, in its order); paste the"
                " words without the codes."
            )
            return
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        for character in text:
            if is_placeholder(character):
                cursor.insertText(
                    codes.OBJECT, codes.chip_format(codes.code_for(character, self._codes))
                )
            else:
                cursor.insertText(character, QTextCharFormat())
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)

    def _keeps_codes(self, start: int, end: int, inserted: str = "") -> bool:
        current = self.text()
        after = current[:start] + inserted + current[end:]
        return codes_change_allowed(current, after, self.unit)

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

    def show_marks(self, marks: list[Annotation]) -> None:
        """Underline the reviewer's error marks (offsets in the editor's text) solid."""
        length = len(self.editor.toPlainText())
        self._loaded_marks = [m for m in marks if 0 <= m.start < m.end <= length]
        self.marks = list(self._loaded_marks)
        self._marks_text = self.editor.toPlainText()
        self.editor.viewport().update()

    def _marks_of(self, segment_id: str | None) -> list[Annotation]:
        if segment_id is None:
            return []
        if self.marks_provider is None:
            return []  # an editor on its own (the window sets the provider)
        return self.marks_provider(segment_id)

    def _move_marks(self) -> None:
        """Keep the marks on their words while the reviewer types, by the rule the review
        moves them by when the edit is committed (`text_opcodes`, `moved_span`)."""
        before, after = self._marks_text, self.editor.toPlainText()
        self._marks_text = after
        if self._loading or not self.marks or before == after:
            return  # loading sets the marks afterwards; a format change moves nothing
        opcodes = text_opcodes(before, after)
        moved = []
        for mark in self.marks:
            span = moved_span(opcodes, mark.start, mark.end)
            if span is not None:
                moved.append(replace(mark, start=span[0], end=span[1]))
        self.marks = moved
        self.editor.viewport().update()

    def _mark_tooltip(self, event: QHelpEvent) -> bool:
        position = self.editor.cursorForPosition(event.pos()).position()
        rect = self.editor.cursorRect(self.editor.cursorForPosition(event.pos()))
        # the cursor nearest the pointer: the character is the one after it, or before it
        # when the pointer is on the left half of the next one
        if event.pos().x() < rect.left():
            position -= 1
        hovered = [m for m in self.marks if m.start <= position < m.end]
        if not hovered:
            return False
        QToolTip.showText(event.globalPos(), mark_tooltip(hovered), self.editor)
        return True

    @property
    def has_pending_typing(self) -> bool:
        """True while the editor holds text not yet committed to the review."""
        return self.segment_id is not None and self.text() != self._committed_text

    def set_locked(self, locked: bool) -> None:
        """Refuse typing while the review cannot be written (the window's read-only mode)."""
        self.locked = locked
        self.editor.setReadOnly(self.segment_id is None or locked)

    def commit(self) -> None:
        """Hand pending typing to the review (one command) now."""
        self.pause.stop()
        if self.has_pending_typing and self.segment_id is not None:
            text = self.text()
            if not codes_change_allowed(self._committed_text, text, self.unit):
                return  # cannot happen through the keys (they are refused); never commit it
            self._committed_text = text
            self.editCommitted.emit(self.segment_id, text)

    def selected_span(self) -> tuple[int, int] | None:
        """The selected characters of the sentence, if any."""
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            return None
        return cursor.selectionStart(), cursor.selectionEnd()

    def _on_typing(self) -> None:
        if self._loading:
            return
        if self.text() == self._committed_text:  # the typing was undone: so are its moves
            self.marks = list(self._loaded_marks)
            self.editor.viewport().update()
        if self.unit is not None and not codes_change_allowed(
            self._committed_text, self.text(), self.unit
        ):
            # Something the keys did not catch (a drag and drop, an input method) broke the
            # codes: take it back at once.
            QTimer.singleShot(0, self._restore_codes)
            return
        self.pause.start()

    def _restore_codes(self) -> None:
        document = self.editor.document()
        for _ in range(10):
            if codes_change_allowed(self._committed_text, self.text(), self.unit):
                break
            if not document.isUndoAvailable():
                self.load(self.segment_id, self._committed_text, [], 0, unit=self.unit)
                break
            self.editor.undo()
        self.refuse("Inline codes cannot be removed, added or moved; the change was undone.")

    def _highlight_source(self) -> None:
        """The numbers and names of the target selection, highlighted in the source."""
        if self.unit is None or not self.show_source:
            return
        cursor = self.editor.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        spans = matching_source_spans(self.unit.source, self.text(), start, end)
        self.source.text.highlight(spans)

    def _removal(self, event: QKeyEvent) -> tuple[int, int] | None:
        """The characters a key press would remove (None: it removes nothing)."""
        cursor = self.editor.textCursor()
        if cursor.hasSelection():
            if (
                event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
                or event.matches(QKeySequence.StandardKey.Cut)
                or (event.text() and event.text().isprintable())
            ):
                return cursor.selectionStart(), cursor.selectionEnd()
            return None
        for key, word_key, word_move, character_move in _DELETIONS:
            word = event.matches(word_key)
            if event.key() == key or word:
                probe = QTextCursor(cursor)
                probe.movePosition(
                    word_move if word else character_move, QTextCursor.MoveMode.KeepAnchor
                )
                return probe.selectionStart(), probe.selectionEnd()
        return None

    def _refuse_breaking_key(self, event: QKeyEvent) -> bool:
        """Refuse a key press that would delete or overwrite an inline code."""
        if self.unit is None or self.editor.isReadOnly():
            return False
        span = self._removal(event)
        if span is None or self._keeps_codes(*span):
            return False
        start, end = span
        text = self.text()
        labels = ", ".join(
            f"{self._codes[c].label} ({self._codes[c].markup})" if c in self._codes else "code"
            for c in text[start:end]
            if is_placeholder(c)
        )
        self.refuse(
            f"Inline codes cannot be deleted or typed over: {labels}. Edit the words around them."
        )
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Z undoes typing while there is some, else the review's last command."""
        if watched is self.editor.viewport() and event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            if self._mark_tooltip(event):
                return True
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
            if self._refuse_breaking_key(event):
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.commit()  # a sentence has no line breaks: Enter commits
                return True
        return super().eventFilter(watched, event)


def _show_context(label: QLabel, text: str) -> None:
    """A neighbouring sentence in its context line, as it always was; where it holds inline
    codes (the window hands them over as their labels, ⟨1 … 1⟩) they are drawn as chips."""
    text = codes.readable(text, {})
    if codes.LABEL_PATTERN.search(text):
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setText(f"<span>{codes.labels_as_chips(escape(text))}</span>")
    else:
        label.setTextFormat(Qt.TextFormat.AutoText)
        label.setText(text)
