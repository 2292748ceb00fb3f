"""`load_yaml` reads the data files with libyaml's loader: the same data as PyYAML's
pure-Python `safe_load`, for every YAML file in resources/."""

from __future__ import annotations

import yaml

from reviewer.resources import load_yaml, resources_dir


def test_every_data_file_loads_as_safe_load_reads_it() -> None:
    root = resources_dir()
    files = sorted(root.rglob("*.yaml"))
    assert len(files) > 20
    for path in files:
        parts = path.relative_to(root).parts
        expected = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert load_yaml(*parts) == expected, path
