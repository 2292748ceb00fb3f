"""The word-level MT vs corrected diff: realistic post-edits, then invariants on random text."""

from __future__ import annotations

import itertools
import re
from html import unescape

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reviewer.core.diff import (
    DIFF_CSS,
    DiffPiece,
    WordEdits,
    count_word_edits,
    diff_html,
    tokenize,
    word_diff,
)


def _before(pieces: list[DiffPiece]) -> str:
    return "".join(p.text for p in pieces if p.kind != "insert")


def _after(pieces: list[DiffPiece]) -> str:
    return "".join(p.text for p in pieces if p.kind != "delete")


def _changes(pieces: list[DiffPiece]) -> list[tuple[str, str]]:
    """The changed pieces with surrounding whitespace trimmed, for readable expectations."""
    return [(p.kind, p.text.strip()) for p in pieces if p.kind != "equal"]


# ---------------------------------------------------------------------------- tokenize


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("", []),
        ("Mr. Pompeo refused.", ["Mr", ".", " ", "Pompeo", " ", "refused", "."]),
        ("don't  stop", ["don't", "  ", "stop"]),
        ("the U.S.-led coalition", ["the", " ", "U", ".", "S", ".", "-", "led", " ", "coalition"]),
        ("counter-terrorism’s aim", ["counter-terrorism’s", " ", "aim"]),
        ("a - b", ["a", " ", "-", " ", "b"]),
        ("ends-", ["ends", "-"]),
        ("'quoted'", ["'", "quoted", "'"]),
        ("10,000 troops", ["10", ",", "000", " ", "troops"]),
        ("line\n\tnext", ["line", "\n\t", "next"]),
        ("snake_case", ["snake", "_", "case"]),
        # A decomposed accent stays inside its word, before and after the base letter's run.
        ("Jime\u0301nez said", ["Jime\u0301nez", " ", "said"]),
        # Emoji with a skin tone, a ZWJ family, a flag and a keycap are one token each.
        (
            "ok 👍🏽 👨\u200d👩\u200d👧 🇪🇸 1\ufe0f\u20e3",
            ["ok", " ", "👍🏽", " ", "👨\u200d👩\u200d👧", " ", "🇪🇸", " ", "1\ufe0f\u20e3"],
        ),
        ("«Hola» — dijo", ["«", "Hola", "»", " ", "—", " ", "dijo"]),
        (
            "\u0301 starts with a mark",
            ["\u0301", " ", "starts", " ", "with", " ", "a", " ", "mark"],
        ),
    ],
)
def test_tokenize_examples(text: str, tokens: list[str]) -> None:
    assert tokenize(text) == tokens


@given(st.text())
@example("e\u0301\u0301t'-")
@example("👨\u200d")
@example("\u200d\u200d x")
def test_tokenize_is_lossless_and_never_yields_empty_tokens(text: str) -> None:
    tokens = tokenize(text)
    assert "".join(tokens) == text
    assert all(tokens)
    # Whitespace is always a token of its own and never sits beside another whitespace token.
    for left, right in itertools.pairwise(tokens):
        assert not (left.isspace() and right.isspace())
        assert left.isspace() or not any(c.isspace() for c in left)


# ---------------------------------------------------------------------------- word_diff


@pytest.mark.parametrize(
    ("mt", "corrected", "changes"),
    [
        # A doubled subject removed: one deletion, not deletion + kept space + deletion.
        (
            "Mr. Pompeo He refused to comment on the talks.",
            "Mr. Pompeo refused to comment on the talks.",
            [("delete", "He")],
        ),
        # A false friend (detener -> "arrested") fixed.
        (
            "The US military arrested them the training missions.",
            "The US military halted the training missions.",
            [("delete", "arrested them"), ("insert", "halted")],
        ),
        # An article inserted.
        (
            "Troops were sent to region after attack.",
            "Troops were sent to the region after the attack.",
            [("insert", "the"), ("insert", "the")],
        ),
        # Punctuation only.
        (
            "He said that, he would go",
            "He said that he would go.",
            [("delete", ","), ("insert", ".")],
        ),
        # Three words replaced in a row read as one replacement.
        (
            "the big red dog",
            "a small blue dog",
            [("delete", "the big red"), ("insert", "a small blue")],
        ),
        # A stray lower-case fragment dropped at the end.
        (
            "The talks ended on Friday. the coalition",
            "The talks ended on Friday.",
            [("delete", "the coalition")],
        ),
        # A capital fixed: words are compared exactly, so case is an edit.
        (
            "officials said The government",
            "officials said the government",
            [("delete", "The"), ("insert", "the")],
        ),
        # Accented names: a decomposed accent never leaves half a letter behind.
        (
            "Qassim Suleimani y Jime\u0301nez",
            "Qassem Soleimani and Jiménez",
            [
                ("delete", "Qassim Suleimani y Jime\u0301nez"),
                ("insert", "Qassem Soleimani and Jiménez"),
            ],
        ),
        # Emoji and modifiers stay whole.
        (
            "Great 👍🏽 news",
            "Great 👍 news!",
            [("delete", "👍🏽"), ("insert", "👍"), ("insert", "!")],
        ),
    ],
)
def test_realistic_post_edits(mt: str, corrected: str, changes: list[tuple[str, str]]) -> None:
    pieces = word_diff(mt, corrected)
    assert _changes(pieces) == changes
    assert _before(pieces) == mt
    assert _after(pieces) == corrected


