"""Run the source engine on units built from (source, target) pairs."""

from __future__ import annotations

from collections.abc import Sequence

from reviewer.core.bilingual import Placeholder, Unit
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Flag
from reviewer.engines.source.engine import SourceEngine
from reviewer.engines.source.glossary import Glossary


def units_of(pairs: Sequence[tuple[str, str]]) -> list[Unit]:
    return [Unit(str(index), source, target) for index, (source, target) in enumerate(pairs, 1)]


def check(
    units: Sequence[Unit],
    language: str = "",
    *,
    options: CheckOptions | None = None,
    glossary: Glossary | None = None,
) -> list[Flag]:
    """Every flag of the engine (all checks: picky), each checked against the document."""
    document = Document.from_units(units, source_language=language)
    report = SourceEngine(glossary=glossary).check(document, options or CheckOptions(picky=True))
    assert report.errors == [], report.errors
    for flag in report.flags:
        assert flag.text == document.text[flag.start : flag.end]
        assert flag.engine == "source"
    return report.flags


def rule_flags(
    pairs: Sequence[tuple[str, str]], language: str, rule: str, **kwargs: object
) -> list[Flag]:
    flags = check(units_of(pairs), language, **kwargs)  # type: ignore[arg-type]
    return [flag for flag in flags if flag.rule == rule]


def one(source: str, target: str, language: str, rule: str) -> list[Flag]:
    """The flags of `rule` on a one-unit document."""
    return rule_flags([(source, target)], language, rule)


__all__ = ["Placeholder", "Unit", "check", "one", "rule_flags", "units_of"]
