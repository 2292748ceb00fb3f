"""`reviewer scorecard`, `reviewer score` and `reviewer scorecards`.

    reviewer scorecard FILE.review [--format text|json|html|csv] [--output PATH]
                                   [--idle-limit SECONDS] [--threshold N]
    reviewer score MT.txt CORRECTED.txt [--format text|json]
    reviewer scorecards DIR [--format table|csv|json]

Reviews are opened read-only, so a scorecard can be made while the review is open in a
window. `--output` writes atomically (reviewer/formats/atomic.py: a temporary file beside
the target, fsync, rename).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reviewer.core.errors import InputError, ReviewerError
from reviewer.core.review import open_review_file, review_path_for
from reviewer.core.scoring import Scorecard, build_scorecard, post_edit_distance
from reviewer.core.scoring.distance import DistanceReport
from reviewer.core.textio import decode_text, normalise_newlines, read_file_bytes
from reviewer.core.wording import count
from reviewer.formats.scorecard_charts import format_duration

FORMATS = ("text", "json", "html", "csv")


def run_scorecard_command(args: argparse.Namespace) -> int:
    card = load_scorecard(args.path, idle_limit=args.idle_limit, threshold=args.threshold)
    rendered = render_scorecard(card, args.format)
    if args.output:
        write_atomically(Path(args.output), rendered.encode("utf-8"))
        print(f"reviewer: scorecard written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(rendered)
    return 0


def load_scorecard(
    path: str | Path, *, idle_limit: float | None = None, threshold: float | None = None
) -> Scorecard:
    """The scorecard of a `.review` file (or of the text whose review it is), read-only."""
    review_path = _review_file(Path(path))
    review = open_review_file(review_path, read_only=True)
    try:
        if idle_limit is None:
            return build_scorecard(review, threshold=threshold)
        return build_scorecard(review, idle_limit=idle_limit, threshold=threshold)
    finally:
        review.close()


def render_scorecard(card: Scorecard, output_format: str) -> str:
    if output_format == "json":
        from reviewer.formats.scorecard_json import render_scorecard_json

        return render_scorecard_json(card)
    if output_format == "html":
        from reviewer.formats.scorecard_html import render_scorecard_html

        return render_scorecard_html(card)
    if output_format == "csv":
        from reviewer.formats.scorecard_csv import render_scorecard_csv

        return render_scorecard_csv(card)
    from reviewer.formats.scorecard_text import render_scorecard_text

    return render_scorecard_text(card)


def _review_file(path: Path) -> Path:
    if path.is_dir():
        raise InputError(f"{path}: is a folder (use `reviewer scorecards DIR` for a folder)")
    if path.suffix == ".review":
        if not path.is_file():
            raise InputError(f"{path}: no such review file")
        return path
    candidate = review_path_for(path)
    if candidate.is_file():
        return candidate
    raise InputError(f"{path}: no review found (expected {candidate})")


def write_atomically(target: Path, data: bytes) -> None:
    """Replace `target` with `data` so that it is either the old file or the whole new one."""
    from reviewer.formats.atomic import atomic_write

    atomic_write(target, data)


# -- reviewer score -----------------------------------------------------------------------


@dataclass(frozen=True)
class TextScore:
    """Post-edit distance between two texts, and how they were aligned."""

    mt_path: str
    corrected_path: str
    alignment: str  # "lines" or "document"
    reason: str
    lines: list[int]  # 1-based line numbers of the pairs (lines alignment)
    report: DistanceReport

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "mt": self.mt_path,
            "corrected": self.corrected_path,
            "alignment": self.alignment,
            "reason": self.reason,
            "pairs": len(self.report.sentences),
            **self.report.to_json(),
        }
        if self.alignment == "lines":
            data["sentences"] = [
                {"line": line, **pair.to_json()}
                for line, pair in zip(self.lines, self.report.sentences, strict=True)
            ]
        return data


def score_texts(mt_path: str, corrected_path: str) -> TextScore:
    """Line by line when both texts have as many lines, else each text as one segment."""
    mt_lines = _lines(mt_path)
    corrected_lines = _lines(corrected_path)
    if len(mt_lines) == len(corrected_lines):
        pairs = [
            (number, mt, corrected)
            for number, (mt, corrected) in enumerate(
                zip(mt_lines, corrected_lines, strict=True), start=1
            )
            if mt.strip() or corrected.strip()
        ]
        report = post_edit_distance([p[1] for p in pairs], [p[2] for p in pairs])
        return TextScore(
            mt_path,
            corrected_path,
            "lines",
            f"both texts have {len(mt_lines)} lines; each line is scored against the same line",
            [p[0] for p in pairs],
            report,
        )
    report = post_edit_distance([_joined(mt_lines)], [_joined(corrected_lines)])
    return TextScore(
        mt_path,
        corrected_path,
        "document",
        f"the line counts differ ({len(mt_lines)} vs {len(corrected_lines)}), so each text "
        "is scored as one segment (no per-sentence figures)",
        [],
        report,
    )


def run_score_command(args: argparse.Namespace) -> int:
    result = score_texts(args.mt, args.corrected)
    if args.format == "json":
        sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")
        return 0
    doc, sig = result.report.document, result.report.signatures
    lines = [
        f"Post-edit distance: {result.mt_path} (machine translation) against "
        f"{result.corrected_path} (correction, the reference)",
        f"Alignment: {'by line' if result.alignment == 'lines' else 'whole document'}: "
        f"{result.reason}",
        "",
        f"  HTER  {doc.ter:6.2f}   {sig.ter}",
        f"  chrF  {doc.chrf:6.2f}   {sig.chrf}",
        f"  BLEU  {doc.bleu:6.2f}   {sig.bleu_document}",
    ]
    if result.alignment == "lines":
        lines += [
            "",
            f"  {'line':>5} {'HTER':>7} {'chrF':>7} {'BLEU':>7}   (sentence BLEU: "
            f"{sig.bleu_sentence})",
        ]
        for line, pair in zip(result.lines, result.report.sentences, strict=True):
            lines.append(f"  {line:>5} {pair.ter:7.2f} {pair.chrf:7.2f} {pair.bleu:7.2f}")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def _lines(path: str) -> list[str]:
    text = normalise_newlines(decode_text(read_file_bytes(path), name=path))
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n") if text else []


def _joined(lines: list[str]) -> str:
    return " ".join(line.strip() for line in lines if line.strip())


# -- reviewer scorecards ---------------------------------------------------------------------

SUMMARY_COLUMNS = (
    "document",
    "reviewer",
    "words",
    "critical",
    "major",
    "minor",
    "mqm_score",
    "result",
    "hter",
    "seconds",
    "review",
)


def summarise_folder(
    folder: Path,
    *,
    idle_limit: float | None = None,
    threshold: float | None = None,
    warn: Callable[[str], None] | None = None,
) -> list[dict[str, object]]:
    """One summary row per `*.review` file under `folder` (subfolders included)."""
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder")
    rows = []
    for path in sorted(folder.rglob("*.review")):
        if not path.is_file():
            continue
        try:
            card = load_scorecard(path, idle_limit=idle_limit, threshold=threshold)
        except ReviewerError as exc:
            if warn is not None:
                warn(f"reviewer: warning: {path}: skipped ({exc})")
            continue
        rows.append(summary_row(card, path.relative_to(folder)))
    return rows


def summary_row(card: Scorecard, path: Path) -> dict[str, object]:
    severities = card.mqm.by_severity
    return {
        "document": card.document,
        "reviewer": card.reviewer,
        "words": card.mqm.words,
        **{str(s): severities[s] for s in severities},
        "mqm_score": round(card.mqm.score, 2),
        "result": "pass" if card.mqm.passed else "fail",
        "hter": round(card.distance.document.ter, 2),
        "seconds": round(card.effort.seconds, 1),
        "review": str(path),
    }


def run_scorecards_command(args: argparse.Namespace) -> int:
    def warn(message: str) -> None:
        print(message, file=sys.stderr)

    rows = summarise_folder(
        Path(args.folder), idle_limit=args.idle_limit, threshold=args.threshold, warn=warn
    )
    ordered = [{column: row[column] for column in SUMMARY_COLUMNS} for row in rows]
    if args.format == "json":
        sys.stdout.write(json.dumps(ordered, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=SUMMARY_COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(ordered)
        sys.stdout.write(out.getvalue())
    else:
        sys.stdout.write(_table(ordered))
    return 0


def _table(rows: list[dict[str, object]]) -> str:
    headers = ["document", "reviewer", "words", "crit", "major", "minor", "MQM", "result"]
    headers += ["HTER", "time", "review"]
    body = [
        [
            str(row["document"]),
            str(row["reviewer"]) or "-",
            str(row["words"]),
            str(row["critical"]),
            str(row["major"]),
            str(row["minor"]),
            f"{row['mqm_score']:.2f}" if isinstance(row["mqm_score"], float) else "",
            str(row["result"]).upper(),
            f"{row['hter']:.2f}" if isinstance(row["hter"], float) else "",
            format_duration(float(str(row["seconds"]))),
            str(row["review"]),
        ]
        for row in rows
    ]
    numeric = {2, 3, 4, 5, 6, 8, 9}
    widths = [max(len(h), *(len(r[i]) for r in body)) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(
            cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i])
            for i, cell in enumerate(cells)
        ).rstrip()

    lines = [line(headers), line(["-" * w for w in widths])]
    lines += [line(cells) for cells in body]
    passed = sum(1 for row in rows if row["result"] == "pass")
    lines.append(f"{count(len(rows), 'review')}, {passed} pass, {len(rows) - passed} fail")
    return "\n".join(lines) + "\n"
