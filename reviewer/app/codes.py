"""Inline codes of translation units drawn as small tag chips, never as tofu boxes.

A unit's text holds one private-use character per piece of inline markup (reviewer.core.
bilingual). No font has a glyph for them, so every view shows them as chips: a paired tag
as ⟨1 … 1⟩ (the same number at both ends), a standalone tag as ⟨2⟩, a format specifier as
itself (%s, {0}), a line break as ↵, with the markup in the tooltip.

In a QTextDocument each code character is replaced by one U+FFFC object character whose
format carries the code, its label and its markup, drawn by `ChipHandler`. The replacement is
one character for one, so every offset (flag underlines, selections, find) stays exact, and
`text_with_codes` reads the original characters back. Labels and HTML for the views that show
text rather than a document (cards, the changes view, context lines) are here too.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from html import escape

from PySide6.QtCore import QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPyTextObject,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from reviewer.core.bilingual import (
    PLACEHOLDER_FIRST,
    PLACEHOLDER_LAST,
    PlaceholderKind,
    Unit,
    is_placeholder,
)

OBJECT = "\ufffc"
CHIP_TYPE = int(QTextFormat.ObjectTypes.UserObject) + 17
CODE_PROPERTY = int(QTextFormat.Property.UserProperty) + 17
LABEL_PROPERTY = CODE_PROPERTY + 1
KIND_PROPERTY = CODE_PROPERTY + 2

CHIP_BACKGROUND = {"tag": QColor("#e3e9f2"), "code": QColor("#efe6f6")}
CHIP_BORDER = {"tag": QColor("#b7c3d4"), "code": QColor("#cdb8df")}
CHIP_TEXT = {"tag": QColor("#3c4b63"), "code": QColor("#5b3b78")}
_CHIP_MARGIN = 1.5  # pixels left and right of a chip, so it never touches a letter
_TIP = 0.32  # how far a tag's point reaches, relative to its height
_CHIP_CSS = "background-color:{background}; color:{text}; font-size:small; font-family:monospace;"


@dataclass(frozen=True, slots=True)
class Code:
    """How one code character of a unit is shown."""

    char: str
    label: str  # as plain text: ⟨1, 1⟩, ⟨2⟩, %s
    markup: str
    kind: str  # "open", "close", "empty" (tags, numbered) or "code" (specifiers, breaks)

    @property
    def palette(self) -> str:
        return "code" if self.kind == "code" else "tag"

    @property
    def chip_text(self) -> str:
        """What the chip shows inside its shape: a tag's number (the shape says open or
        close), a code's own text."""
        return self.label if self.kind == "code" else self.label.strip("⟨⟩")


def unit_codes(unit: Unit | None) -> dict[str, Code]:
    """Each code character of `unit` with its label; paired tags share their number.

    Tags are numbered in the order they first appear in the source (then the target), so the
    same tag has the same number on both sides; a closing tag takes its opening tag's number.
    """
    if unit is None or not unit.placeholders:
        return {}
    table = {placeholder.char: placeholder for placeholder in unit.placeholders}
    order: list[str] = []
    for character in unit.source + unit.target + "".join(table):
        if character in table and character not in order:
            order.append(character)
    numbers: dict[str, int] = {}
    open_tags: list[str] = []
    for character in _in_text_order(unit, table):
        kind = table[character].kind
        if character in numbers or kind is PlaceholderKind.CODE:
            continue
        if kind is PlaceholderKind.CLOSE and open_tags:
            numbers[character] = numbers[open_tags.pop()]
            continue
        numbers[character] = len(set(numbers.values())) + 1
        if kind is PlaceholderKind.OPEN:
            open_tags.append(character)
    codes = {}
    for character in order:
        placeholder = table[character]
        kind = placeholder.kind
        if kind is PlaceholderKind.CODE:
            codes[character] = Code(
                character, _code_label(placeholder.markup), placeholder.markup, "code"
            )
            continue
        number = numbers.get(character, 0)
        label = {
            PlaceholderKind.OPEN: f"⟨{number}",
            PlaceholderKind.CLOSE: f"{number}⟩",
        }.get(kind, f"⟨{number}⟩")
        codes[character] = Code(character, label, placeholder.markup, str(kind))
    return codes


