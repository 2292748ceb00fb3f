"""The sentence model over a review: Qt's model tester plus how flags land on rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from reviewer.app import theme
from reviewer.app.sentence_delegate import SentenceDelegate
from reviewer.app.sentence_filter import SentenceFilterModel
from reviewer.app.sentence_model import (
    DeletedRole,
    FlagsRole,
    SentenceModel,
    SeverityRole,
    StatusRole,
)
from reviewer.core.document import Document
from reviewer.core.flags import Flag, Severity
from reviewer.core.review import Review, SentenceStatus, open_review

TEXT = "Talks resumed on Monday. Officials said so.\n\nLeave a Reply"


@pytest.fixture
def review(tmp_path: Path) -> Iterator[Review]:
    text = tmp_path / "talks.txt"
    text.write_text(TEXT, encoding="utf-8")
    review = open_review(text)
    yield review
    review.close()


def flag(
    document: Document,
    start: int,
    end: int,
    engine: str,
    severity: Severity,
    *,
    suggestions: tuple[str, ...] = (),
) -> Flag:
    return Flag(
        start,
        end,
        document.text[start:end],
        "R",
        engine,
        "Other",
        severity,
        "message",
        suggestions=suggestions,
    )


def test_model_passes_qt_model_tester(qtbot: QtBot, review: Review) -> None:
    model = SentenceModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_review(review)
    document = review.document
    model.record_flags("artefacts", document, [flag(document, 0, 5, "artefacts", Severity.MINOR)])
    assert model.rowCount() == 3
    assert model.index(0, 0).data() == "Talks resumed on Monday."
    assert model.index(0, 0).data(StatusRole) == SentenceStatus.OPEN
    assert model.index(0, 0).data(DeletedRole) is False
    model.set_review(None)
    assert model.rowCount() == 0


def test_engine_flags_replace_only_that_engine_and_rows_get_worst_severity(
    qtbot: QtBot, review: Review
) -> None:
    model = SentenceModel()
    model.set_review(review)
    document = review.document
    residue = document.sentences[2]
    model.record_flags(
        "artefacts",
        document,
        [flag(document, residue.start, residue.end, "artefacts", Severity.MAJOR)],
    )
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.record_flags(
            "languagetool", document, [flag(document, 0, 5, "languagetool", Severity.MINOR)]
        )
    assert changed.args[0].row() == 0
    assert [f.engine for f in model.index(0, 0).data(FlagsRole)] == ["languagetool"]
    assert model.index(2, 0).data(SeverityRole) == Severity.MAJOR
    assert model.index(1, 0).data(SeverityRole) is None
    model.record_flags("languagetool", document, [])
    assert model.index(0, 0).data(FlagsRole) == []
    assert model.worst_severity_counts()[Severity.MAJOR] == 1


def test_decided_flags_leave_the_row_and_deleted_rows_stay(qtbot: QtBot, review: Review) -> None:
    model = SentenceModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_review(review)
    document = review.document
    residue = document.sentences[2]
    model.record_flags(
        "artefacts",
        document,
        [
            flag(
                document, residue.start, residue.end, "artefacts", Severity.MINOR, suggestions=("",)
            )
        ],
    )
    (open_flag,) = review.open_flags_in(model.segment_id(2))
    model.apply(review.accept(open_flag, 0))  # delete the residue sentence
    assert model.rowCount() == 3  # a deleted sentence keeps its row
    assert model.index(2, 0).data(DeletedRole) is True
    assert model.index(2, 0).data(FlagsRole) == []
    assert model.sentence(2).text == "Leave a Reply"  # painted with its last words
    model.apply(review.undo())
    assert model.index(2, 0).data(FlagsRole) == [open_flag.flag]


def test_filter_model_passes_qt_model_tester_and_follows_new_flags(
    qtbot: QtBot, review: Review
) -> None:
    model = SentenceModel()
    proxy = SentenceFilterModel(model)
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_review(review)
    document = review.document
    proxy.set_flagged_only(True)
    assert proxy.rowCount() == 0
    model.record_flags("artefacts", document, [flag(document, 0, 5, "artefacts", Severity.MINOR)])
    assert proxy.rowCount() == 1
    proxy.set_minimum_severity(Severity.MAJOR)
    assert proxy.rowCount() == 0
    proxy.set_flagged_only(False)
    assert proxy.rowCount() == 3


def _green_pixels(image: QImage) -> int:
    return sum(
        1
        for x in range(theme.NUMBER_COLUMN)
        for y in range(image.height())
        if (c := image.pixelColor(x, y)).green() > c.red() + 40 and c.green() > c.blue() + 40
    )


def test_reviewed_rows_draw_their_tick_in_the_reviewed_colour(qtbot: QtBot, review: Review) -> None:
    """Qt returns the status as a plain str; the delegate must still recognise REVIEWED."""
    model = SentenceModel()
    model.set_review(review)
    delegate = SentenceDelegate()
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 600, 60)
    option.font = QFont()

    def paint_row() -> QImage:
        image = QImage(600, 60, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        delegate.paint(painter, option, model.index(0, 0))
        painter.end()
        return image

    assert _green_pixels(paint_row()) == 0
    model.apply(review.mark_reviewed(model.segment_id(0)))
    assert SentenceStatus(model.index(0, 0).data(StatusRole)) is SentenceStatus.REVIEWED
    assert _green_pixels(paint_row()) > 0


def test_a_one_line_rows_tick_lies_inside_its_row(qtbot: QtBot, review: Review) -> None:
    """The glyph under the number was drawn below a one-line row's bottom edge, where the
    next row's background painted over it: a reviewed sentence showed no ✓."""
    model = SentenceModel()
    model.set_review(review)
    model.apply(review.mark_reviewed(model.segment_id(0)))
    delegate = SentenceDelegate()
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 600, 0)
    option.font = QFont()
    height = delegate.sizeHint(option, model.index(0, 0)).height()
    option.rect = QRect(0, 0, 600, height)
    image = QImage(600, height + 40, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    delegate.paint(painter, option, model.index(0, 0))
    painter.end()
    tick = _green_pixels(image)
    assert tick > 0
    assert _green_pixels(image.copy(0, 0, 600, height)) == tick


def _recounted(review: Review) -> dict[Severity, int]:
    fresh = SentenceModel()
    fresh.set_review(review)
    return fresh.worst_severity_counts()


def test_open_flag_counts_follow_checks_decisions_and_undo(review: Review) -> None:
    """The header's counts are kept as rows change: after each step they are what a count
    of every row from scratch gives."""
    model = SentenceModel()
    model.set_review(review)
    assert model.worst_severity_counts() == dict.fromkeys(Severity, 0)
    document = review.document
    first, _, residue = document.sentences
    model.record_flags(
        "artefacts",
        document,
        [
            flag(
                document, residue.start, residue.end, "artefacts", Severity.MINOR, suggestions=("",)
            ),
            flag(document, first.start, first.start + 5, "artefacts", Severity.MAJOR),
        ],
    )
    model.record_flags(
        "languagetool", document, [flag(document, 6, 13, "languagetool", Severity.MINOR)]
    )
    counts = model.worst_severity_counts()
    assert counts[Severity.MINOR] == 2 and counts[Severity.MAJOR] == 1
    assert counts == _recounted(review)
    (residue_flag,) = review.open_flags_in(model.segment_id(2))
    model.apply(review.accept(residue_flag, 0))  # deletes the residue sentence
    assert model.worst_severity_counts()[Severity.MINOR] == 1
    assert model.worst_severity_counts() == _recounted(review)
    model.apply(review.undo())
    assert model.worst_severity_counts()[Severity.MINOR] == 2
    model.record_flags("artefacts", review.document, [])
    assert model.worst_severity_counts() == _recounted(review)
    assert model.worst_severity_counts()[Severity.MAJOR] == 0


def test_rows_follow_an_edit_of_an_earlier_sentence(review: Review) -> None:
    model = SentenceModel()
    model.set_review(review)
    before = model.sentence(1)
    assert model.sentence(1) is before  # kept while the text is unchanged
    model.apply(review.edit_sentence(model.segment_id(0), "Talks resumed on Monday morning."))
    after = model.sentence(1)
    assert after.text == before.text == "Officials said so."
    assert after.start == before.start + len(" morning")
    assert review.document.text[after.start : after.end] == after.text
