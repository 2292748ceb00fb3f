"""Derived data cached between runs: built once, read back, never a reason to fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.user_cache import cached_json, user_cache_dir


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "reviewer" / "derived"


def test_value_is_built_once_then_read_back(cache_home: Path) -> None:
    builds: list[int] = []

    def build() -> dict[str, float]:
        builds.append(1)
        return {"sin": 5.1, "über": 4.2}

    assert cached_json("table-v1", build) == {"sin": 5.1, "über": 4.2}
    assert cached_json("table-v1", build) == {"sin": 5.1, "über": 4.2}
    assert len(builds) == 1
    assert (cache_home / "table-v1.json").is_file()
    assert not list(cache_home.glob("*.tmp"))


def test_a_damaged_file_is_rebuilt(cache_home: Path) -> None:
    cache_home.mkdir(parents=True)
    (cache_home / "table-v1.json").write_text('{"sin": 5.', encoding="utf-8")
    assert cached_json("table-v1", lambda: {"sin": 5.1}) == {"sin": 5.1}
    assert cached_json("table-v1", lambda: {"other": 1.0}) == {"sin": 5.1}


def test_an_unwritable_cache_still_gives_the_value(cache_home: Path) -> None:
    cache_home.parent.mkdir(parents=True)
    cache_home.write_text("a file where the folder should be", encoding="utf-8")
    assert cached_json("table-v1", lambda: [1, 2, 3]) == [1, 2, 3]


def test_cache_dir_follows_xdg(cache_home: Path) -> None:
    assert user_cache_dir() == cache_home.parent


def test_the_suite_keeps_out_of_the_users_cache_but_finds_languagetool(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    from reviewer.engines.languagetool.settings import install_dir

    session = tmp_path_factory.getbasetemp()
    assert user_cache_dir().is_relative_to(session)  # derived tables are built for the run
    assert not install_dir().is_relative_to(session)  # the installed jars are used as they are
