"""Paints one sentence per row: its number, the text with flagged spans underlined, a badge.

Underlines are wavy and coloured by severity, as in word processors, so a reviewer reads the
sentence normally and sees at a glance where and how bad the problems are. Rows that start a
new paragraph get extra space above them, so the article's shape stays visible.

In a bilingual review each row is a translation unit: its source sits above the target,
smaller and muted (while View > Show Source is on), and inline codes on both sides are chips
(reviewer.app.codes), one character for one so the underlines keep their offsets.

Errors the reviewer marked by hand (Ctrl+M) are underlined with a solid line in their
severity's colour instead (`paint_marks`, shared with the editor), and hovering them says
they are the reviewer's marks.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPalette,
    QPen,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from reviewer.app import codes, theme
from reviewer.app.sentence_model import (
    AnnotationsRole,
    DeletedRole,
    FlagsRole,
    HighRiskRole,
    ModelIndex,
    SentenceRole,
    SourceRole,
    StatusRole,
    UnitRole,
)
from reviewer.core.bilingual import Unit
from reviewer.core.document import Sentence
from reviewer.core.flags import Flag
from reviewer.core.review import Annotation, SentenceStatus

# A glyph per sentence status, drawn under the row number (shape, not colour alone).
_STATUS_GLYPHS = {SentenceStatus.EDITED: "✎", SentenceStatus.REVIEWED: "✓"}
SOURCE_SCALE = 0.9  # the source's font, relative to the target's
SOURCE_GAP = 3  # pixels between the source and the target
SOURCE_TEXT = QColor("#66707c")


def _number_font(font: QFont) -> QFont:
    """The row number's (and its status glyph's) font: a little smaller than the text's."""
    number_font = QFont(font)
    number_font.setPointSizeF(number_font.pointSizeF() * 0.85)
    return number_font


