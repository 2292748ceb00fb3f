"""`reviewer scorecard --format html`: a self-contained report to mail or archive.

One file: styles inline, charts as inline SVG, no scripts and no external resources (a
Content-Security-Policy forbids both, so even a browser that opens it from a mail client
runs nothing). Every piece of document text goes through `html.escape` (the word diff
escapes its own pieces), so a document holding `<script>` shows it as text.
"""

from __future__ import annotations

from html import escape

from reviewer import __version__
from reviewer.core.diff import DIFF_CSS, diff_html
from reviewer.core.flags import Severity
from reviewer.core.scoring import FORMULA, Scorecard
from reviewer.core.wording import count, plural
from reviewer.formats.scorecard_charts import (
    SEVERITY_COLOURS,
    errors_chart,
    format_duration,
    hter_chart,
    time_chart,
)

_SEVERITIES = (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR)

_CSS = """
:root { --ink: #1f2328; --muted: #6b7280; --line: #e5e7eb; --card: #ffffff;
        --pass: #2e7d32; --fail: #c62828; --bg: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
       font: 14px/1.45 "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 28px 48px; }
header h1 { font-size: 24px; margin: 0 0 4px; font-weight: 600; }
header p { margin: 0; color: var(--muted); }
h2 { font-size: 17px; font-weight: 600; margin: 32px 0 12px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(135px, 1fr));
         gap: 12px; margin-top: 20px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px;
        padding: 12px 14px; }
.card .label { color: var(--muted); font-size: 12px; text-transform: uppercase;
               letter-spacing: .04em; }
.card .value { font-size: 24px; font-weight: 600; margin-top: 2px; white-space: nowrap; }
.card .sub { color: var(--muted); font-size: 12px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff;
         font-size: 12px; font-weight: 600; vertical-align: middle; margin-left: 6px; }
.pass { background: var(--pass); } .fail { background: var(--fail); }
.score-pass { color: var(--pass); } .score-fail { color: var(--fail); }
.panel { background: var(--card); border: 1px solid var(--line); border-radius: 8px;
         padding: 14px 16px; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
@media (max-width: 900px) { .grid2 { grid-template-columns: 1fr; } }
.panel h3 { font-size: 13px; margin: 0 0 8px; color: var(--muted); font-weight: 600;
            text-transform: uppercase; letter-spacing: .04em; }
svg { max-width: 100%; height: auto; display: block; }
table { border-collapse: collapse; width: 100%; background: var(--card); }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line);
         vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; background: #fafbfc; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code { font: 12px/1.4 "DejaVu Sans Mono", Consolas, monospace; background: #f1f3f5;
       padding: 1px 4px; border-radius: 4px; overflow-wrap: anywhere; }
.formula { font-size: 14px; margin: 0 0 10px; padding: 8px 10px; background: #f1f3f5;
           border-radius: 6px; }
.muted { color: var(--muted); }
.sev { display: inline-block; width: 9px; height: 9px; border-radius: 2px; margin-right: 5px; }
.meter { background: #eef0f3; border-radius: 3px; height: 8px; width: 90px;
         display: inline-block; vertical-align: middle; margin-right: 6px; overflow: hidden; }
.meter span { display: block; height: 8px; background: #3b6ea8; }
.hint { color: var(--fail); font-size: 12px; }
.deleted { color: var(--muted); font-style: italic; }
footer { margin-top: 36px; color: var(--muted); font-size: 12px; }
"""


def render_scorecard_html(card: Scorecard) -> str:
    mqm = card.mqm
    verdict_class = "pass" if mqm.passed else "fail"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Scorecard: {escape(card.document)}</title>",
        f"<style>{_CSS}{DIFF_CSS}</style></head><body><main>",
        "<header>",
        f"<h1>Scorecard: {escape(card.document)}</h1>",
        f"<p>Reviewed by {escape(card.reviewer or 'an unnamed reviewer')} · "
        f"{escape(card.language)} · {count(card.sentences, card.noun)}, "
        f"{count(mqm.words, 'word')} · "
        f"generated {escape(card.generated_at[:16].replace('T', ' '))} UTC</p>",
        "</header>",
        '<section class="cards">',
        _card(
            "MQM score",
            f'<span class="score-{verdict_class}">{mqm.score:.2f}</span>'
            f'<span class="badge {verdict_class}">{escape(mqm.verdict().upper())}</span>',
            f"threshold {mqm.model.pass_threshold:g}",
        ),
        _card(
            "Errors",
            str(len(mqm.errors)),
            " · ".join(f"{mqm.by_severity[s]} {s}" for s in _SEVERITIES),
        ),
        _card(
            "Penalty",
            f"{mqm.penalty:g}",
            f"{mqm.penalty_per_1000_words:.2f} per 1,000 words",
        ),
        _card("HTER", f"{card.distance.document.ter:.2f}", "post-edit distance"),
        _card("chrF", f"{card.distance.document.chrf:.1f}", "MT against the correction"),
        _card("BLEU", f"{card.distance.document.bleu:.1f}", "MT against the correction"),
        _card(
            "Active time",
            escape(format_duration(card.effort.seconds, compact=True)),
            f"{count(card.effort.edits, 'edit')} · "
            f"{card.open_flags} open {plural('flag', card.open_flags)}",
        ),
        "</section>",
        _quality(card),
        _distance(card),
        _effort(card),
        _precision(card),
        _errors(card),
        _sentences(card),
        f"<footer>MT Reviewer {escape(__version__)} · review file "
        f"<code>{escape(card.review_path)}</code></footer>",
        "</main></body></html>",
    ]
    return "\n".join(parts) + "\n"


