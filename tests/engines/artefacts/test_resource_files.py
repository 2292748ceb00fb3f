"""Guard the data files linguists edit against YAML's silent type changes.

YAML 1.1 reads unquoted `no`, `yes`, `on` and `off` as booleans, so a word list containing
"no" silently loses that word, and a mapping key `no:` (a false friend, a category) silently
becomes the key `False`. Every word list and every mapping key in resources/ must be a
string, and no mapping may name a key twice (YAML keeps the last one without a word).
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


def non_string_keys(node: Any, where: str = "") -> Iterator[str]:
    """Mapping keys YAML did not read as strings (`no:` is False, `~:` None, `1929:` 1929)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if not isinstance(key, str):
                yield f"{where}/{key!r} is a {type(key).__name__} key"
            yield from non_string_keys(value, f"{where}/{key}")
    elif isinstance(node, list):
        for position, item in enumerate(node):
            yield from non_string_keys(item, f"{where}[{position}]")


def duplicate_keys(text: str) -> list[str]:
    """Keys given twice in one mapping, with their lines (safe_load keeps only the last)."""
    found: list[str] = []

    def walk(node: yaml.Node) -> None:
        if isinstance(node, yaml.MappingNode):
            seen: dict[tuple[str, str], int] = {}
            for key_node, value_node in node.value:
                key = (key_node.tag, str(key_node.value))  # 'on' (a string) is not on (True)
                line = key_node.start_mark.line + 1
                if key in seen:
                    found.append(f"{key[1]!r} on lines {seen[key]} and {line}")
                seen.setdefault(key, line)
                walk(value_node)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)

    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is not None:
        walk(root)
    return found


def test_there_are_data_files() -> None:
    assert len(YAML_FILES) >= 10


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(resources_dir())))
def test_lists_hold_no_booleans_or_nulls(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert list(non_strings_in_lists(data)) == []


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(resources_dir())))
def test_mapping_keys_are_strings_given_once(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert list(non_string_keys(yaml.safe_load(text))) == []
    assert duplicate_keys(text) == []


def test_the_guards_catch_what_they_guard_against() -> None:
    text = (
        "false_friends:\n"
        "  no: [not]\n"  # a key read as False
        "  'on': [onto]\n"  # quoted: fine
        "  on: [upon]\n"  # read as True
        "  ~: [nothing]\n"
        "  actual: [current]\n"
        "  actual: [real]\n"  # given twice: the first is lost
        "words: [yes, 'no', off]\n"
    )
    data = yaml.safe_load(text)
    assert list(non_string_keys(data)) == [
        "/false_friends/False is a bool key",
        "/false_friends/True is a bool key",
        "/false_friends/None is a NoneType key",
    ]
    assert list(non_strings_in_lists(data)) == ["/words[0] = True", "/words[2] = False"]
    assert duplicate_keys(text) == ["'actual' on lines 6 and 7"]
