"""Riskiest first: the sentence list ordered by how likely each sentence holds a Major error."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from reviewer.app import theme
from reviewer.app.sentence_delegate import SentenceDelegate
from reviewer.app.sentence_filter import SentenceFilterModel
from reviewer.app.sentence_model import HIGH_RISK_NOTE, HighRiskRole, RiskRole, SentenceModel
from reviewer.core.checking import run_check
from reviewer.core.review import Review, open_review
from reviewer.engines import create_engine

TEXT = (
    "The council met on Monday.\n"
    "Mr. Pompeo He refused to say which of the countries had agreed to the plan, and the "
    "the officials would not comment.\n"
    "The vote is next week.\n"
    "Leave a Reply\n"
)


def reviewed(folder: Path, text: str = TEXT) -> tuple[Review, SentenceModel]:
    """A review of `text` in a model, with our detectors' flags recorded."""
    path = folder / "article.txt"
    path.write_text(text, encoding="utf-8")
    review = open_review(path)
    model = SentenceModel()
    model.set_review(review)
    document = review.document
    result = run_check(document, [create_engine("artefacts")])
    model.record_flags("artefacts", document, result.flags)
    return review, model


def source_rows(proxy: SentenceFilterModel) -> list[int]:
    return [proxy.mapToSource(proxy.index(row, 0)).row() for row in range(proxy.rowCount())]


def order(proxy: SentenceFilterModel, model: SentenceModel) -> list[str]:
    return [
        model.segment(proxy.mapToSource(proxy.index(row, 0)).row()).text[:12]
        for row in range(proxy.rowCount())
    ]


def test_riskiest_first_puts_the_flagged_sentences_on_top_and_back(tmp_path: Path) -> None:
    review, model = reviewed(tmp_path)
    proxy = SentenceFilterModel(model)
    document_order = order(proxy, model)
    proxy.set_riskiest_first(True)
    risky = order(proxy, model)
    assert risky[0] == "Mr. Pompeo H"  # a doubled subject and a repeated word: highest risk
    risks = [proxy.risk_of_row(proxy.mapToSource(proxy.index(r, 0)).row()) for r in range(4)]
    assert risks == sorted(risks, reverse=True)
    proxy.set_riskiest_first(False)
    assert order(proxy, model) == document_order
    review.close()


def test_an_edit_does_not_move_the_row_until_the_order_is_refreshed(tmp_path: Path) -> None:
    review, model = reviewed(tmp_path)
    proxy = SentenceFilterModel(model)
    proxy.set_riskiest_first(True)
    before = source_rows(proxy)
    top = model.row_of(review.segments[1].id)
    risk_before = proxy.risk_of_row(top)
    model.apply(review.edit_sentence(review.segments[1].id, "Mr. Pompeo refused to say more."))
    assert model.segment(top).text == "Mr. Pompeo refused to say more."
    assert source_rows(proxy) == before  # the fixed row stays where the reviewer is
    assert proxy.risk_of_row(top) == risk_before
    proxy.refresh_order()  # after the next check: the fixed sentence is no longer risky
    assert proxy.risk_of_row(top) < risk_before / 2
    review.close()


# -- the high-risk mark ------------------------------------------------------------------------

LONG_RISKY = (
    "The minister, who had spoken on Monday, said that the agreement, which had been "
    "signed by the the two governments, the army, and several of the armed groups, would "
    "enter into force in spring, although the budget had not been approved and the the "
    "date was not set."
)


def marked(folder: Path) -> tuple[Review, SentenceModel]:
    return reviewed(folder, f"{LONG_RISKY}\nThe vote is next week.\n")


def test_a_long_flagged_sentence_is_marked_high_risk_with_a_note(tmp_path: Path) -> None:
    review, model = marked(tmp_path)
    risky, calm = model.index(0, 0), model.index(1, 0)
    assert risky.data(HighRiskRole) is True
    assert calm.data(HighRiskRole) is False
    assert risky.data(RiskRole) > calm.data(RiskRole)
    assert risky.data(Qt.ItemDataRole.ToolTipRole).startswith(HIGH_RISK_NOTE)
    assert HIGH_RISK_NOTE not in calm.data(Qt.ItemDataRole.ToolTipRole)
    review.close()


def test_the_mark_follows_the_rows_flags(tmp_path: Path) -> None:
    review, model = marked(tmp_path)
    before = model.risk_of_row(0)
    result = run_check(review.document, [create_engine("artefacts")])
    model.record_flags("artefacts", review.document, [])  # the engine now finds nothing
    assert model.risk_of_row(0) < before
    model.record_flags("artefacts", review.document, result.flags)
    assert model.risk_of_row(0) == before
    review.close()


def test_the_delegate_draws_the_mark_down_the_rows_left_edge(qtbot: QtBot, tmp_path: Path) -> None:
    review, model = marked(tmp_path)
    delegate = SentenceDelegate()

    def left_edge(row: int) -> QColor:
        option = QStyleOptionViewItem()
        option.rect = QRect(0, 0, 600, 0)
        option.font = QFont()
        height = delegate.sizeHint(option, model.index(row, 0)).height()
        option.rect = QRect(0, 0, 600, height)
        image = QImage(600, height, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        delegate.paint(painter, option, model.index(row, 0))
        painter.end()
        return image.pixelColor(1, height // 2)

    assert left_edge(0) == theme.HIGH_RISK
    assert left_edge(1) != theme.HIGH_RISK
    review.close()
