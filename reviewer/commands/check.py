"""`reviewer check`: run engines over a document and print the report."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TextIO

from reviewer.core.checking import run_check
from reviewer.core.document import Document
from reviewer.core.engine import (
    CheckOptions,
    Engine,
    EngineReport,
    EngineStatus,
    parse_name_list,
)
from reviewer.core.errors import ConfigurationError
from reviewer.core.wordlists import load_word_lists
from reviewer.engines import ENGINE_NAMES, create_engines, parse_engine_names
from reviewer.formats.report_json import render_json
from reviewer.formats.report_text import engine_warnings, render_text


def options_from_args(args: argparse.Namespace) -> CheckOptions:
    """Build `CheckOptions` from the parsed command line."""
    return CheckOptions(
        language=_validated_language(args.language),
        source_language=(args.source_language or None) and args.source_language.lower(),
        picky=bool(args.picky),
        disabled_rules=parse_name_list(args.disable_rules),
        disabled_categories=parse_name_list(args.disable_categories),
    )


def run_check_command(args: argparse.Namespace) -> int:
    """Check the document; exit 0 whenever the check ran, flags or not."""
    names = parse_engine_names(args.engines)
    options = options_from_args(args)
    document = Document.from_file(args.path, language=options.language)
    word_lists = load_word_lists()  # what reviewers chose in the window applies here too
    for warning in word_lists.warnings:
        print(f"reviewer: warning: {warning}", file=sys.stderr)
    engines = create_engines(names)
    stop_announcing = announce_server_progress(engines, sys.stderr)
    try:
        result = run_check(document, engines, options, word_lists)
    finally:
        stop_announcing()
        for engine in engines:
            engine.close()
    result.engines.extend(
        EngineReport(name=name, status=EngineStatus.DISABLED, reason="not selected (--engines)")
        for name in ENGINE_NAMES
        if name not in names
    )
    if args.format == "text" or sys.stderr.isatty():
        for warning in engine_warnings(result):
            print(warning, file=sys.stderr)
    output = render_json(result) if args.format == "json" else render_text(result)
    if output:
        sys.stdout.write(output + "\n")
    return 0


def announce_server_progress(engines: list[Engine], stream: TextIO) -> Callable[[], None]:
    """On a terminal, say when a local LanguageTool server is being started and how it went.

    Starting Java takes seconds; a silent command looks hung. Nothing is printed when the
    server was already running, or when stderr is not a terminal (scripts, CI logs).
    """
    engine = next((e for e in engines if e.name == "languagetool"), None)
    local_server = getattr(engine, "local_server", None)
    server = local_server() if callable(local_server) else None
    if server is None or not stream.isatty():
        return lambda: None
    from reviewer.engines.languagetool.server import ServerState, ServerStatus, describe_status

    started = False

    def announce(status: ServerStatus) -> None:
        nonlocal started
        started = started or status.state is ServerState.STARTING
        if started or status.state is ServerState.FAILED:
            print(f"reviewer: LanguageTool {describe_status(status)}", file=stream, flush=True)

    remove: Callable[[], None] = server.add_listener(announce)
    return remove


def _validated_language(value: str) -> str:
    parts = value.replace("_", "-").split("-")
    if not parts[0].isalpha() or len(parts[0]) not in (2, 3):
        raise ConfigurationError(f"invalid language {value!r}; use a code such as en-US or en-GB")
    return "-".join([parts[0].lower(), *[p.upper() if len(p) == 2 else p for p in parts[1:]]])
