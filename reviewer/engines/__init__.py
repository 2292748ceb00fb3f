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


OWN_RULE_PREFIXES = ("MT_", "QA_", "SRC_")


def own_rule_ids() -> list[str]:
    """Every rule id of ours: the artefacts detectors, our LanguageTool pattern rules and
    the source-aware checks (sorted)."""
    from reviewer.engines.artefacts.registry import detector_classes
    from reviewer.engines.languagetool.serverconfig import custom_rule_ids
    from reviewer.engines.source.engine import default_checks

    return sorted(
        {cls.rule_id for cls in detector_classes()}
        | custom_rule_ids()
        | {check.rule_id for check in default_checks()}
    )


def check_own_rule_ids(rules: Iterable[str], option: str) -> None:
    """A one-line `ConfigurationError` for a rule id that no engine knows: an MT_/QA_/SRC_
    id that is none of ours, or an id with lower-case letters (ours and LanguageTool's are
    all upper case, and matched exactly). A typo in a list of rules to switch off or to
    accept would otherwise switch nothing off, or fix nothing, silently. Other upper-case
    ids are LanguageTool's business: its rules cannot be listed offline, so they pass."""
    ours: list[str] = []
    for rule in sorted(rules):
        upper = rule.upper()
        if not upper.startswith(OWN_RULE_PREFIXES) and rule == upper:
            continue  # LanguageTool's own ids are its business
        ours = ours or own_rule_ids()
        if rule in ours:
            continue
        close = difflib.get_close_matches(upper, ours, n=1)
        if not close and not upper.startswith(OWN_RULE_PREFIXES):
            close = [upper]  # as LanguageTool would know it: its ids are upper case
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
