"""XLIFF 2.0: one row per segment, state on <segment>, notes in the unit's <notes>."""

from __future__ import annotations

import pytest
from lxml import etree

from reviewer.core.bilingual import PlaceholderKind, placeholders_in
from reviewer.formats.bilingual import BilingualFormatError, parse_bilingual, write_bilingual

from .support import changed_lines, fixture_bytes

NS = {"x": "urn:oasis:names:tc:xliff:document:2.0"}


def test_segments_tokens_states_and_notes() -> None:
    bilingual = parse_bilingual(fixture_bytes("v2.xlf"), "v2.xlf")
    assert bilingual.format == "xliff2"
    assert (bilingual.source_language, bilingual.target_language) == ("fr", "en")
    assert [unit.id for unit in bilingual.units] == ["u1", "u2/s1", "u2/s2", "u3"]
    first = bilingual.unit("u1")
    assert [(p.markup, p.kind) for p in first.placeholders] == [
        ('<pc id="1" dataRefStart="d1" dataRefEnd="d2">', PlaceholderKind.OPEN),
        ("</pc>", PlaceholderKind.CLOSE),
        ('<ph id="2" dataRef="d3"/>', PlaceholderKind.EMPTY),
    ]
    assert first.notes == ("Title of the guide.",)
    assert first.state == "translated"
    second = bilingual.unit("u2/s1")
    assert [p.markup for p in second.placeholders] == [
        '<sc id="1" dataRef="d1"/>',
        '<ec startRef="1" dataRef="d2"/>',
    ]
    assert placeholders_in(second.source) == placeholders_in(second.target)
    assert bilingual.unit("u2/s2").state == "final"
    assert bilingual.unit("u3").target == ""


def test_nothing_changed_is_byte_identical() -> None:
    data = fixture_bytes("v2.xlf")
    units = parse_bilingual(data, "v2.xlf").units
    assert write_bilingual(data, "v2.xlf", {u.id: u.target for u in units}) == data


def test_round_trip_changes_one_segment_and_its_state() -> None:
    data = fixture_bytes("v2.xlf")
    unit = parse_bilingual(data, "v2.xlf").unit("u2/s1")
    new = unit.target.replace("Actually", "Currently")
    out = write_bilingual(data, "v2.xlf", {"u2/s1": new}, reviewed={"u2/s1"})
    assert changed_lines(data, out) == [
        '-      <segment id="s1" state="initial">',
        '+      <segment id="s1" state="reviewed">',
        '-        <target>Actually, the price is <sc id="1" dataRef="d1"/>low<ec startRef="1"'
        ' dataRef="d2"/>.</target>',
        '+        <target>Currently, the price is <sc id="1" dataRef="d1"/>low<ec startRef="1"'
        ' dataRef="d2"/>.</target>',
    ]
    expected = etree.fromstring(data)
    segment = expected.find(".//x:unit[@id='u2']/x:segment[@id='s1']", NS)
    segment.set("state", "reviewed")
    segment.find("x:target", NS).text = "Currently, the price is "
    assert etree.tostring(etree.fromstring(out), method="c14n") == etree.tostring(
        expected, method="c14n"
    )
    reread = parse_bilingual(out, "v2.xlf")
    assert reread.unit("u2/s1").target == new
    assert reread.unit("u2/s1").state == "reviewed"
    assert reread.unit("u2/s2") == parse_bilingual(data, "v2.xlf").unit("u2/s2")


def test_final_stays_final_notes_go_into_notes_and_missing_target_is_added() -> None:
    data = fixture_bytes("v2.xlf")
    out = write_bilingual(
        data,
        "v2.xlf",
        {"u3": "Untranslated."},
        reviewed={"u2/s2", "u3"},
        notes={"u1": ["Rejected: MT_FALSE_FRIEND"], "u2/s1": ["a < b & c"]},
    )
    assert changed_lines(data, out) == [
        '+        <note category="mt-reviewer">Rejected: MT_FALSE_FRIEND</note>',
        "+      <notes>",
        '+        <note category="mt-reviewer">a &lt; b &amp; c</note>',
        "+      </notes>",
        "-      <segment>",
        '+      <segment state="reviewed">',
        "+        <target>Untranslated.</target>",
    ]
    reread = parse_bilingual(out, "v2.xlf")
    assert reread.unit("u1").notes == ("Title of the guide.", "Rejected: MT_FALSE_FRIEND")
    assert reread.unit("u2/s2").notes == ("a < b & c",)
    assert reread.unit("u2/s2").state == "final"
    assert reread.unit("u3").state == "reviewed"


def test_reordered_pc_is_refused() -> None:
    data = fixture_bytes("v2.xlf")
    unit = parse_bilingual(data, "v2.xlf").unit("u1")
    opening, closing, empty = (p.char for p in unit.placeholders)
    with pytest.raises(BilingualFormatError, match="u1: the edit"):
        write_bilingual(data, "v2.xlf", {"u1": f"The {closing}guide{opening}{empty}"})


def test_version_is_sniffed_from_the_namespace_without_version_attribute() -> None:
    data = fixture_bytes("v2.xlf").replace(b' version="2.0"', b"")
    assert parse_bilingual(data, "v2.xliff").format == "xliff2"


def test_sdlxliff_is_read_but_not_written_back() -> None:
    data = fixture_bytes("okapi.xlf").replace(
        b'xmlns:okp="okapi-framework:xliff-extensions"',
        b'xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0"'
        b' xmlns:okp="okapi-framework:xliff-extensions"',
    )
    bilingual = parse_bilingual(data, "job.sdlxliff")
    assert bilingual.format == "xliff1"
    assert len(bilingual.units) == 4
    with pytest.raises(
        BilingualFormatError, match=r"job\.sdlxliff: .*can be reviewed but not written back"
    ):
        write_bilingual(data, "job.sdlxliff", {})
    with pytest.raises(BilingualFormatError, match="not written back"):
        write_bilingual(data, "job.mqxliff", {})
