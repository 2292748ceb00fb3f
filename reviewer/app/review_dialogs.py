"""Small dialogs of the review: mark an error, find and replace, keyboard shortcuts."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.flags import Severity, mqm_categories


def ok_cancel_buttons(dialog: QDialog) -> QDialogButtonBox:
    """OK and Cancel, wired to the dialog's accept and reject."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class MarkErrorDialog(QDialog):
    """Category (from resources/mqm.yaml), severity and a note for a span the reviewer marks."""

    def __init__(self, selected_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Mark an error")
        self.category = QComboBox()
        self.category.setObjectName("mark-category")
        self.category.addItems(sorted(mqm_categories()))
        self.category.setCurrentText("Accuracy/Mistranslation")
        self.severity = QComboBox()
        self.severity.setObjectName("mark-severity")
        for severity in Severity:
            self.severity.addItem(str(severity), severity)
        self.severity.setCurrentIndex(1)
        self.note = QLineEdit()
        self.note.setObjectName("mark-note")
        self.note.setPlaceholderText("What is wrong (optional)")
        quote = QLabel(f"“{escape(selected_text)}”")
        quote.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Text:", quote)
        form.addRow("Category:", self.category)
        form.addRow("Severity:", self.severity)
        form.addRow("Note:", self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(ok_cancel_buttons(self))

    def values(self) -> tuple[str, Severity, str]:
        return self.category.currentText(), Severity(self.severity.currentData()), self.note.text()


class FindReplaceDialog(QDialog):
    """Find in the corrected text; Replace all is one undoable command."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Find and replace")
        self.setModal(False)
        self.find_text = QLineEdit()
        self.find_text.setObjectName("find-text")
        self.replace_text = QLineEdit()
        self.replace_text.setObjectName("replace-text")
        self.match_case = QCheckBox("Match case")
        self.whole_words = QCheckBox("Whole words")
        self.next_button = QPushButton("Find next")
        self.next_button.setDefault(True)
        self.replace_all_button = QPushButton("Replace all")
        self.replace_all_button.setObjectName("replace-all")
        self.status = QLabel()
        self.status.setObjectName("find-status")
        form = QFormLayout()
        form.addRow("Find:", self.find_text)
        self.replace_label = QLabel("Replace with:")
        form.addRow(self.replace_label, self.replace_text)
        options = QHBoxLayout()
        options.addWidget(self.match_case)
        options.addWidget(self.whole_words)
        options.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.replace_all_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(options)
        layout.addLayout(buttons)

    def show_mode(self, replace: bool, selected: str = "") -> None:
        """Ctrl+F shows Find alone; Ctrl+H adds the replacement. Words `selected` in the
        editor (on one line) become what to find, as in other editors."""
        if selected.strip() and "\u2029" not in selected:
            self.find_text.setText(selected)
        for widget in (self.replace_label, self.replace_text, self.replace_all_button):
            widget.setVisible(replace)
        self.setWindowTitle("Find and replace" if replace else "Find")
        self.show()
        self.raise_()
        self.activateWindow()
        self.find_text.setFocus()
        self.find_text.selectAll()


def shortcuts_dialog(rows: list[tuple[str, str]], parent: QWidget | None = None) -> QDialog:
    """Help > Keyboard shortcuts: every key the review window answers to."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Keyboard shortcuts")
    browser = QTextBrowser()
    body = "".join(
        f"<tr><td style='padding:3px 16px 3px 0'><b>{escape(keys)}</b></td>"
        f"<td>{escape(action)}</td></tr>"
        for keys, action in rows
    )
    browser.setHtml(f"<table>{body}</table>")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    dialog.resize(520, 560)
    return dialog
