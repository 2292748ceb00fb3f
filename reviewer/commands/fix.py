"""`reviewer fix`: accept the first suggestion of every open flag of the given rules.

The fixes go into the document's review (`FILE.review`), as if a reviewer had pressed
Accept on each flag in the window: every fix is a decision and an undo step there, and the
text file itself is never changed. The check runs once before the fixes and once after,
so flags that the fixes made disappear are recorded as resolved.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, replace

from reviewer.commands.check import (
    announce_server_progress,
    options_from_args,
    project_engines,
    project_for,
    say_background_fallback,
)
from reviewer.core.checking import run_check
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, Engine, EngineStatus
from reviewer.core.errors import ConfigurationError, InputError
from reviewer.core.project_config import with_project_words
from reviewer.core.review import (
    Review,
    ReviewCommandError,
    ReviewFlag,
    TextChangedError,
    open_review,
)
from reviewer.core.textio import read_file_bytes
from reviewer.core.wordlists import WordLists, load_word_lists
from reviewer.engines import check_own_rule_ids, parse_engine_names

# Rules of our artefacts engine; when only these are accepted, LanguageTool is not needed.
OUR_RULE_PREFIXES = ("MT_", "QA_")
_RULE_ID = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


@dataclass(frozen=True)
class Fix:
    """One accepted suggestion, placed in the text as it read before this run's fixes."""

    sentence_id: str
    rule: str
    text: str
    replacement: str
    line: int
    column: int
    unit: str | None = None  # the translation unit, in a bilingual file

    def location(self, path: str) -> str:
        """`PATH:LINE:COL`, or `PATH#UNIT:COL` in a bilingual file (one unit per line)."""
        if self.unit is not None:
            return f"{path}#{self.unit}:{self.column}"
        return f"{path}:{self.line}:{self.column}"

    def to_json(self) -> dict[str, object]:
        return {
            "sentence_id": self.sentence_id,
            "rule": self.rule,
            "text": self.text,
            "replacement": self.replacement,
            "line": self.line,
            "column": self.column,
            **({"unit": self.unit} if self.unit is not None else {}),
        }


@dataclass
class FixOutcome:
    fixes: list[Fix]
    skipped: int


def run_fix_command(args: argparse.Namespace) -> int:
    """Apply the fixes to the review; exit 0 whenever it ran, fixes or not."""
    rules = parse_accepted_rules(args.accept)
    if args.engines is None and all(rule.startswith(OUR_RULE_PREFIXES) for rule in rules):
        names = ["artefacts"]  # only our rules: no need to start LanguageTool's Java server
    else:
        names = parse_engine_names(args.engines)
    read_file_bytes(args.path)  # a missing, unreadable or directory path fails here, in one line
    # the project file governing FILE, as `reviewer check FILE` reads it (the command line wins)
    project = project_for(args.path)
    options = options_from_args(args, project)
    language_given = args.language is not None or (
        project is not None and project.language is not None
    )
    review = _open(args.path, args.review, args.reviewer or "", options.language)
    try:
        if not language_given:  # neither the command line nor the project: the review's own
            options = replace(options, language=review.language)
        word_lists = with_project_words(load_word_lists(), project)
        for warning in word_lists.warnings:
            print(f"reviewer: warning: {warning}", file=sys.stderr)
        engines = project_engines(names, project)
        stop_announcing = announce_server_progress(engines, sys.stderr)
        try:
            outcome = fix_review(review, engines, options, word_lists, set(rules))
        finally:
            stop_announcing()
            for engine in engines:
                engine.close()
        say_background_fallback(engines, sys.stderr)
        _print(args, review, outcome, rules)
    finally:
        review.close()
    return 0


def parse_accepted_rules(value: str) -> list[str]:
    """The `--accept` rule ids, in the order given; each must be one an engine can know."""
    rules = list(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))
    if not rules:
        raise ConfigurationError("--accept needs at least one rule id, e.g. MT_WEB_RESIDUE")
    for rule in rules:
        if not _RULE_ID.fullmatch(rule):
            raise ConfigurationError(
                f"invalid rule id {rule!r} in --accept; give rule ids separated by commas, "
                "e.g. MT_DOUBLED_SUBJECT,QA_DOUBLE_SPACE"
            )
    # an id no engine knows (a misspelt one of ours, a lower-case one) would fix nothing
    check_own_rule_ids(rules, "--accept")
    return rules


