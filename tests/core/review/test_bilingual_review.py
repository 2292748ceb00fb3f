"""A review of translation units: one row per unit, inline codes protected, units kept.

The units are built here directly (the file readers have their own tests), with the
private-use characters that stand for inline markup.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.bilingual import Placeholder, PlaceholderKind, Unit
from reviewer.core.checking import keep_codes, run_check
from reviewer.core.document import Document
from reviewer.core.flags import Flag, Severity
from reviewer.core.review import Review, ReviewCommandError, create_review, open_review_file
from tests.core.review.support import artefacts_engine

OPEN, CLOSE, BREAK = "\ue000", "\ue001", "\ue002"
CODES = (
    Placeholder(OPEN, '<g id="1">', PlaceholderKind.OPEN),
    Placeholder(CLOSE, "</g>", PlaceholderKind.CLOSE),
    Placeholder(BREAK, '<x id="2"/>', PlaceholderKind.EMPTY),
)
UNITS = (
    Unit("tu1", "Pulse {Guardar} ahora.", f"Click {OPEN}Save{CLOSE} now.", CODES, "translated"),
    Unit("tu2", "El ministro lo negó. No dijo más.", "The minister denied it. He said no more."),
    Unit("tu3", "Los resultados se publicarán.", "The the results will be published."),
)


def make_review(folder: Path, units: tuple[Unit, ...] = UNITS) -> Review:
    document = Document.from_units(units, path=str(folder / "job.xlf"), source_language="es-ES")
    return create_review(folder / "job.xlf.review", b"<xliff/>", document, reviewer="tester")


@pytest.fixture
def review(tmp_path: Path) -> Review:
    opened = make_review(tmp_path)
    yield opened  # type: ignore[misc]
    opened.close()


def test_each_unit_is_one_row_named_by_its_id_and_keeps_its_source(review: Review) -> None:
    assert [segment.id for segment in review.segments] == ["tu1", "tu2", "tu3"]
    assert review.bilingual
    document = review.document
    assert document.bilingual and document.source_language == "es-ES"
    assert [unit.source for unit in document.units] == [unit.source for unit in UNITS]
    two_sentences = document.sentences[1]
    assert two_sentences.text == "The minister denied it. He said no more."


def test_an_edit_with_two_sentences_stays_one_unit(review: Review) -> None:
    review.edit_sentence("tu2", "The minister denied it. He refused to say more.")
    assert [segment.id for segment in review.segments] == ["tu1", "tu2", "tu3"]
    assert review.document.units[1].target == "The minister denied it. He refused to say more."


@pytest.mark.parametrize(
    ("edit", "what"),
    [
        (f"Click Save{CLOSE} now.", "removes"),
        (f"Click {OPEN}Save{CLOSE} now{BREAK}.", "adds"),
        (f"Click {CLOSE}Save{OPEN} now.", "reorders"),
        ("Click Save now.", "removes"),
    ],
)
def test_an_edit_that_breaks_the_inline_codes_is_refused(
    review: Review, edit: str, what: str
) -> None:
    with pytest.raises(ReviewCommandError, match=what):
        review.edit_sentence("tu1", edit)
    assert review.segment("tu1").text == UNITS[0].target
    assert not review.can_undo


def test_an_edit_around_the_codes_is_taken_and_undone(review: Review) -> None:
    review.edit_sentence("tu1", f"Now click {OPEN}Save{CLOSE}.")
    assert review.document.units[0].target == f"Now click {OPEN}Save{CLOSE}."
    review.undo()
    assert review.segment("tu1").text == UNITS[0].target


def test_units_are_never_merged(review: Review) -> None:
    with pytest.raises(ReviewCommandError, match="cannot be merged"):
        review.merge_with_next("tu2")


def test_a_line_break_typed_into_a_unit_becomes_a_space(review: Review) -> None:
    review.edit_sentence("tu2", "The minister denied it.\nHe said nothing more.")
    assert review.segment("tu2").text == "The minister denied it. He said nothing more."
    assert len(review.document.paragraphs) == 3


def test_accepting_a_fix_that_would_delete_a_code_is_refused(review: Review) -> None:
    document = review.document
    start = document.text.index(f"{OPEN}Save")
    flag = Flag(
        start=start,
        end=start + 5,
        text=f"{OPEN}Save",
        rule="X_RULE",
        engine="artefacts",
        category="Fluency/Grammar",
        severity=Severity.MINOR,
        message="m",
        suggestions=("Save",),
    )
    review.record_flags("artefacts", document, [flag])
    (review_flag,) = review.flags_in("tu1")
    with pytest.raises(ReviewCommandError, match="inline code"):
        review.accept(review_flag, 0)
    assert review.segment("tu1").text == UNITS[0].target


def test_the_artefacts_engine_flags_inside_units_and_fixes_apply(review: Review) -> None:
    document = review.document
    result = run_check(document, [artefacts_engine()])
    review.record_flags("artefacts", document, result.flags)
    repeated = [rf for rf in review.flags_in("tu3") if rf.rule == "QA_REPEATED_WORD"]
    assert repeated, [rf.rule for rf in review.flags_in("tu3")]
    review.accept(repeated[0], 0)
    assert review.document.units[2].target == "The results will be published."
    assert result.options.source_language == "es"  # taken from the file


def test_a_reopened_review_is_still_bilingual_with_its_codes(tmp_path: Path) -> None:
    make_review(tmp_path).close()
    reopened = open_review_file(tmp_path / "job.xlf.review")
    try:
        assert reopened.bilingual
        assert reopened.unit("tu1") == UNITS[0]
        assert reopened.document.units[0].placeholders == CODES
        with pytest.raises(ReviewCommandError):
            reopened.edit_sentence("tu1", "Click Save now.")
    finally:
        reopened.close()


def _flag(text: str, suggestions: tuple[str, ...]) -> Flag:
    return Flag(
        0, len(text), text, "R", "test", "Fluency/Grammar", Severity.MINOR, "m", suggestions
    )


def test_keep_codes_drops_suggestions_that_would_break_markup() -> None:
    plain = _flag("teh", ("the",))
    assert keep_codes(plain) is plain
    mixed = _flag(f"{OPEN}Save", ("Save", f"{OPEN}save"))
    assert keep_codes(mixed) == _flag(f"{OPEN}Save", (f"{OPEN}save",))
    only_markup = _flag(f" {BREAK}", ("",))
    assert keep_codes(only_markup) is None  # spacing around a code is the markup's business
    words = _flag(f"the {BREAK} the", ("the",))
    kept = keep_codes(words)
    assert kept is not None and kept.suggestions == ()


DROPPED = Unit(
    "tu9",
    f"Pulse {OPEN}Guardar{CLOSE} y luego {BREAK} cierre.",
    "Click Save and then close.",
    CODES,
)


@pytest.mark.parametrize(
    ("edit", "allowed"),
    [
        (f"Click {OPEN}Save{CLOSE} and then close.", True),  # a pair the MT dropped, back
        (f"Click {OPEN}Save{CLOSE} and then {BREAK} close.", True),  # all of them
        (f"Click {OPEN}Save and then close.", False),  # an opening tag left open
        (f"Click {CLOSE}Save{OPEN} and then close.", False),  # closed before it opens
        (f"Then close {BREAK}, clicking {OPEN}Save{CLOSE}.", True),  # reordered with words
        (f"Click Save and then {BREAK} close {BREAK}.", False),  # one code twice
    ],
)
def test_codes_the_mt_dropped_may_be_put_back_from_the_source(
    tmp_path: Path, edit: str, allowed: bool
) -> None:
    review = make_review(tmp_path, (DROPPED,))
    try:
        if allowed:
            review.edit_sentence("tu9", edit)
            assert review.segment("tu9").text == edit
            with pytest.raises(ReviewCommandError, match="removes"):  # and they stay now
                review.edit_sentence("tu9", "Click Save and then close.")
        else:
            with pytest.raises(ReviewCommandError, match="inline code"):
                review.edit_sentence("tu9", edit)
    finally:
        review.close()


def test_without_codes_leaves_tags_out_and_keeps_line_breaks() -> None:
    crlf, indented = "\ue005", "\ue006"
    unit = Unit(
        "tu7",
        "",
        f"Click {OPEN}Save{CLOSE}{BREAK}.{crlf}Then{indented}close.",
        (
            *CODES,
            Placeholder(crlf, "\r\n", PlaceholderKind.CODE),
            Placeholder(indented, "\n        ", PlaceholderKind.CODE),
        ),
    )
    assert unit.without_codes(unit.target) == "Click Save.\nThen\nclose."
    assert unit.with_markup(unit.target) == (
        'Click <g id="1">Save</g><x id="2"/>.\r\nThen\n        close.'
    )
