"""`reviewer check`: run engines over a document and print the report."""

from __future__ import annotations

import argparse
import fnmatch
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from reviewer.core.checking import CheckResult, run_check
from reviewer.core.engine import (
    CheckOptions,
    Engine,
    EngineReport,
    EngineStatus,
    parse_name_list,
)
from reviewer.core.errors import InputError
from reviewer.core.flags import Severity
from reviewer.core.project_config import (
    ProjectConfig,
    find_project_config,
    project_options,
    with_project_words,
)
from reviewer.core.wordlists import WordLists, load_word_lists
from reviewer.engines import (
    ENGINE_NAMES,
    check_own_rule_ids,
    create_engines,
    parse_engine_names,
)
from reviewer.formats.documents import load_document
from reviewer.formats.report_json import (
    render_documents,
    render_json,
    render_line,
    report_dict,
    unreadable_dict,
)
from reviewer.formats.report_text import engine_warnings, render_text


def options_from_args(
    args: argparse.Namespace, project: ProjectConfig | None = None
) -> CheckOptions:
    """Build `CheckOptions` from the parsed command line; what it leaves out comes from the
    project's configuration file, if any (the command line wins; see `project_options`)."""
    check_own_rule_ids(parse_name_list(args.disable_rules), "--disable-rules")
    return project_options(
        project,
        language=args.language,
        source_language=args.source_language,
        picky=True if args.picky else None,
        disabled_rules=parse_name_list(args.disable_rules) or None,
        disabled_categories=parse_name_list(args.disable_categories) or None,
        glossary=str(Path(args.glossary).resolve()) if getattr(args, "glossary", None) else None,
    )


EXIT_FLAGGED = 1
EXIT_UNREADABLE = 2
DEFAULT_INCLUDE = ("*.txt",)
_SEGMENTING = threading.Lock()
"""pysbd's segmenter (one cached instance per language) keeps state while it splits: two
documents segmented at once come out wrong, so files are read and segmented one at a time."""


def run_check_command(args: argparse.Namespace) -> int:
    """Check one document or many; exit 0 whenever every check ran, flags or not.

    One FILE (or `-`) prints exactly what it always did. Several inputs or a folder check
    every file with the same engines (one LanguageTool server), `--jobs` at a time. With
    `--fail-on SEVERITY` the exit code is 1 when a flag at or above it was found; 2 (some
    input could not be read) wins over both.
    """
    paths: list[str] = list(args.paths)
    names = parse_engine_names(args.engines)
    fail_on = Severity(args.fail_on) if getattr(args, "fail_on", None) else None
    if len(paths) == 1 and (paths[0] == "-" or not Path(paths[0]).is_dir()):
        project = project_for(paths[0])
        return _check_single(args, paths[0], names, project, fail_on)
    files = collect_files(paths, _include_patterns(args))
    return _check_batch(args, files, names, fail_on)


def project_for(path: str) -> ProjectConfig | None:
    """The project configuration governing `path` (standard input: the current folder)."""
    return find_project_config(Path.cwd() if path == "-" else Path(path))


def project_engines(names: list[str], project: ProjectConfig | None) -> list[Engine]:
    """The engines; LanguageTool at the project's URL when it names one and the environment
    does not (REVIEWER_LANGUAGETOOL_URL wins). `reviewer check` and `reviewer fix` share it."""
    engines = create_engines(names)
    url = _project_url(project)
    if url is None:
        return engines
    from reviewer.engines.languagetool.engine import LanguageToolEngine

    for index, engine in enumerate(engines):
        if engine.name == "languagetool":
            engine.close()
            engines[index] = LanguageToolEngine(url=url)
    return engines


def _project_url(project: ProjectConfig | None) -> str | None:
    from reviewer.engines.languagetool.settings import project_url

    return project_url(project)


def _engines_by_project(
    names: list[str], projects: dict[str, ProjectConfig | None]
) -> tuple[dict[str, list[Engine]], list[list[Engine]]]:
    """One set of engines per LanguageTool configuration the files' projects name (most
    batches: one), and which set checks each file."""
    by_url: dict[str | None, list[Engine]] = {}
    for_file: dict[str, list[Engine]] = {}
    for path, project in projects.items():
        url = _project_url(project)
        if url not in by_url:
            by_url[url] = project_engines(names, project)
        for_file[path] = by_url[url]
    return for_file, list(by_url.values())


