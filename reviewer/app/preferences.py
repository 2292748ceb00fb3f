"""The reviewer's lasting choices: English variant, source language, LanguageTool server.

Stored with QSettings (an INI file in the user's configuration directory) so they survive
restarts; command-line flags still win for one run. Environment variables remain the way to
configure the headless CLI; a server URL chosen here applies to the window.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QSettings

from reviewer.core.engine import CheckOptions, parse_name_list

_GROUP = "checks"


@dataclass(frozen=True)
class Preferences:
    """What the window checks with; `languagetool_url` None means the local server."""

    language: str = "en-US"
    source_language: str | None = None
    picky: bool = False
    languagetool_url: str | None = None
    disabled_rules: frozenset[str] = field(default_factory=frozenset)
    reviewer_name: str = ""
    team_folder: str | None = None  # shared dictionary and ignored flags
    glossary: str | None = None  # CSV/TSV/TBX terms the source engine enforces

    def check_options(self) -> CheckOptions:
        return CheckOptions(
            language=self.language,
            source_language=self.source_language,
            picky=self.picky,
            disabled_rules=self.disabled_rules,
            glossary=self.glossary,
        )

    def with_language(self, language: str | None) -> Preferences:
        """These preferences with a variant given on the command line, if any."""
        return replace(self, language=language) if language else self


def default_reviewer_name() -> str:
    """The login name, until the reviewer types their own name in Preferences."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


class PreferenceStore:
    """Reads and writes `Preferences` through QSettings."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings or QSettings("MT Reviewer", "MT Reviewer")

    def load(self) -> Preferences:
        s = self.settings
        s.beginGroup(_GROUP)
        try:
            rules = str(s.value("disabled_rules", "") or "")
            return Preferences(
                language=str(s.value("language", "en-US") or "en-US"),
                source_language=str(s.value("source_language", "") or "") or None,
                picky=str(s.value("picky", "false")).lower() == "true",
                languagetool_url=str(s.value("languagetool_url", "") or "") or None,
                disabled_rules=parse_name_list(rules),
                reviewer_name=str(s.value("reviewer_name", "") or "") or default_reviewer_name(),
                team_folder=str(s.value("team_folder", "") or "") or None,
                glossary=str(s.value("glossary", "") or "") or None,
            )
        finally:
            s.endGroup()

    def save(self, preferences: Preferences) -> None:
        s = self.settings
        s.beginGroup(_GROUP)
        s.setValue("language", preferences.language)
        s.setValue("source_language", preferences.source_language or "")
        s.setValue("picky", "true" if preferences.picky else "false")
        s.setValue("languagetool_url", preferences.languagetool_url or "")
        s.setValue("disabled_rules", ",".join(sorted(preferences.disabled_rules)))
        s.setValue("reviewer_name", preferences.reviewer_name)
        s.setValue("team_folder", preferences.team_folder or "")
        s.setValue("glossary", preferences.glossary or "")
        s.endGroup()
        s.sync()
