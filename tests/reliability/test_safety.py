"""Safety: untrusted XML is never expanded, and the code has no shell=True, eval/exec or
unpickling of user files.

MT Reviewer reads documents as plain text only: a TMX, XLIFF or HTML file given to it is
checked as text, so entities are never expanded and nothing is fetched. The XML it writes
(.docx, .tmx) goes through python-docx and translate-toolkit. The one XML file it parses,
`resources/languagetool/rules/.../grammar_custom.xml`, ships with the program. HTML reports
escaping all document text is tested in tests/test_scorecard_cli.py. The engine worker
pickles our own messages over a private pipe between our two processes (see
reviewer/app/engine_worker.py); no user file is ever unpickled.
"""

from __future__ import annotations

import ast
import io
import json
import zipfile
from pathlib import Path

import pytest

from tests.reliability.helpers import assert_one_line_error, run_cli

ROOT = Path(__file__).resolve().parents[2]

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>&lol9;</seg></tuv></tu></body></tmx>
"""


def _external_entity(secret: Path) -> str:
    return f"""<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file://{secret}">]>
<xliff version="1.2"><file><body><trans-unit id="1"><source>&xxe;</source>
<target>The minister said the plan works.</target></trans-unit></body></file></xliff>
"""


@pytest.mark.parametrize("name", ["lolz.xml", "lolz.txt"])
def test_a_billion_laughs_file_is_checked_as_text_never_expanded(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    code, out, err = run_cli(
        capsys, "check", str(path), "--engines", "artefacts", "--format", "json"
    )
    assert code == 0, err
    report = json.loads(out)
    assert report["document"]["characters"] == len(BILLION_LAUGHS.rstrip("\n")) + 1
    assert "lollol" not in out


@pytest.mark.parametrize("name", ["lolz.tmx", "lolz.xlf", "lolz.xliff"])
def test_a_billion_laughs_bilingual_file_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    """TMX and XLIFF are read as bilingual files: entity declarations are refused outright."""
    path = tmp_path / name
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    code, out, err = run_cli(capsys, "check", str(path), "--engines", "artefacts")
    assert_one_line_error(code, out, err, name, "entities")
    assert "lollol" not in out + err


def test_an_external_entity_is_never_resolved(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    path = tmp_path / "article.xlf"
    path.write_text(_external_entity(secret), encoding="utf-8")
    code, out, err = run_cli(
        capsys, "check", str(path), "--engines", "artefacts", "--format", "json"
    )
    assert_one_line_error(code, out, err, "article.xlf", "entities")
    assert "TOP-SECRET-CONTENT" not in out + err


def test_a_docx_given_as_input_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A .docx whose parts are an entity bomb (no Word relationships): one line, no hang."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", BILLION_LAUGHS)
        archive.writestr("word/document.xml", BILLION_LAUGHS)
    path = tmp_path / "article.docx"
    path.write_bytes(buffer.getvalue())
    code, out, err = run_cli(capsys, "check", str(path), "--engines", "artefacts")
    assert_one_line_error(code, out, err, "article.docx", "not a Word document")


def _sources() -> list[Path]:
    return sorted(
        path
        for folder in ("reviewer", "tools", "benchmarks")
        for path in (ROOT / folder).rglob("*.py")
    )


def _calls(tree: ast.AST) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)]


def test_no_shell_true_eval_exec_or_unsafe_yaml_in_the_code() -> None:
    problems: list[str] = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        where = path.relative_to(ROOT)
        for call in _calls(tree):
            if isinstance(call.func, ast.Name) and call.func.id in {"eval", "exec", "compile"}:
                problems.append(f"{where}:{call.lineno}: {call.func.id}()")
            for keyword in call.keywords:
                if (
                    keyword.arg == "shell"
                    and isinstance(keyword.value, ast.Constant)
                    and keyword.value.value is not False
                ):
                    problems.append(f"{where}:{call.lineno}: shell=True")
            if (
                isinstance(call.func, ast.Attribute)
                and call.func.attr in {"load", "load_all", "unsafe_load", "full_load"}
                and isinstance(call.func.value, ast.Name)
                and call.func.value.id == "yaml"
            ):
                problems.append(f"{where}:{call.lineno}: yaml.{call.func.attr}")
    assert problems == []


def test_pickle_only_in_the_engine_worker_pipe() -> None:
    """Unpickling runs code: only our own worker's messages over its private pipe."""
    users: set[str] = set()
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name.split(".")[0] in {"pickle", "marshal", "shelve", "dill"} for name in names):
                users.add(str(path.relative_to(ROOT)))
    assert users == {"reviewer/app/engine_worker.py"}
