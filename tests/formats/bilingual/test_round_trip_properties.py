"""Property: any new text that keeps a unit's tokens in order round-trips in every format,
and changes that unit only."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.core.bilingual import placeholders_in
from reviewer.formats.bilingual import parse_bilingual, write_bilingual

from .docx_support import sample_docx
from .support import fixture_bytes

# (file name, unit id, characters the format cannot take as plain text)
CASES = [
    ("omegat.xlf", "0", ""),
    ("okapi.xlf", "manual.html/tu1", ""),
    ("v2.xlf", "u2/s1", ""),
    ("memory.tmx", "news-1", ""),
    ("app.po", "1", "%{}<>\t"),  # typed, these would read back as codes, tags or escapes
    ("app.po", "2[1]", "%{}<>\t"),
    ("pairs.csv", "msg.long", ""),
    ("pairs.tsv", "2", ""),
    ("report.docx", "2", ""),
    ("report.docx", "6", ""),
]


@cache
def original(name: str) -> bytes:
    return sample_docx() if name.endswith(".docx") else fixture_bytes(name)


def texts(excluded: str) -> st.SearchStrategy[str]:
    return st.text(
        st.characters(
            codec="utf-8",
            exclude_categories=("Cc", "Cs", "Co", "Cn"),
            include_characters="" if "\t" in excluded else "\t",
            exclude_characters=excluded,
        ),
        max_size=12,
    )


@pytest.mark.parametrize(("name", "unit_id", "excluded"), CASES)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_new_text_with_tokens_in_order_round_trips(
    name: str, unit_id: str, excluded: str, data: st.DataObject
) -> None:
    before = parse_bilingual(original(name), name)
    tokens = placeholders_in(before.unit(unit_id).target)
    pieces = data.draw(
        st.lists(texts(excluded), min_size=len(tokens) + 1, max_size=len(tokens) + 1)
    )
    new = pieces[0] + "".join(
        token + piece for token, piece in zip(tokens, pieces[1:], strict=True)
    )
    if name.endswith(".docx") and not "".join(pieces).strip():
        new = "x" + new  # an emptied paragraph is no longer a unit
    out = write_bilingual(original(name), name, {unit_id: new})
    after = parse_bilingual(out, name)
    assert after.unit(unit_id).target == new
    assert [u.id for u in after.units] == [u.id for u in before.units]
    for unit in before.units:
        if unit.id != unit_id:
            assert after.unit(unit.id) == unit
    assert write_bilingual(out, name, {unit_id: before.unit(unit_id).target}) != out or (
        new == before.unit(unit_id).target
    )
