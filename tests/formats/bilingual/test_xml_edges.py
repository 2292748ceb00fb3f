"""XML details the splicing writer must survive: comments, CDATA, PIs, odd attributes."""

from __future__ import annotations

import pytest

from reviewer.formats.bilingual import BilingualFormatError, parse_bilingual, write_bilingual

HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- exported by a tool -->\n<xliff version="1.2"'
    b' xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
)


def test_comment_pi_cdata_and_gt_in_attributes() -> None:
    data = HEAD + (
        b'<file original="a>b.html" source-language="de" target-language="en"><body>\n'
        b"<?tool keep?>\n"
        b'<trans-unit id="1" resname="x > y"><source>Eins <!-- c --> zwei</source>'
        b"<target>One <!-- c --> two</target></trans-unit>\n"
        b'<trans-unit id="2"><source>A &amp; B</source><target><![CDATA[A & <B>]]></target>'
        b"</trans-unit>\n"
        b"</body></file></xliff>\n"
    )
    bilingual = parse_bilingual(data, "e.xlf")
    first = bilingual.unit("1")
    assert [p.markup for p in first.placeholders] == ["<!-- c -->"]
    assert bilingual.unit("2").target == "A & <B>"
    comment = first.placeholders[0].char
    out = write_bilingual(data, "e.xlf", {"1": f"One {comment} 2", "2": "A & B"})
    assert out == data.replace(b"One <!-- c --> two", b"One <!-- c --> 2").replace(
        b"<![CDATA[A & <B>]]>", b"A &amp; B"
    )


def test_ids_colliding_in_files_with_the_same_original() -> None:
    unit = b'<trans-unit id="1"><source>a</source><target>b</target></trans-unit>'
    data = HEAD + (
        b'<file original="same"><body>' + unit + b"</body></file>"
        b'<file original="same"><body>' + unit + b"</body></file></xliff>"
    )
    assert [u.id for u in parse_bilingual(data, "c.xlf").units] == ["same/1~1", "same/1~2"]
    out = write_bilingual(data, "c.xlf", {"same/1~2": "c"})
    assert out.count(b"<target>b</target>") == 1
    assert out.endswith(b"<target>c</target></trans-unit></body></file></xliff>")


def test_groups_and_alt_trans_are_handled() -> None:
    data = HEAD + (
        b'<file original="g" source-language="de" target-language="en"><body>'
        b'<group id="g1"><trans-unit id="t"><source>Hallo</source><target>Hello</target>'
        b'<alt-trans match-quality="80"><source>Hallo!</source><target>Hi!</target></alt-trans>'
        b"</trans-unit></group></body></file></xliff>"
    )
    bilingual = parse_bilingual(data, "g.xlf")
    assert [(u.id, u.target) for u in bilingual.units] == [("t", "Hello")]
    out = write_bilingual(data, "g.xlf", {"t": "Hi there"}, notes={"t": ["n"]})
    assert b"<target>Hi there</target><note" in out
    assert b"<target>Hi!</target>" in out


def test_undefined_entity_is_not_well_formed() -> None:
    data = HEAD + b'<file original="a"><body><trans-unit id="1"><source>&nbsp;</source>'
    data += b"</trans-unit></body></file></xliff>"
    with pytest.raises(BilingualFormatError, match=r"u\.xlf: not well-formed XML: .*nbsp"):
        parse_bilingual(data, "u.xlf")


def test_doctype_without_entities_is_accepted() -> None:
    data = b'<?xml version="1.0"?>\n<!DOCTYPE xliff PUBLIC "-//XLIFF//DTD XLIFF//EN" "xliff.dtd">\n'
    data += b'<xliff version="1.0"><file original="a" source-language="en" target-language="de">'
    data += b'<body><trans-unit id="1"><source>a</source><target>b</target></trans-unit>'
    data += b"</body></file></xliff>"
    assert parse_bilingual(data, "d.xlf").unit("1").target == "b"
    assert write_bilingual(data, "d.xlf", {"1": "c"}) == data.replace(b">b<", b">c<")
