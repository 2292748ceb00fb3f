"""Engines check bilingual text without its paired tags; their flags come back with them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reviewer.core.bilingual import Placeholder, PlaceholderKind, Unit, same_placeholders
from reviewer.core.checking import run_engine
from reviewer.core.codes_view import code_free_view
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions
from reviewer.core.flags import Flag, Severity
from reviewer.engines import create_engine

OPEN, CLOSE, IMAGE = "\ue000", "\ue001", "\ue002"
CODES = (
    Placeholder(OPEN, '<g id="1">', PlaceholderKind.OPEN),
    Placeholder(CLOSE, "</g>", PlaceholderKind.CLOSE),
    Placeholder(IMAGE, '<x id="2"/>', PlaceholderKind.EMPTY),
)


def document(*targets: str) -> Document:
    units = [Unit(str(n), "", target, CODES) for n, target in enumerate(targets, start=1)]
    return Document.from_units(units)


def flag_on(view_text: str, text: str, *suggestions: str) -> Flag:
    start = view_text.index(text)
    return Flag(
        start,
        start + len(text),
        text,
        "R",
        "test",
        "Fluency/Grammar",
        Severity.MINOR,
        "m",
        suggestions,
    )


def test_the_view_drops_paired_codes_and_keeps_standalone_ones() -> None:
    view = code_free_view(document("Plain unit.", f"Mr. {OPEN}Pompeo{CLOSE} He saw {IMAGE}."))
    assert view is not None
    assert view.document.text == f"Plain unit.\nMr. Pompeo He saw {IMAGE}."
    assert [s.id for s in view.document.sentences] == ["1", "2"]


def test_a_document_without_paired_codes_needs_no_view() -> None:
    assert code_free_view(document("Plain unit.", f"It shows {IMAGE} here.")) is None


def test_a_flag_across_a_code_widens_and_its_fix_keeps_the_code() -> None:
    original = document("First.", f"Mr. {OPEN}Pompeo{CLOSE} He refused.")
    view = code_free_view(original)
    assert view is not None
    mapped = view.to_original(flag_on(view.document.text, "Pompeo He", "Pompeo"))
    assert mapped.text == f"Pompeo{CLOSE} He"
    assert original.text[mapped.start : mapped.end] == mapped.text
    assert mapped.suggestions == (f"Pompeo{CLOSE}",)


def test_deleting_a_tagged_span_keeps_its_tags_and_a_flag_beside_codes_is_unchanged() -> None:
    original = document(f"The talks ended. {OPEN}the coalition{CLOSE}", "The the end.")
    view = code_free_view(original)
    assert view is not None
    deleted = view.to_original(flag_on(view.document.text, " the coalition", ""))
    assert deleted.text == f" {OPEN}the coalition"  # the code after the span stays outside
    assert deleted.suggestions == (OPEN,)  # so the tags stay balanced: "ended.<g></g>"
    plain = view.to_original(flag_on(view.document.text, "The the", "The"))
    assert plain.text == "The the" and plain.suggestions == ("The",)


def test_run_engine_finds_a_doubled_subject_split_by_a_tag() -> None:
    original = document(f"Mr. {OPEN}Pompeo{CLOSE} He refused to comment on the talks.")
    report = run_engine(create_engine("artefacts"), original, CheckOptions())
    doubled = [flag for flag in report.flags if flag.rule == "MT_DOUBLED_SUBJECT"]
    assert doubled, [flag.rule for flag in report.flags]
    assert all(same_placeholders(doubled[0].text, s) for s in doubled[0].suggestions)


words = st.sampled_from(["the", "report", "Save", "now", OPEN, CLOSE, IMAGE, " ", ",", "a"])


@given(
    st.lists(words, min_size=1, max_size=30),
    st.integers(0, 60),
    st.integers(0, 60),
    st.sampled_from(["", "x", "the report", "Save now"]),
)
def test_mapped_flags_slice_to_their_text_and_keep_every_code(
    pieces: list[str], a: int, b: int, suggestion: str
) -> None:
    original = document("Lead unit.", "".join(pieces).strip() or "x")
    view = code_free_view(original)
    if view is None:
        return
    text = view.document.text
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    flag = Flag(
        start, end, text[start:end], "R", "t", "Fluency/Grammar", Severity.MINOR, "m", (suggestion,)
    )
    mapped = view.to_original(flag)
    assert original.text[mapped.start : mapped.end] == mapped.text
    paired_in_span = [c for c in mapped.text if c in (OPEN, CLOSE)]
    assert [c for c in mapped.suggestions[0] if c in (OPEN, CLOSE)] == paired_in_span
