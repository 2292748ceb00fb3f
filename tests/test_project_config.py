"""The project configuration file (`reviewer.toml`, `[tool.reviewer]` in pyproject.toml),
found upwards from the checked file and read by `reviewer check`; the command line wins."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.core.engine import CheckOptions
from reviewer.core.errors import ConfigurationError
from reviewer.core.project_config import (
    find_project_config,
    load_project_config,
    project_options,
)
from tests.reliability.fake_languagetool import recording_languagetool

FULL = """
language = "en-GB"
source-language = "ES"
picky = true
disable-rules = ["MT_WEB_RESIDUE"]
disable-categories = "Style,TYPOS"
dictionary = ["Pompeo"]
ignore = [{rule = "QA_COMMA_SPLICE", text = ", it was"}]
languagetool-url = "http://127.0.0.1:9/v2/"
"""


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_key_is_read(tmp_path: Path) -> None:
    path = tmp_path / "reviewer.toml"
    path.write_text(FULL, encoding="utf-8")
    config = load_project_config(path)
    assert config.language == "en-GB"
    assert config.source_language == "ES"
    assert config.picky is True
    assert config.disabled_rules == ("MT_WEB_RESIDUE",)
    assert config.disabled_categories == ("Style", "TYPOS")
    assert config.dictionary == ("Pompeo",)
    assert config.ignored == (("QA_COMMA_SPLICE", ", it was"),)
    assert config.languagetool_url == "http://127.0.0.1:9/v2/"


def test_found_upwards_reviewer_toml_before_pyproject_nearest_first(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    text = deep / "doc.txt"
    text.write_text("Text.\n", encoding="utf-8")
    assert find_project_config(text) is None
    (tmp_path / "reviewer.toml").write_text('language = "en-GB"\n', encoding="utf-8")
    assert find_project_config(text).path == tmp_path / "reviewer.toml"  # type: ignore[union-attr]
    (tmp_path / "a" / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    found = find_project_config(text)
    assert found is not None and found.path == tmp_path / "reviewer.toml", "no table: skipped"
    (tmp_path / "a" / "pyproject.toml").write_text(
        "[project]\nname = 'x'\n[tool.reviewer]\npicky = true\n", encoding="utf-8"
    )
    found = find_project_config(text)
    assert found is not None and found.path == tmp_path / "a" / "pyproject.toml"
    assert found.picky is True and found.language is None
    (tmp_path / "a" / "reviewer.toml").write_text('language = "en-US"\n', encoding="utf-8")
    found = find_project_config(text)
    assert found is not None and found.path == tmp_path / "a" / "reviewer.toml"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("langauge = 'en-GB'\n", "unknown key langauge"),
        ("picky = 'yes'\n", "picky must be true or false"),
        ("disable-rules = [1, 2]\n", "disable-rules must be a list of strings"),
        ("ignore = [{rule = 'X'}]\n", "each ignore entry"),
        ("language = \n", "not valid TOML"),
        (
            "disable-rules = ['QA_DOUBLE_SPACE', 'MT_WEB_RESIDU']\n",
            "unknown rule MT_WEB_RESIDU in disable-rules; did you mean MT_WEB_RESIDUE?",
        ),
        ("disable-rules = 'morfologik_rule_en_us'\n", "did you mean MORFOLOGIK_RULE_EN_US?"),
    ],
)
def test_a_bad_file_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, message: str
) -> None:
    (tmp_path / "reviewer.toml").write_text(content, encoding="utf-8")
    text = tmp_path / "doc.txt"
    text.write_text("Text.\n", encoding="utf-8")
    with pytest.raises(ConfigurationError, match=r"reviewer\.toml"):
        find_project_config(text)
    code, out, err = run_cli(capsys, "check", str(text), "--engines", "artefacts")
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


def test_a_misspelt_rule_to_switch_off_names_the_file(tmp_path: Path) -> None:
    """A typo in the project's rules off switched nothing off, in every check of the
    pipeline, and said nothing; LanguageTool's own ids still pass."""
    path = tmp_path / "pyproject.toml"
    path.write_text(
        "[tool.reviewer]\ndisable-rules = ['EN_QUOTES', 'QA_DUBLE_SPACE']\n", encoding="utf-8"
    )
    with pytest.raises(ConfigurationError) as raised:
        load_project_config(path)
    assert str(raised.value) == (
        f"{path}: unknown rule QA_DUBLE_SPACE in disable-rules; did you mean QA_DOUBLE_SPACE?"
    )
    path.write_text(
        "[tool.reviewer]\ndisable-rules = ['EN_QUOTES', 'QA_DOUBLE_SPACE', 'SRC_LENGTH_RATIO']\n",
        encoding="utf-8",
    )
    assert load_project_config(path).disabled_rules == (
        "EN_QUOTES",
        "QA_DOUBLE_SPACE",
        "SRC_LENGTH_RATIO",
    )


