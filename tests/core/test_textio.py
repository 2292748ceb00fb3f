"""Reading documents: encodings, newlines, and what is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.document import Document
from reviewer.core.errors import InputError
from reviewer.core.textio import decode_text, read_text_file


def test_crlf_and_lone_cr_become_lf(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(b"Headline\r\n\r\nFirst line.\rSecond line.\r\n")
    assert read_text_file(path) == "Headline\n\nFirst line.\nSecond line.\n"


def test_utf8_bom_is_dropped_and_offsets_start_at_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffCafé owners protest.".encode())
    document = Document.from_file(path)
    assert document.text == "Café owners protest."
    assert document.sentences[0].start == 0


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("Señor Pérez spoke.\r\n".encode("utf-16"))
    assert read_text_file(path) == "Señor Pérez spoke.\n"


def test_empty_file_gives_an_empty_document(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    document = Document.from_file(path)
    assert document.text == ""
    assert document.sentences == ()
    assert document.paragraphs == ()


def test_blank_only_file_has_no_sentences(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("\n   \n\t\n", encoding="utf-8")
    assert Document.from_file(path).sentences == ()


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20)
    with pytest.raises(InputError, match="binary"):
        read_text_file(path)


def test_latin1_text_is_detected_and_decoded(tmp_path: Path) -> None:
    sentence = "Le ministre a déclaré que la réunion était reportée à décembre."
    path = tmp_path / "latin1.txt"
    path.write_bytes(((sentence + "\n") * 5).encode("latin-1"))
    assert read_text_file(path).splitlines()[0] == sentence


def test_cp1252_smart_quotes_are_decoded() -> None:
    data = "The minister said \u201cno\u201d to the plan \u2013 again.".encode("cp1252") * 3
    assert "\u201cno\u201d" in decode_text(data)


def test_missing_file_and_directory_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_text_file(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="directory"):
        read_text_file(tmp_path)


def test_text_in_another_script_is_not_forced_into_cp1252() -> None:
    russian = "Министр заявил, что переговоры будут продолжены в декабре.\n" * 4
    assert decode_text(russian.encode("cp1251")).splitlines()[0] == russian.splitlines()[0]
