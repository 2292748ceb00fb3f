"""The reviewer's own error marks (Ctrl+M) in the text: underlined solid in the sentence list
and the editor, on the right words while the sentence is edited, and after reopening."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QImage, QPainter
from PySide6.QtWidgets import QListView, QStyleOptionViewItem, QWidget
from pytestqt.qtbot import QtBot

from reviewer.app import sentence_delegate, sentence_editor, theme
from reviewer.app.main_window import MainWindow
from reviewer.app.sentence_delegate import SentenceDelegate, mark_tooltip
from reviewer.app.sentence_editor import SentenceEditor
from reviewer.app.sentence_model import (
    AnnotationsRole,
    HighRiskRole,
    RiskRole,
    SentenceModel,
    moved_span,
    text_opcodes,
)
from reviewer.core.flags import Severity
from reviewer.core.review import Annotation, Review, open_review
from reviewer.engines.artefacts.engine import ArtefactsEngine
from tests.app.helpers import wait_until_checked
from tests.app.test_review_window import (
    open_and_check,
    patch_mark_error_dialog,
    select_in_editor,
)

# A text of our own: a council report with a tense error no checker flags.
COUNCIL = (
    "Council report\n\n"
    "The council has took the decision to close the old library. Residents were not asked.\n"
)
MARKED = "has took the decision"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def review(tmp_path: Path) -> Iterator[Review]:
    path = tmp_path / "council.txt"
    path.write_text(COUNCIL, encoding="utf-8")
    review = open_review(path)
    yield review
    review.close()


def council_row(model: SentenceModel) -> int:
    return next(row for row in range(model.rowCount()) if MARKED in model.segment(row).text)


def mark(review: Review, model: SentenceModel, words: str = MARKED) -> str:
    segment_id = model.segment_id(council_row(model))
    start = review.segment(segment_id).text.index(words)
    model.apply(
        review.annotate(
            segment_id,
            start,
            start + len(words),
            category="Fluency/Grammar",
            severity=Severity.MAJOR,
            note="present perfect: has taken",
        )
    )
    return segment_id


def marked_words(model: SentenceModel, row: int) -> list[str]:
    return [a.text for a in model.index(row, 0).data(AnnotationsRole)]


# -- where a mark stands --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        ("Yesterday the council has took the decision to close it.", "has took the decision"),
        ("The council has taken the decision to close it.", "has taken the decision"),
        ("The council has took the final decision to close it.", "has took the final decision"),
        ("The council has took the decision, to close it.", "has took the decision"),
        ("The council made the decision to close it.", "made the decision"),
        ("The council has took the decisions to close it.", "has took the decisions"),
        ("The council decided to close it.", "decided"),
    ],
)
def test_a_span_follows_an_edit_before_inside_after_and_over_it(
    after: str, expected: str | None
) -> None:
    before = "The council has took the decision to close it."
    start = before.index(MARKED)
    span = moved_span(text_opcodes(before, after), start, start + len(MARKED))
    assert (after[span[0] : span[1]] if span else None) == expected


def test_a_span_whose_words_are_deleted_is_gone() -> None:
    before = "They will close the old library in May."
    after = "They will close the library in May."
    start = before.index("old")
    assert moved_span(text_opcodes(before, after), start, start + 3) is None
    assert moved_span(text_opcodes(before, before), start, start + 3) == (start, start + 3)


def test_the_row_gives_its_marks_where_they_stand_after_edits_and_undo(review: Review) -> None:
    model = SentenceModel()
    model.set_review(review)
    row = council_row(model)
    assert model.index(row, 0).data(AnnotationsRole) == []
    segment_id = mark(review, model)
    assert marked_words(model, row) == [MARKED]
    (placed,) = model.index(row, 0).data(AnnotationsRole)
    assert isinstance(placed, Annotation) and placed.severity is Severity.MAJOR

    text = review.segment(segment_id).text
    # an edit before the mark moves it
    model.apply(review.edit_sentence(segment_id, "Last week " + text[0].lower() + text[1:]))
    (placed,) = model.index(row, 0).data(AnnotationsRole)
    assert placed.text == MARKED
    assert review.segment(segment_id).text[placed.start : placed.end] == MARKED
    # an edit inside the mark widens it; the stored annotation keeps the words it was made on
    text = review.segment(segment_id).text
    model.apply(review.edit_sentence(segment_id, text.replace("has took", "has taken")))
    assert marked_words(model, row) == ["has taken the decision"]
    assert [a.text for a in review.annotations] == [MARKED]
    # the marked words deleted (a half-done rewrite): no underline; undo brings them back,
    # and the mark with them
    widened = review.segment(segment_id).text
    model.apply(review.edit_sentence(segment_id, widened.replace(" has taken the decision", "")))
    assert marked_words(model, row) == []
    model.apply(review.undo())
    assert marked_words(model, row) == ["has taken the decision"]
    model.apply(review.undo())
    model.apply(review.undo())
    assert marked_words(model, row) == [MARKED]
    assert review.segment(segment_id).text == text.replace("Last week the", "The")
    # the risk roles another engineer added still answer beside the new one
    assert isinstance(model.index(row, 0).data(RiskRole), float)
    assert model.index(row, 0).data(HighRiskRole) in (True, False)


def test_a_moved_mark_survives_reopening_the_review(review: Review, tmp_path: Path) -> None:
    model = SentenceModel()
    model.set_review(review)
    segment_id = mark(review, model)
    taken = review.segment(segment_id).text.replace("has took", "has taken")
    review.edit_sentence(segment_id, "In May " + taken[0].lower() + taken[1:])
    path = review.path
    review.close()
    again = open_review(tmp_path / "council.txt")
    try:
        assert again.path == path
        model.set_review(again)
        row = model.row_of(segment_id)
        assert marked_words(model, row) == ["has taken the decision"]
    finally:
        again.close()


# -- painted ---------------------------------------------------------------------------------


def _mark_line_pixels(image: QImage, colour: QColor) -> dict[int, int]:
    """Pixels of exactly the mark's colour, counted per row of the image."""
    counts: dict[int, int] = {}
    for y in range(image.height()):
        for x in range(theme.NUMBER_COLUMN, image.width()):
            if image.pixelColor(x, y) == colour:
                counts[y] = counts.get(y, 0) + 1
    return counts


