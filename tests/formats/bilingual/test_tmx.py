"""TMX: source from the header's srclang, English target preferred, inline codes as tokens."""

from __future__ import annotations

from lxml import etree
from translate.storage import tmx

from reviewer.core.bilingual import PlaceholderKind
from reviewer.formats.bilingual import parse_bilingual, write_bilingual

from .support import changed_lines, fixture_bytes


def test_units_languages_and_tokens() -> None:
    bilingual = parse_bilingual(fixture_bytes("memory.tmx"), "memory.tmx")
    assert bilingual.format == "tmx"
    assert (bilingual.source_language, bilingual.target_language) == ("es-ES", "en-US")
    assert [unit.id for unit in bilingual.units] == ["news-1", "news-2", "3"]
    first = bilingual.unit("news-1")
    assert [(p.markup, p.kind) for p in first.placeholders] == [
        ('<bpt i="1" type="bold">&lt;b&gt;</bpt>', PlaceholderKind.OPEN),
        ('<ept i="1">&lt;/b&gt;</ept>', PlaceholderKind.CLOSE),
    ]
    second = bilingual.unit("news-2")  # three tuvs: the English one is the target
    assert second.with_markup(second.target) == (
        'Actually he lives in <hi type="italic">Madrid</hi>.<ph x="1">&lt;br/&gt;</ph>'
    )
    assert second.notes == ("Checked by the editor.",)
    assert bilingual.unit("3").target == ""


def test_nothing_changed_is_byte_identical() -> None:
    data = fixture_bytes("memory.tmx")
    units = parse_bilingual(data, "memory.tmx").units
    assert write_bilingual(data, "memory.tmx", {u.id: u.target for u in units}) == data
    assert write_bilingual(data, "memory.tmx", {}, reviewed={"news-1"}) == data  # no states


def test_round_trip_changes_exactly_one_seg() -> None:
    data = fixture_bytes("memory.tmx")
    unit = parse_bilingual(data, "memory.tmx").unit("news-2")
    new = unit.target.replace("Actually", "Currently")
    out = write_bilingual(data, "memory.tmx", {"news-2": new}, reviewed={"news-2"})
    assert changed_lines(data, out) == [
        '-      <tuv xml:lang="en-US"><seg>Actually he lives in <hi type="italic">Madrid</hi>.'
        '<ph x="1">&lt;br/&gt;</ph></seg></tuv>',
        '+      <tuv xml:lang="en-US"><seg>Currently he lives in <hi type="italic">Madrid</hi>.'
        '<ph x="1">&lt;br/&gt;</ph></seg></tuv>',
    ]
    expected = etree.fromstring(data)
    seg = expected.findall(".//tu[@tuid='news-2']/tuv")[2].find("seg")
    seg.text = "Currently he lives in "
    assert etree.tostring(etree.fromstring(out), method="c14n") == etree.tostring(
        expected, method="c14n"
    )
    # translate-toolkit reads the same memory: same units, the one target changed
    before = tmx.tmxfile.parsestring(data).units
    after = tmx.tmxfile.parsestring(out).units
    assert [u.source for u in before] == [u.source for u in after]
    assert after[0].target == before[0].target


def test_notes_and_a_missing_translation_are_added() -> None:
    data = fixture_bytes("memory.tmx")
    out = write_bilingual(data, "memory.tmx", {"3": "No translation."}, notes={"news-1": ["ok"]})
    assert changed_lines(data, out) == [
        "+      <note>ok</note>",
        '+      <tuv xml:lang="en-US"><seg>No translation.</seg></tuv>',
    ]
    reread = parse_bilingual(out, "memory.tmx")
    assert reread.unit("news-1").notes == ("ok",)
    assert reread.unit("3").target == "No translation."
