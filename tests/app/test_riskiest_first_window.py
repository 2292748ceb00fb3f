"""View > Riskiest First in the real window: the riskiest sentence on top, and an edit's
check never moves the sentence the reviewer is working on."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reviewer.app.main_window import SHORTCUTS, MainWindow
from reviewer.app.sentence_model import HIGH_RISK_NOTE
from tests.app.helpers import wait_until_checked

ARTICLE = (
    "The council met on Monday.\n"
    "Mr. Pompeo He refused to say which of the countries had agreed to the plan, and the "
    "the officials would not comment.\n"
    "The vote is next week.\n"
    "Leave a Reply\n"
)


def visible_texts(window: MainWindow) -> list[str]:
    proxy = window.visible_rows
    return [
        window.model.segment(proxy.mapToSource(proxy.index(row, 0)).row()).text[:10]
        for row in range(proxy.rowCount())
    ]


def test_riskiest_first_orders_the_list_and_an_edit_keeps_the_row_in_place(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert window.open_path(path)
    wait_until_checked(qtbot, window)
    in_document_order = visible_texts(window)
    window.riskiest_action.trigger()
    assert window.visible_rows.riskiest_first
    assert visible_texts(window)[0] == "Mr. Pompeo"
    assert window.model.segment(window.current_row()).text.startswith("Mr. Pompeo")
    order = visible_texts(window)

    segment_id = window.model.segment_id(window.current_row())
    assert window.review is not None
    review = window.review
    window.execute(lambda: review.edit_sentence(segment_id, "Mr. Pompeo left."))
    wait_until_checked(qtbot, window)
    assert visible_texts(window)[1:] == order[1:]  # the edited row stays on top
    assert window.model.segment(window.current_row()).text == "Mr. Pompeo left."

    window.recheck()  # F5: the order is taken again, the fixed sentence is no longer riskiest
    wait_until_checked(qtbot, window)
    qtbot.waitUntil(lambda: visible_texts(window)[0] != "Mr. Pompeo", timeout=5_000)

    window.riskiest_action.trigger()
    assert visible_texts(window)[1:] == in_document_order[1:]
    assert any(keys == "Ctrl+Shift+R" for keys, _ in SHORTCUTS)


RISKY_ARTICLE = (
    "The minister, who had spoken on Monday, said that the agreement, which had been "
    "signed by the the two governments, the army, and several of the armed groups, would "
    "enter into force in spring, although the budget had not been approved and the the "
    "date was not set.\n"
    "The vote is next week.\n"
)


def test_a_high_risk_sentence_says_so_in_the_flag_panel(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "risky.txt"
    path.write_text(RISKY_ARTICLE, encoding="utf-8")
    assert window.open_path(path)
    wait_until_checked(qtbot, window)
    window.select_row(0)
    qtbot.waitUntil(lambda: HIGH_RISK_NOTE in window.flag_panel.toPlainText(), timeout=5_000)
    assert "(risk 0." in window.flag_panel.toPlainText()
    window.select_row(1)
    qtbot.waitUntil(lambda: window.editor.text().startswith("The vote"), timeout=5_000)
    assert HIGH_RISK_NOTE not in window.flag_panel.toPlainText()
