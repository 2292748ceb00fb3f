"""`reviewer check --glossary` and the project file's glossary reach SRC_TERMINOLOGY."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.cli import main


def _files(folder: Path) -> Path:
    (folder / "terms.csv").write_text(
        "source,target,forbidden\ncontraseña,password,passcode\n", encoding="utf-8"
    )
    path = folder / "ui.csv"
    path.write_text('source,target\n"Cambie su contraseña.","Change your passcode."\n', "utf-8")
    return path


def test_the_command_line_glossary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _files(tmp_path)
    glossary = str(tmp_path / "terms.csv")
    args = ["check", str(path), "--engines", "source", "--source-language", "es"]
    assert main([*args, "--glossary", glossary]) == 0
    assert "SRC_TERMINOLOGY" in capsys.readouterr().out


def test_the_project_file_glossary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _files(tmp_path)
    (tmp_path / "reviewer.toml").write_text(
        'glossary = "terms.csv"\nsource-language = "es"\n', encoding="utf-8"
    )
    assert main(["check", str(path), "--engines", "source"]) == 0
    assert "SRC_TERMINOLOGY" in capsys.readouterr().out
