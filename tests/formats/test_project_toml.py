"""Adding a rule to a project file's `disable-rules` by editing the TOML as text: comments,
order and the other keys stay as the user wrote them; what cannot be placed safely is
refused with a message and the file is left alone."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.core.errors import ConfigurationError
from reviewer.core.project_config import find_project_config
from reviewer.formats.project_toml import (
    add_disabled_rule,
    create_project_file,
    with_disabled_rule,
)

HAND_WRITTEN = """\
# Our team's settings for the Spanish desk
language = "en-GB"   # British spelling
picky = false

# Rules we do not want
disable-rules = [
    "MT_WEB_RESIDUE",  # the CMS strips it
    # "QA_DOUBLE_SPACE", kept for now
    "QA_COMMA_SPLICE"
]
dictionary = ["Pompeo"]  # names
"""


def test_a_multi_line_list_gets_the_rule_on_a_line_of_its_own_comments_kept() -> None:
    edited = with_disabled_rule(HAND_WRITTEN, "MT_FALSE_FRIEND")
    assert edited == HAND_WRITTEN.replace(
        '    "QA_COMMA_SPLICE"\n]', '    "QA_COMMA_SPLICE",\n    "MT_FALSE_FRIEND",\n]'
    )
    assert tomllib.loads(edited)["disable-rules"] == [
        "MT_WEB_RESIDUE",
        "QA_COMMA_SPLICE",
        "MT_FALSE_FRIEND",
    ]
    again = with_disabled_rule(edited, "X_RULE")
    assert again == edited.replace('"MT_FALSE_FRIEND",\n]', '"MT_FALSE_FRIEND",\n    "X_RULE",\n]')


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ('disable-rules = ["A"]  # no\n', 'disable-rules = ["A", "R"]  # no\n'),
        ('disable-rules = ["A",]\n', 'disable-rules = ["A", "R"]\n'),
        ("disable-rules = []\n", 'disable-rules = ["R"]\n'),
        ("disable-rules = [ ]\n", 'disable-rules = ["R" ]\n'),
        ('disable-rules = "A,B"\n', 'disable-rules = "A,B,R"\n'),
        ("disable-rules = 'A'\n", 'disable-rules = "A,R"\n'),
        ('"disable-rules" = ["A"]\n', '"disable-rules" = ["A", "R"]\n'),
        ('disable-rules = ["A]#"]\n', 'disable-rules = ["A]#", "R"]\n'),
        ('disable-rules = ["A", "B"\n]\n', 'disable-rules = ["A", "B",\n"R",\n]\n'),
        ('disable-rules = [\n  "A", "B"]\n', 'disable-rules = [\n  "A", "B", "R"]\n'),
        ("", 'disable-rules = ["R"]\n'),
        ("# only a comment\n", '# only a comment\ndisable-rules = ["R"]\n'),
        ("picky = true\n\n[x]\ny = 1\n", 'picky = true\ndisable-rules = ["R"]\n\n[x]\ny = 1\n'),
        ("picky = true", 'picky = true\ndisable-rules = ["R"]\n'),
        (
            'picky = true\r\nlanguage = "en-GB"\r\n',
            'picky = true\r\nlanguage = "en-GB"\r\ndisable-rules = ["R"]\r\n',
        ),
        ('disable-rules = [\r\n  "A"\r\n]\r\n', 'disable-rules = [\r\n  "A",\r\n  "R",\r\n]\r\n'),
        (
            'note = """\n[tool.reviewer]\ndisable-rules = ["X"]\n"""\n',
            'note = """\n[tool.reviewer]\ndisable-rules = ["X"]\n"""\ndisable-rules = ["R"]\n',
        ),
    ],
)
def test_edits_in_place(before: str, after: str) -> None:
    assert with_disabled_rule(before, "R") == after


def test_a_rule_already_listed_changes_nothing() -> None:
    assert with_disabled_rule(HAND_WRITTEN, "QA_COMMA_SPLICE") == HAND_WRITTEN
    assert with_disabled_rule('disable-rules = "A, R"\n', "R") == 'disable-rules = "A, R"\n'


PYPROJECT = """\
[project]
name = "articles"  # not a package

