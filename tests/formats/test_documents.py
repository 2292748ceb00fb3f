"""Which files are read as bilingual, and what a document made from one holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.errors import InputError
from reviewer.formats import documents

PO = """msgid ""
msgstr ""
"Language: en\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Guardar los cambios"
msgstr "Save the the changes"

msgid "Sin traducir"
msgstr ""
"""


def test_a_po_file_becomes_one_paragraph_per_translated_entry(tmp_path: Path) -> None:
    path = tmp_path / "ui.po"
    path.write_text(PO, encoding="utf-8")
    document = documents.load_document(str(path))
    assert document.bilingual
    assert [unit.source for unit in document.units] == ["Guardar los cambios"]
    assert document.text == "Save the the changes"


def test_a_text_file_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("One sentence. Another one.\n", encoding="utf-8")
    document = documents.load_document(str(path))
    assert not document.bilingual and len(document.sentences) == 2


def test_a_broken_bilingual_file_is_unreadable_input(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlf"
    path.write_text("<xliff version='1.2'><file>", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.xlf"):
        documents.load_document(str(path))