def _card(label: str, value: str, sub: str) -> str:
    return (
        f'<div class="card"><div class="label">{escape(label)}</div>'
        f'<div class="value">{value}</div><div class="sub">{escape(sub)}</div></div>'
    )


def _quality(card: Scorecard) -> str:
    mqm = card.mqm
    rows = []
    for tally in mqm.by_category():
        cells = "".join(f'<td class="num">{tally.counts.get(s, 0)}</td>' for s in _SEVERITIES)
        rows.append(
            f"<tr><td>{escape(tally.name)}</td>{cells}"
            f'<td class="num">{tally.total}</td><td class="num">{tally.penalty:g}</td></tr>'
        )
    table = (
        "<table><tr><th>Category</th>"
        + "".join(f'<th class="num">{_swatch(s)}{s}</th>' for s in _SEVERITIES)
        + '<th class="num">errors</th><th class="num">penalty</th></tr>'
        + ("".join(rows) or '<tr><td colspan="6" class="muted">No errors</td></tr>')
        + "</table>"
    )
    weights = "".join(f"<li>{escape(line)}</li>" for line in mqm.model.describe())
    return (
        "<h2>Quality (MQM)</h2>"
        '<div class="grid2">'
        f'<div class="panel"><h3>Errors by category and severity</h3>{errors_chart(card)}'
        f'<div style="margin-top:10px">{table}</div></div>'
        '<div class="panel"><h3>How the score is computed</h3>'
        f'<p class="formula">{escape(FORMULA)}</p>'
        f"<p>penalty = {mqm.penalty:g} · words = {mqm.words} · "
        f"score = 100 × (1 − {mqm.penalty:g} ÷ {mqm.words}) = <b>{mqm.score:.2f}</b></p>"
        f"<p class='muted'>Weights (resources/scoring.yaml):</p><ul>{weights}</ul>"
        "<p class='muted'>Errors are accepted flags, flags the reviewer fixed by editing "
        "(resolved by edit, unless the same span was already counted) and errors the "
        "reviewer marked by hand. Rejected flags are not errors; open flags are not "
        "counted. Words are the machine translation's.</p></div>"
        "</div>"
    )


def _distance(card: Scorecard) -> str:
    doc, sig = card.distance.document, card.distance.signatures
    rows = [
        ("HTER (TER)", doc.ter, sig.ter),
        ("chrF", doc.chrf, sig.chrf),
        ("BLEU", doc.bleu, sig.bleu_document),
        (f"BLEU per {card.noun}", None, sig.bleu_sentence),
    ]
    body = "".join(
        f"<tr><td>{escape(name)}</td>"
        f'<td class="num">{"" if value is None else f"{value:.2f}"}</td>'
        f"<td><code>{_breakable(signature)}</code></td></tr>"
        for name, value, signature in rows
    )
    return (
        "<h2>Post-edit distance</h2>"
        '<div class="grid2">'
        f'<div class="panel"><h3>HTER per {card.noun}</h3>{hter_chart(card)}</div>'
        '<div class="panel"><h3>Document (sacrebleu)</h3>'
        '<table><tr><th>metric</th><th class="num">score</th><th>signature</th></tr>'
        f"{body}</table>"
        f"<p class='muted'>The corrected text is the reference and the machine translation "
        f"the hypothesis, so TER is HTER: {doc.edits:g} edits for {doc.reference_words:g} "
        f"corrected words. Deleted {card.nouns} count as edits.</p></div>"
        "</div>"
    )


def _effort(card: Scorecard) -> str:
    effort = card.effort
    figures = [
        ("Active time", format_duration(effort.seconds)),
        (f"{card.noun.capitalize()} visits", str(effort.visits)),
        ("Edits", str(effort.edits)),
        ("Words inserted", str(effort.words.inserted)),
        ("Words deleted", str(effort.words.deleted)),
        ("Words substituted", str(effort.words.substituted)),
    ]
    body = "".join(
        f'<tr><td>{escape(name)}</td><td class="num">{escape(value)}</td></tr>'
        for name, value in figures
    )
    return (
        "<h2>Effort</h2>"
        '<div class="grid2">'
        f'<div class="panel"><h3>Time per {card.noun}</h3>{time_chart(card)}</div>'
        f'<div class="panel"><h3>Totals</h3><table>{body}</table>'
        f"<p class='muted'>Time counts while a {card.noun} is selected, leaving out any pause "
        f"over {effort.idle_limit:g} s between two actions.</p></div>"
        "</div>"
    )


