"""Find every detector in `reviewer.engines.artefacts.detectors` by introspection.

Adding a detector means adding a module with a `Detector` subclass; nothing else to register.
"""

from __future__ import annotations

import inspect
import pkgutil
from functools import cache
from importlib import import_module

from reviewer.engines.artefacts import detectors as detectors_package
from reviewer.engines.artefacts.detector import Detector


@cache
def detector_classes() -> tuple[type[Detector], ...]:
    """All concrete detector classes, sorted by rule id; rule ids must be unique."""
    found: dict[str, type[Detector]] = {}
    for module_info in pkgutil.iter_modules(detectors_package.__path__):
        module = import_module(f"{detectors_package.__name__}.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if not issubclass(cls, Detector) or inspect.isabstract(cls):
                continue  # the base classes are abstract: only finished detectors count
            if cls.__module__ != module.__name__:
                continue  # imported from elsewhere: registered where it is defined
            if cls.rule_id in found and found[cls.rule_id] is not cls:
                raise RuntimeError(f"duplicate artefact rule id {cls.rule_id}")
            found[cls.rule_id] = cls
    return tuple(found[rule] for rule in sorted(found))