class SentenceDelegate(QStyledItemDelegate):
    """Renders sentences with severity-coloured wavy underlines under flagged spans."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._heights: dict[tuple[str, int, str, str | None], int] = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        sentence: Sentence | None = index.data(SentenceRole)
        if sentence is None:
            return
        flags: list[Flag] = index.data(FlagsRole) or []
        rect = QRect(option.rect)
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        top_gap = self._gap(index, sentence)
        body = rect.adjusted(0, top_gap, 0, 0)
        painter.fillRect(body, theme.SELECTION if selected else option.palette.base())
        painter.setPen(theme.ROW_SEPARATOR)
        painter.drawLine(body.bottomLeft(), body.bottomRight())

        number_font = _number_font(option.font)
        painter.setFont(number_font)
        painter.setPen(theme.MUTED_TEXT)
        number_rect = QRect(
            body.left(),
            body.top() + theme.ROW_PADDING,
            theme.NUMBER_COLUMN - 8,
            QFontMetrics(number_font).height(),
        )
        painter.drawText(
            number_rect,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
            str(sentence.index + 1),
        )

        # Qt hands the StrEnum back as a plain str: make it a SentenceStatus again.
        status = SentenceStatus(index.data(StatusRole) or SentenceStatus.OPEN)
        glyph = _STATUS_GLYPHS.get(status)
        if glyph:
            painter.setPen(
                theme.REVIEWED if status is SentenceStatus.REVIEWED else theme.MUTED_TEXT
            )
            below = number_rect.translated(0, number_rect.height())
            painter.drawText(below, Qt.AlignmentFlag.AlignRight, glyph)

        self._paint_badge(painter, body, flags, option.font)
        if index.data(HighRiskRole):
            bar = QRect(body.left(), body.top() + 1, theme.HIGH_RISK_BAR, body.height() - 2)
            painter.fillRect(bar, theme.HIGH_RISK)

        deleted = bool(index.data(DeletedRole))
        unit: Unit | None = index.data(UnitRole)
        source: str | None = index.data(SourceRole)
        painter.translate(body.left() + theme.NUMBER_COLUMN, body.top() + theme.ROW_PADDING)
        if source is not None:
            source_document = self._source_document(source, unit, option, body.width())
            context = QAbstractTextDocumentLayout.PaintContext()
            context.palette.setColor(QPalette.ColorRole.Text, SOURCE_TEXT)
            source_document.documentLayout().draw(painter, context)
            painter.translate(0, int(source_document.size().height()) + SOURCE_GAP)
        document = self._text_document(sentence, flags, option, body.width(), deleted, unit=unit)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.text().color())
        document.documentLayout().draw(painter, context)
        if not deleted:
            paint_marks(painter, document.firstBlock(), QPointF(0, 0), _marks(index))
        painter.restore()

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: ModelIndex,
    ) -> bool:
        """Hovering words the reviewer marked says whose mark it is and what it says."""
        marks = _marks(index) if event.type() == QEvent.Type.ToolTip else []
        sentence: Sentence | None = index.data(SentenceRole)
        if marks and sentence is not None and not index.data(DeletedRole):
            body = QRect(option.rect).adjusted(0, self._gap(index, sentence), 0, 0)
            unit: Unit | None = index.data(UnitRole)
            top = body.top() + theme.ROW_PADDING
            source: str | None = index.data(SourceRole)
            if source is not None:
                source_document = self._source_document(source, unit, option, body.width())
                top += int(source_document.size().height()) + SOURCE_GAP
            document = self._text_document(sentence, [], option, body.width(), unit=unit)
            point = QPointF(
                event.pos().x() - body.left() - theme.NUMBER_COLUMN, event.pos().y() - top
            )
            position = document.documentLayout().hitTest(point, Qt.HitTestAccuracy.ExactHit)
            hovered = [m for m in marks if m.start <= position < m.end]
            if position >= 0 and hovered:
                QToolTip.showText(event.globalPos(), mark_tooltip(hovered), view)
                return True
        return super().helpEvent(event, view, option, index)

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        sentence: Sentence | None = index.data(SentenceRole)
        if sentence is None:
            return QSize(0, 0)
        width = option.rect.width() or 600
        # Laying out text is the costly part of opening a long article, and a row's height
        # depends only on its text, font and width (underlines and tints do not change it).
        source: str | None = index.data(SourceRole)
        key = (sentence.text, width, option.font.key(), source)
        text_height = self._heights.get(key)
        if text_height is None:
            unit: Unit | None = index.data(UnitRole)
            document = self._text_document(sentence, [], option, width, unit=unit)
            text_height = int(document.size().height())
            if source is not None:
                source_document = self._source_document(source, unit, option, width)
                text_height += int(source_document.size().height()) + SOURCE_GAP
            # at least the number and the status glyph under it, or a one-line row's ✓
            # would be painted over by the row below
            text_height = max(text_height, 2 * QFontMetrics(_number_font(option.font)).height())
            self._heights[key] = text_height
        return QSize(width, text_height + 2 * theme.ROW_PADDING + self._gap(index, sentence))

    @staticmethod
    def _gap(index: ModelIndex, sentence: Sentence) -> int:
        if sentence.index == 0:
            return 0
        previous: Sentence | None = index.model().index(index.row() - 1, 0).data(SentenceRole)
        return theme.PARAGRAPH_GAP if previous and previous.paragraph != sentence.paragraph else 0

    @staticmethod
    def _text_document(
        sentence: Sentence,
        flags: list[Flag],
        option: QStyleOptionViewItem,
        row_width: int,
        deleted: bool = False,
        *,
        unit: Unit | None = None,
    ) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        document.setTextWidth(max(100, row_width - theme.NUMBER_COLUMN - theme.BADGE_COLUMN))
        document.setPlainText(sentence.text)
        if unit is not None:
            codes.insert_chips(document, codes.unit_codes(unit))
        cursor = QTextCursor(document)
        if deleted:  # struck through and greyed: the reviewer sees what went, and can undo it
            gone = QTextCharFormat()
            gone.setFontStrikeOut(True)
            gone.setForeground(theme.MUTED_TEXT)
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.mergeCharFormat(gone)
            return document
        for flag in flags:
            start = max(0, flag.start - sentence.start)
            end = min(len(sentence.text), flag.end - sentence.start)
            if end <= start:
                end = min(len(sentence.text), start + 1)
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(theme.SEVERITY_COLOURS[flag.severity])
            fmt.setBackground(theme.SEVERITY_TINTS[flag.severity])
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        return document

    @staticmethod
    def _source_document(
        source: str, unit: Unit | None, option: QStyleOptionViewItem, row_width: int
    ) -> QTextDocument:
        """The unit's source: smaller, muted, as wide as the target."""
        document = QTextDocument()
        font = QFont(option.font)
        font.setPointSizeF(font.pointSizeF() * SOURCE_SCALE)
        document.setDefaultFont(font)
        document.setDocumentMargin(0)
        document.setTextWidth(max(100, row_width - theme.NUMBER_COLUMN - theme.BADGE_COLUMN))
        document.setPlainText(source)
        codes.insert_chips(document, codes.unit_codes(unit))
        return document

    @staticmethod
    def _paint_badge(painter: QPainter, body: QRect, flags: list[Flag], font: QFont) -> None:
        if not flags:
            return
        worst = max((f.severity for f in flags), key=lambda s: s.rank)
        badge_font = QFont(font)
        badge_font.setBold(True)
        badge_font.setPointSizeF(badge_font.pointSizeF() * 0.8)
        painter.setFont(badge_font)
        text = str(len(flags))
        width = max(22, painter.fontMetrics().horizontalAdvance(text) + 12)
        badge = QRect(body.right() - width - 12, body.top() + theme.ROW_PADDING, width, 18)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.SEVERITY_COLOURS[worst])
        painter.drawRoundedRect(badge, 9, 9)
        painter.setPen(Qt.GlobalColor.white)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)


