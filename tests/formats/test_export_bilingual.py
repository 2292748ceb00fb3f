"""The corrected bilingual file: codes the MT dropped put back by the reviewer reach the file,
and the review never accepts a change of codes that the file's writer would refuse."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from reviewer.core.bilingual import codes_change_allowed
from reviewer.core.review import open_review
from reviewer.formats.bilingual import parse_bilingual, write_bilingual
from reviewer.formats.export import export_review

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
DROPPED = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="ui.html" source-language="es" target-language="en" datatype="html">
    <body>
      <trans-unit id="save">
        <source>Pulse <g id="1">Guardar</g> o <g id="2">Cancelar</g> y <x id="3"/> cierre.</source>
        <target state="translated">Click Save or Cancel and close.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def test_a_tag_the_mt_dropped_is_put_back_and_written_to_the_file(tmp_path: Path) -> None:
    path = tmp_path / "ui.xlf"
    path.write_text(DROPPED, encoding="utf-8")
    review = open_review(path)
    try:
        source = review.unit("save").source
        open_1, close_1 = source[6], source[14]
        review.edit_sentence("save", f"Click {open_1}Save{close_1} or Cancel and close.")
        out = tmp_path / "ui.reviewed.xlf"
        export_review(review, out)
    finally:
        review.close()
    target = etree.parse(str(out)).find(".//x:target", NS)
    assert etree.tostring(target, encoding="unicode", with_tail=False).endswith(
        '>Click <g id="1">Save</g> or Cancel and close.</target>'
    )


WORDS = st.sampled_from(["Click", " ", "Save", "or", "Cancel", ".", "and close"])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(WORDS, st.sampled_from(["\ue000", "\ue001", "\ue002", "\ue003", "\ue004"])),
        max_size=14,
    )
)
def test_every_change_of_codes_the_review_accepts_the_writer_accepts(pieces: list[str]) -> None:
    data = DROPPED.encode("utf-8")
    unit = parse_bilingual(data, "ui.xlf").unit("save")
    target = "".join(pieces).strip() or "Click"
    if not codes_change_allowed(unit.target, target, unit):
        return
    written = write_bilingual(data, "ui.xlf", {"save": target})
    assert parse_bilingual(written, "ui.xlf").unit("save").target == target
