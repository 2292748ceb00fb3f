"""XLIFF 1.2 as OmegaT and Okapi write it: read, tokens, byte-faithful write-back."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from translate.storage import xliff

from reviewer.core.bilingual import PlaceholderKind, placeholders_in
from reviewer.core.document import Document
from reviewer.formats.bilingual import (
    BilingualFormatError,
    parse_bilingual,
    read_bilingual,
    save_bilingual,
    write_bilingual,
)

from .support import FIXTURES, changed_lines, fixture_bytes

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


def test_omegat_units_tokens_states_and_notes() -> None:
    bilingual = read_bilingual(FIXTURES / "omegat.xlf")
    assert bilingual.format == "xliff1"
    assert (bilingual.source_language, bilingual.target_language) == ("de", "en-US")
    assert [unit.id for unit in bilingual.units] == ["0", "1", "2", "3"]  # translate="no" skipped
    first = bilingual.unit("0")
    assert [p.markup for p in first.placeholders] == ['<g id="1">', "</g>", '<x id="2"/>']
    assert [p.kind for p in first.placeholders] == [
        PlaceholderKind.OPEN,
        PlaceholderKind.CLOSE,
        PlaceholderKind.EMPTY,
    ]
    # source and target share one table: the same markup is the same character
    assert placeholders_in(first.source) == placeholders_in(first.target)
    assert first.with_markup(first.target) == (
        'Click on <g id="1">Save</g> for to continue.<x id="2"/>'
    )
    assert first.state == "translated"
    assert first.notes == ("Button label: keep it short.",)
    assert bilingual.unit("1").target == "The minister Pompeo He refused & went."
    assert bilingual.unit("2").placeholders[0].markup == '<ph id="1">&lt;%VERSION%&gt;</ph>'
    assert bilingual.unit("3").target == ""
    assert [unit.id for unit in bilingual.reviewable()] == ["0", "1", "2"]
    document = Document.from_units(bilingual.reviewable())
    assert document.text.split("\n")[1] == "The minister Pompeo He refused & went."


def test_okapi_segmented_units_are_one_row_and_ids_unique_across_files() -> None:
    bilingual = read_bilingual(FIXTURES / "okapi.xlf")
    ids = [unit.id for unit in bilingual.units]
    assert ids == ["manual.html/tu1", "tu2", "tu3", "footer.html/tu1"]
    first = bilingual.unit("manual.html/tu1")
    markups = [p.markup for p in first.placeholders]
    assert markups[:3] == [
        '<mrk mid="0" mtype="seg">',
        '<bpt id="1">&lt;b></bpt>',
        '<ept id="1">&lt;/b></ept>',
    ]
    assert placeholders_in(first.source) == placeholders_in(first.target)
    kinds = {p.markup: p.kind for p in first.placeholders}
    assert kinds['<bpt id="1">&lt;b></bpt>'] is PlaceholderKind.OPEN
    assert kinds['<ept id="1">&lt;/b></ept>'] is PlaceholderKind.CLOSE
    assert bilingual.unit("tu2").notes == ("From the 2019 manual.",)


@pytest.mark.parametrize("name", ["omegat.xlf", "okapi.xlf"])
def test_nothing_changed_is_byte_identical(name: str) -> None:
    data = fixture_bytes(name)
    bilingual = parse_bilingual(data, name)
    same = {unit.id: unit.target for unit in bilingual.units}
    assert write_bilingual(data, name, same) == data


def test_omegat_round_trip_changes_exactly_one_target(tmp_path: Path) -> None:
    data = fixture_bytes("omegat.xlf")
    unit = parse_bilingual(data, "omegat.xlf").unit("0")
    opening, closing, empty = (p.char for p in unit.placeholders)
    new = f"Click {opening}Save{closing} to continue.{empty}"
    out = write_bilingual(data, "omegat.xlf", {"0": new}, reviewed={"0"})
    path = tmp_path / "omegat.xlf"
    save_bilingual(path, out)
    assert changed_lines(data, path.read_bytes()) == [
        '-        <target xml:lang="en-US" state="translated">Click on <g id="1">Save</g> for to'
        ' continue.<x id="2"/></target>',
        '+        <target xml:lang="en-US" state="signed-off">Click <g id="1">Save</g> to'
        ' continue.<x id="2"/></target>',
    ]
    # the same change, made by lxml on the original tree, gives the same document
    expected = etree.fromstring(data)
    target = expected.find(".//x:trans-unit[@id='0']/x:target", NS)
    target.set("state", "signed-off")
    target.text = "Click "
    target[0].text, target[0].tail = "Save", " to continue."
    assert etree.tostring(etree.fromstring(out), method="c14n") == etree.tostring(
        expected, method="c14n"
    )
    # translate-toolkit reads the state as reviewed and the inline codes unchanged
    store = xliff.xlifffile.parsestring(out)
    reopened = {u.getid().split("\x04")[-1]: u for u in store.units}
    assert reopened["0"].xmlelement.find("{*}target").get("state") == "signed-off"
    assert reopened["0"].target == "Click Save to continue."
    assert reopened["1"].target == "The minister Pompeo He refused & went."


def test_reviewed_only_changes_the_state_and_final_stays_final() -> None:
    data = fixture_bytes("omegat.xlf")
    out = write_bilingual(data, "omegat.xlf", {}, reviewed={"1", "2"})
    assert changed_lines(data, out) == [
        '-        <target xml:lang="en-US" state="needs-review-translation">The minister Pompeo'
        " He refused &amp; went.</target>",
        '+        <target xml:lang="en-US" state="signed-off">The minister Pompeo'
        " He refused &amp; went.</target>",
    ]


def test_missing_target_is_added_and_notes_are_appended() -> None:
    data = fixture_bytes("omegat.xlf")
    out = write_bilingual(
        data,
        "omegat.xlf",
        {"3": "Not translated yet."},
        reviewed={"3"},
        notes={"1": ["Rejected: MT_DOUBLED_SUBJECT <is> wrong & noisy"]},
    )
    assert changed_lines(data, out) == [
        '+        <note from="MT Reviewer">Rejected: MT_DOUBLED_SUBJECT &lt;is&gt; wrong &amp;'
        " noisy</note>",
        '+        <target xml:lang="en-US" state="signed-off">Not translated yet.</target>',
    ]
    reread = parse_bilingual(out, "omegat.xlf")
    assert reread.unit("1").notes == ("Rejected: MT_DOUBLED_SUBJECT <is> wrong & noisy",)
    assert reread.unit("3").target == "Not translated yet."


def test_okapi_round_trip_keeps_segmentation_and_other_file() -> None:
    data = fixture_bytes("okapi.xlf")
    unit = parse_bilingual(data, "okapi.xlf").unit("manual.html/tu1")
    new = unit.target.replace("arrested", "detained").replace("Currently he", "He")
    out = write_bilingual(data, "okapi.xlf", {"manual.html/tu1": new}, reviewed={"manual.html/tu1"})
    assert changed_lines(data, out) == [
        '-<target xml:lang="en"><mrk mid="0" mtype="seg">The <bpt id="1">&lt;b></bpt>army'
        '<ept id="1">&lt;/b></ept> arrested the suspect.</mrk> <mrk mid="1" mtype="seg">'
        "Currently he is in prison.</mrk></target>",
        '+<target xml:lang="en" state="signed-off"><mrk mid="0" mtype="seg">The <bpt id="1">'
        '&lt;b></bpt>army<ept id="1">&lt;/b></ept> detained the suspect.</mrk> <mrk mid="1"'
        ' mtype="seg">He is in prison.</mrk></target>',
    ]
    reread = parse_bilingual(out, "okapi.xlf")
    assert reread.unit("manual.html/tu1").target == new
    assert reread.unit("footer.html/tu1") == parse_bilingual(data, "okapi.xlf").unit(
        "footer.html/tu1"
    )


def test_tag_breaking_edits_are_refused() -> None:
    data = fixture_bytes("omegat.xlf")
    unit = parse_bilingual(data, "omegat.xlf").unit("0")
    opening, closing, empty = (p.char for p in unit.placeholders)
    for broken in (
        f"Click Save to continue.{empty}",  # dropped a pair
        f"Click {closing}Save{opening} to continue.{empty}",  # close before open
        f"Click {opening}{opening}Save{closing} to continue.{empty}",  # duplicated
        f"Click {opening}Save to continue.{empty}",  # left open
    ):
        with pytest.raises(BilingualFormatError, match=r"omegat\.xlf: unit 0: "):
            write_bilingual(data, "omegat.xlf", {"0": broken})
    with pytest.raises(BilingualFormatError, match="not one of the unit's inline codes"):
        write_bilingual(data, "omegat.xlf", {"1": "The minister \ue00a refused."})


def test_a_code_the_mt_dropped_can_be_restored_from_the_source() -> None:
    data = b"""<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="a" source-language="de" target-language="en"><body>
