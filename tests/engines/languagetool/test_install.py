"""Provisioning: verified marker, no-op re-install, and a clear message when impossible."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from reviewer.engines.languagetool import install as install_module
from reviewer.engines.languagetool.install import (
    MARKER,
    WHAT_TO_DO,
    Installation,
    InstallError,
    find_installation,
    install,
)

pytestmark = pytest.mark.languagetool


def test_installation_is_verified_and_complete(lt_installation: Installation) -> None:
    assert lt_installation.version == "6.8"
    marker = json.loads((lt_installation.directory / MARKER).read_text(encoding="utf-8"))
    jar_dir = Path(marker["jar_dir"])
    names = set(marker["jars"])
    assert any(name.startswith("languagetool-server-6.8") for name in names)
    assert any(name.startswith("language-en-6.8") for name in names)
    assert all((jar_dir / name).stat().st_size == size for name, size in marker["jars"].items())
    # jars live in the per-user cache, never in the repository
    assert not jar_dir.resolve().is_relative_to(Path(__file__).resolve().parents[3])


def test_second_install_is_a_no_op(
    lt_installation: Installation, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_subprocess(*args: object, **kwargs: object) -> None:
        raise AssertionError("install() ran a command although LanguageTool is installed")

    monkeypatch.setattr(subprocess, "run", no_subprocess)
    assert install() == lt_installation


def _fake_install(home: Path) -> None:
    lib = home / "lib"
    lib.mkdir(parents=True)
    (lib / "languagetool-server-6.8.jar").write_bytes(b"x" * 10)
    marker = {
        "version": "6.8",
        "source": "language_tool_python",
        "jar_dir": str(lib),
        "classpath": str(lib / "*"),
        "jars": {"languagetool-server-6.8.jar": 10},
    }
    (home / MARKER).write_text(json.dumps(marker), encoding="utf-8")


def test_changed_or_missing_jars_invalidate_the_marker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REVIEWER_LANGUAGETOOL_HOME", str(tmp_path))
    assert find_installation() is None
    _fake_install(tmp_path)
    assert find_installation() is not None
    (tmp_path / "lib" / "languagetool-server-6.8.jar").write_bytes(b"truncated")
    assert find_installation() is None


def test_without_maven_and_download_the_error_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REVIEWER_LANGUAGETOOL_HOME", str(tmp_path))
    real_which = install_module.shutil.which
    monkeypatch.setattr(
        install_module.shutil, "which", lambda name: None if name == "mvn" else real_which(name)
    )

    def failing_download(version: str) -> Installation:
        raise InstallError("ConnectionError: languagetool.org unreachable")

    monkeypatch.setattr(install_module, "_install_with_language_tool_python", failing_download)
    with pytest.raises(InstallError) as raised:
        install()
    message = str(raised.value)
    assert "`mvn` is not on PATH" in message
    assert "languagetool.org unreachable" in message
    assert WHAT_TO_DO in message


def test_maven_failure_falls_back_to_language_tool_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REVIEWER_LANGUAGETOOL_HOME", str(tmp_path))

    def failing_maven(version: str) -> Installation:
        raise InstallError("Maven Central unreachable")

    def fallback(version: str) -> Installation:
        _fake_install(tmp_path)
        found = find_installation(version)
        assert found is not None
        return found

    monkeypatch.setattr(install_module, "_install_with_maven", failing_maven)
    monkeypatch.setattr(install_module, "_install_with_language_tool_python", fallback)
    installation = install(force=True)
    assert installation.source == "language_tool_python"