@pytest.fixture
def project(tmp_path: Path, seed_path: Path) -> Path:
    shutil.copyfile(seed_path, tmp_path / "seed.txt")
    return tmp_path


def _report(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    code, out, err = run_cli(capsys, "check", *args, "--engines", "artefacts", "--format", "json")
    assert code == 0, err
    report: dict[str, object] = json.loads(out)
    return report


def test_check_reads_the_project_file_and_the_command_line_wins(
    capsys: pytest.CaptureFixture[str], project: Path
) -> None:
    text = str(project / "seed.txt")
    plain = _report(capsys, text)
    rules = {flag["rule"] for flag in plain["flags"]}  # type: ignore[attr-defined]
    assert {"MT_WEB_RESIDUE", "QA_COMMA_SPLICE"} <= rules
    (project / "reviewer.toml").write_text(FULL, encoding="utf-8")
    configured = _report(capsys, text)
    document = configured["document"]
    assert document["language"] == "en-GB"  # type: ignore[index]
    assert document["source_language"] == "es"  # type: ignore[index]
    flags = configured["flags"]
    rules = {flag["rule"] for flag in flags}  # type: ignore[attr-defined]
    assert "MT_WEB_RESIDUE" not in rules, "disabled by the file"
    assert not any(
        f["rule"] == "QA_COMMA_SPLICE" and f["text"] == ", it was"  # type: ignore[index]
        for f in flags  # type: ignore[attr-defined]
    ), "ignored by the file"
    overridden = _report(
        capsys, text, "--language", "en-US", "--source-language", "fr", "--disable-rules", "X"
    )
    document = overridden["document"]
    assert document["language"] == "en-US"  # type: ignore[index]
    assert document["source_language"] == "fr"  # type: ignore[index]
    rules = {flag["rule"] for flag in overridden["flags"]}  # type: ignore[attr-defined]
    assert "MT_WEB_RESIDUE" in rules, "--disable-rules replaces the file's list"


def test_project_languagetool_url_is_used_unless_the_environment_names_one(
    capsys: pytest.CaptureFixture[str], project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "reviewer.toml").write_text(
        'languagetool-url = "http://127.0.0.1:9"\n', encoding="utf-8"
    )
    text = str(project / "seed.txt")
    code, out, _ = run_cli(capsys, "check", text, "--engines", "languagetool", "--format", "json")
    assert code == 0
    engine = json.loads(out)["engines"][0]
    assert engine["status"] == "unavailable"
    assert "127.0.0.1:9" in engine["reason"]
    monkeypatch.setenv("REVIEWER_LANGUAGETOOL_URL", "http://127.0.0.1:7")
    code, out, _ = run_cli(capsys, "check", text, "--engines", "languagetool", "--format", "json")
    assert "127.0.0.1:7" in json.loads(out)["engines"][0]["reason"]


def test_each_file_in_a_batch_gets_its_own_project(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_path: Path
) -> None:
    (tmp_path / "gb").mkdir()
    (tmp_path / "us").mkdir()
    shutil.copyfile(seed_path, tmp_path / "gb" / "a.txt")
    shutil.copyfile(seed_path, tmp_path / "us" / "b.txt")
    (tmp_path / "gb" / "reviewer.toml").write_text('language = "en-GB"\n', encoding="utf-8")
    report = _report(capsys, str(tmp_path))
    languages = [d["document"]["language"] for d in report["documents"]]  # type: ignore[attr-defined]
    assert languages == ["en-GB", "en-US"]


def test_a_batch_sends_each_project_to_its_own_languagetool(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REVIEWER_LANGUAGETOOL_URL", raising=False)
    with recording_languagetool() as (url_a, got_a), recording_languagetool() as (url_b, got_b):
        for name, url in (("A", url_a), ("B", url_b)):
            folder = tmp_path / name
            folder.mkdir()
            (folder / "reviewer.toml").write_text(f'languagetool-url = "{url}"\n', "utf-8")
            (folder / "one.txt").write_text(f"The first text of project {name}.\n", "utf-8")
            (folder / "two.txt").write_text(f"The second text of project {name}.\n", "utf-8")
        code, out, err = run_cli(
            capsys,
            *("check", str(tmp_path / "A"), str(tmp_path / "B")),
            *("--engines", "languagetool", "--format", "json", "--jobs", "2"),
        )
    assert code == 0, err
    documents = json.loads(out)["documents"]
    assert len(documents) == 4
    assert all(entry["engines"][0]["status"] == "ok" for entry in documents), documents
    sent_a, sent_b = "\n".join(got_a), "\n".join(got_b)
    assert "first text of project A" in sent_a and "second text of project A" in sent_a
    assert "first text of project B" in sent_b and "second text of project B" in sent_b
    assert "project B" not in sent_a and "project A" not in sent_b


def test_in_a_batch_the_environment_url_still_wins_for_every_project(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with recording_languagetool() as (url_a, got_a), recording_languagetool() as (url_b, got_b):
        monkeypatch.setenv("REVIEWER_LANGUAGETOOL_URL", url_b)
        folder = tmp_path / "A"
        folder.mkdir()
        (folder / "reviewer.toml").write_text(f'languagetool-url = "{url_a}"\n', "utf-8")
        (folder / "one.txt").write_text("The text of project A.\n", "utf-8")
        (tmp_path / "plain.txt").write_text("A text of no project.\n", "utf-8")
        code, _, err = run_cli(
            capsys,
            *("check", str(folder), str(tmp_path / "plain.txt")),
            *("--engines", "languagetool", "--format", "json"),
        )
    assert code == 0, err
    assert got_a == []
    assert any("project A" in text for text in got_b)
    assert any("no project" in text for text in got_b)


def test_project_options_given_values_win_then_the_project_then_the_defaults(
    tmp_path: Path,
) -> None:
    path = tmp_path / "reviewer.toml"
    path.write_text(FULL, encoding="utf-8")
    project = load_project_config(path)
    preferences = CheckOptions(
        language="en-US", source_language="fr", picky=False, disabled_rules=frozenset({"MINE"})
    )
    options = project_options(project, preferences)
    assert (options.language, options.source_language, options.picky) == ("en-GB", "es", True)
    assert options.disabled_rules == {"MT_WEB_RESIDUE", "MINE"}, "the project's add to mine"
    assert options.disabled_categories == {"Style", "TYPOS"}
    given = project_options(project, preferences, language="en_us", disabled_rules=frozenset({"X"}))
    assert given.language == "en-US" and given.disabled_rules == {"X"}
    assert project_options(None, preferences) == preferences
    with pytest.raises(ConfigurationError, match="invalid language"):
        project_options(None, language="english")
    with pytest.raises(ConfigurationError, match="the text checked is English"):
        project_options(None, language="fr")  # LanguageTool's French speller on English text
