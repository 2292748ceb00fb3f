"""File > Export offers a bilingual review's own file, corrected, first."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from reviewer.app.export_dialog import (
    EXPORT_FILTERS,
    export_filters,
    export_from_window,
    suggested_export_path,
)
from reviewer.core.bilingual import Unit
from reviewer.core.document import Document
from reviewer.core.review import create_review, open_review

XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.txt" source-language="es" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="1">
        <source>Hola.</source>
        <target state="translated">Hello.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def test_a_bilingual_review_offers_its_own_format_first(tmp_path: Path) -> None:
    units = [Unit("1", "Hola.", "Hello."), Unit("2", "Adiós.", "Goodbye.")]
    document = Document.from_units(units, path=str(tmp_path / "job.po"), source_language="es")
    review = create_review(tmp_path / "job.po.review", b"", document)
    try:
        filters = export_filters(review)
        assert filters[0] == ("PO catalogue (the reviewed file, corrected) (*.po)", ".po", False)
        assert filters[1:] == EXPORT_FILTERS
        assert suggested_export_path(review).name == "job.corrected.po"
    finally:
        review.close()


def test_a_text_review_keeps_the_usual_formats(tmp_path: Path) -> None:
    text = tmp_path / "article.txt"
    text.write_text("Hello there.\n", encoding="utf-8")
    document = Document.from_text("Hello there.\n", path=str(text))
    review = create_review(tmp_path / "article.txt.review", text.read_bytes(), document)
    try:
        assert export_filters(review) == EXPORT_FILTERS
    finally:
        review.close()


def test_a_reviewed_word_document_offers_the_file_and_the_changes_shown(tmp_path: Path) -> None:
    document = Document.from_units([Unit("1", "", "Hello.")], path=str(tmp_path / "memo.docx"))
    review = create_review(tmp_path / "memo.docx.review", b"", document)
    try:
        filters = export_filters(review)
        assert filters[0][1:] == (".docx", False) and "reviewed file" in filters[0][0]
        assert ("Word document, changes shown (*.docx)", ".docx", True) in filters
        assert ("Word document (*.docx)", ".docx", False) not in filters
    finally:
        review.close()


def test_an_export_with_a_notice_also_says_it_was_written(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    job = tmp_path / "job.xlf"
    job.write_text(XLIFF, encoding="utf-8")
    review = open_review(job)
    try:
        review.edit_sentence(review.segments[0].id, "Hello there.")
        target = tmp_path / "out.xlf"
        monkeypatch.setattr(
            QFileDialog,
            "getSaveFileName",
            lambda *_args: (str(target), export_filters(review)[0][0]),
        )
        shown: list[str] = []

        def information(_parent: object, _title: str, text: str, *_args: object) -> object:
            shown.append(text)
            return QMessageBox.StandardButton.Ok

        monkeypatch.setattr(QMessageBox, "information", information)
        assert export_from_window(None, review) is not None  # type: ignore[arg-type]
    finally:
        review.close()
    assert "Hello there." in target.read_text(encoding="utf-8")
    [text] = shown
    assert text.startswith("Exported to out.xlf.")
    assert "1 corrected unit not marked reviewed keeps its state in the file" in text
