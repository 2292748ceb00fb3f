"""How inline codes are labelled and put into (and read back from) a text document."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from reviewer.app.codes import (
    OBJECT,
    code_for,
    escaped_with_chips,
    insert_chips,
    labels_as_chips,
    readable,
    text_with_codes,
    unit_codes,
)
from reviewer.core.bilingual import Placeholder, PlaceholderKind, Unit

A, B, C, D, E, F = (chr(0xE000 + i) for i in range(6))
UNIT = Unit(
    "7",
    f"{A}Pulse {C}{D}aquí{E}{B} para {F}.",
    f"{A}Click {C}{D}here{E}{B} for {F}.",
    (
        Placeholder(A, '<g id="1">', PlaceholderKind.OPEN),
        Placeholder(B, "</g>", PlaceholderKind.CLOSE),
        Placeholder(C, '<x id="2"/>', PlaceholderKind.EMPTY),
        Placeholder(D, '<g id="3">', PlaceholderKind.OPEN),
        Placeholder(E, "</g>", PlaceholderKind.CLOSE),
        Placeholder(F, "%s", PlaceholderKind.CODE),
    ),
)


def test_paired_tags_share_their_number_and_codes_show_themselves() -> None:
    codes = unit_codes(UNIT)
    assert [codes[c].label for c in (A, B, C, D, E, F)] == ["⟨1", "1⟩", "⟨2⟩", "⟨3", "3⟩", "%s"]
    assert [codes[c].chip_text for c in (A, B, C, F)] == ["1", "1", "2", "%s"]
    assert readable(UNIT.target, codes) == "⟨1Click ⟨2⟩⟨3here3⟩1⟩ for %s."
    assert code_for("\ue0ff", codes).label == "⟨⟩"  # unknown: a neutral chip, never tofu
    assert unit_codes(None) == {}


def test_a_line_break_code_is_an_arrow() -> None:
    unit = Unit("1", f"a{A}b", f"a{A}b", (Placeholder(A, "\n", PlaceholderKind.CODE),))
    assert unit_codes(unit)[A].label == "↵"


def test_html_chips_keep_the_markup_as_their_title() -> None:
    html = escaped_with_chips(f"<b> {A}x{B}", unit_codes(UNIT))
    assert html.startswith("&lt;b&gt; ") and "title='&lt;g id=&quot;1&quot;&gt;'" in html
    assert A not in html and "⟨1" in html
    assert labels_as_chips("go ⟨1here1⟩") != "go ⟨1here1⟩"


def test_chips_replace_codes_one_for_one_and_read_back(qtbot: QtBot) -> None:
    document = QTextDocument()
    document.setPlainText(UNIT.target)
    assert insert_chips(document, unit_codes(UNIT)) == 6
    shown = document.toPlainText()
    assert len(shown) == len(UNIT.target) and shown.count(OBJECT) == 6
    assert text_with_codes(document) == UNIT.target