class ToolTips:
    """Stands in for QToolTip: records what would be shown."""

    shown: ClassVar[list[str]] = []

    @classmethod
    def showText(cls, _pos: QPoint, text: str, _widget: QWidget | None = None) -> None:  # noqa: N802
        cls.shown.append(text)


@pytest.fixture
def tooltips(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    ToolTips.shown = []
    monkeypatch.setattr(sentence_delegate, "QToolTip", ToolTips)
    monkeypatch.setattr(sentence_editor, "QToolTip", ToolTips)
    return ToolTips.shown


def test_the_row_underlines_a_mark_with_a_solid_line_in_its_severity_colour(
    qtbot: QtBot, review: Review, tooltips: list[str]
) -> None:
    model = SentenceModel()
    model.set_review(review)
    row = council_row(model)
    delegate = SentenceDelegate()
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 900, 0)
    option.font = QFont()
    height = delegate.sizeHint(option, model.index(row, 0)).height()
    option.rect = QRect(0, 0, 900, height)

    def paint_row() -> QImage:
        image = QImage(900, height, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        delegate.paint(painter, option, model.index(row, 0))
        painter.end()
        return image

    orange = theme.SEVERITY_COLOURS[Severity.MAJOR]
    assert _mark_line_pixels(paint_row(), orange) == {}
    mark(review, model)
    lines = _mark_line_pixels(paint_row(), orange)
    # one unbroken line under the marked words, as thick as the theme says (a wavy flag
    # underline never has this many pixels on one row of the image)
    metrics = QFontMetrics(option.font)
    longest = max(lines.values())
    assert longest >= metrics.horizontalAdvance(MARKED) * 0.9
    full = [y for y, count in lines.items() if count >= longest * 0.9]
    assert len(full) == int(theme.MARK_UNDERLINE_WIDTH)

    # hovering the marked words says it is the reviewer's mark; other words say nothing new
    def hover(x: int) -> bool:
        y = min(full) - metrics.height() // 2
        event = QHelpEvent(QEvent.Type.ToolTip, QPoint(x, y), QPoint(x, y))
        return delegate.helpEvent(event, QListView(), option, model.index(row, 0))

    assert hover(theme.NUMBER_COLUMN + metrics.horizontalAdvance("The council has t"))
    assert "Your error mark" in tooltips[-1] and "Fluency/Grammar" in tooltips[-1]
    assert "present perfect: has taken" in tooltips[-1]
    before = len(tooltips)
    hover(theme.NUMBER_COLUMN + metrics.horizontalAdvance("The cou"))
    assert len(tooltips) == before


def test_a_deleted_row_draws_no_mark(qtbot: QtBot, review: Review) -> None:
    model = SentenceModel()
    model.set_review(review)
    segment_id = mark(review, model)
    model.apply(review.edit_sentence(segment_id, ""))
    assert model.index(model.row_of(segment_id), 0).data(AnnotationsRole) == []


def test_mark_tooltip_names_the_reviewer_severity_category_and_note() -> None:
    annotation = Annotation(
        "a1", "s1", 0, 4, "took", "Accuracy/Mistranslation", Severity.CRITICAL, "<sic>", "Ana"
    )
    tip = mark_tooltip([annotation])
    assert "Your error mark (Ana)" in tip and "Critical" in tip and "&lt;sic&gt;" in tip


# -- the editor -------------------------------------------------------------------------------


def editor_marks(editor: SentenceEditor) -> list[str]:
    text = editor.editor.toPlainText()
    return [text[m.start : m.end] for m in editor.marks]


def type_at(qtbot: QtBot, editor: SentenceEditor, position: int, words: str) -> None:
    cursor = editor.editor.textCursor()
    cursor.setPosition(position)
    editor.editor.setTextCursor(cursor)
    qtbot.keyClicks(editor.editor, words)


def test_the_editor_underlines_a_mark_and_keeps_it_on_its_words_while_typing(
    qtbot: QtBot, review: Review, tooltips: list[str]
) -> None:
    model = SentenceModel()
    model.set_review(review)
    segment_id = mark(review, model)
    row = model.row_of(segment_id)
    editor = SentenceEditor()
    editor.marks_provider = lambda sid: model.index(model.row_of(sid), 0).data(AnnotationsRole)
    qtbot.addWidget(editor)
    editor.resize(700, 200)
    editor.show()
    text = review.segment(segment_id).text
    editor.load(segment_id, text, [], 0)
    assert editor_marks(editor) == [MARKED]

    orange = theme.SEVERITY_COLOURS[Severity.MAJOR]
    image = editor.editor.viewport().grab().toImage()
    widths = [
        sum(1 for x in range(image.width()) if image.pixelColor(x, y) == orange)
        for y in range(image.height())
    ]
    assert max(widths) >= QFontMetrics(editor.editor.font()).horizontalAdvance(MARKED) * 0.8

    # hovering the mark says whose it is
    cursor = editor.editor.textCursor()
    cursor.setPosition(text.index("took") + 1)
    point = editor.editor.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, editor.editor.viewport().mapToGlobal(point))
    assert editor.eventFilter(editor.editor.viewport(), event)
    assert "Your error mark" in tooltips[-1]

    # typing before the mark moves it; typing inside widens it; after it, stays outside
    type_at(qtbot, editor, 0, "In May ")
    assert editor_marks(editor) == [MARKED]
    type_at(qtbot, editor, editor.text().index("took the"), "surely ")
    assert editor_marks(editor) == ["has surely took the decision"]
    type_at(qtbot, editor, editor.text().index(" to close"), " alone")
    assert editor_marks(editor) == ["has surely took the decision"]
    # undoing the typing puts the marks back as they were
    while editor.editor.document().isUndoAvailable():
        editor.editor.undo()
    assert editor.text() == text
    assert editor_marks(editor) == [MARKED]

    # the committed edit places the mark where the typing left it
    type_at(qtbot, editor, editor.text().index("took"), "surely ")
    edited = editor.text()
    model.apply(review.edit_sentence(segment_id, edited))
    assert marked_words(model, row) == ["has surely took the decision"]
    editor.load(segment_id, edited, [], 0)
    assert editor_marks(editor) == ["has surely took the decision"]


