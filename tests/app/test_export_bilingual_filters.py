"""File > Export offers a bilingual review's own file, corrected, first."""

from __future__ import annotations

from pathlib import Path

from reviewer.app.export_dialog import EXPORT_FILTERS, export_filters, suggested_export_path
from reviewer.core.bilingual import Unit
from reviewer.core.document import Document
from reviewer.core.review import create_review


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
