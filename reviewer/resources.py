"""Locate the data files in `resources/` (lexicons, patterns, typologies).

Linguists edit these files without touching Python. In a wheel they are installed as
`reviewer/_resources`; in a source checkout (editable install) they sit at the repository root.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import yaml

_PACKAGED = Path(__file__).resolve().parent / "_resources"
_SOURCE_TREE = Path(__file__).resolve().parent.parent / "resources"


def resources_dir() -> Path:
    """Return the directory holding the project's data files."""
    return _PACKAGED if _PACKAGED.is_dir() else _SOURCE_TREE


def resource_path(*parts: str) -> Path:
    """Return the path of a data file below `resources/`."""
    return resources_dir().joinpath(*parts)


_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's loader when PyYAML was built with it (the wheels are): the same safe subset and
the same data for every file in resources/ (compared when this was adopted), 9x faster: a
check reads most of our 125 KB of YAML (false friends, word lists, categories), which took
the pure-Python loader 0.19 s on the development machine and libyaml 0.02 s."""


@cache
def load_yaml(*parts: str) -> Any:
    """Load (once per process) a YAML data file below `resources/`."""
    loader = _SAFE_LOADER(resource_path(*parts).read_bytes())  # what yaml.safe_load does
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


@cache
def load_json(*parts: str) -> Any:
    """Load (once per process) a JSON data file below `resources/`."""
    with resource_path(*parts).open(encoding="utf-8") as handle:
        return json.load(handle)