def _in_text_order(unit: Unit, table: Collection[str]) -> list[str]:
    """The unit's code characters as the source (then the target, then the table) has them."""
    source = [c for c in unit.source if c in table]
    rest = [c for c in unit.target + "".join(table) if c in table and c not in source]
    return source + rest


def _code_label(markup: str) -> str:
    if markup in ("\n", "\r\n", "<br>", "<br/>", "<br />", "\\n"):
        return "↵"
    if markup in {"\t", "\\t"}:
        return "⇥"
    text = markup.replace("\n", "↵")
    return text if len(text) <= 12 else text[:11] + "…"


def code_for(character: str, codes: dict[str, Code]) -> Code:
    """A code's chip; a code character the table does not know still gets a neutral chip."""
    return codes.get(character) or Code(character, "⟨⟩", "inline code", "empty")


# -- plain text and HTML ------------------------------------------------------------------------


def readable(text: str, codes: dict[str, Code]) -> str:
    """`text` with each code shown as its label (for tooltips, buttons and plain labels)."""
    if not any(is_placeholder(c) for c in text):
        return text
    return "".join(code_for(c, codes).label if is_placeholder(c) else c for c in text)


def chip_html(code: Code) -> str:
    style = _CHIP_CSS.format(
        background=CHIP_BACKGROUND[code.palette].name(), text=CHIP_TEXT[code.palette].name()
    )
    return (
        f"<span style='{style}' title='{escape(code.markup, quote=True)}'>"
        f"&#8202;{escape(code.label)}&#8202;</span>"
    )


def with_chips_html(html: str, codes: dict[str, Code]) -> str:
    """Escaped HTML (code characters survive escaping) with each code as a styled chip."""
    if not any(is_placeholder(c) for c in html):
        return html
    return "".join(chip_html(code_for(c, codes)) if is_placeholder(c) else c for c in html)


_CODE_CHARACTER = re.compile(f"[{chr(PLACEHOLDER_FIRST)}-{chr(PLACEHOLDER_LAST)}]")
# A code's label in readable text: ⟨1 (open), 1⟩ (close), ⟨2⟩ (standalone), ⟨⟩ (unknown).
LABEL_PATTERN = re.compile(r"⟨\d*⟩|⟨\d+|\d+⟩")


def labels_as_chips(html: str) -> str:
    """Escaped HTML of readable text (codes as their labels) with each label as a chip."""

    def chip(match: re.Match[str]) -> str:
        label = match.group()
        kind = "empty" if label.startswith("⟨") and label.endswith("⟩") else "open"
        if not label.startswith("⟨"):
            kind = "close"
        return chip_html(Code("", label, "inline code", kind))

    return LABEL_PATTERN.sub(chip, html)


def escaped_with_chips(text: str, codes: dict[str, Code]) -> str:
    """Plain `text` as HTML, codes as chips."""
    return with_chips_html(escape(text), codes)


# -- QTextDocument objects --------------------------------------------------------------------


