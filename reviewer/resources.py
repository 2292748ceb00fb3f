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


@cache
def load_yaml(*parts: str) -> Any:
    """Load (once per process) a YAML data file below `resources/`."""
    with resource_path(*parts).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def load_json(*parts: str) -> Any:
    """Load (once per process) a JSON data file below `resources/`."""
    with resource_path(*parts).open(encoding="utf-8") as handle:
        return json.load(handle)
