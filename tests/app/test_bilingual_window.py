"""A bilingual review in the real window: the source above the target (row and editor), the
Show Source toggle, inline codes as protected chips, fixes, the changes view, flag cards and
the source highlight for a selection in the target."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from reviewer.app.codes import OBJECT
from reviewer.app.main_window import SHORTCUTS, MainWindow
from reviewer.app.sentence_editor import CODES_MIME
from reviewer.app.sentence_model import SourceRole
from reviewer.app.source_view import SHOW_SOURCE_KEY, SHOW_SOURCE_SHORTCUT
from reviewer.core.bilingual import Unit, is_placeholder, placeholders_in
from reviewer.core.flags import Flag, Severity
from reviewer.core.review import Review
from reviewer.engines.artefacts.engine import ArtefactsEngine
from tests.app.bilingual_units import (
    BREAK,
    CLOSE,
    CODES,
    OPEN,
    SPEC,
    UNITS,
    bilingual_review,
)
from tests.app.helpers import wait_until_checked

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def review(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> Iterator[Review]:
    QSettings().remove(SHOW_SOURCE_KEY)
    opened = bilingual_review(tmp_path)
    window.set_review(opened)
    wait_until_checked(qtbot, window)
    window.select_row(0)
    yield opened


def source_action(window: MainWindow) -> QAction:
    action = window.findChild(QAction, "show-source")
    assert isinstance(action, QAction)
    return action


def row_height(window: MainWindow, row: int) -> int:
    index = window.visible_rows.index(row, 0)
    option = QStyleOptionViewItem()
    option.rect = window.sentence_view.visualRect(index)
    option.font = window.sentence_view.font()
    return window.sentence_view.itemDelegate().sizeHint(option, index).height()


def place_cursor(window: MainWindow, position: int, anchor: int | None = None) -> None:
    editor = window.editor.editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(position if anchor is None else anchor)
    if anchor is not None:
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def test_the_source_sits_above_the_target_in_the_row_and_the_editor(
    window: MainWindow, review: Review
) -> None:
    index = window.visible_rows.index(0, 0)
    assert index.data(SourceRole) == UNITS[0].source
    assert window.model.display_text(0) == "Click ⟨1Save1⟩ to keep the 1,500 records.⟨2⟩"
    pane = window.editor.source
    assert pane.isVisible() and pane.text.text == UNITS[0].source
    assert pane.caption.text() == "SOURCE · es-ES"
    assert pane.geometry().bottom() < window.editor.editor.geometry().top()
    # Codes are chips (object characters) in the editor and the source, never tofu.
    assert window.editor.editor.toPlainText().count(OBJECT) == 3
    assert pane.text.toPlainText().count(OBJECT) == 3
    assert window.editor.text() == UNITS[0].target


def test_show_source_hides_it_everywhere_and_is_remembered(
    qtbot: QtBot, window: MainWindow, review: Review
) -> None:
    action = source_action(window)
    assert action.isChecked() and action.shortcut().toString() == SHOW_SOURCE_SHORTCUT
    assert any(keys == SHOW_SOURCE_SHORTCUT for keys, _ in SHORTCUTS)
    with_source = row_height(window, 0)
    action.trigger()
    assert not action.isChecked()
    assert window.visible_rows.index(0, 0).data(SourceRole) is None
    assert row_height(window, 0) < with_source
    assert not window.editor.source.isVisible()
    tooltip = window.visible_rows.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("Pulse ⟨1Guardar1⟩")  # the source is a hover away
    assert window.current_row() == 0  # the selection stays
    assert QSettings().value(SHOW_SOURCE_KEY) in (False, "false")

    second = MainWindow(engines=[ArtefactsEngine()])
    qtbot.addWidget(second)
    assert not source_action(second).isChecked()
    assert not second.model.show_source
    action.trigger()
    assert window.editor.source.isVisible()
    assert row_height(window, 0) == with_source


def test_backspace_and_delete_over_a_code_are_refused_and_the_commit_keeps_every_code(
    qtbot: QtBot, window: MainWindow, review: Review
) -> None:
    editor = window.editor.editor
    target = UNITS[0].target
    after_close = target.index(CLOSE) + 1
    place_cursor(window, after_close)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert window.editor.text() == target
    assert window.editor.notice.isVisible()
    assert "cannot be deleted" in window.editor.notice.text()
    assert "</g>" in window.editor.notice.text()

    place_cursor(window, target.index(OPEN))
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert window.editor.text() == target
    place_cursor(window, target.index(OPEN) + 1)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace, CTRL)  # the word before, with the code
    assert window.editor.text() == target

    # Typing over a selection that holds a code is refused too; around it, typing works.
    place_cursor(window, after_close + 3, anchor=target.index("Save"))
    qtbot.keyClicks(editor, "x")
    assert window.editor.text() == target
    place_cursor(window, target.index("Save") + 4)  # after "Save", before the closing code
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, "ed")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # commit
    text = review.segment("tu1").text
    assert text == f"Click {OPEN}Saved{CLOSE} to keep the 1,500 records.{BREAK}"
    assert placeholders_in(text) == [OPEN, CLOSE, BREAK]
    assert review.document.units[0].target == text


def test_copy_and_paste_keep_the_codes_and_a_paste_that_adds_one_is_refused(
    qtbot: QtBot, window: MainWindow, review: Review
) -> None:
    editor = window.editor.editor
    target = UNITS[0].target
    start, end = target.index(OPEN), target.index(CLOSE) + 1
    place_cursor(window, end, anchor=start)
    editor.copy()
    data = QApplication.clipboard().mimeData()
    assert bytes(data.data(CODES_MIME).data()).decode() == f"{OPEN}Save{CLOSE}"
    assert data.text() == '<g id="1">Save</g>'  # other programs get the markup

    editor.paste()  # over the same codes: nothing is lost
    assert window.editor.text() == target
    place_cursor(window, len(target) - 1)
    editor.paste()  # a second copy of the codes: refused
    assert window.editor.text() == target
    assert "Not pasted" in window.editor.notice.text()


def test_accepting_a_fix_in_a_unit_with_a_code_keeps_the_code(
    qtbot: QtBot, window: MainWindow, review: Review
) -> None:
    window.select_row(2)
    (card,) = [c for c in window.flag_panel.cards if c.review_flag.rule == "QA_REPEATED_WORD"]
    card.suggestion_buttons[0].click()
    text = review.segment("tu3").text
    assert text == f"The {SPEC} files have been deleted."
    assert window.editor.text() == text
    wait_until_checked(qtbot, window)


def test_the_changes_view_shows_source_mt_and_correction(
    qtbot: QtBot, window: MainWindow, review: Review
) -> None:
    window.execute(lambda: review.edit_sentence("tu2", "Minister Pompeo denied it."))
    window.select_row(1)
    window.tabs.setCurrentIndex(1)
    shown = window.changes_view.browser.toPlainText()
    assert "SOURCE" in shown and "El ministro Pompeo lo negó." in shown
    assert shown.index("SOURCE") < shown.index("MACHINE TRANSLATION") < shown.index("CORRECTED")
    window.changes_view.set_mode("document")
    shown = window.changes_view.browser.toPlainText()
    assert "1 of 3 units changed" in shown and "El ministro Pompeo lo negó." in shown
    window.select_row(0)
    window.changes_view.set_mode("sentence")
    shown = window.changes_view.browser.toPlainText().replace("\u200a", "")  # chip padding
    assert "Pulse ⟨1Guardar1⟩" in shown  # codes as their labels, never tofu
    assert not any(is_placeholder(c) for c in shown)
    wait_until_checked(qtbot, window)


def test_a_flag_card_quoting_codes_shows_their_labels(window: MainWindow, review: Review) -> None:
    document = review.document
    start = document.text.index(f"{OPEN}Save")
    flag = Flag(
        start=start,
        end=start + 6,
        text=f"{OPEN}Save{CLOSE}",
        rule="X_RULE",
        engine="artefacts",
        category="Fluency/Grammar",
        severity=Severity.MINOR,
        message=f"“{OPEN}Save{CLOSE}” reads oddly",
        suggestions=(f"{OPEN}Store{CLOSE}",),
    )
    window.model.record_flags("artefacts", document, [flag])
    window.select_row(1)
    window.select_row(0)
    shown = window.flag_panel.toPlainText()
    assert "“⟨1Save1⟩” reads oddly" in shown and "⟨1" in shown
    assert not any(is_placeholder(c) for c in shown)
    (card,) = window.flag_panel.cards
    assert card.suggestion_buttons[0].text() == "1  ⟨1Store1⟩"
    card.suggestion_buttons[0].click()
    assert (
        review.segment("tu1").text == f"Click {OPEN}Store{CLOSE} to keep the 1,500 records.{BREAK}"
    )


def test_selecting_a_number_in_the_target_highlights_it_in_the_source(
    window: MainWindow, review: Review
) -> None:
    target = UNITS[0].target
    start = target.index("1,500")
    place_cursor(window, start + 5, anchor=start)
    assert window.editor.source.text.highlighted() == ["1.500"]
    place_cursor(window, 2)
    assert window.editor.source.text.highlighted() == []
    window.select_row(1)
    target = review.segment("tu2").text
    start = target.index("Pompeo")
    place_cursor(window, start + 3, anchor=start)  # part of the name is enough
    assert window.editor.source.text.highlighted() == ["Pompeo"]


def test_a_plain_text_review_shows_no_source(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    text = tmp_path / "plain.txt"
    text.write_text("The the ship left port.\n")
    assert window.open_path(text)
    wait_until_checked(qtbot, window)
    window.select_row(0)
    assert window.visible_rows.index(0, 0).data(SourceRole) is None
    assert not window.editor.source.isVisible()
    assert window.editor.editor.toPlainText() == "The the ship left port."


def test_a_change_the_keys_did_not_catch_is_taken_back(
    qtbot: QtBot, window: MainWindow, review: Review
) -> None:
    """A drag and drop or an input method that removes a code: undone at once, and said."""
    target = UNITS[0].target
    cursor = QTextCursor(window.editor.editor.document())
    cursor.setPosition(target.index(CLOSE))
    cursor.setPosition(target.index(CLOSE) + 1, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    qtbot.waitUntil(lambda: window.editor.text() == target)
    assert "undone" in window.editor.notice.text()
    window.editor.commit()
    assert review.segment("tu1").text == target


def test_the_row_underlines_stay_on_their_words_after_a_code(
    window: MainWindow, review: Review
) -> None:
    """Each code is one object character in the row's document: offsets are unchanged."""
    delegate = window.sentence_view.itemDelegate()
    document = review.document
    start = document.text.index("1,500")
    flag = Flag(
        start=start,
        end=start + 5,
        text="1,500",
        rule="X_RULE",
        engine="artefacts",
        category="Accuracy/Mistranslation",
        severity=Severity.MAJOR,
        message="m",
    )
    option = QStyleOptionViewItem()
    option.font = window.sentence_view.font()
    sentence = window.model.sentence(0)
    text_document = delegate._text_document(  # type: ignore[attr-defined]
        sentence, [flag], option, 800, unit=UNITS[0]
    )
    shown = text_document.toPlainText()
    assert shown.count(OBJECT) == 3 and not any(is_placeholder(c) for c in shown)
    underlined = "".join(
        shown[i]
        for i in range(len(shown))
        if _format_at(text_document, i).underlineStyle()
        != QTextCharFormat.UnderlineStyle.NoUnderline
    )
    assert underlined == "1,500"


