"""Switching a rule off from the scorecard with "Also switch off in reviewer.toml": the rule
goes into the project file's `disable-rules` (the file as the user wrote it otherwise), or a
new `reviewer.toml` beside the document after asking, and `reviewer check` then leaves it
out too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from reviewer.app.main_window import MainWindow
from reviewer.app.scorecard_view import ScorecardView
from reviewer.cli import main
from tests.app.helpers import wait_until_checked
from tests.app.test_scorecard_view import _open_view, _review_the_seed

RULE = "MT_FALSE_FRIEND"
HAND_WRITTEN = """\
# the desk's settings
picky = false
disable-rules = [
    "QA_DOUBLE_SPACE",  # the CMS fixes these
]
"""


def _button(view: ScorecardView, rule: str) -> QPushButton:
    table = view.rules_table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == rule)
    button = table.cellWidget(row, 9).findChild(QPushButton)
    assert button is not None
    return button


def _rules_from_check(capsys: pytest.CaptureFixture[str], text: Path) -> set[str]:
    code = main(["check", str(text), "--engines", "artefacts", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return {flag["rule"] for flag in json.loads(out)["flags"]}


def test_switch_off_also_in_the_project_file_then_check_leaves_it_out(
    qtbot: QtBot, window: MainWindow, seed_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = seed_copy.parent / "reviewer.toml"
    project.write_text(HAND_WRITTEN, encoding="utf-8")
    assert RULE in _rules_from_check(capsys, seed_copy)
    _review_the_seed(qtbot, window, seed_copy)
    view = _open_view(qtbot, window)
    box = view.also_in_project
    assert box.isEnabled() and box.text() == "Also switch off in reviewer.toml"
    assert str(project) in box.toolTip()
    box.setChecked(True)
    qtbot.mouseClick(_button(view, RULE), Qt.MouseButton.LeftButton)
    assert project.read_text(encoding="utf-8") == HAND_WRITTEN.replace(
        '"QA_DOUBLE_SPACE",  # the CMS fixes these\n',
        f'"QA_DOUBLE_SPACE",  # the CMS fixes these\n    "{RULE}",\n',
    )
    assert window.project is not None and RULE in (window.project.disabled_rules or ())
    assert RULE in window.preferences.disabled_rules and RULE in window.options.disabled_rules
    assert str(project) in view.status.text()
    wait_until_checked(qtbot, window)
    assert RULE not in _rules_from_check(capsys, seed_copy)

    switched = _button(view, RULE)
    assert switched.text() == "Switch on"
    qtbot.mouseClick(switched, Qt.MouseButton.LeftButton)  # off in Preferences no more
    assert RULE not in window.preferences.disabled_rules
    assert RULE in window.options.disabled_rules, "the project file still switches it off"
    still = _button(view, RULE)
    assert still.text() == "Off in reviewer.toml" and not still.isEnabled()
    wait_until_checked(qtbot, window)
    view.close()


@pytest.fixture(params=["Yes", "Cancel"])
def answered(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The question is answered with the parameter; what was asked is recorded."""
    asked: list[str] = []

    def question(_parent: object, title: str, text: str, *_args: object) -> object:
        asked.append(f"{title} {text}")
        return getattr(QMessageBox.StandardButton, request.param)

    monkeypatch.setattr(QMessageBox, "question", question)
    asked.append(request.param)
    return asked


def test_without_a_project_file_one_is_created_beside_the_document_after_asking(
    qtbot: QtBot,
    window: MainWindow,
    seed_copy: Path,
    capsys: pytest.CaptureFixture[str],
    answered: list[str],
) -> None:
    answer = answered.pop(0)
    _review_the_seed(qtbot, window, seed_copy)
    view = _open_view(qtbot, window)
    project = seed_copy.parent / "reviewer.toml"
    assert str(project) in view.also_in_project.toolTip()
    view.also_in_project.setChecked(True)
    qtbot.mouseClick(_button(view, RULE), Qt.MouseButton.LeftButton)
    assert len(answered) == 1 and str(project) in answered[0]
    assert RULE in window.preferences.disabled_rules, "switched off in Preferences either way"
    wait_until_checked(qtbot, window)
    if answer == "Yes":
        assert project.is_file()
        assert window.project is not None and window.project.path == project
        assert window.project_label.text() == "Project: reviewer.toml"
        assert RULE not in _rules_from_check(capsys, seed_copy)
    else:
        assert not project.exists()
        assert window.project is None
        assert RULE in _rules_from_check(capsys, seed_copy)
    view.close()


def test_a_project_file_the_editor_cannot_place_the_rule_in_is_left_alone(
    qtbot: QtBot,
    window: MainWindow,
    seed_copy: Path,
    unexpected_message_boxes: list[str],
) -> None:
    pyproject = seed_copy.parent / "pyproject.toml"
    content = "[tool]\nreviewer = {picky = false}\n"
    pyproject.write_text(content, encoding="utf-8")
    _review_the_seed(qtbot, window, seed_copy)
    assert window.project is not None and window.project.path == pyproject
    view = _open_view(qtbot, window)
    assert view.also_in_project.text() == "Also switch off in pyproject.toml"
    view.also_in_project.setChecked(True)
    qtbot.mouseClick(_button(view, RULE), Qt.MouseButton.LeftButton)
    assert len(unexpected_message_boxes) == 1
    message = unexpected_message_boxes.pop()
    assert message.startswith("warning: ") and "by hand" in message
    assert pyproject.read_text(encoding="utf-8") == content
    assert RULE in window.preferences.disabled_rules
    wait_until_checked(qtbot, window)
    view.close()