<trans-unit id="a"><source>Auf <g id="1">Speichern</g> klicken<x id="2"/></source>
<target>Click Save</target></trans-unit>
</body></file></xliff>"""
    unit = parse_bilingual(data, "a.xlf").unit("a")
    opening, closing, empty = (p.char for p in unit.placeholders)
    out = write_bilingual(data, "a.xlf", {"a": f"Click {opening}Save{closing}{empty}"})
    assert b'<target>Click <g id="1">Save</g><x id="2"/></target>' in out
    with pytest.raises(BilingualFormatError, match="not well-formed"):
        write_bilingual(data, "a.xlf", {"a": f"Click {closing}Save{opening}{empty}"})


def test_unknown_unit_id_is_refused() -> None:
    data = fixture_bytes("omegat.xlf")
    with pytest.raises(BilingualFormatError, match=r"omegat\.xlf: no unit with id '99'"):
        write_bilingual(data, "omegat.xlf", {"99": "x"})


def test_self_closing_target_and_prefixed_namespace() -> None:
    data = b"""<?xml version='1.0' encoding='UTF-8'?>
<xlf:xliff xmlns:xlf="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
 <xlf:file original="f" source-language="fr" target-language="en" datatype="plaintext">
  <xlf:body>
   <xlf:trans-unit id="1"><xlf:source>Bonjour</xlf:source><xlf:target state="new"/></xlf:trans-unit>
  </xlf:body>
 </xlf:file>
</xlf:xliff>
"""
    out = write_bilingual(data, "p.xlf", {"1": "Hello"}, reviewed={"1"}, notes={"1": ["ok"]})
    assert b'<xlf:target state="signed-off">Hello</xlf:target>' in out
    assert b'<xlf:note from="MT Reviewer">ok</xlf:note>' in out
    assert parse_bilingual(out, "p.xlf").unit("1").target == "Hello"


def test_utf16_file_keeps_its_encoding() -> None:
    text = (
        '<?xml version="1.0" encoding="UTF-16"?>\n<xliff version="1.2"'
        ' xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="f"'
        ' source-language="de" target-language="en"><body><trans-unit id="1"><source>Grüße'
        "</source><target>Greetings</target></trans-unit></body></file></xliff>\n"
    )
    data = text.encode("utf-16")
    out = write_bilingual(data, "u.xlf", {"1": "Greetings ✓"})
    assert out.startswith(data[:2])
    assert out.decode("utf-16") == text.replace("Greetings<", "Greetings ✓<")
