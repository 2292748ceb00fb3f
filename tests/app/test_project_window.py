"""The window applies the project file (`reviewer.toml`, `[tool.reviewer]`) of the document
it opens, as `reviewer check` does for that file, and says so in the status bar; a
malformed one is one message and the document opens with the reviewer's preferences."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reviewer.app.main_window import MainWindow
from reviewer.app.preferences import Preferences, PreferenceStore
from reviewer.cli import main
from reviewer.core.engine import CheckOptions
from reviewer.engines.languagetool.engine import LanguageToolEngine
from tests.app.helpers import wait_until_checked
from tests.reliability.fake_languagetool import recording_languagetool

PROJECT = """\
# the Spanish desk
language = "en-GB"
source-language = "es"
picky = true
disable-rules = ["MT_WEB_RESIDUE"]
disable-categories = ["Style"]
dictionary = ["Pompeo"]
ignore = [{rule = "QA_COMMA_SPLICE", text = ", it was"}]
"""


@pytest.fixture
def project_seed(tmp_path: Path, seed_path: Path) -> Path:
    folder = tmp_path / "desk" / "articles"
    folder.mkdir(parents=True)
    (tmp_path / "desk" / "reviewer.toml").write_text(PROJECT, encoding="utf-8")
    text = folder / "seed.txt"
    shutil.copyfile(seed_path, text)
    return text


def _open_flags(window: MainWindow) -> set[tuple[str, str]]:
    return {
        (review_flag.rule, review_flag.text)
        for row in range(window.model.rowCount())
        for review_flag in window.model.open_review_flags_for_row(row)
    }


def test_the_window_makes_the_clis_choices_for_a_file_in_a_project(
    qtbot: QtBot,
    window: MainWindow,
    project_seed: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert not window.project_label.isVisible()
    assert window.open_path(project_seed)
    wait_until_checked(qtbot, window)
    options = window.options
    assert (options.language, options.source_language, options.picky) == ("en-GB", "es", True)
    assert options.disabled_rules == {"MT_WEB_RESIDUE"}
    assert options.disabled_categories == {"Style"}
    assert window.review is not None and window.review.language == "en-GB"
    assert window.project is not None
    assert window.project.path == project_seed.parent.parent / "reviewer.toml"
    assert window.project_label.isVisible()
    assert window.project_label.text() == "Project: reviewer.toml"
    assert str(window.project.path) in window.project_label.toolTip()
    assert "Pompeo" in window.word_lists.dictionary
    assert ("QA_COMMA_SPLICE", ", it was") in window.word_lists.ignored

    code = main(["check", str(project_seed), "--engines", "artefacts", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    report = json.loads(out)
    assert report["document"]["language"] == "en-GB"
    from_cli = {(flag["rule"], flag["text"]) for flag in report["flags"]}
    shown = _open_flags(window)
    assert shown == from_cli, "the same flags in the window as from reviewer check"
    assert not any(rule == "MT_WEB_RESIDUE" for rule, _ in shown)
    assert ("QA_COMMA_SPLICE", ", it was") not in shown


def test_preferences_fill_in_what_the_project_leaves_out_and_rules_add_up(
    qtbot: QtBot, tmp_path: Path, seed_path: Path
) -> None:
    store = PreferenceStore()
    store.save(Preferences(source_language="fr", disabled_rules=frozenset({"QA_DOUBLE_SPACE"})))
    window = MainWindow(engines=[], store=store)
    qtbot.addWidget(window)
    (tmp_path / "reviewer.toml").write_text(
        'disable-rules = ["MT_WEB_RESIDUE"]\n', encoding="utf-8"
    )
    text = tmp_path / "seed.txt"
    shutil.copyfile(seed_path, text)
    assert window.open_path(text)
    assert window.options == CheckOptions(
        language="en-US",
        source_language="fr",
        disabled_rules=frozenset({"QA_DOUBLE_SPACE", "MT_WEB_RESIDUE"}),
    )
    other = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    other.mkdir()
    shutil.copyfile(seed_path, other / "seed.txt")
    assert window.open_path(other / "seed.txt")
    assert window.project is None and not window.project_label.isVisible()
    assert window.options == store.load().check_options(), "no project: the preferences"
    window.dispatcher.wait()


def test_a_malformed_project_file_is_one_message_and_the_preferences_apply(
    qtbot: QtBot,
    window: MainWindow,
    project_seed: Path,
    unexpected_message_boxes: list[str],
) -> None:
    bad = project_seed.parent.parent / "reviewer.toml"
    bad.write_text('langauge = "en-GB"\n', encoding="utf-8")
    assert window.open_path(project_seed)
    assert len(unexpected_message_boxes) == 1
    message = unexpected_message_boxes.pop()
    assert message.startswith("warning: ")
    assert "unknown key langauge" in message and str(bad) in message
    assert "your preferences" in message
    wait_until_checked(qtbot, window)
    assert window.review is not None
    assert window.options == window.preferences.check_options()
    assert window.project is None
    assert window.project_label.isVisible()
    assert "not applied" in window.project_label.text()
    assert "unknown key langauge" in window.project_label.toolTip()
    window.recheck()
    wait_until_checked(qtbot, window)
    assert unexpected_message_boxes == [], "said once, not on every check"


@pytest.fixture
def two_servers() -> Iterator[tuple[tuple[str, list[str]], tuple[str, list[str]]]]:
    with recording_languagetool() as first, recording_languagetool() as second:
        yield first, second


def test_the_projects_languagetool_url_is_used_and_left_with_the_project(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    two_servers: tuple[tuple[str, list[str]], tuple[str, list[str]]],
) -> None:
    monkeypatch.delenv("REVIEWER_LANGUAGETOOL_URL", raising=False)
    (mine, to_mine), (project_server, to_project) = two_servers
    store = PreferenceStore()
    store.save(Preferences(languagetool_url=mine))
    monkeypatch.setenv("REVIEWER_ENGINE_PROCESS", "0")  # no helper process for this test
    window = MainWindow(store=store)  # its own engines, LanguageTool at my server
    qtbot.addWidget(window)
    in_project = tmp_path / "project"
    in_project.mkdir()
    (in_project / "reviewer.toml").write_text(
        f'languagetool-url = "{project_server}/v2"\n', encoding="utf-8"
    )
    (in_project / "a.txt").write_text("The text of the project.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("A text of no project.\n", encoding="utf-8")

    assert window.open_path(in_project / "a.txt")
    qtbot.waitUntil(lambda: any("of the project" in text for text in to_project), timeout=10_000)
    engine = next(e for e in window.engines if isinstance(e, LanguageToolEngine))
    assert engine.remote_url() == project_server
    assert not any("of the project" in text for text in to_mine)

    assert window.open_path(tmp_path / "b.txt")
    qtbot.waitUntil(lambda: any("no project" in text for text in to_mine), timeout=10_000)
    assert not any("no project" in text for text in to_project)
    window.close()


def test_the_command_lines_language_wins_until_preferences_choose_one(
    qtbot: QtBot, project_seed: Path
) -> None:
    window = MainWindow(engines=[], language="en-US")
    qtbot.addWidget(window)
    assert window.open_path(project_seed)
    assert window.options.language == "en-US", "reviewer FILE --language wins"
    assert window.options.source_language == "es", "the rest comes from the project"
    window.apply_preferences(replace(window.preferences, language="en-AU"))
    assert window.options.language == "en-GB", "a Preferences variant: the project's wins"
    window.dispatcher.wait()
