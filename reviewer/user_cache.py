"""The per-user cache folder, and derived data kept there between runs.

LanguageTool's jars live here, and so do tables we derive from large packaged data
(wordfreq's frequency lists: building the foreign-word tables takes over a second per
process, reading them back a few milliseconds). Everything here can be deleted at any time.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any


def user_cache_dir() -> Path:
    """`$XDG_CACHE_HOME/reviewer`, or `~/.cache/reviewer`."""
    cache_home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache_home) / "reviewer"


def cached_json(name: str, build: Callable[[], Any]) -> Any:
    """Return the JSON value stored under `name`, building and storing it when missing.

    `name` must change whenever what `build` computes would change (put data versions and
    thresholds in it). A cache that cannot be read or written is simply not used.
    """
    path = user_cache_dir() / "derived" / f"{name}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False
        ) as handle:
            json.dump(value, handle, ensure_ascii=False)
        Path(handle.name).replace(path)  # atomic: readers never see half a file
    except OSError:
        pass
    return value
