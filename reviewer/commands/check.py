"""`reviewer check`: run engines over a document and print the report."""

from __future__ import annotations

import argparse
import sys

from reviewer.core.checking import run_check
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions
from reviewer.core.errors import ConfigurationError
from reviewer.engines import create_engines, parse_engine_names
from reviewer.formats.report_json import render_json
from reviewer.formats.report_text import render_text


def options_from_args(args: argparse.Namespace) -> CheckOptions:
    """Build `CheckOptions` from the parsed command line."""
    return CheckOptions(
        language=_validated_language(args.language),
        source_language=(args.source_language or None) and args.source_language.lower(),
        picky=bool(args.picky),
        disabled_rules=_csv(args.disable_rules),
        disabled_categories=_csv(args.disable_categories),
    )


def run_check_command(args: argparse.Namespace) -> int:
    """Check the document; exit 0 whenever the check ran, flags or not."""
    names = parse_engine_names(args.engines)
    options = options_from_args(args)
    document = Document.from_file(args.path, language=options.language)
    engines = create_engines(names)
    try:
        result = run_check(document, engines, options)
    finally:
        for engine in engines:
            engine.close()
    output = render_json(result) if args.format == "json" else render_text(result)
    if output:
        sys.stdout.write(output + "\n")
    return 0


def _csv(value: str | None) -> frozenset[str]:
    return frozenset(part.strip() for part in (value or "").split(",") if part.strip())


def _validated_language(value: str) -> str:
    parts = value.replace("_", "-").split("-")
    if not parts[0].isalpha() or len(parts[0]) not in (2, 3):
        raise ConfigurationError(f"invalid language {value!r}; use a code such as en-US or en-GB")
    return "-".join([parts[0].lower(), *[p.upper() if len(p) == 2 else p for p in parts[1:]]])
