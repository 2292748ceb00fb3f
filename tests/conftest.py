"""Shared fixtures: the seed article and small document builders."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

# The suite drives real windows; without a display Qt would abort the whole run. `make test`
# sets this too; setting it here keeps a bare `pytest` safe.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from reviewer.core.document import Document

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_04f21086b02ac016.txt"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """A private copy of the seed: opening a text in the window writes `<text>.review`
    beside it, which must never land in seeds/."""
    copy = tmp_path / SEED.name
    shutil.copyfile(SEED, copy)
    return copy


@pytest.fixture(scope="session")
def seed_document() -> Document:
    return Document.from_file(SEED)


@pytest.fixture(autouse=True)
def isolated_user_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep tests away from the developer's own preferences (QSettings INI files)."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("settings"))
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, folder)


@pytest.fixture(autouse=True)
def isolated_user_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Keep tests away from the developer's own dictionary and ignored flags (and team's)."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("REVIEWER_CONFIG_DIR", str(folder))
    monkeypatch.delenv("REVIEWER_TEAM_FOLDER", raising=False)
    return folder


@pytest.fixture(autouse=True)
def isolated_problem_log(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Detector failures and dropped flags are logged to REVIEWER_LOG_DIR: keep it per test."""
    folder = tmp_path_factory.mktemp("log")
    monkeypatch.setenv("REVIEWER_LOG_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def isolated_review_data(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Reviews of texts in read-only folders go to REVIEWER_DATA_DIR: keep it per test."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def isolated_runtime_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The background LanguageTool's record is looked up in REVIEWER_RUNTIME_DIR: a
    developer's own background server must not answer the tests' checks."""
    folder = tmp_path_factory.mktemp("runtime")
    folder.chmod(0o700)
    monkeypatch.setenv("REVIEWER_RUNTIME_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True, scope="session")
def repository_data_stays_untouched() -> Iterator[None]:
    """Opening a text writes its review beside it: no test may do that to the repo's own
    seed or test data (they must work on copies)."""
    watched = [ROOT / "seeds", DATA]
    before = {path for folder in watched for path in folder.rglob("*")}
    yield
    after = {path for folder in watched for path in folder.rglob("*")}
    assert sorted(map(str, after - before)) == [], "tests left files in seeds/ or tests/data/"


@pytest.fixture(scope="session")
def _session_cache_home(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """A cache folder for the session, and where LanguageTool really is (read before the
    cache folder moves: `make test` installs it in the user's cache)."""
    from reviewer.engines.languagetool.settings import HOME_VARIABLE, install_dir

    languagetool = os.environ.get(HOME_VARIABLE) or str(install_dir())
    return str(tmp_path_factory.mktemp("cache")), languagetool


@pytest.fixture(autouse=True)
def isolated_user_cache(
    _session_cache_home: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Derived caches (wordfreq tables, ...) go to a session folder, never the user's
    ~/.cache; LanguageTool's jars are still found where they are installed."""
    from reviewer.engines.languagetool.settings import HOME_VARIABLE

    cache_home, languagetool = _session_cache_home
    monkeypatch.setenv(HOME_VARIABLE, languagetool)
    monkeypatch.setenv("XDG_CACHE_HOME", cache_home)
    return Path(cache_home)
