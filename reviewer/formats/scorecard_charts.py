"""The scorecard's charts as standalone SVG: errors by category and severity, HTER per
sentence, time per sentence ("unit" for "sentence" in a bilingual review: `Scorecard.noun`).

The same SVG goes inline into the HTML report and into the window's scorecard view (Qt's
SVG renderer), so both show one picture. No scripts: hover text is SVG's own `<title>`.
Every piece of document text (categories are data too) passes through `html.escape`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from reviewer.core.flags import Severity
from reviewer.core.scoring import Scorecard
from reviewer.core.wording import count, plural

SEVERITY_COLOURS = {
    Severity.CRITICAL: "#c62828",
    Severity.MAJOR: "#e67e22",
    Severity.MINOR: "#1e88e5",
}
INK = "#1f2328"
MUTED = "#6b7280"
GRID = "#e5e7eb"
BAR = "#3b6ea8"
DELETED_BAR = "#9aa4b2"
FONT = "font-family=\"'Segoe UI', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif\""

_ORDER = (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR)


@dataclass(frozen=True)
class Bar:
    label: str  # under the bar (sentence or unit number)
    value: float
    tooltip: str
    colour: str = BAR


def errors_chart(card: Scorecard, width: int = 560) -> str:
    """Horizontal bars, one per MQM category, split by severity."""
    tallies = card.mqm.by_category()
    label_width, right, top, row = 200, 78, 34, 28
    height = top + max(1, len(tallies)) * row + 16
    parts = [_open(width, height, "Errors by category and severity")]
    parts.append(_legend(width - 8, 16))
    if not tallies:
        parts.append(_text(width / 2, top + 18, "No errors", anchor="middle", colour=MUTED))
        return _close(parts)
    longest = max(t.total for t in tallies)
    scale = (width - label_width - right) / longest
    for index, tally in enumerate(tallies):
        y = top + index * row
        parts.append(_text(label_width - 8, y + 15, _clip(tally.name, 30), anchor="end", size=12))
        x = float(label_width)
        for severity in _ORDER:
            count = tally.counts.get(severity, 0)
            if not count:
                continue
            w = count * scale
            hint = f"{tally.name}: {count} {severity}"
            parts.append(
                _rect(x, y + 3, w, row - 8, colour=SEVERITY_COLOURS[severity], tooltip=hint)
            )
            if w >= 16:
                parts.append(
                    _text(x + w / 2, y + 15, str(count), anchor="middle", colour="#fff", size=11)
                )
            x += w
        parts.append(_text(x + 6, y + 15, f"penalty {tally.penalty:g}", size=11, colour=MUTED))
    return _close(parts)


def hter_chart(card: Scorecard, width: int = 560) -> str:
    """HTER of every sentence (capped at 100 in the drawing; the hover text has the figure)."""
    noun = card.noun
    bars = []
    for row in card.rows:
        value = row.distance.ter
        state = "deleted" if row.unit.deleted else "unchanged" if not row.unit.changed else ""
        hint = f"{noun.capitalize()} {row.unit.index}: HTER {value:.1f}" + (
            f" ({state})" if state else ""
        )
        hint += f"\n{_clip(row.unit.mt, 120)}"
        colour = DELETED_BAR if row.unit.deleted else BAR
        bars.append(Bar(str(row.unit.index), min(value, 100.0), hint, colour))
    return _column_chart(
        bars,
        width,
        f"HTER per {noun}",
        "HTER",
        maximum=100.0,
        ticks=[0, 25, 50, 75, 100],
        legend=[("edited", BAR), ("deleted", DELETED_BAR)],
        empty=f"No {noun} was changed",
        noun=noun,
    )


def time_chart(card: Scorecard, width: int = 560) -> str:
    """Active time spent on every sentence, in seconds (or minutes for long ones)."""
    longest = max((row.seconds for row in card.rows), default=0.0)
    in_minutes = longest >= 180
    unit = "min" if in_minutes else "s"
    noun = card.noun
    bars = []
    for row in card.rows:
        value = row.seconds / 60 if in_minutes else row.seconds
        hint = (
            f"{noun.capitalize()} {row.unit.index}: {format_duration(row.seconds)}, "
            f"{count(row.visits, 'visit')}, {count(row.edits, 'edit')}\n{_clip(row.unit.mt, 120)}"
        )
        bars.append(Bar(str(row.unit.index), value, hint))
    maximum, ticks = _nice_scale(max((b.value for b in bars), default=0.0))
    return _column_chart(
        bars,
        width,
        f"Time per {noun}",
        unit,
        maximum=maximum,
        ticks=ticks,
        empty=f"No time recorded: no {noun} was worked on in the window",
        noun=noun,
    )


def _column_chart(
    bars: Sequence[Bar],
    width: int,
    title: str,
    unit: str,
    *,
    maximum: float,
    ticks: Sequence[float],
    legend: Sequence[tuple[str, str]] = (),
    empty: str = "",
    noun: str = "sentence",
) -> str:
    """Bars over a grid; `empty` is written across the plot when every bar is zero (an
    empty grid alone reads as a broken chart). `noun` names what a bar is, under the axis."""
    left, right, top, bottom = 46, 10, 30 if legend else 14, 30
    height = 216 if legend else 200
    plot_w, plot_h = width - left - right, height - top - bottom
    parts = [_open(width, height, title)]
    if legend:
        parts.append(_legend(width - right, 14, legend))
    for tick in ticks:
        y = top + plot_h - (tick / maximum) * plot_h if maximum else top + plot_h
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        parts.append(_text(left - 6, y + 4, f"{tick:g}", anchor="end", size=10, colour=MUTED))
    parts.append(
        _text(12, top + plot_h / 2, unit, anchor="middle", size=10, colour=MUTED, rotate=True)
    )
    if not bars:
        parts.append(
            _text(width / 2, height / 2, f"No {plural(noun, 0)}", anchor="middle", colour=MUTED)
        )
        return _close(parts)
    step = plot_w / len(bars)
    bar_w = max(1.0, step * 0.72)
    label_every = max(1, math.ceil(len(bars) / (plot_w / 22)))
    for index, bar in enumerate(bars):
        x = left + index * step + (step - bar_w) / 2
        h = (bar.value / maximum) * plot_h if maximum else 0.0
        if bar.value > 0:
            h = max(h, 1.5)
        parts.append(_rect(x, top + plot_h - h, bar_w, h, colour=bar.colour, tooltip=bar.tooltip))
        if index % label_every == 0:
            parts.append(
                _text(x + bar_w / 2, height - bottom + 14, bar.label, anchor="middle", size=10)
            )
    parts.append(
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" '
        f'stroke="{MUTED}" stroke-width="1"/>'
    )
    parts.append(_text(left + plot_w / 2, height - 3, noun, anchor="middle", size=10, colour=MUTED))
    if empty and not any(bar.value > 0 for bar in bars):
        parts.append(
            _text(left + plot_w / 2, top + plot_h / 2, empty, anchor="middle", colour=MUTED)
        )
    return _close(parts)


def format_duration(seconds: float, *, compact: bool = False) -> str:
    """1 h 02 min, 3 min 05 s, 42 s (compact: 1h 02m, 3m 05s, 42s)."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    h, m, s = ("h", "m", "s") if compact else (" h", " min", " s")
    if hours:
        return f"{hours}{h} {minutes:02d}{m}"
    if minutes:
        return f"{minutes}{m} {secs:02d}{s}"
    return f"{secs}{s}"