def _check_single(
    args: argparse.Namespace,
    path: str,
    names: list[str],
    project: ProjectConfig | None,
    fail_on: Severity | None,
) -> int:
    options = options_from_args(args, project)
    document = load_document(path, options.language)
    word_lists = with_project_words(_word_lists(), project)
    engines = project_engines(names, project)
    stop_announcing = announce_server_progress(engines, sys.stderr)
    try:
        result = run_check(document, engines, options, word_lists)
    finally:
        stop_announcing()
        for engine in engines:
            engine.close()
    say_background_fallback(engines, sys.stderr)
    _add_disabled(result, names)
    if args.format == "text" or sys.stderr.isatty():
        for warning in engine_warnings(result):
            print(warning, file=sys.stderr)
    if args.format == "jsonl":
        output = render_line(report_dict(result))
    else:
        output = render_json(result) if args.format == "json" else render_text(result)
    if output:
        sys.stdout.write(output + "\n")
    return EXIT_FLAGGED if fail_on and _fails(result, fail_on) else 0


def collect_files(paths: list[str], include: tuple[str, ...]) -> list[str]:
    """The files to check, in the order given: a file as named (whatever its name), a
    folder's files matching `include` (by file name), recursively, sorted, hidden ones
    skipped. Missing paths are kept so that their entry reports the error.

    Raises `InputError` when the inputs hold no file at all (say an empty folder).
    """
    files: list[str] = []
    for path in paths:
        folder = Path(path)
        if path == "-" or not folder.is_dir():
            files.append(path)
            continue
        found = sorted(
            str(candidate)
            for candidate in folder.rglob("*")
            if candidate.is_file()
            and not any(part.startswith(".") for part in candidate.relative_to(folder).parts)
            and any(fnmatch.fnmatch(candidate.name, pattern) for pattern in include)
        )
        files.extend(found)
    files = list(dict.fromkeys(files))
    if not files:
        patterns = " or ".join(include)
        raise InputError(f"{paths[0]}: is a directory with no files matching {patterns}")
    return files


@dataclass
class _Outcome:
    """One input's result, or why it could not be read."""

    path: str
    result: CheckResult | None = None
    error: str | None = None

    def entry(self) -> dict[str, Any]:
        if self.result is None:
            return unreadable_dict(self.path, self.error or "not checked")
        return report_dict(self.result)


def _check_batch(
    args: argparse.Namespace,
    files: list[str],
    names: list[str],
    fail_on: Severity | None,
) -> int:
    began = time.perf_counter()
    projects = {path: project_for(path) for path in files}  # a bad file fails before checking
    user_words = _word_lists()
    settings: dict[Path | None, tuple[CheckOptions, WordLists]] = {}
    for project in projects.values():
        key = project.path if project else None
        if key not in settings:
            settings[key] = (
                options_from_args(args, project),
                with_project_words(user_words, project),
            )
    jobs = max(1, args.jobs or os.cpu_count() or 1)
    # each project's LanguageTool URLs: one set of engines per distinct configuration
    engines_for, engine_sets = _engines_by_project(names, projects)
    stop_announcing = [announce_server_progress(engines, sys.stderr) for engines in engine_sets]
    reporter = _BatchReporter(args.format, len(files))

    def check(path: str) -> _Outcome:
        project = projects[path]
        options, word_lists = settings[project.path if project else None]
        try:
            with _SEGMENTING:
                document = load_document(path, options.language)
        except InputError as exc:
            return _Outcome(path, error=str(exc))
        result = run_check(document, engines_for[path], options, word_lists)
        _add_disabled(result, names)
        return _Outcome(path, result=result)

    try:
        for index, outcome in _run_in_pool(check, files, jobs):
            reporter.finished(index, outcome)
    finally:
        reporter.clear_progress()
        for stop in stop_announcing:
            stop()
        for engine in (engine for engines in engine_sets for engine in engines):
            engine.close()
    say_background_fallback([e for engines in engine_sets for e in engines], sys.stderr)
    done = [outcome for outcome in reporter.outcomes if outcome is not None]
    if args.format == "json":
        sys.stdout.write(render_documents([outcome.entry() for outcome in done]) + "\n")
    print(_summary(done, time.perf_counter() - began), file=sys.stderr)
    if any(outcome.error is not None for outcome in done):
        return EXIT_UNREADABLE
    results = [outcome.result for outcome in done if outcome.result is not None]
    if fail_on is not None and any(_fails(result, fail_on) for result in results):
        return EXIT_FLAGGED
    return 0


