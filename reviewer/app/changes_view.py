"""The "Changes" view of the review window: what the post-editor did to the machine translation.

Two questions come up while reviewing: "what did I change in this sentence?" and "what have I
changed in the whole article?" (before exporting, or to check a colleague's work). One toggle
switches between them. The view is a read-only `QTextBrowser` over `diff_html`, so deletions
are struck through and insertions underlined as well as coloured, and text can be copied.

Only the visible mode is rendered, and document mode diffs only the sentences that differ,
so a 5,000-sentence article with a few hundred edits stays cheap to show and to update.

In a bilingual review each row is a translation unit, and the view shows its source above the
MT and the correction (in both modes), with inline codes as chips rather than tofu.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Literal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reviewer.app.codes import Code, unit_codes, with_chips_html
from reviewer.core.bilingual import Unit
from reviewer.core.diff import DIFF_CSS, diff_html

ChangesMode = Literal["sentence", "document"]

_STYLE = (
    DIFF_CSS
    + """
.label { color: #5f6670; font-size: 8.5pt; }
.text { white-space: pre-wrap; }
.hint { color: #5f6670; }
.num { color: #5f6670; font-weight: 600; }
.source { color: #5f6670; }
"""
)


class ChangesView(QWidget):
    """MT vs corrected text, for the selected sentence or for every changed sentence."""

    mode_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mode: ChangesMode = "sentence"
        self._sentence: tuple[str, str] | None = None
        self._unit: Unit | None = None
        self._pairs: tuple[tuple[str, str], ...] | None = None
        self._units: tuple[Unit | None, ...] = ()

        self._sentence_button = self._toggle("This sentence", "changes-sentence-mode")
        self._document_button = self._toggle("Whole document", "changes-document-mode")
        self._sentence_button.setChecked(True)
        self._buttons = QButtonGroup(self)
        self._buttons.setExclusive(True)
        self._buttons.addButton(self._sentence_button)
        self._buttons.addButton(self._document_button)
        self._sentence_button.toggled.connect(self._on_sentence_toggled)

        self._browser = QTextBrowser(self)
        self._browser.setObjectName("changes-text")
        self._browser.setOpenLinks(False)
        self._browser.setReadOnly(True)
        self._browser.document().setDefaultStyleSheet(_STYLE)

        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self._sentence_button)
        header.addWidget(self._document_button)
        header.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self._browser, 1)
        self._render()

    def _toggle(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setCheckable(True)
        button.setFlat(True)
        return button

    @property
    def mode(self) -> ChangesMode:
        return self._mode

    @property
    def browser(self) -> QTextBrowser:
        return self._browser

    def set_mode(self, mode: ChangesMode) -> None:
        if mode not in ("sentence", "document"):
            raise ValueError(f"unknown changes mode: {mode!r}")
        # Checking the button runs _on_sentence_toggled, which renders and emits.
        (self._sentence_button if mode == "sentence" else self._document_button).setChecked(True)

    def set_sentence(self, mt: str, corrected: str, unit: Unit | None = None) -> None:
        """A sentence's MT and corrected text; in a bilingual review its unit (the source)."""
        self._sentence = (mt, corrected)
        self._unit = unit
        if self._mode == "sentence":
            self._render()

    def set_document(
        self, pairs: Sequence[tuple[str, str]], units: Sequence[Unit | None] = ()
    ) -> None:
        """Each sentence's MT and corrected text, in order; a deleted sentence has "" corrected.
        In a bilingual review `units` gives each row's unit (its source), in the same order."""
        self._pairs = tuple(pairs)
        self._units = tuple(units)
        if self._mode == "document":
            self._render()

    def _on_sentence_toggled(self, checked: bool) -> None:
        mode: ChangesMode = "sentence" if checked else "document"
        if mode == self._mode:
            return
        self._mode = mode
        self._render()
        self.mode_changed.emit(mode)

    def _render(self) -> None:
        if self._mode == "sentence":
            self._browser.setHtml(_sentence_html(self._sentence, self._unit))
        else:
            self._browser.setHtml(_document_html(self._pairs, self._units))


def _text_or_placeholder(text: str, placeholder: str, codes: dict[str, Code]) -> str:
    if not text:
        return f"<i>{placeholder}</i>"
    return f"<span class='text'>{with_chips_html(escape(text), codes)}</span>"


def _sentence_html(sentence: tuple[str, str] | None, unit: Unit | None = None) -> str:
    if sentence is None:
        return "<p class='hint'>Select a sentence to see what was changed.</p>"
    mt, corrected = sentence
    codes = unit_codes(unit)
    if mt == corrected:
        changes = "<p class='hint'>No changes in this sentence.</p>"
    else:
        changes = f"<p>{with_chips_html(diff_html(mt, corrected), codes)}</p>"
    source = ""
    if unit is not None:
        source = (
            "<p class='label'>SOURCE</p>"
            f"<p class='source'>{_text_or_placeholder(unit.source, '(no source)', codes)}</p>"
        )
    return (
        f"{source}<p class='label'>MACHINE TRANSLATION</p>"
        f"<p>{_text_or_placeholder(mt, '(no machine translation: added sentence)', codes)}</p>"
        "<p class='label'>CORRECTED</p>"
        f"<p>{_text_or_placeholder(corrected, '(sentence deleted)', codes)}</p>"
        f"<p class='label'>CHANGES</p>{changes}"
    )


def _document_html(
    pairs: tuple[tuple[str, str], ...] | None, units: Sequence[Unit | None] = ()
) -> str:
    if pairs is None:
        return "<p class='hint'>Open a document to see what was changed.</p>"
    changed = [(number, mt, fixed) for number, (mt, fixed) in enumerate(pairs, 1) if mt != fixed]
    total = len(pairs)
    noun = "unit" if any(unit is not None for unit in units) else "sentence"
    parts = [f"<h3>{len(changed)} of {total} {noun}{'' if total == 1 else 's'} changed</h3>"]
    if not changed:
        parts.append("<p class='hint'>Nothing has been changed yet.</p>")
    for number, mt, corrected in changed:
        unit = units[number - 1] if number <= len(units) else None
        codes = unit_codes(unit)
        note = " <i>(deleted)</i>" if not corrected else ""
        diff = with_chips_html(diff_html(mt, corrected), codes)
        if unit is not None:
            source = with_chips_html(escape(unit.source), codes)
            parts.append(
                f"<p><span class='num'>{number}.</span> <span class='source'>{source}</span>"
                f"<br/>{diff}{note}</p>"
            )
        else:
            parts.append(f"<p><span class='num'>{number}.</span> {diff}{note}</p>")
    return "".join(parts)
