"""Helpers for the bilingual format tests: fixtures and "only these lines changed"."""

from __future__ import annotations

import difflib
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def changed_lines(before: bytes, after: bytes, encoding: str = "utf-8") -> list[str]:
    """The removed (-) and added (+) lines between two versions of a text file."""
    diff = difflib.ndiff(
        before.decode(encoding).splitlines(keepends=True),
        after.decode(encoding).splitlines(keepends=True),
    )
    return [line[0] + line[2:].rstrip("\r\n") for line in diff if line[:1] in "+-"]