class _BatchReporter:
    """Prints each finished file: JSONL lines as they come, text lines in input order,
    errors and (deduplicated) engine warnings on stderr, a progress bar on a terminal."""

    def __init__(self, output_format: str, total: int) -> None:
        self._format = output_format
        self.outcomes: list[_Outcome | None] = [None] * total
        self._printed = 0
        self._warnings_shown: set[str] = set()
        self._show_warnings = output_format == "text" or sys.stderr.isatty()
        self._progress = _Progress(total, sys.stderr) if sys.stderr.isatty() else None

    def finished(self, index: int, outcome: _Outcome) -> None:
        self.outcomes[index] = outcome
        self.clear_progress()
        if outcome.error is not None:
            print(f"reviewer: error: {outcome.error}", file=sys.stderr)
        elif self._show_warnings and outcome.result is not None:
            for warning in engine_warnings(outcome.result):
                if warning not in self._warnings_shown:
                    self._warnings_shown.add(warning)
                    print(warning, file=sys.stderr)
        if self._format == "jsonl":
            sys.stdout.write(render_line(outcome.entry()) + "\n")
            sys.stdout.flush()
        elif self._format == "text":  # in input order, as soon as the files before are done
            self._print_text_in_order()
        if self._progress is not None:
            self._progress.advance()

    def clear_progress(self) -> None:
        if self._progress is not None:
            self._progress.clear()

    def _print_text_in_order(self) -> None:
        while self._printed < len(self.outcomes):
            done = self.outcomes[self._printed]
            if done is None:
                break
            if done.result is not None:
                output = render_text(done.result)
                if output:
                    sys.stdout.write(output + "\n")
            self._printed += 1
        sys.stdout.flush()


def _run_in_pool(
    check: Callable[[str], _Outcome], files: list[str], jobs: int
) -> Iterator[tuple[int, _Outcome]]:
    """Yield (index, outcome) as files finish, at most `jobs` in flight (keeps memory flat)."""
    if jobs == 1:
        for index, path in enumerate(files):
            yield index, check(path)
        return
    with ThreadPoolExecutor(jobs, thread_name_prefix="check") as pool:
        pending: dict[Future[_Outcome], int] = {}
        queue = iter(enumerate(files))
        for index, path in queue:
            pending[pool.submit(check, path)] = index
            if len(pending) >= jobs * 2:
                break
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                index = pending.pop(future)
                yield index, future.result()
            for index, path in queue:
                pending[pool.submit(check, path)] = index
                if len(pending) >= jobs * 2:
                    break


def _summary(outcomes: list[_Outcome], seconds: float) -> str:
    results = [outcome.result for outcome in outcomes if outcome.result is not None]
    unreadable = len(outcomes) - len(results)
    sentences = sum(len(result.document.sentences) for result in results)
    counts = dict.fromkeys(reversed(list(Severity)), 0)
    for result in results:
        for flag in result.flags:
            counts[flag.severity] += 1
    files = f"{len(outcomes)} file{'' if len(outcomes) == 1 else 's'}"
    if unreadable:
        files += f" ({unreadable} unreadable)"
    by_severity = ", ".join(f"{count} {severity}" for severity, count in counts.items())
    return f"reviewer: {files}, {sentences} sentences, flags: {by_severity} in {seconds:.1f} s"


class _Progress:
    """`[#####     ] 12/200 files` on one terminal line, rewritten as files finish."""

    WIDTH = 30

    def __init__(self, total: int, stream: TextIO) -> None:
        self._total = total
        self._done = 0
        self._stream = stream
        self._lock = threading.Lock()
        self._shown = False

    def advance(self) -> None:
        with self._lock:
            self._done += 1
            filled = self.WIDTH * self._done // max(1, self._total)
            bar = "#" * filled + " " * (self.WIDTH - filled)
            self._stream.write(f"\r[{bar}] {self._done}/{self._total} files")
            self._stream.flush()
            self._shown = True

    def clear(self) -> None:
        with self._lock:
            if self._shown:
                self._stream.write("\r\033[K")
                self._stream.flush()
                self._shown = False


def _fails(result: CheckResult, threshold: Severity) -> bool:
    return any(flag.severity.rank >= threshold.rank for flag in result.flags)


def _add_disabled(result: CheckResult, names: list[str]) -> None:
    result.engines.extend(
        EngineReport(name=name, status=EngineStatus.DISABLED, reason="not selected (--engines)")
        for name in ENGINE_NAMES
        if name not in names
    )


def _word_lists() -> WordLists:
    word_lists = load_word_lists()  # what reviewers chose in the window applies here too
    for warning in word_lists.warnings:
        print(f"reviewer: warning: {warning}", file=sys.stderr)
    return word_lists


def _include_patterns(args: argparse.Namespace) -> tuple[str, ...]:
    given = getattr(args, "include", None) or []
    patterns = tuple(p.strip() for value in given for p in value.split(",") if p.strip())
    return patterns or DEFAULT_INCLUDE


def say_background_fallback(engines: list[Engine], stream: TextIO) -> None:
    """Say once, whatever the format, that the background LanguageTool server failed or hung
    during the run and a private server checked instead (the run took longer for it)."""
    for reason in dict.fromkeys(getattr(engine, "background_fallback", None) for engine in engines):
        if isinstance(reason, str):
            print(f"reviewer: warning: languagetool: {reason}", file=stream)


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
