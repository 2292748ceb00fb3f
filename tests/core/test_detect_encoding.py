"""detect_encoding: the codec decode_text read a file with, for exports that write it back."""

from __future__ import annotations

import pytest

from reviewer.core.errors import InputError
from reviewer.core.textio import decode_text, detect_encoding

TEXT = "Señor Pérez said “no” — twice.\r\nCafé owners agreed.\n"


@pytest.mark.parametrize(
    ("data", "codec"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (("\ufeff" + TEXT).encode("utf-16-le"), "utf-16-le"),
        (("\ufeff" + TEXT).encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1252"), "cp1252"),
        (b"plain ASCII\n", "utf-8"),
        (b"", "utf-8"),
    ],
)
def test_the_codec_reads_the_bytes_as_decode_text_does(data: bytes, codec: str) -> None:
    assert detect_encoding(data) == codec
    raw = data.decode(codec).removeprefix("\ufeff")
    assert raw.replace("\r\n", "\n") == decode_text(data)
    assert ("\ufeff" if codec.startswith("utf-16") else "") + raw == data.decode(codec)


def test_another_script_gets_the_detected_codec() -> None:
    data = ("Москва сообщила о переговорах. " * 20).encode("cp1251")
    codec = detect_encoding(data)
    assert data.decode(codec) == decode_text(data)


def test_binary_data_is_refused_like_decode_text_does() -> None:
    with pytest.raises(InputError, match="binary"):
        detect_encoding(b"\x00\x01\x02" * 100, name="blob")
