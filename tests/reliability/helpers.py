"""Bad input, generated here: each case is a file the tests write themselves."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from reviewer.cli import main

# A minimal but real PNG header and chunk: what a user drops on the tool by mistake.
PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def check_json(capsys: pytest.CaptureFixture[str], path: Path) -> dict[str, object]:
    """`reviewer check --engines artefacts --format json` on `path`, which must succeed."""
    code, out, err = run_cli(
        capsys, "check", str(path), "--engines", "artefacts", "--format", "json"
    )
    assert code == 0, err
    assert "Traceback" not in err
    report: dict[str, object] = json.loads(out)
    return report


def assert_one_line_error(code: int, out: str, err: str, *fragments: str) -> None:
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("reviewer: error: ")
    for fragment in fragments:
        assert fragment in lines[0]


def set_schema_version(review: Path, version: int) -> None:
    db = sqlite3.connect(review)
    try:
        db.execute(f"PRAGMA user_version={version}")
        db.commit()
    finally:
        db.close()
