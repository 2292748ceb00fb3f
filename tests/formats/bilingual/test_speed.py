"""A 10,000-unit XLIFF is read, and written back with one unit changed and the rest intact.

How long it takes is measured by benchmarks/bench_bilingual_io.py (no timing asserted here).
"""

from __future__ import annotations

from reviewer.formats.bilingual import parse_bilingual, write_bilingual


def big_xliff(count: int) -> bytes:
    units = "".join(
        f'      <trans-unit id="u{number}">\n'
        f'        <source xml:lang="de">Satz <g id="1">Nummer</g> {number}.<x id="2"/></source>\n'
        f'        <target xml:lang="en" state="translated">Sentence <g id="1">number</g>'
        f' {number}.<x id="2"/></target>\n'
        f"      </trans-unit>\n"
        for number in range(count)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"'
        ' xmlns="urn:oasis:names:tc:xliff:document:1.2">\n  <file original="big.html"'
        ' source-language="de" target-language="en" datatype="html">\n    <body>\n'
        f"{units}    </body>\n  </file>\n</xliff>\n"
    ).encode()


def test_ten_thousand_units_read_and_one_written_back() -> None:
    data = big_xliff(10_000)
    bilingual = parse_bilingual(data, "big.xlf")
    assert len(bilingual.units) == 10_000
    unit = bilingual.unit("u9999")
    out = write_bilingual(data, "big.xlf", {"u9999": unit.target.replace("number", "No.")})
    assert out == data.replace(
        b'Sentence <g id="1">number</g> 9999.', b'Sentence <g id="1">No.</g> 9999.'
    )
