"""View > Scorecard in the window: charts, figures, switching a rule off, exports."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from reviewer.app.main_window import MainWindow
from reviewer.app.preferences import PreferenceStore
from reviewer.app.scorecard_view import ScorecardView
from reviewer.core.bilingual import Unit
from tests.app.bilingual_units import bilingual_review
from tests.app.helpers import wait_until_checked

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _review_the_seed(qtbot: QtBot, window: MainWindow, seed_copy: Path) -> None:
    assert window.open_path(seed_copy)
    wait_until_checked(qtbot, window)
    for row in range(window.model.rowCount()):
        for review_flag in window.model.open_review_flags_for_row(row):
            if review_flag.rule in ("MT_DOUBLED_SUBJECT", "MT_WEB_RESIDUE"):
                window.accept_flag(review_flag, 0)
            elif review_flag.rule == "MT_FALSE_FRIEND":
                window.reject_flag(review_flag, "right here")
    wait_until_checked(qtbot, window)


def _open_view(qtbot: QtBot, window: MainWindow) -> ScorecardView:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL_SHIFT)
    qtbot.waitUntil(lambda: getattr(window, "scorecard_view", None) is not None)
    view = window.scorecard_view
    assert isinstance(view, ScorecardView)
    qtbot.waitUntil(view.isVisible)
    return view


def test_ctrl_shift_s_shows_the_scorecard_with_its_charts(
    qtbot: QtBot, window: MainWindow, seed_copy: Path
) -> None:
    _review_the_seed(qtbot, window, seed_copy)
    view = _open_view(qtbot, window)
    card = view.card
    assert card is not None
    assert sorted({e.rule for e in card.mqm.errors}) == ["MT_DOUBLED_SUBJECT", "MT_WEB_RESIDUE"]
    assert card.distance.document.ter > 0
    assert view.title.text() == f"Scorecard: {seed_copy.name}"
    for panel in (view.errors_svg, view.hter_svg, view.time_svg):
        assert panel.svg.renderer().isValid()
        assert panel.source.startswith("<svg")
    assert "Fluency/Grammar" in view.errors_svg.source
    assert "100 × (1 − penalty ÷ words)" in view.formula.text()
    rules = [view.rules_table.item(r, 0).text() for r in range(view.rules_table.rowCount())]
    assert "MT_FALSE_FRIEND" in rules
    assert view.errors_table.rowCount() == len(card.mqm.errors)
    assert view.sentences_table.rowCount() == card.sentences
    view.close()


def test_switch_off_adds_the_rule_to_preferences_and_checks_again(
    qtbot: QtBot, window: MainWindow, seed_copy: Path
) -> None:
    _review_the_seed(qtbot, window, seed_copy)
    view = _open_view(qtbot, window)
    table = view.rules_table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "MT_FALSE_FRIEND")
    assert view.card is not None
    figures = next(r for r in view.card.precision if r.rule == "MT_FALSE_FRIEND")
    assert figures.precision == 0  # every one of its flags was rejected
    holder = table.cellWidget(row, 9)
    button = holder.findChild(QPushButton)
    assert button is not None
    assert button.text() == "Switch off"
    if figures.suggest_switch_off:  # enough decisions (3 by default) to suggest it
        assert button.objectName() == "switch-off-suggested"
        assert table.item(row, 8).text() == "⚠ 0%"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert "MT_FALSE_FRIEND" in window.preferences.disabled_rules
    assert "MT_FALSE_FRIEND" in window.options.disabled_rules
    assert "MT_FALSE_FRIEND" in PreferenceStore().load().disabled_rules  # saved, as Preferences
    wait_until_checked(qtbot, window)
    remaining = [
        rf.rule
        for row_index in range(window.model.rowCount())
        for rf in window.model.open_review_flags_for_row(row_index)
    ]
    assert "MT_FALSE_FRIEND" not in remaining
    switched = table.cellWidget(row, 9).findChild(QPushButton)
    assert switched is not None
    assert switched.text() == "Switch on"
    qtbot.mouseClick(switched, Qt.MouseButton.LeftButton)
    assert "MT_FALSE_FRIEND" not in window.preferences.disabled_rules
    wait_until_checked(qtbot, window)
    view.close()


def test_export_buttons_write_html_csv_and_json(
    qtbot: QtBot, window: MainWindow, seed_copy: Path, tmp_path: Path
) -> None:
    _review_the_seed(qtbot, window, seed_copy)
    view = _open_view(qtbot, window)
    html = view.export("HTML", str(tmp_path / "card.html"))
    csv_path = view.export("CSV", str(tmp_path / "card.csv"))
    json_path = view.export("JSON", str(tmp_path / "card.json"))
    assert html is not None and csv_path is not None and json_path is not None
    text = html.read_text(encoding="utf-8")
    assert text.count("<svg") == 3
    assert "<script" not in text
    assert csv_path.read_text(encoding="utf-8").startswith("[summary]")
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["mqm"]["errors"] == 4
    assert set(view.export_buttons) == {"HTML", "CSV", "JSON"}
    view.close()


def test_the_summary_cards_count_one_edit_in_the_singular(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    article = tmp_path / "talks.txt"
    article.write_text("The talks resumed on Monday.\n\nOfficials said so.\n", encoding="utf-8")
    assert window.open_path(article)
    wait_until_checked(qtbot, window)
    review = window.review
    assert review is not None
    review.edit_sentence(review.segments[0].id, "The talks resumed on Tuesday.")
    view = _open_view(qtbot, window)
    subs = [label.text() for label in view.findChildren(QLabel, "card-sub")]
    assert "1 edit · 1 word changed" in subs, subs
    view.close()


def test_the_scorecard_of_a_bilingual_review_calls_its_rows_units(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    units = (
        Unit("u1", "Das Paket kam am Freitag an.", "The parcel arrived on Friday."),
        Unit("u2", "Frau Brandt unterschrieb.", "Mrs. Brandt She signed for it."),
    )
    window.set_review(bilingual_review(tmp_path, units))
    wait_until_checked(qtbot, window)
    view = _open_view(qtbot, window)
    assert view.subtitle.text().count("2 units (0 changed)") == 1, view.subtitle.text()
    assert view.hter_svg.title.text() == "HTER PER UNIT"
    assert view.time_svg.title.text() == "TIME PER UNIT"
    assert view.tabs.tabText(view.tabs.indexOf(view.sentences_table)) == "Units"
    for panel in (view.hter_svg, view.time_svg):
        assert "sentence" not in panel.source.lower()
        assert ">unit</text>" in panel.source
    view.close()
