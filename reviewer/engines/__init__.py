"""Check engines and the registry the CLI and the app create them from.

Engines are imported lazily so that `reviewer check --engines artefacts` never pays for
LanguageTool's client, and the GUI starts before any engine is ready.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence
from importlib import import_module

from reviewer.core.engine import Engine
from reviewer.core.errors import ConfigurationError

# name -> "module:factory"; the factory takes no arguments and returns an Engine.
_FACTORIES: dict[str, str] = {
    "languagetool": "reviewer.engines.languagetool.engine:LanguageToolEngine",
    "artefacts": "reviewer.engines.artefacts.engine:ArtefactsEngine",
    "source": "reviewer.engines.source.engine:SourceEngine",  # bilingual files only
}

ENGINE_NAMES: tuple[str, ...] = tuple(_FACTORIES)


def parse_engine_names(value: str | None) -> list[str]:
    """Parse a comma-separated `--engines` value; None or "all" means every engine."""
    if value is None or value.strip().lower() in {"", "all"}:
        return list(ENGINE_NAMES)
    names = [name.strip().lower() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in _FACTORIES]
    if unknown:
        raise ConfigurationError(
            f"unknown engine {', '.join(unknown)!s}; choose from {', '.join(ENGINE_NAMES)}"
        )
    return list(dict.fromkeys(names))


OWN_RULE_PREFIXES = ("MT_", "QA_")


def check_own_rule_ids(rules: Iterable[str], option: str) -> None:
    """A one-line `ConfigurationError` for an MT_/QA_ rule id that is none of ours: a typo
    in a list of rules to switch off would otherwise switch nothing off, silently."""
    ours: list[str] = []
    for rule in sorted(rules):
        if not rule.upper().startswith(OWN_RULE_PREFIXES):
            continue  # LanguageTool's own ids are its business
        if not ours:
            from reviewer.engines.artefacts.registry import detector_classes
            from reviewer.engines.languagetool.serverconfig import custom_rule_ids

            ours = sorted({cls.rule_id for cls in detector_classes()} | custom_rule_ids())
        if rule not in ours:
            close = difflib.get_close_matches(rule.upper(), ours, n=1)
            hint = f"; did you mean {close[0]}?" if close else ""
            raise ConfigurationError(f"unknown rule {rule} in {option}{hint}")


def create_engine(name: str) -> Engine:
    """Instantiate an engine by its registry name."""
    module_name, factory_name = _FACTORIES[name].split(":")
    factory: Callable[[], Engine] = getattr(import_module(module_name), factory_name)
    return factory()


def create_engines(names: Sequence[str]) -> list[Engine]:
    """Instantiate several engines in the given order."""
    return [create_engine(name) for name in names]
