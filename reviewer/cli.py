"""The `reviewer` command: the GUI by default, plus headless subcommands.

    reviewer [FILE]                         open the review window
    reviewer check PATH... [options]        check documents or folders, print flags
    reviewer fix FILE --accept RULE,...     accept those rules' suggestions in FILE's review
    reviewer export FILE.review --to OUT    write the corrected text or sentence pairs
    reviewer scorecard FILE.review [opts]   MQM quality, post-edit distance, effort, precision
    reviewer score MT.txt CORRECTED.txt     post-edit distance (HTER, chrF, BLEU) of two texts
    reviewer scorecards DIR                 one summary row per *.review file under DIR
    reviewer languagetool install|status|start|stop   provision / inspect / run LanguageTool

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

_SUBCOMMANDS = ("check", "fix", "export", "languagetool", "scorecard", "score", "scorecards")


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
    _add_fix_parser(commands)
    _add_export_parser(commands)
    _add_languagetool_parser(commands)
    _add_scorecard_parsers(commands)
    options = parser.parse_args(args)
    if options.command in ("scorecard", "score", "scorecards"):
        from reviewer.commands import scorecard

        run = {
            "scorecard": scorecard.run_scorecard_command,
            "score": scorecard.run_score_command,
            "scorecards": scorecard.run_scorecards_command,
        }[options.command]
        return run(options)
    if options.command == "check":
        from reviewer.commands.check import run_check_command

        return run_check_command(options)
    if options.command == "fix":
        from reviewer.commands.fix import run_fix_command

        return run_fix_command(options)
    if options.command == "export":
        from reviewer.commands.export import run_export_command

        return run_export_command(options)
    from reviewer.engines.languagetool.commands import run_languagetool_command

    return run_languagetool_command(options)


def _add_check_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = commands.add_parser(
        "check",
        help="check documents and print their flags",
        description="Check one text file (or - for standard input), or several files and "
        "folders (recursively) with one set of engines. Exit 0 when every check ran, 1 with "
        "--fail-on when a flag at or above that severity was found, 2 when an input could not "
        "be read.",
    )
    check.add_argument(
        "paths", nargs="+", metavar="PATH", help="text files or folders to check, or -"
    )
    check.add_argument("--format", choices=("json", "jsonl", "text"), default="text")
    check.add_argument(
        "--include",
        action="append",
        default=None,
        metavar="GLOB",
        help="file names to check inside folders (repeatable or comma-separated; default *.txt)",
    )
    check.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="files checked side by side (default: the number of cores)",
    )
    check.add_argument(
        "--fail-on",
        choices=("minor", "major", "critical"),
        default=None,
        help="exit 1 when a flag of this severity or above was found",
    )
    _add_check_options(check, language_default=None, project_file=True)


def _add_fix_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    fix = commands.add_parser(
        "fix",
        help="accept the suggestions of the given rules in a document's review",
        description="Check FILE, accept the first suggestion of every open flag of the given "
        "rules in its review (FILE.review beside it; the text file is not changed), "
        "then check again. Every fix is a decision and an undo step in the review.",
    )
    fix.add_argument("path", help="text file whose review to fix")
    fix.add_argument(
        "--accept",
        required=True,
        help="comma-separated rule ids whose suggestions to accept, e.g. MT_WEB_RESIDUE",
    )
    fix.add_argument(
        "--review", default=None, help="the .review file to use (default: FILE.review beside it)"
    )
    fix.add_argument("--format", choices=("json", "text"), default="text")
    fix.add_argument("--reviewer", default="", help="your name, recorded with each decision")
    _add_check_options(fix, language_default=None)


def _add_export_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser(
        "export",
        help="write a review's corrected text (.txt, .docx) or sentence pairs (.tmx, .csv, .jsonl)",
        description="Write the corrected text or the MT/correction sentence pairs of a review. "
        "The format comes from OUT's extension; the write is atomic. A review open in a "
        "window is read without disturbing it. The review of a bilingual file (XLIFF, PO, "
        "TMX, CSV/TSV, DOCX) exported to its own extension is the corrected file itself: "
        "changed targets replaced, units marked reviewed set to the reviewed state, the rest "
        "as the file had it.",
    )
    export.add_argument("path", help="the .review file (or the text whose review it is)")
    export.add_argument(
        "--to",
        required=True,
        help="the file to write: OUT.txt, .docx, .tmx, .csv or .jsonl, or the reviewed "
        "file's own extension (.xlf, .po, ...) for the corrected file",
    )
    export.add_argument(
        "--rejected-notes",
        action="store_true",
        help="corrected bilingual file only: add a note to each unit for every flag rejected "
        "in it (rule, text and the reason given)",
    )
    export.add_argument(
        "--tracked-changes",
        action="store_true",
        help=".docx only: show the changes against the MT (inserted green, deleted struck red)",
    )


def _add_check_options(
    parser: argparse.ArgumentParser, *, language_default: str | None, project_file: bool = False
) -> None:
    """The check options `check` and `fix` share (read by `options_from_args`).

    Options left out come from the project's reviewer.toml (or [tool.reviewer] in
    pyproject.toml), then the defaults (for `fix`: the review's language). `project_file`
    marks `check` (the help of --engines and --language differ)."""
    parser.add_argument(
        "--engines",
        default=None,
        help="comma-separated engines to run: languagetool, artefacts, source (default: all"
        + ("" if project_file else "; only artefacts when every accepted rule is MT_/QA_")
        + ")",
    )
    parser.add_argument(
        "--language",
        default=language_default,
        help="variant of English (en-US, en-GB)"
        + (
            "; default: the project file's, else en-US"
            if project_file
            else "; default: the project file's, else the review's, en-US for a new one"
        ),
    )
    parser.add_argument(
        "--source-language",
        default=None,
        help="language the text was translated from (e.g. es, fr): enables false-friend checks",
    )
    parser.add_argument("--picky", action="store_true", help="LanguageTool's picky level")
    parser.add_argument(
        "--glossary",
        default=None,
        help="CSV/TSV/TBX glossary the source engine enforces on bilingual files"
        + "; default: the project file's",
    )
    parser.add_argument(
        "--disable-rules", default="", help="comma-separated rule ids to switch off"
    )
    parser.add_argument(
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
    start = actions.add_parser(
        "start",
        help="start your warm background server (used by `reviewer check` and the window)",
    )
    start.add_argument(
        "--idle-minutes",
        type=float,
        default=None,
        help="stop after this long unused (default 30, or REVIEWER_LANGUAGETOOL_IDLE_MINUTES)",
    )
    actions.add_parser("stop", help="stop your background server")


def _add_scorecard_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    card = commands.add_parser(
        "scorecard",
        help="a review's scorecard: MQM quality, post-edit distance, effort, checker precision",
        description="Print (or write) the scorecard of a review. The review is read without "
        "disturbing a window that has it open.",
    )
    card.add_argument("path", help="the .review file (or the text whose review it is)")
    card.add_argument("--format", choices=("text", "json", "html", "csv"), default="text")
    card.add_argument("--output", default=None, help="write to this file (atomically)")
    _add_scoring_options(card)
    score = commands.add_parser(
        "score",
        help="post-edit distance (HTER, chrF, BLEU) of a machine translation and its correction",
        description="Score MT against CORRECTED (the reference) with sacrebleu: line by line "
        "when both have as many lines, else each text as one segment (the output says which).",
    )
    score.add_argument("mt", help="the machine translation")
    score.add_argument("corrected", help="the corrected text (the reference)")
    score.add_argument("--format", choices=("text", "json"), default="text")
    cards = commands.add_parser(
        "scorecards",
        help="summarise every *.review file under a folder",
        description="One row per review under DIR (subfolders included): document, reviewer, "
        "words, errors by severity, MQM score, pass/fail, HTER, active time.",
    )
    cards.add_argument("folder", help="the folder to search for *.review files")
    cards.add_argument("--format", choices=("table", "csv", "json"), default="table")
    _add_scoring_options(cards)


def _add_scoring_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--idle-limit",
        type=float,
        default=None,
        metavar="SECONDS",
        help="pauses longer than this are not counted as work (default 300)",
    )
    parser.add_argument(
        "--threshold",
        type=float,
        default=None,
        metavar="N",
        help="MQM score needed to pass (default: resources/scoring.yaml, 95)",
    )


if __name__ == "__main__":
    raise SystemExit(main())