def _marks(index: ModelIndex) -> list[Annotation]:
    return list(index.data(AnnotationsRole) or [])


def mark_tooltip(marks: Iterable[Annotation]) -> str:
    """What hovering a reviewer's error mark says (rich text, one paragraph a mark)."""
    lines = []
    for mark in marks:
        colour = theme.SEVERITY_COLOURS[mark.severity].name()
        by = f" ({escape(mark.reviewer)})" if mark.reviewer else ""
        note = f"<br><i>{escape(mark.note)}</i>" if mark.note else ""
        lines.append(
            f"<p style='white-space:pre'>Your error mark{by}: <b style='color:{colour}'>"
            f"{escape(str(mark.severity).capitalize())}</b> · {escape(mark.category)}{note}</p>"
        )
    return "".join(lines)


def paint_marks(
    painter: QPainter, block: QTextBlock, origin: QPointF, marks: Iterable[Annotation]
) -> None:
    """Underline each mark's characters of `block` (laid out with its top-left at `origin`)
    with a solid line in the mark's severity colour, under every line the mark spans."""
    layout = block.layout()
    if layout is None:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    text = block.text()
    base = block.position()
    offset = origin + layout.position()
    for mark in marks:
        pen = QPen(theme.SEVERITY_COLOURS[mark.severity], theme.MARK_UNDERLINE_WIDTH)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        start, end = mark.start - base, mark.end - base
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            first = max(start, line.textStart())
            last = min(end, line.textStart() + line.textLength())
            while last > first and text[last - 1 : last].isspace():
                last -= 1  # not under the space a line breaks at
            if last <= first:
                continue
            left = _x(line.cursorToX(first))
            right = _x(line.cursorToX(last))
            # the line box's bottom, below the wavy underline a flag draws at the baseline
            y = line.y() + line.ascent() + line.descent() - theme.MARK_UNDERLINE_WIDTH / 2
            painter.drawLine(offset + QPointF(left, y), offset + QPointF(right, y))
    painter.restore()


def _x(value: object) -> float:
    """`QTextLine.cursorToX` answers a float, or (x, position) in some bindings."""
    return float(value[0] if isinstance(value, tuple) else value)  # type: ignore[arg-type]