def fix_review(
    review: Review,
    engines: list[Engine],
    options: CheckOptions,
    word_lists: WordLists | None,
    rules: set[str],
) -> FixOutcome:
    """Check, accept suggestion 0 of every open flag of `rules`, then check again.

    Sentences are taken in order and, inside one, flags from right to left, so a fix never
    moves a flag not yet applied. A flag that no longer applies (an earlier fix changed or
    removed its text, or it overlaps a span already fixed) is skipped and counted.
    """
    before = _check_and_record(review, engines, options, word_lists)
    starts = {sentence.id: sentence.start for sentence in before.sentences}
    fixes: list[Fix] = []
    skipped = 0
    for segment in review.segments:
        candidates = [
            rf
            for rf in review.open_flags_in(segment.id)
            if rf.rule in rules and rf.flag.suggestions
        ]
        fixed_from: int | None = None  # leftmost start fixed so far in this sentence
        for review_flag in sorted(candidates, key=lambda rf: (-rf.start, -rf.end)):
            if fixed_from is not None and review_flag.end > fixed_from:
                skipped += 1
                continue
            try:
                review.accept(review_flag, 0)
            except ReviewCommandError:
                skipped += 1
                continue
            fixed_from = review_flag.start
            offset = starts.get(segment.id, review_flag.flag.start - review_flag.start)
            fixes.append(_fix(review_flag, before, offset + review_flag.start))
    if fixes:
        _check_and_record(review, engines, options, word_lists)
    fixes.sort(key=lambda fix: (fix.line, fix.column))
    return FixOutcome(fixes, skipped)


def _check_and_record(
    review: Review, engines: list[Engine], options: CheckOptions, word_lists: WordLists | None
) -> Document:
    document = review.document
    result = run_check(document, engines, options, word_lists)
    for report in result.engines:
        if report.status is EngineStatus.OK:
            review.record_flags(report.name, document, report.flags)
        elif report.status is EngineStatus.UNAVAILABLE:
            print(
                f"reviewer: warning: engine {report.name} unavailable: {report.reason}",
                file=sys.stderr,
            )
    return document


def _fix(review_flag: ReviewFlag, document: Document, offset: int) -> Fix:
    line, column = document.line_and_column(offset)
    return Fix(
        sentence_id=review_flag.key.sentence_id,
        rule=review_flag.rule,
        text=review_flag.text,
        replacement=review_flag.flag.suggestions[0],
        line=line,
        column=column,
        unit=review_flag.key.sentence_id if document.bilingual else None,
    )


def _open(path: str, review_path: str | None, reviewer: str, language: str) -> Review:
    try:
        return open_review(path, review_path=review_path, reviewer=reviewer, language=language)
    except TextChangedError as exc:
        raise InputError(
            f"{path} has changed since its review {exc.review_path} was started; "
            f"open it in the window (reviewer {path}) or remove {exc.review_path} "
            "to start a new review"
        ) from None


def _print(args: argparse.Namespace, review: Review, outcome: FixOutcome, rules: list[str]) -> None:
    if args.format == "json":
        report = {
            "review": str(review.path),
            "fixes": [fix.to_json() for fix in outcome.fixes],
            "skipped": outcome.skipped,
        }
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
        return
    for fix in outcome.fixes:
        unit = review.unit(fix.sentence_id)
        markup = unit.with_markup if unit is not None else str
        new = f"“{_shown(markup(fix.replacement))}”" if fix.replacement else "delete"
        print(f"{fix.location(args.path)}: {fix.rule}: “{_shown(markup(fix.text))}” -> {new}")
    count = len(outcome.fixes)
    by_rule = Counter(fix.rule for fix in outcome.fixes)
    detail = ", ".join(f"{rule} {by_rule[rule]}" for rule in rules if by_rule[rule])
    summary = f"reviewer: {count} fix{'' if count == 1 else 'es'} applied"
    if detail:
        summary += f" ({detail})"
    if outcome.skipped:
        summary += f", {outcome.skipped} skipped (no longer applied)"
    print(f"{summary}, review saved in {review.path}", file=sys.stderr)


def _shown(text: str) -> str:
    return text.replace("\n", "\\n").replace("\t", "\\t")
