"""The corrected text as .txt: the original's bytes when untouched, its encoding, BOM and
line endings when edited, and UTF-8 (with a notice) when the encoding cannot hold an edit."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from reviewer.core.review import Review
from reviewer.formats.export import export_review
from reviewer.formats.export_text import corrected_text_bytes
from tests.core.review.support import ARTICLE, RESIDUE, flag_of
from tests.formats.export_support import edit, review_of

# ARTICLE with Western-European characters only Windows-1252 (or Unicode) can hold.
WESTERN = (
    ARTICLE.replace("Washington asked", "Señor Pérez in Zürich asked")
    .replace("by officials.", "by officials — “café” owners agreed.")
    .replace("\n", "\r\n")
)


@dataclass(frozen=True)
class Original:
    name: str
    text: str  # with the file's own line endings
    encode: Callable[[str], bytes]

    @property
    def newline(self) -> str:
        return "\r\n" if "\r\n" in self.text else "\r" if "\r" in self.text else "\n"


def utf8(text: str) -> bytes:
    return text.encode("utf-8")


def utf8_bom(text: str) -> bytes:
    return b"\xef\xbb\xbf" + text.encode("utf-8")


ORIGINALS = [
    Original("utf-8", ARTICLE, utf8),
    Original("utf-8 with BOM", ARTICLE, utf8_bom),
    Original("CRLF", ARTICLE.replace("\n", "\r\n"), utf8),
    Original("CRLF with BOM", ARTICLE.replace("\n", "\r\n"), utf8_bom),
    Original("cp1252", WESTERN, lambda text: text.encode("cp1252")),
    Original("UTF-16 LE", WESTERN, lambda text: ("\ufeff" + text).encode("utf-16-le")),
    Original("UTF-16 BE", ARTICLE, lambda text: ("\ufeff" + text).encode("utf-16-be")),
    Original("lone CR", ARTICLE.replace("\n", "\r"), utf8),
    Original("no final newline", ARTICLE.rstrip("\n"), utf8),
]


@pytest.fixture(params=ORIGINALS, ids=lambda original: original.name)
def original(request: pytest.FixtureRequest) -> Original:
    value: Original = request.param
    return value


@pytest.fixture
def review(tmp_path: Path, original: Original) -> Iterator[Review]:
    opened = review_of(tmp_path, original.encode(original.text))
    yield opened
    opened.close()


def exported(review: Review, folder: Path, name: str = "out.txt") -> bytes:
    target = folder / name
    export_review(review, target)
    return target.read_bytes()


def test_an_untouched_review_exports_the_original_bytes(
    review: Review, original: Original, tmp_path: Path
) -> None:
    assert exported(review, tmp_path) == original.encode(original.text)


def test_an_edit_changes_only_that_sentence(
    review: Review, original: Original, tmp_path: Path
) -> None:
    edit(review, "Pompeo He", "Pompeo He refused", "Pompeo refused")
    expected = original.text.replace("Pompeo He refused", "Pompeo refused")
    assert exported(review, tmp_path) == original.encode(expected)


def test_a_deleted_paragraph_takes_its_line_and_keeps_the_rest(
    review: Review, original: Original, tmp_path: Path
) -> None:
    review.accept(flag_of(review, RESIDUE), 0)
    nl = original.newline
    expected = original.text.replace(f"{nl}{nl}Leave a Reply", "")
    assert "Leave a Reply" not in expected
    assert exported(review, tmp_path) == original.encode(expected)


def test_mixed_line_endings_are_kept_line_by_line(tmp_path: Path) -> None:
    lines = ARTICLE.split("\n")
    text = lines[0] + "\r\n" + "\n".join(lines[1:])  # a CRLF headline, LF elsewhere
    review = review_of(tmp_path, text.encode())
    try:
        edit(review, "Gulf Talks", "Resume", "Restart")
        edit(review, "Pompeo He", "Pompeo He refused", "Pompeo refused")
        expected = text.replace("Resume", "Restart").replace("Pompeo He", "Pompeo")
        assert exported(review, tmp_path) == expected.encode()
    finally:
        review.close()


def test_a_character_cp1252_cannot_store_switches_to_utf8_with_a_notice(
    tmp_path: Path,
) -> None:
    review = review_of(tmp_path, WESTERN.encode("cp1252"))
    try:
        edit(review, "Pompeo He", "Pompeo He refused", "Pompeo (in Łódź) refused")
        result = corrected_text_bytes(review)
        expected = WESTERN.replace("Pompeo He refused", "Pompeo (in Łódź) refused")
        assert result.data == expected.encode("utf-8")  # CRLF kept, no BOM added
        assert result.encoding == "utf-8"
        [notice] = result.notices
        assert "cp1252" in notice
        assert "Ł" in notice
        assert "UTF-8" in notice
        assert "\n" not in notice
        assert export_review(review, tmp_path / "out.txt").notices == [notice]
    finally:
        review.close()


def test_characters_cp1252_can_store_stay_cp1252(tmp_path: Path) -> None:
    review = review_of(tmp_path, WESTERN.encode("cp1252"))
    try:
        edit(review, "Pompeo He", "Pompeo He refused", "Pompeo – “señor” – refused")
        result = corrected_text_bytes(review)
        expected = WESTERN.replace("Pompeo He refused", "Pompeo – “señor” – refused")
        assert result.data == expected.encode("cp1252")
        assert result.notices == []
    finally:
        review.close()


def test_utf16_stores_any_correction_and_keeps_its_bom(tmp_path: Path) -> None:
    review = review_of(tmp_path, ("\ufeff" + ARTICLE).encode("utf-16-le"))
    try:
        edit(review, "Pompeo He", "Pompeo He refused", "Pompeo refused 😀")
        result = corrected_text_bytes(review)
        assert result.notices == []  # UTF-16 stores everything
        assert result.data.decode("utf-16-le").startswith("\ufeffGulf Talks")
    finally:
        review.close()