def _format_at(document: object, position: int) -> QTextCharFormat:
    cursor = QTextCursor(document)  # type: ignore[call-overload]
    cursor.setPosition(position + 1)
    return cursor.charFormat()


def test_a_bilingual_review_counts_units_and_offers_show_source(
    window: MainWindow, review: Review
) -> None:
    assert "units reviewed" in window.summary.text()
    assert window.flag_panel.toPlainText().startswith("Unit 1 of")
    assert source_action(window).isEnabled()
    assert not window.merge_action.isEnabled()  # units are never merged


def test_a_unit_without_flags_is_called_a_unit(window: MainWindow, review: Review) -> None:
    unit = review.unit(review.segments[0].id)
    window.flag_panel.show_flags("Unit 1 of 3", [], [], unit=unit)
    assert "No flags in this unit." in window.flag_panel.toPlainText()
    window.flag_panel.show_flags("Sentence 1 of 3", [], [])
    assert "No flags in this sentence." in window.flag_panel.toPlainText()


def test_a_word_documents_paragraphs_show_no_empty_source(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """A .docx is monolingual: its units have no source, and an empty line above each row
    and an empty SOURCE box above the editor only wasted room."""
    from reviewer.core.document import Document
    from reviewer.core.review import create_review

    QSettings().remove(SHOW_SOURCE_KEY)
    units = [Unit("1", "", "The vote is on Thursday."), Unit("2", "", "It was delayed.")]
    document = Document.from_units(units, path=str(tmp_path / "memo.docx"))
    window.set_review(create_review(tmp_path / "memo.docx.review", b"", document))
    wait_until_checked(qtbot, window)
    window.select_row(0)
    assert window.visible_rows.index(0, 0).data(SourceRole) is None
    assert not window.editor.source.isVisible()
    assert not source_action(window).isEnabled()


def test_show_source_is_off_for_a_plain_text_review(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "article.txt"
    path.write_text("The talks resumed on Monday.\n", encoding="utf-8")
    assert window.open_path(path)
    wait_until_checked(qtbot, window)
    assert not source_action(window).isEnabled()
    assert "<b>1</b> sentence reviewed" in window.summary.text()  # one sentence, not unit
    assert window.merge_action.isEnabled()


def test_a_code_the_mt_dropped_can_be_pasted_back_from_the_source(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dropped = Unit(
        "tu9",
        f"Pulse {OPEN}Guardar{CLOSE} ahora.",
        "Click Save now.",
        CODES,
    )
    window.set_review(bilingual_review(tmp_path, (dropped,)))
    wait_until_checked(qtbot, window)
    window.select_row(0)
    editor = window.editor.editor
    place_cursor(window, len("Click Save"), anchor=len("Click "))
    window.editor.insert_text(f"{OPEN}Save")  # an opening tag alone: refused
    assert window.editor.text() == "Click Save now."
    window.editor.insert_text(f"{OPEN}Save{CLOSE}")  # the source's pair, around the word
    assert window.editor.text() == f"Click {OPEN}Save{CLOSE} now."
    window.editor.commit()
    assert window.review is not None
    assert window.review.segment("tu9").text == f"Click {OPEN}Save{CLOSE} now."
    assert editor.toPlainText()  # the chips are drawn, the text is not empty
