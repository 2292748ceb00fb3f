"""Preferences: stored across runs, edited in a dialog, applied to the next check."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from reviewer.app.main_window import MainWindow
from reviewer.app.preferences import Preferences, PreferenceStore, default_reviewer_name
from reviewer.app.preferences_dialog import PreferencesDialog
from reviewer.engines.artefacts.engine import ArtefactsEngine

pytestmark = pytest.mark.gui


@pytest.fixture
def store(tmp_path: Path) -> PreferenceStore:
    return PreferenceStore(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))


def test_preferences_survive_a_restart(store: PreferenceStore, tmp_path: Path) -> None:
    chosen = Preferences(
        language="en-GB",
        source_language="es",
        picky=True,
        languagetool_url="http://lt.example.org:8081",
        disabled_rules=frozenset({"QA_COMMA_SPLICE", "MT_UNTRANSLATED"}),
        reviewer_name="Ana Reviewer",
    )
    store.save(chosen)
    reopened = PreferenceStore(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    assert reopened.load() == chosen
    assert reopened.load().check_options().source_language == "es"


def test_fresh_store_gives_defaults(store: PreferenceStore) -> None:
    # Until the reviewer types a name, decisions carry the login name.
    assert store.load() == Preferences(reviewer_name=default_reviewer_name())


def test_dialog_reads_back_what_the_user_chose(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    dialog.variant.setCurrentText("en-GB")
    dialog.source.setCurrentIndex(dialog.source.findData("fr"))
    dialog.picky.setChecked(True)
    dialog.remote_server.setChecked(True)
    qtbot.keyClicks(dialog.url, "http://lt.example.org:8081/v2/")
    dialog.rules.setText("QA_COMMA_SPLICE, MT_FRAGMENT")
    dialog.accept()
    assert dialog.result() == PreferencesDialog.DialogCode.Accepted
    assert dialog.preferences() == Preferences(
        language="en-GB",
        source_language="fr",
        picky=True,
        languagetool_url="http://lt.example.org:8081",
        disabled_rules=frozenset({"QA_COMMA_SPLICE", "MT_FRAGMENT"}),
    )


def test_dialog_refuses_a_bad_url_and_stays_open(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.remote_server.setChecked(True)
    dialog.url.setText("lt.example.org")
    dialog.accept()
    assert dialog.isVisible()
    assert "not an http(s) URL" in dialog.error.text()
    assert dialog.preferences() == Preferences()


def test_dialog_refuses_a_misspelt_rule_of_ours(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.rules.setText("MT_WEB_RESIDU, MORFOLOGIK_RULE_EN_US")
    dialog.accept()
    assert dialog.isVisible()
    assert "did you mean MT_WEB_RESIDUE?" in dialog.error.text()
    dialog.rules.setText("MT_WEB_RESIDUE, MORFOLOGIK_RULE_EN_US")
    dialog.accept()
    assert dialog.preferences().disabled_rules == {"MT_WEB_RESIDUE", "MORFOLOGIK_RULE_EN_US"}


def test_applied_preferences_reach_the_next_check(  # type: ignore[no-untyped-def]
    qtbot, store: PreferenceStore, seed_copy: Path
) -> None:
    window = MainWindow(engines=[ArtefactsEngine()], store=store)
    qtbot.addWidget(window)
    window.open_path(seed_copy)
    qtbot.waitUntil(lambda: window.engine_states["artefacts"].startswith("ready"), timeout=10_000)
    before = {flag.rule for flag in window.model.all_flags()}
    assert "MT_WEB_RESIDUE" in before
    window.apply_preferences(
        Preferences(source_language="es", disabled_rules=frozenset({"MT_WEB_RESIDUE"}))
    )
    qtbot.waitUntil(lambda: window.engine_states["artefacts"].startswith("ready"), timeout=10_000)
    after = window.model.all_flags()
    assert "MT_WEB_RESIDUE" not in {flag.rule for flag in after}
    arrested = next(f for f in after if f.rule == "MT_FALSE_FRIEND" and f.text == "arrested")
    assert "Spanish" in arrested.message and "French" not in arrested.message
    assert store.load().source_language == "es"
    window.dispatcher.wait()


def test_a_glossary_in_preferences_is_kept_and_enforced_in_a_bilingual_review(  # type: ignore[no-untyped-def]
    qtbot, store: PreferenceStore, tmp_path: Path
) -> None:
    from reviewer.engines.source.engine import SourceEngine

    terms = tmp_path / "terms.csv"
    terms.write_text(
        "source,target,forbidden\ntableau de bord,dashboard,control panel\n", encoding="utf-8"
    )
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    dialog.glossary.setText(str(terms))
    dialog.accept()
    assert dialog.preferences().glossary == str(terms)
    store.save(dialog.preferences())
    assert store.load().glossary == str(terms)

    job = tmp_path / "ui.csv"
    job.write_text(
        "source,target\nOuvrez le tableau de bord.,Open the control panel.\n", encoding="utf-8"
    )
    window = MainWindow(engines=[ArtefactsEngine(), SourceEngine()], store=store)
    qtbot.addWidget(window)
    window.open_path(job)
    qtbot.waitUntil(lambda: window.engine_states["source"].startswith("ready"), timeout=10_000)
    assert ("SRC_TERMINOLOGY", "control panel") in {
        (flag.rule, flag.text) for flag in window.model.all_flags()
    }
    window.dispatcher.wait()


def test_a_glossary_that_cannot_be_read_is_refused_in_the_dialog(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path
) -> None:
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.glossary.setText(str(tmp_path / "missing.csv"))
    dialog.accept()
    assert dialog.isVisible()
    assert "missing.csv" in dialog.error.text()
    assert dialog.preferences() == Preferences()


def test_browse_buttons_fill_the_team_folder_and_glossary_and_cancel_keeps_them(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog, QPushButton

    dialog = PreferencesDialog(Preferences(team_folder="/old/team"))
    qtbot.addWidget(dialog)
    asked: list[str] = []
    chosen = {"folder": str(tmp_path / "team"), "file": str(tmp_path / "terms.tbx")}

    def pick_folder(parent, caption, start):  # type: ignore[no-untyped-def]
        asked.append(start)
        return chosen["folder"]

    def pick_file(parent, caption, start, filter):  # type: ignore[no-untyped-def]
        asked.append(filter)
        return chosen["file"], ""

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", pick_folder)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", pick_file)
    team = dialog.findChild(QPushButton, "team-folder-browse")
    glossary = dialog.findChild(QPushButton, "glossary-browse")
    qtbot.mouseClick(team, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(glossary, Qt.MouseButton.LeftButton)
    assert dialog.team_folder.text() == chosen["folder"]
    assert dialog.glossary.text() == chosen["file"]
    assert asked[0] == "/old/team"  # the dialog opens where the current folder is
    assert "*.tbx" in asked[1]
    chosen["folder"], chosen["file"] = "", ""  # the reviewer cancels both dialogs
    qtbot.mouseClick(team, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(glossary, Qt.MouseButton.LeftButton)
    assert dialog.team_folder.text() == str(tmp_path / "team")
    assert dialog.glossary.text() == str(tmp_path / "terms.tbx")
