"""The panel beside the sentence list: what is wrong with the selected sentence.

Rendered as rich text (one card per flag: severity, MQM category, message, suggestions,
rule and engine) so long messages wrap and can be selected and copied. Accept and reject
actions will attach to these cards when review state arrives.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from reviewer.app import theme
from reviewer.core.document import Sentence
from reviewer.core.flags import Flag

_STYLE = """
body { font-size: 10pt; }
.sentence { color: #2b2f36; font-size: 11pt; margin-bottom: 6px; }
.card { margin: 0 0 12px 0; }
.head { font-weight: 600; }
.cat { color: #5f6670; }
.rule { color: #8a9099; font-size: 8.5pt; }
.sugg { font-family: monospace; background: #eef6ee; color: #1b5e20; }
.del { font-family: monospace; background: #fdecea; color: #b71c1c; }
.quote { background: #f3f4f6; }
"""


class FlagPanel(QTextBrowser):
    """Shows the flags of one sentence, or a hint when nothing is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.document().setDefaultStyleSheet(_STYLE)
        self.show_nothing()

    def show_nothing(self) -> None:
        self.setHtml("<p class='cat'>Select a sentence to see its flags.</p>")

    def show_sentence(self, sentence: Sentence, flags: list[Flag]) -> None:
        parts = [
            f"<p class='cat'>Sentence {sentence.index + 1} · paragraph {sentence.paragraph + 1}"
            f" · {len(flags)} flag{'' if len(flags) == 1 else 's'}</p>",
            f"<p class='sentence'>{_highlighted(sentence, flags)}</p><hr>",
        ]
        if not flags:
            parts.append("<p class='cat'>No flags in this sentence.</p>")
        for flag in flags:
            parts.append(_card(flag))
        self.setHtml("".join(parts))


def _card(flag: Flag) -> str:
    colour = theme.SEVERITY_COLOURS[flag.severity].name()
    suggestions = ", ".join(_suggestion(s) for s in flag.suggestions[:5]) or "<i>none</i>"
    also = flag.extra.get("also_reported_by")
    also_html = f" · also {escape(also)}" if also else ""
    return (
        "<div class='card'>"
        f"<span class='head' style='color:{colour}'>{escape(str(flag.severity).upper())}</span>"
        f" <span class='cat'>{escape(flag.category)}</span><br>"
        f"<span class='quote'>{escape(flag.text) or '&nbsp;'}</span><br>"
        f"{escape(flag.message)}<br>"
        f"Suggestions: {suggestions}<br>"
        f"<span class='rule'>{escape(flag.rule)} · {escape(flag.engine)}"
        f" · confidence {flag.confidence:.0%}{also_html}</span>"
        "</div>"
    )


def _highlighted(sentence: Sentence, flags: list[Flag]) -> str:
    """The sentence with each flagged span tinted by its severity (first flag wins overlaps)."""
    pieces: list[str] = []
    cursor = 0
    for flag in sorted(flags, key=lambda f: f.start):
        start = max(cursor, flag.start - sentence.start)
        end = min(len(sentence.text), flag.end - sentence.start)
        if end <= start:
            continue
        tint = theme.SEVERITY_TINTS[flag.severity].name()
        line = theme.SEVERITY_COLOURS[flag.severity].name()
        pieces.append(escape(sentence.text[cursor:start]))
        pieces.append(
            f"<span style='background:{tint}; border-bottom:2px solid {line}'>"
            f"{escape(sentence.text[start:end])}</span>"
        )
        cursor = end
    pieces.append(escape(sentence.text[cursor:]))
    return "".join(pieces)


def _suggestion(text: str) -> str:
    if not text:
        return "<span class='del'>delete</span>"
    return f"<span class='sugg'>{escape(text)}</span>"
