"""The `reviewer` command: the GUI by default, plus headless subcommands.

    reviewer [FILE]                         open the review window
    reviewer check PATH|- [options]         check a document, print flags (json or text)
    reviewer languagetool install|status    provision / inspect the local LanguageTool server

Errors in the user's input are printed as one line on stderr with exit code 2; no traceback.
Heavy imports (Qt, LanguageTool client) happen only in the subcommand that needs them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from reviewer import __version__
from reviewer.core.errors import ReviewerError
from reviewer.shutdown import exit_on_stop_signals

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2

_SUBCOMMANDS = ("check", "languagetool")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `reviewer` console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in _SUBCOMMANDS:
            if argv is None:  # a real process, not a call from tests or other code
                exit_on_stop_signals()
            return _run_subcommand(args)
        return _run_gui(args)
    except ReviewerError as exc:
        print(f"reviewer: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


def _run_gui(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="reviewer",
        description="Review machine-translated English. Subcommands: "
        + ", ".join(_SUBCOMMANDS)
        + " (see `reviewer SUBCOMMAND --help`).",
    )
    parser.add_argument("file", nargs="?", help="text file to open")
    parser.add_argument(
        "--language", default=None, help="variant of English (default: your preferences, en-US)"
    )
    parser.add_argument("--version", action="version", version=f"reviewer {__version__}")
    options = parser.parse_args(args)
    from reviewer.app.main import run_app

    return run_app(options.file, language=options.language)


def _run_subcommand(args: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="reviewer")
    commands = parser.add_subparsers(dest="command", required=True)
    _add_check_parser(commands)
    _add_languagetool_parser(commands)
    options = parser.parse_args(args)
    if options.command == "check":
        from reviewer.commands.check import run_check_command

        return run_check_command(options)
    from reviewer.engines.languagetool.commands import run_languagetool_command

    return run_languagetool_command(options)


def _add_check_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = commands.add_parser("check", help="check a document and print its flags")
    check.add_argument("path", help="text file to check, or - for standard input")
    check.add_argument("--format", choices=("json", "text"), default="text")
    check.add_argument(
        "--engines",
        default=None,
        help="comma-separated engines to run: languagetool, artefacts (default: all)",
    )
    check.add_argument("--language", default="en-US", help="variant of English (en-US, en-GB)")
    check.add_argument(
        "--source-language",
        default=None,
        help="language the text was translated from (e.g. es, fr): enables false-friend checks",
    )
    check.add_argument("--picky", action="store_true", help="LanguageTool's picky level")
    check.add_argument("--disable-rules", default="", help="comma-separated rule ids to switch off")
    check.add_argument(
        "--disable-categories",
        default="",
        help="comma-separated categories to switch off (LanguageTool ids or MQM names)",
    )


def _add_languagetool_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    lt = commands.add_parser("languagetool", help="provision or inspect LanguageTool")
    actions = lt.add_subparsers(dest="action", required=True)
    install = actions.add_parser("install", help="download LanguageTool 6.8 with Maven (once)")
    install.add_argument("--force", action="store_true", help="re-resolve even if present")
    actions.add_parser("status", help="version, location, Java, and whether a server answers")


if __name__ == "__main__":
    raise SystemExit(main())