# -- the window -------------------------------------------------------------------------------


def test_a_mark_made_in_the_window_shows_in_the_list_and_editor_and_after_reopening(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "council.txt"
    path.write_text(COUNCIL, encoding="utf-8")
    open_and_check(qtbot, window, path)
    row = council_row(window.model)
    window.select_row(row)
    patch_mark_error_dialog(monkeypatch, "Fluency/Grammar", Severity.MAJOR, "has taken")
    select_in_editor(window, MARKED)
    qtbot.keyClick(window.editor.editor, Qt.Key.Key_M, CTRL)
    assert marked_words(window.model, row) == [MARKED]
    assert editor_marks(window.editor) == [MARKED]
    assert "Errors you marked" in window.flag_panel.toPlainText()

    # an edit inside the mark, typed and committed with Enter
    editor = window.editor.editor
    type_at(qtbot, window.editor, editor.toPlainText().index("took"), "indeed ")
    assert editor_marks(window.editor) == ["has indeed took the decision"]
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    segment_id = window.model.segment_id(row)
    assert "has indeed took" in window.review.segment(segment_id).text  # type: ignore[union-attr]
    assert editor_marks(window.editor) == ["has indeed took the decision"]
    assert marked_words(window.model, row) == ["has indeed took the decision"]
    wait_until_checked(qtbot, window)
    window.close()

    reopened = MainWindow(engines=[ArtefactsEngine()])
    qtbot.addWidget(reopened)
    reopened.show()
    open_and_check(qtbot, reopened, path)
    reopened.select_row(row)
    assert marked_words(reopened.model, row) == ["has indeed took the decision"]
    assert editor_marks(reopened.editor) == ["has indeed took the decision"]
    reopened.dispatcher.wait()
