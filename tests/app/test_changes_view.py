"""The Changes view: one sentence's edits or the whole document's, as a marked-up word diff."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QPushButton, QTextBrowser
from pytestqt.qtbot import QtBot

import reviewer.app.changes_view as changes_view_module
from reviewer.app.changes_view import ChangesView

pytestmark = pytest.mark.gui


@pytest.fixture
def view(qtbot: QtBot) -> ChangesView:
    widget = ChangesView()
    qtbot.addWidget(widget)
    widget.resize(500, 400)
    widget.show()
    return widget


def _browser(view: ChangesView) -> QTextBrowser:
    browser = view.findChild(QTextBrowser, "changes-text")
    assert browser is not None
    return browser


def _button(view: ChangesView, name: str) -> QPushButton:
    button = view.findChild(QPushButton, name)
    assert button is not None
    return button


def _fragments(view: ChangesView) -> list[tuple[str, QTextCharFormat]]:
    """Every run of text in the browser with its character format, as Qt laid it out."""
    runs = []
    block = _browser(view).document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            runs.append((fragment.text(), fragment.charFormat()))
            it += 1
        block = block.next()
    return runs


def _struck(view: ChangesView) -> list[str]:
    return [text for text, fmt in _fragments(view) if fmt.fontStrikeOut()]


def _underlined(view: ChangesView) -> list[str]:
    return [text for text, fmt in _fragments(view) if fmt.fontUnderline()]


def test_starts_in_sentence_mode_with_a_hint(view: ChangesView) -> None:
    assert view.mode == "sentence"
    assert _button(view, "changes-sentence-mode").isChecked()
    assert not _button(view, "changes-document-mode").isChecked()
    assert _browser(view).isReadOnly()
    assert "Select a sentence" in _browser(view).toPlainText()


def test_sentence_shows_mt_corrected_and_marked_diff(view: ChangesView) -> None:
    view.set_sentence(
        "The US military arrested the training missions.",
        "The US military halted the training missions.",
    )
    text = _browser(view).toPlainText()
    assert "The US military arrested the training missions." in text  # the MT line
    assert "The US military halted the training missions." in text  # the corrected line
    assert _struck(view) == ["arrested"]
    assert _underlined(view) == ["halted"]
    html = _browser(view).toHtml()
    # Colour is a second cue, never the only one.
    struck_format = next(fmt for t, fmt in _fragments(view) if t == "arrested")
    assert struck_format.foreground().color().name() == "#b71c1c"
    assert "arrested" in html and "halted" in html


def test_doubled_subject_is_one_struck_run(view: ChangesView) -> None:
    view.set_sentence("Mr. Pompeo He refused to comment.", "Mr. Pompeo refused to comment.")
    assert [t.strip() for t in _struck(view)] == ["He"]
    assert _underlined(view) == []


def test_unchanged_and_deleted_sentences(view: ChangesView) -> None:
    view.set_sentence("Nothing to fix here.", "Nothing to fix here.")
    assert "No changes in this sentence." in _browser(view).toPlainText()
    assert _struck(view) == []

    view.set_sentence("Leave a Reply", "")
    assert "(sentence deleted)" in _browser(view).toPlainText()
    assert _struck(view) == ["Leave a Reply"]


def test_document_text_is_escaped(view: ChangesView) -> None:
    view.set_sentence("<script>alert('x')</script> ok", "<b>bold</b> ok")
    text = _browser(view).toPlainText()
    # Shown literally, not interpreted as markup.
    assert "<script>alert('x')</script> ok" in text
    assert "<b>bold</b> ok" in text
    assert not any(fmt.fontWeight() > 400 for t, fmt in _fragments(view) if "bold" in t)


def test_buttons_switch_modes(view: ChangesView, qtbot: QtBot) -> None:
    view.set_sentence("a b", "a c")
    view.set_document([("One.", "One."), ("Two.", "Two!")])
    with qtbot.waitSignal(view.mode_changed) as signal:
        qtbot.mouseClick(_button(view, "changes-document-mode"), Qt.MouseButton.LeftButton)
    assert signal.args == ["document"]
    assert view.mode == "document"
    assert _button(view, "changes-document-mode").isChecked()
    assert not _button(view, "changes-sentence-mode").isChecked()
    assert "1 of 2 sentences changed" in _browser(view).toPlainText()

    # Clicking the checked button again keeps the mode (exclusive toggles).
    qtbot.mouseClick(_button(view, "changes-document-mode"), Qt.MouseButton.LeftButton)
    assert view.mode == "document"

    qtbot.mouseClick(_button(view, "changes-sentence-mode"), Qt.MouseButton.LeftButton)
    assert view.mode == "sentence"
    assert _struck(view) == ["b"]
    assert _underlined(view) == ["c"]


def test_set_mode_checks_the_button(view: ChangesView) -> None:
    view.set_mode("document")
    assert _button(view, "changes-document-mode").isChecked()
    assert view.mode == "document"
    view.set_mode("sentence")
    assert _button(view, "changes-sentence-mode").isChecked()
    with pytest.raises(ValueError, match="unknown"):
        view.set_mode("paragraph")  # type: ignore[arg-type]


def test_document_mode_lists_changed_sentences_by_position(view: ChangesView) -> None:
    view.set_mode("document")
    view.set_document(
        [
            ("The talks ended.", "The talks ended."),
            ("Mr. Pompeo He refused.", "Mr. Pompeo refused."),
            ("It was sunny.", "It was sunny."),
            ("Leave a Reply", ""),
        ]
    )
    text = _browser(view).toPlainText()
    assert "2 of 4 sentences changed" in text
    assert "2. Mr. Pompeo He refused." in text
    assert "4. Leave a Reply (deleted)" in text
    assert "The talks ended" not in text  # unchanged sentences are left out
    assert "It was sunny" not in text
    assert [t.strip() for t in _struck(view)] == ["He", "Leave a Reply"]


def test_document_mode_says_when_nothing_changed(view: ChangesView) -> None:
    view.set_document([("Same.", "Same."), ("Also same.", "Also same.")])
    view.set_mode("document")
    text = _browser(view).toPlainText()
    assert "0 of 2 sentences changed" in text
    assert "Nothing has been changed yet." in text
    assert _struck(view) == [] and _underlined(view) == []


def test_document_heading_singular(view: ChangesView) -> None:
    view.set_mode("document")
    view.set_document([("Hola.", "Hello.")])
    assert "1 of 1 sentence changed" in _browser(view).toPlainText()


def test_large_document_diffs_only_changed_sentences(
    view: ChangesView, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, str]] = []
    real = changes_view_module.diff_html

    def counting(before: str, after: str) -> str:
        calls.append((before, after))
        return real(before, after)

    monkeypatch.setattr(changes_view_module, "diff_html", counting)
    pairs = [
        (
            f"Sentence {i} arrested them.",
            f"Sentence {i} halted them." if i % 10 == 0 else f"Sentence {i} arrested them.",
        )
        for i in range(5000)
    ]
    # While in sentence mode the document is stored, not rendered.
    view.set_document(pairs)
    assert calls == []

    view.set_mode("document")
    # Work grows with the changed sentences only: one diff each, none for the other 4,500.
    assert len(calls) == 500
    text = _browser(view).toPlainText()
    assert text.startswith("500 of 5000 sentences changed")
    assert "4991. Sentence 4990 arrestedhalted them." in text
    assert "2. Sentence 1" not in text
    assert len(_struck(view)) == 500

    # Doubling the document doubles the work: linear, not quadratic.
    calls.clear()
    view.set_document(pairs + pairs)
    assert len(calls) == 1000
