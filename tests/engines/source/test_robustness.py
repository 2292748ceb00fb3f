"""Whatever the units hold, every check runs and every flag points inside its own target."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core.bilingual import Unit, placeholder_char
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, EngineStatus
from reviewer.engines.source.engine import SourceEngine

_ALPHABET = st.sampled_from(
    list("abcXYZ 0123456789.,:;?!¿¡%$€#@/-'\"“”«»") + list("１２٣४万亿三十年") + list("éßășжы")
    + [placeholder_char(0), placeholder_char(1), "ǅ", "\u00a0"]
)  # fmt: skip
_TEXT = st.text(_ALPHABET, max_size=40)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(_TEXT, _TEXT), min_size=1, max_size=25),
    st.sampled_from(["", "es", "zh", "ru", "de"]),
)
def test_any_units_any_language(pairs: list[tuple[str, str]], language: str) -> None:
    units = [Unit(str(i), source, target) for i, (source, target) in enumerate(pairs)]
    document = Document.from_units(units, source_language=language)
    report = SourceEngine().check(document, CheckOptions(picky=True))
    assert report.status is EngineStatus.OK
    assert report.errors == []
    for flag in report.flags:
        assert flag.text == document.text[flag.start : flag.end]
        paragraph = document.paragraphs[int(flag.extra["unit"])]
        assert paragraph.start <= flag.start <= flag.end <= paragraph.end