def test_doubled_subject_is_exactly_three_pieces() -> None:
    pieces = word_diff("Mr. Pompeo He refused", "Mr. Pompeo refused")
    assert [p.kind for p in pieces] == ["equal", "delete", "equal"]
    assert pieces[1].text in {"He ", " He"}


def test_deleted_sentence_is_one_deletion() -> None:
    sentence = "Leave a Reply Cancel reply"
    assert word_diff(sentence, "") == [DiffPiece("delete", sentence)]
    assert word_diff("", sentence) == [DiffPiece("insert", sentence)]


def test_identical_text_is_one_equal_piece_and_empty_is_nothing() -> None:
    assert word_diff("No change here.", "No change here.") == [
        DiffPiece("equal", "No change here.")
    ]
    assert word_diff("", "") == []


def test_whitespace_is_not_folded_when_all_changes_are_of_one_kind() -> None:
    # Folding would turn this into a deletion plus an insertion of a lone space.
    pieces = word_diff("(He She)", "( )")
    assert [p.kind for p in pieces] == ["equal", "delete", "equal", "delete", "equal"]


def test_replace_reads_old_before_new() -> None:
    pieces = word_diff("arrested", "halted")
    assert pieces == [DiffPiece("delete", "arrested"), DiffPiece("insert", "halted")]


def test_long_text_is_not_collapsed_by_autojunk() -> None:
    # difflib's autojunk would ignore "the" and " " in a text this long and give up.
    words = [f"w{i}" for i in range(150)]
    mt = " the ".join(words)
    corrected = mt.replace("w75", "word seventy-five")
    pieces = word_diff(mt, corrected)
    assert _changes(pieces) == [("delete", "w75"), ("insert", "word seventy-five")]


_prose = st.lists(
    st.sampled_from(
        [
            "the",
            "The",
            "army",
            "He",
            "halted",
            "arrested",
            ",",
            ".",
            " ",
            "  ",
            "\n",
            "é",
            "e\u0301",
            "👍🏽",
            "-",
            "'",
            "don't",
        ]
    ),
    max_size=25,
).map("".join)
_texts = st.one_of(_prose, st.text(max_size=40))


@settings(max_examples=300)
@given(_texts, _texts)
def test_diff_reproduces_both_texts(before: str, after: str) -> None:
    pieces = word_diff(before, after)
    assert _before(pieces) == before
    assert _after(pieces) == after
    assert all(p.text for p in pieces)
    # Merged: never two neighbours of the same kind.
    for left, right in itertools.pairwise(pieces):
        assert left.kind != right.kind


@given(_texts)
def test_identical_inputs_give_a_single_equal_piece(text: str) -> None:
    assert word_diff(text, text) == ([DiffPiece("equal", text)] if text else [])


@settings(max_examples=300)
@given(_texts, _texts)
def test_no_whitespace_only_equal_sits_between_mixed_changes(before: str, after: str) -> None:
    pieces = word_diff(before, after)
    for index in range(1, len(pieces) - 1):
        piece = pieces[index]
        if piece.kind == "equal" and piece.text.isspace():
            neighbours = {pieces[index - 1].kind, pieces[index + 1].kind}
            # Only left in place when folding would create a lone-whitespace change.
            assert neighbours in ({"delete"}, {"insert"})


# ---------------------------------------------------------------------------- count_word_edits