[tool.reviewer]
# the desk's settings
language = "en-GB"

# ruff's, not ours
[tool.ruff]
line-length = 100
"""


def test_pyproject_gets_the_key_in_its_tool_reviewer_table() -> None:
    edited = with_disabled_rule(PYPROJECT, "R", ("tool", "reviewer"))
    assert edited == PYPROJECT.replace(
        'language = "en-GB"\n', 'language = "en-GB"\ndisable-rules = ["R"]\n'
    )
    data = tomllib.loads(edited)
    assert data["tool"]["reviewer"]["disable-rules"] == ["R"]
    assert "disable-rules" not in data["tool"]["ruff"]
    assert with_disabled_rule(edited, "S", ("tool", "reviewer")) == edited.replace(
        '["R"]', '["R", "S"]'
    )
    empty_table = "[tool.reviewer]\n[tool.ruff]\nx = 1\n"
    assert (
        with_disabled_rule(empty_table, "R", ("tool", "reviewer"))
        == '[tool.reviewer]\ndisable-rules = ["R"]\n[tool.ruff]\nx = 1\n'
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[tool]\nreviewer = {picky = true}\n", "not written as a table header"),
        ("tool.reviewer.picky = true\n", "not written as a table header"),
        ("[project]\nname = 'x'\n", "no [tool.reviewer] table"),
        ("[tool.reviewer\n", "not valid TOML"),
    ],
)
def test_what_cannot_be_placed_safely_is_refused(text: str, message: str) -> None:
    with pytest.raises(ConfigurationError, match=message.replace("[", r"\[")):
        with_disabled_rule(text, "R", ("tool", "reviewer"))


def test_add_and_create_write_the_file_and_keep_it_when_refused(tmp_path: Path) -> None:
    path = tmp_path / "reviewer.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    assert add_disabled_rule(path, "MT_FALSE_FRIEND") is True
    assert add_disabled_rule(path, "MT_FALSE_FRIEND") is False
    config = find_project_config(tmp_path / "doc.txt")
    assert config is not None and config.disabled_rules == (
        "MT_WEB_RESIDUE",
        "QA_COMMA_SPLICE",
        "MT_FALSE_FRIEND",
    )
    assert config.language == "en-GB" and config.dictionary == ("Pompeo",)
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    pyproject = tmp_path / "sub" / "pyproject.toml"
    pyproject.parent.mkdir()
    pyproject.write_text("[tool]\nreviewer = {picky = true}\n", encoding="utf-8")
    with pytest.raises(ConfigurationError, match=r"pyproject\.toml"):
        add_disabled_rule(pyproject, "R")
    assert pyproject.read_text(encoding="utf-8") == "[tool]\nreviewer = {picky = true}\n"
    fresh = create_project_file(tmp_path / "sub", "R")
    assert fresh == tmp_path / "sub" / "reviewer.toml"
    assert tomllib.loads(fresh.read_text(encoding="utf-8")) == {"disable-rules": ["R"]}
    with pytest.raises(ConfigurationError, match="already exists"):
        create_project_file(tmp_path / "sub", "S")


def test_check_no_longer_reports_a_rule_added_to_the_project_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_path: Path
) -> None:
    text = tmp_path / "seed.txt"
    shutil.copyfile(seed_path, text)
    (tmp_path / "reviewer.toml").write_text(HAND_WRITTEN, encoding="utf-8")

    def rules() -> set[str]:
        code = main(["check", str(text), "--engines", "artefacts", "--format", "json"])
        out, err = capsys.readouterr()
        assert code == 0, err
        return {flag["rule"] for flag in json.loads(out)["flags"]}

    assert "MT_FALSE_FRIEND" in rules()
    add_disabled_rule(tmp_path / "reviewer.toml", "MT_FALSE_FRIEND")
    assert "MT_FALSE_FRIEND" not in rules()
