"""Guard the data files linguists edit against YAML's silent type changes.

YAML 1.1 reads unquoted `no`, `yes`, `on` and `off` as booleans, so a word list containing
"no" silently loses that word. Every word list in resources/ must hold strings only.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from reviewer.resources import resources_dir

YAML_FILES = sorted(resources_dir().rglob("*.yaml"))


def non_strings_in_lists(node: Any, where: str = "") -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from non_strings_in_lists(value, f"{where}/{key}")
    elif isinstance(node, list):
        for position, item in enumerate(node):
            if isinstance(item, bool) or item is None:
                yield f"{where}[{position}] = {item!r}"
            else:
                yield from non_strings_in_lists(item, f"{where}[{position}]")


def test_there_are_data_files() -> None:
    assert len(YAML_FILES) >= 10


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(resources_dir())))
def test_lists_hold_no_booleans_or_nulls(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert list(non_strings_in_lists(data)) == []
