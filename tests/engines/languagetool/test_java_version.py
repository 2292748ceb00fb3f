"""Which Java runs LanguageTool 6.8: the major version parsed from `java -version`."""

from __future__ import annotations

import pytest

from reviewer.engines.languagetool import install as install_module
from reviewer.engines.languagetool.install import java_problem_description


@pytest.mark.parametrize(
    ("line", "fine"),
    [
        ('openjdk version "17.0.15" 2025-04-15', True),
        ('openjdk version "21" 2023-09-19', True),
        ('java version "25.0.1" 2025-10-21 LTS', True),
        ('openjdk version "11.0.22" 2024-01-16', False),
        ('java version "1.8.0_392"', False),  # Java 8, spelled the old way
        ('openjdk version "7"', False),  # one digit: "17" must not be found inside "1.7"
    ],
)
def test_the_major_version_decides(line: str, fine: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(install_module, "java_version", lambda: line)
    problem = java_problem_description()
    if fine:
        assert problem is None
    else:
        assert problem is not None
        assert "needs Java 17+" in problem and line in problem


def test_no_java_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(install_module, "java_version", lambda: None)
    assert java_problem_description() == "Java is not installed (no `java` on PATH)"