class ChipHandler(QPyTextObject):
    """Draws a code object as a small tag: an opening tag points right, a closing tag
    left (as CAT tools draw them), a standalone tag or a format specifier is a rounded box."""

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:
        font = _chip_font(fmt.toCharFormat().font())
        metrics = QFontMetricsF(font)
        label = str(fmt.property(LABEL_PROPERTY) or "")
        line = QFontMetricsF(fmt.toCharFormat().font())
        height = line.ascent() + line.descent() - 1
        kind = str(fmt.property(KIND_PROPERTY) or "empty")
        tip = height * _TIP if kind in {"open", "close"} else 0.0
        width = max(metrics.horizontalAdvance(label) + 8, 12) + tip + 2 * _CHIP_MARGIN
        return QSizeF(width, height)

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        doc: QTextDocument,
        pos: int,
        fmt: QTextFormat,
    ) -> None:
        kind = str(fmt.property(KIND_PROPERTY) or "empty")
        label = str(fmt.property(LABEL_PROPERTY) or "")
        palette = "code" if kind == "code" else "tag"
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(rect).adjusted(_CHIP_MARGIN + 0.5, 1.5, -_CHIP_MARGIN - 0.5, -0.5)
        painter.setPen(CHIP_BORDER[palette])
        painter.setBrush(CHIP_BACKGROUND[palette])
        tip = box.height() * _TIP
        text_box = QRectF(box)
        if kind == "open":
            painter.drawPath(_arrow(box, tip, pointing_right=True))
            text_box.setRight(box.right() - tip)
        elif kind == "close":
            painter.drawPath(_arrow(box, tip, pointing_right=False))
            text_box.setLeft(box.left() + tip)
        else:
            painter.drawRoundedRect(box, 3.5, 3.5)
        painter.setFont(_chip_font(fmt.toCharFormat().font()))
        painter.setPen(CHIP_TEXT[palette])
        painter.drawText(text_box, Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()


def _arrow(box: QRectF, tip: float, *, pointing_right: bool) -> QPainterPath:
    """A tag shape: a box with one side drawn out to a point."""
    path = QPainterPath()
    middle = box.center().y()
    if pointing_right:
        path.moveTo(box.left(), box.top() + 2)
        path.quadTo(box.left(), box.top(), box.left() + 2, box.top())
        path.lineTo(box.right() - tip, box.top())
        path.lineTo(box.right(), middle)
        path.lineTo(box.right() - tip, box.bottom())
        path.lineTo(box.left() + 2, box.bottom())
        path.quadTo(box.left(), box.bottom(), box.left(), box.bottom() - 2)
    else:
        path.moveTo(box.right(), box.top() + 2)
        path.quadTo(box.right(), box.top(), box.right() - 2, box.top())
        path.lineTo(box.left() + tip, box.top())
        path.lineTo(box.left(), middle)
        path.lineTo(box.left() + tip, box.bottom())
        path.lineTo(box.right() - 2, box.bottom())
        path.quadTo(box.right(), box.bottom(), box.right(), box.bottom() - 2)
    path.closeSubpath()
    return path


def _chip_font(font: QFont) -> QFont:
    chip = QFont(font)
    size = font.pointSizeF()
    if size > 0:
        chip.setPointSizeF(size * 0.78)
    else:
        chip.setPixelSize(max(8, int(font.pixelSize() * 0.78)))
    chip.setBold(False)
    chip.setItalic(False)
    chip.setStrikeOut(False)
    chip.setUnderline(False)
    return chip


@cache
def _handler() -> ChipHandler:
    """One handler for the whole application, never collected."""
    return ChipHandler()


def register(document: QTextDocument) -> None:
    """Let `document` draw code objects (call before inserting them; idempotent)."""
    document.documentLayout().registerHandler(CHIP_TYPE, _handler())


def chip_format(code: Code, base: QTextCharFormat | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat(base) if base is not None else QTextCharFormat()
    fmt.setObjectType(CHIP_TYPE)
    fmt.setProperty(CODE_PROPERTY, code.char)
    fmt.setProperty(LABEL_PROPERTY, code.chip_text)
    fmt.setProperty(KIND_PROPERTY, code.kind)
    fmt.setToolTip(code.markup)
    fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignBottom)
    return fmt


def insert_chips(document: QTextDocument, codes: dict[str, Code]) -> int:
    """Replace every code character of `document` by its chip object; returns how many."""
    text = document.toPlainText()
    positions = [match.start() for match in _CODE_CHARACTER.finditer(text)]
    if not positions:
        return 0
    register(document)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for position in positions:
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        base = cursor.charFormat()
        cursor.insertText(OBJECT, chip_format(code_for(text[position], codes), base))
    cursor.endEditBlock()
    return len(positions)


def code_at(document: QTextDocument, position: int) -> str | None:
    """The code character of the object at `position`, or None."""
    if document.characterAt(position) != OBJECT:
        return None
    cursor = QTextCursor(document)
    cursor.setPosition(position + 1)  # a cursor's format is the character before it
    value = cursor.charFormat().property(CODE_PROPERTY)
    return str(value) if value else None


def text_with_codes(document: QTextDocument, text: str | None = None) -> str:
    """The document's plain text with every chip turned back into its code character."""
    plain = document.toPlainText() if text is None else text
    if OBJECT not in plain:
        return plain
    characters = list(plain)
    for position, character in enumerate(plain):
        if character == OBJECT:
            code = code_at(document, position)
            if code is not None:
                characters[position] = code
    return "".join(characters)