@pytest.mark.parametrize(
    ("mt", "corrected", "edits"),
    [
        ("Mr. Pompeo He refused.", "Mr. Pompeo refused.", WordEdits(deleted=1)),
        (
            "The army arrested them the missions.",
            "The army halted the missions.",
            WordEdits(deleted=1, substituted=1),
        ),
        ("Troops were sent to region.", "Troops were sent to the region.", WordEdits(inserted=1)),
        (
            "He said that, he would go",
            "He said that he would go.",
            WordEdits(inserted=1, deleted=1),
        ),
        ("the big red dog", "a small blue dog", WordEdits(substituted=3)),
        ("Leave a Reply", "", WordEdits(deleted=3)),
        ("", "A new sentence.", WordEdits(inserted=4)),
        ("Double  space here .", "Double space here .", WordEdits()),
        ("Great 👍🏽 news", "Great 👍 news", WordEdits(substituted=1)),
        # Replacing 1 word by 3: one substitution, two insertions.
        ("They arrested", "They put a stop", WordEdits(inserted=2, substituted=1)),
    ],
)
def test_count_word_edits_examples(mt: str, corrected: str, edits: WordEdits) -> None:
    assert count_word_edits(mt, corrected) == edits


def test_word_edits_total() -> None:
    assert WordEdits(inserted=2, deleted=1, substituted=3).total == 6


def _words(text: str) -> list[str]:
    return [t for t in tokenize(text) if not t.isspace()]


@settings(max_examples=300)
@given(_texts, _texts)
def test_count_is_zero_exactly_when_words_are_equal(before: str, after: str) -> None:
    # Whitespace never counts, so "equal" means same words and punctuation in the same order.
    edits = count_word_edits(before, after)
    assert (edits.total == 0) == (_words(before) == _words(after))


@settings(max_examples=300)
@given(_texts, _texts)
def test_count_is_bounded_by_the_words_on_each_side(before: str, after: str) -> None:
    edits = count_word_edits(before, after)
    a, b = len(_words(before)), len(_words(after))
    assert edits.deleted + edits.substituted <= a
    assert edits.inserted + edits.substituted <= b
    # Every word not deleted or substituted is kept, and kept words are the same on both sides.
    assert a - edits.deleted == b - edits.inserted


@given(_texts)
def test_count_is_zero_for_identical_text(text: str) -> None:
    assert count_word_edits(text, text) == WordEdits()


# ---------------------------------------------------------------------------- diff_html


def test_diff_html_marks_deletions_and_insertions() -> None:
    html = diff_html("The army arrested the missions.", "The army halted the missions.")
    assert '<span class="del">arrested</span>' in html
    assert '<span class="ins">halted</span>' in html
    assert html.startswith('<span class="diff">The army ')


_SPAN = re.compile(r'<span class="(del|ins)">(.*?)</span>', re.DOTALL)


def _html_sides(html: str) -> tuple[str, str]:
    """Read the MT and corrected texts back out of `diff_html` output."""
    assert html.startswith('<span class="diff">') and html.endswith("</span>")
    body = html[len('<span class="diff">') : -len("</span>")].replace("<br>", "\n")
    before = _SPAN.sub(lambda m: m.group(2) if m.group(1) == "del" else "", body)
    after = _SPAN.sub(lambda m: m.group(2) if m.group(1) == "ins" else "", body)
    for side in (before, after):
        assert "<" not in side and ">" not in side  # only our own tags are markup
    return unescape(before), unescape(after)


def test_diff_html_escapes_document_text() -> None:
    mt, corrected = "<script>alert(1)</script> & co", "<b>bold</b> & co"
    html = diff_html(mt, corrected)
    assert "<script>" not in html
    assert "<b>" not in html
    assert '<span class="del">alert(1)</span><span class="ins">bold</span>' in html
    assert _html_sides(html) == (mt, corrected)


@settings(max_examples=200)
@given(_texts, _texts)
def test_diff_html_round_trips_any_text(before: str, after: str) -> None:
    assert _html_sides(diff_html(before, after)) == (before, after)


def test_diff_html_keeps_line_breaks() -> None:
    assert "one<br>two" in diff_html("one\ntwo", "one\ntwo")


def test_css_never_relies_on_colour_alone() -> None:
    rules = {line.split("{")[0].strip(): line for line in DIFF_CSS.splitlines() if "{" in line}
    assert "line-through" in rules[".del"]
    assert "underline" in rules[".ins"]
