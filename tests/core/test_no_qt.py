"""reviewer/core must stay free of Qt so the CLI and other tools can use it headless."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "reviewer" / "core"


def test_core_sources_do_not_import_qt() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "PySide6"]
    assert offenders == []


def test_checking_a_document_loads_no_qt_module() -> None:
    code = (
        "import sys\n"
        "from reviewer.core.document import Document\n"
        "from reviewer.core.checking import run_check\n"
        "from reviewer.engines.artefacts.engine import ArtefactsEngine\n"
        "run_check(Document.from_text('The talks ended. the union'), [ArtefactsEngine()])\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