def _precision(card: Scorecard) -> str:
    rows = []
    for rule in card.precision:
        if rule.precision is None:
            precision = '<span class="muted">–</span>'
        else:
            width = round(100 * rule.precision)
            precision = f'<span class="meter"><span style="width:{width}%"></span></span>{width}%'
        hint = ""
        if rule.suggest_switch_off:
            hint = '<div class="hint">reviewers keep rejecting it: consider switching it off</div>'
        if rule.disabled:
            hint += '<div class="muted">switched off</div>'
        rows.append(
            f"<tr><td><code>{escape(rule.rule)}</code>{hint}</td><td>{escape(rule.engine)}</td>"
            f"<td>{escape(rule.category)}</td>"
            f'<td class="num">{rule.raised}</td><td class="num">{rule.accepted}</td>'
            f'<td class="num">{rule.rejected}</td><td class="num">{rule.resolved}</td>'
            f'<td class="num">{rule.open}</td><td class="num">{precision}</td></tr>'
        )
    return (
        "<h2>Checker precision</h2>"
        '<div class="panel"><table><tr><th>rule</th><th>engine</th><th>category</th>'
        '<th class="num">raised</th><th class="num">accepted</th><th class="num">rejected</th>'
        '<th class="num">resolved by edit</th><th class="num">open</th>'
        '<th class="num">precision</th></tr>'
        + ("".join(rows) or '<tr><td colspan="9" class="muted">No flags recorded</td></tr>')
        + "</table><p class='muted'>precision = accepted ÷ (accepted + rejected). Flags "
        "resolved by an edit are left out (an edit can remove a flag nobody judged).</p></div>"
    )


def _errors(card: Scorecard) -> str:
    index_of = {sid: row.unit.index for row in card.rows for sid in row.unit.segment_ids}
    rows = []
    for error in card.mqm.errors:
        if error.correction is None:
            change = ""
        elif error.correction:
            change = f"→ {escape(error.correction)}"
        else:
            change = '<span class="muted">deleted</span>'
        origin = f"<code>{escape(error.rule)}</code>" if error.rule else "marked by reviewer"
        note = f'<div class="muted">{escape(error.note)}</div>' if error.note else ""
        rows.append(
            f'<tr><td class="num">{index_of.get(error.sentence_id, "")}</td>'
            f"<td>{_swatch(error.severity)}{escape(str(error.severity))}</td>"
            f"<td>{escape(error.category)}</td><td>{escape(error.text)}{note}</td>"
            f"<td>{change}</td><td>{origin}<div class='muted'>{escape(error.source)}</div></td>"
            f'<td class="num">{error.weight:g}</td></tr>'
        )
    return (
        "<h2>Errors</h2>"
        '<div class="panel"><table><tr><th class="num">#</th><th>severity</th>'
        "<th>category</th><th>text</th><th>correction</th><th>found by</th>"
        '<th class="num">weight</th></tr>'
        + ("".join(rows) or '<tr><td colspan="7" class="muted">No errors</td></tr>')
        + "</table></div>"
    )


def _sentences(card: Scorecard) -> str:
    rows = []
    for row in card.rows:
        if row.unit.deleted:
            text = f'<span class="deleted">deleted:</span> {escape(row.unit.mt)}'
        elif row.unit.changed:
            text = diff_html(row.unit.mt, row.unit.corrected)
        else:
            text = escape(row.unit.mt)
        rows.append(
            f'<tr><td class="num">{row.unit.index}</td><td>{text}</td>'
            f'<td class="num">{row.distance.ter:.1f}</td>'
            f'<td class="num">{row.distance.chrf:.1f}</td>'
            f'<td class="num">{row.distance.bleu:.1f}</td>'
            f'<td class="num">{escape(format_duration(row.seconds))}</td>'
            f'<td class="num">{row.edits}</td><td class="num">{len(row.errors)}</td></tr>'
        )
    return (
        f"<h2>{card.nouns.capitalize()}</h2>"
        '<div class="panel"><table><tr><th class="num">#</th>'
        "<th>machine translation → correction</th>"
        '<th class="num">HTER</th><th class="num">chrF</th><th class="num">BLEU</th>'
        '<th class="num">time</th><th class="num">edits</th><th class="num">errors</th></tr>'
        + "".join(rows)
        + "</table></div>"
    )


def _breakable(signature: str) -> str:
    """A sacrebleu signature that may wrap after each `|`."""
    return "|<wbr>".join(escape(part) for part in signature.split("|"))


def _swatch(severity: Severity) -> str:
    return f'<span class="sev" style="background:{SEVERITY_COLOURS[severity]}"></span>'