def _nice_scale(value: float) -> tuple[float, list[float]]:
    """A round maximum at or above `value`, with ticks at a 1, 2 or 5 step (at most 6)."""
    if value <= 0:
        return 1.0, [0.0, 1.0]
    magnitude = 10 ** math.floor(math.log10(value / 5))
    step = next(f * magnitude for f in (1, 2, 5, 10) if f * magnitude * 5 >= value)
    count = math.ceil(value / step - 1e-9)
    return step * count, [step * i for i in range(count + 1)]


def _open(width: int, height: int, title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title>"
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>'
    )


def _close(parts: list[str]) -> str:
    return "".join([*parts, "</svg>"])


def _rect(x: float, y: float, w: float, h: float, *, colour: str, tooltip: str) -> str:
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="2" '
        f'fill="{colour}"><title>{escape(tooltip)}</title></rect>'
    )


def _text(
    x: float,
    y: float,
    text: str,
    *,
    anchor: str = "start",
    size: int = 12,
    colour: str = INK,
    rotate: bool = False,
) -> str:
    transform = f' transform="rotate(-90 {x:.1f} {y:.1f})"' if rotate else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{colour}" '
        f'text-anchor="{anchor}" {FONT}{transform}>{escape(text)}</text>'
    )


def _legend(right_edge: float, y: float, entries: Sequence[tuple[str, str]] = ()) -> str:
    """Swatches and labels, right-aligned at `right_edge` (severities by default)."""
    entries = entries or [(str(s), SEVERITY_COLOURS[s]) for s in _ORDER]
    parts = []
    x = right_edge
    for label, colour in reversed(entries):
        x -= 6.5 * len(label) + 24
        parts.append(
            f'<rect x="{x:.1f}" y="{y - 9:.1f}" width="10" height="10" rx="2" fill="{colour}"/>'
        )
        parts.append(_text(x + 14, y, label, size=11, colour=MUTED))
    return "".join(parts)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
