"""Hostile and broken inputs: refused with one clear line naming the file, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.core.errors import ReviewerError
from reviewer.formats.bilingual import (
    BilingualFormatError,
    is_bilingual_path,
    parse_bilingual,
    read_bilingual,
    write_bilingual,
)

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE xliff [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a"
 source-language="de" target-language="en"><body><trans-unit id="1"><source>&lol9;</source>
<target>x</target></trans-unit></body></file></xliff>
"""


def external_entity(secret: Path) -> bytes:
    return f"""<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file://{secret}">]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a"
 source-language="de" target-language="en"><body><trans-unit id="1"><source>&xxe;</source>
<target>x</target></trans-unit></body></file></xliff>
""".encode()


REFUSED = r"refused: the file declares XML entities \(possible entity-expansion attack\)"


@pytest.mark.parametrize("suffix", [".xlf", ".xliff", ".tmx"])
def test_billion_laughs_is_refused(suffix: str) -> None:
    with pytest.raises(BilingualFormatError, match=rf"^bomb{suffix}: {REFUSED}$"):
        parse_bilingual(BILLION_LAUGHS, f"bomb{suffix}")
    with pytest.raises(BilingualFormatError, match=REFUSED):
        write_bilingual(BILLION_LAUGHS, f"bomb{suffix}", {"1": "y"})


def test_external_entity_is_refused_and_the_file_is_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    path = tmp_path / "xxe.xlf"
    path.write_bytes(external_entity(secret))
    with pytest.raises(BilingualFormatError, match=rf"xxe\.xlf: {REFUSED}") as caught:
        read_bilingual(path)
    assert "TOP SECRET" not in str(caught.value)
    assert isinstance(caught.value, ReviewerError)


def test_parameter_entity_is_refused() -> None:
    data = b"""<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY % remote SYSTEM "http://example.invalid/x.dtd"> %remote;]>
<xliff version="1.2"><file original="a"><body><trans-unit id="1"><source>a</source>
</trans-unit></body></file></xliff>"""
    with pytest.raises(BilingualFormatError, match=REFUSED):
        parse_bilingual(data, "p.xlf")


def test_entity_hidden_behind_a_bracket_in_a_comment_is_refused() -> None:
    data = b"""<?xml version="1.0"?>
<!DOCTYPE xliff [<!-- ] --><!ENTITY % remote SYSTEM "http://example.invalid/x.dtd"> %remote;]>
<xliff version="1.2"><file original="a"><body><trans-unit id="1"><source>a</source>
</trans-unit></body></file></xliff>"""
    with pytest.raises(BilingualFormatError, match=REFUSED):
        parse_bilingual(data, "p.xlf")


def test_refusal_is_one_line_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlf"
    path.write_bytes(BILLION_LAUGHS)
    script = (
        "import sys\n"
        "from reviewer.formats.bilingual import read_bilingual, BilingualFormatError\n"
        "try:\n"
        "    read_bilingual(sys.argv[1])\n"
        "except BilingualFormatError as exc:\n"
        "    print(exc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stderr == ""
    assert result.stdout.strip().splitlines() == [
        f"{path}: refused: the file declares XML entities (possible entity-expansion attack)"
    ]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("e.xlf", b"", "e.xlf: the file is empty"),
        ("e.xlf", b"   \n", "e.xlf: the file is empty"),
        ("m.xlf", b"<xliff version='1.2'><file><body>", r"m\.xlf: not well-formed XML"),
        ("m.xlf", b"\x00\x01binary", r"m\.xlf: not well-formed XML"),
        ("n.xlf", b"<html><body/></html>", r"n\.xlf: not an XLIFF file"),
        (
            "u.xlf",
            b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file'
            b' original="a"><body/></file></xliff>',
            r"u\.xlf: no translation units",
        ),
        ("x.txt", b"hello", r"x\.txt: not a bilingual file type \(\.txt\)"),
        ("t.tmx", b"", r"t\.tmx: the file is empty"),
        ("t.tmx", b"<tmx><body><tu>", r"t\.tmx: not well-formed XML"),
        ("t.tmx", b"<xliff/>", r"t\.tmx: not a TMX file"),
        ("t.tmx", b'<tmx version="1.4"><header srclang="en"/><body/></tmx>', "no translation"),
        (
            "v.xlf",
            b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"><file id="f">'
            b"</file></xliff>",
            r"v\.xlf: no translation units",
        ),
        (
            "l.xlf",
            b"<?xml version='1.0' encoding='latin-9x'?><xliff/>",
            r"l\.xlf: cannot be decoded",
        ),
    ],
)
def test_malformed_and_empty_files(name: str, data: bytes, message: str) -> None:
    with pytest.raises(BilingualFormatError, match=message):
        parse_bilingual(data, name)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BilingualFormatError, match="cannot be read"):
        read_bilingual(tmp_path / "nothing.xlf")


def test_is_bilingual_path() -> None:
    assert is_bilingual_path("a/b.XLF")
    assert is_bilingual_path(Path("x.po"))
    assert is_bilingual_path("t.docx")
    assert not is_bilingual_path("notes.txt")
    assert not is_bilingual_path("archive.xlf.gz")
