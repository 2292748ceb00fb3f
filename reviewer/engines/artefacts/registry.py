"""Find every detector in `reviewer.engines.artefacts.detectors` by introspection.

Adding a detector means adding a module with a `Detector` subclass; nothing else to register.
A module that fails to import (a half-finished edit) is skipped and reported by
`registry_failures()`, so the other detectors still run; its traceback goes to the log.
"""

from __future__ import annotations

import inspect
import pkgutil
import traceback
from dataclasses import dataclass
from functools import cache
from importlib import import_module

from reviewer.core.engine import describe_exception
from reviewer.core.problem_log import log_problem
from reviewer.engines.artefacts import detectors as detectors_package
from reviewer.engines.artefacts.detector import Detector


@dataclass(frozen=True)
class RegistryFailure:
    """A detector module that could not be imported."""

    module: str  # e.g. "false_friends"
    error: str  # "SyntaxError: ..."
    log: str | None  # the log file holding its traceback


def detector_classes() -> tuple[type[Detector], ...]:
    """All concrete detector classes, sorted by rule id; rule ids must be unique."""
    return _scan()[0]


def registry_failures() -> tuple[RegistryFailure, ...]:
    """The detector modules that failed to import (their detectors are missing)."""
    return _scan()[1]


@cache
def _scan() -> tuple[tuple[type[Detector], ...], tuple[RegistryFailure, ...]]:
    found: dict[str, type[Detector]] = {}
    failures: list[RegistryFailure] = []
    for module_info in pkgutil.iter_modules(detectors_package.__path__):
        try:
            module = import_module(f"{detectors_package.__name__}.{module_info.name}")
        except Exception as exc:  # one broken module must not take every detector down
            log = log_problem(
                f"artefacts: detector module {module_info.name} failed to import",
                traceback.format_exc(),
            )
            where = str(log) if log else None
            failures.append(RegistryFailure(module_info.name, describe_exception(exc), where))
            continue
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if not issubclass(cls, Detector) or inspect.isabstract(cls):
                continue  # the base classes are abstract: only finished detectors count
            if cls.__module__ != module.__name__:
                continue  # imported from elsewhere: registered where it is defined
            if cls.rule_id in found and found[cls.rule_id] is not cls:
                raise RuntimeError(f"duplicate artefact rule id {cls.rule_id}")
            found[cls.rule_id] = cls
    return tuple(found[rule] for rule in sorted(found)), tuple(failures)
