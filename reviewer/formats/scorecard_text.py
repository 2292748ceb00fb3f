"""`reviewer scorecard --format text`: the scorecard for a terminal or an e-mail."""

from __future__ import annotations

from reviewer.core.flags import Severity
from reviewer.core.scoring import FORMULA, Scorecard
from reviewer.core.scoring.precision import RulePrecision
from reviewer.core.wording import count, plural
from reviewer.formats.scorecard_charts import format_duration

_SEVERITIES = (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR)


def render_scorecard_text(card: Scorecard) -> str:
    mqm, distance, effort = card.mqm, card.distance, card.effort
    severities = mqm.by_severity
    noun = card.noun
    lines = [
        f"Scorecard: {card.document}",
        f"Review:    {card.review_path}",
        f"Reviewer:  {card.reviewer or '(not recorded)'}   language {card.language}",
        f"{card.nouns.capitalize() + ':':<11}{card.sentences} ({card.sentences_changed} changed, "
        f"{card.sentences_reviewed} marked reviewed); {count(card.open_flags, 'flag')} still open",
        "",
        "QUALITY (MQM)",
        f"  Result          {mqm.verdict().upper()}  (threshold {mqm.model.pass_threshold:g};"
        " any critical error fails)",
        f"  Quality score   {mqm.score:.2f}",
        f"  Errors          {len(mqm.errors)}  ("
        + ", ".join(f"{severities[s]} {s}" for s in _SEVERITIES)
        + ")",
        f"  Penalty         {mqm.penalty:g}  ({mqm.penalty_per_1000_words:.2f} per 1,000 words)",
        f"  Words           {mqm.words}  (of the machine translation)",
        f"  Formula         {FORMULA}",
        "  Weights         " + "\n                  ".join(mqm.model.describe()),
    ]
    tallies = mqm.by_category()
    if tallies:
        lines += ["", f"  {'Category':<36}{'critical':>9}{'major':>7}{'minor':>7}{'penalty':>9}"]
        for tally in tallies:
            counts = "".join(
                f"{tally.counts.get(s, 0):>{w}}"
                for s, w in zip(_SEVERITIES, (9, 7, 7), strict=True)
            )
            lines.append(f"  {_clip(tally.name, 35):<36}{counts}{tally.penalty:>9g}")
    lines += [
        "",
        "POST-EDIT DISTANCE (sacrebleu; corrected text as reference, machine translation as "
        "hypothesis)",
        f"  HTER  {distance.document.ter:6.2f}   {distance.signatures.ter}",
        f"  chrF  {distance.document.chrf:6.2f}   {distance.signatures.chrf}",
        f"  BLEU  {distance.document.bleu:6.2f}   {distance.signatures.bleu_document}",
        f"  (per {noun} BLEU: {distance.signatures.bleu_sentence})",
        "",
        f"EFFORT (idle gaps over {effort.idle_limit:g} s left out)",
        f"  Active time     {format_duration(effort.seconds)}",
        f"  Edits           {effort.edits} in {effort.visits} {noun} "
        f"{plural('visit', effort.visits)}",
        f"  Words           {effort.words.inserted} inserted, {effort.words.deleted} deleted, "
        f"{effort.words.substituted} substituted",
    ]
    lines += ["", "CHECKER PRECISION (accepted ÷ (accepted + rejected); resolved by edit left out)"]
    lines += _precision_table(card.precision)
    if mqm.errors:
        index_of = {sid: row.unit.index for row in card.rows for sid in row.unit.segment_ids}
        lines += ["", "ERRORS"]
        for error in mqm.errors:
            where = index_of.get(error.sentence_id, "?")
            change = ""
            if error.correction is not None:
                change = (
                    f" -> “{_clip(error.correction, 40)}”" if error.correction else " -> delete"
                )
            origin = error.rule or "marked"
            note = f" ({error.note})" if error.note else ""
            lines.append(
                f"  #{where:<4} {error.severity!s:<8} {error.category}: "
                f"“{_clip(error.text, 50)}”{change}  [{origin}, {error.source}, "
                f"weight {error.weight:g}]{note}"
            )
    lines += [
        "",
        card.nouns.upper(),
        f"  {'#':>4} {'HTER':>6} {'chrF':>6} {'time':>9} {'edits':>5}  text",
    ]
    for row in card.rows:
        mark = "✗ " if row.unit.deleted else "✎ " if row.unit.changed else "  "
        lines.append(
            f"  {row.unit.index:>4} {row.distance.ter:6.1f} {row.distance.chrf:6.1f} "
            f"{format_duration(row.seconds):>9} {row.edits:>5}  {mark}{_clip(row.unit.mt, 70)}"
        )
    return "\n".join(lines) + "\n"


def _precision_table(rows: list[RulePrecision]) -> list[str]:
    if not rows:
        return ["  (no flags recorded)"]
    lines = [
        f"  {'Rule':<34}{'raised':>7}{'acc.':>6}{'rej.':>6}{'res.':>6}{'open':>6}{'precision':>11}"
    ]
    for row in rows:
        precision = "–" if row.precision is None else f"{100 * row.precision:.0f}%"
        hint = "  consider switching off" if row.suggest_switch_off else ""
        hint += "  (switched off)" if row.disabled else ""
        lines.append(
            f"  {_clip(row.rule, 33):<34}{row.raised:>7}{row.accepted:>6}{row.rejected:>6}"
            f"{row.resolved:>6}{row.open:>6}{precision:>11}{hint}"
        )
    return lines


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
