"""The scorecard of a bilingual review calls its rows units, as the window does.

A row of a review of an XLIFF, PO, TMX or CSV file is one translation unit, which may hold
several sentences; the scorecard of a plain text keeps saying "sentence". Only wording for
people changes: JSON keys, CSV sections and column ids stay as scripts parse them.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.commands.scorecard import load_scorecard
from reviewer.core.wording import count, plural, row_noun
from reviewer.formats.scorecard_charts import hter_chart, time_chart
from reviewer.formats.scorecard_csv import read_sections
from reviewer.formats.scorecard_html import render_scorecard_html
from reviewer.formats.scorecard_text import render_scorecard_text

# our own catalogue strings, the MT with a doubled subject for the artefacts engine to flag
MANUAL = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="manual.html" source-language="de-DE" target-language="en-GB" datatype="html">
    <body>
      <trans-unit id="install">
        <source>Der Techniker Weber prüfte das Gerät. Er fand keinen Fehler.</source>
        <target state="translated">Mr. <g id="1">Weber</g> He checked the device. No fault.</target>
      </trans-unit>
      <trans-unit id="warranty">
        <source>Die Garantie gilt zwei Jahre.</source>
        <target state="translated">The warranty lasts two years.</target>
      </trans-unit>
      <trans-unit id="contact">
        <source>Bei Fragen wenden Sie sich an den Händler.</source>
        <target state="translated">For questions, contact your dealer.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""
PLAIN = "The courier delivered the parcel on Friday.\n\nMrs. Brandt She signed for it.\n"


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def unit_review(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    job = tmp_path / "manual.xlf"
    job.write_text(MANUAL, encoding="utf-8")
    code, _, err = run_cli(capsys, "fix", str(job), "--accept", "MT_DOUBLED_SUBJECT")
    assert code == 0, err
    return job.with_name(job.name + ".review")


@pytest.fixture
def sentence_review(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    text = tmp_path / "delivery.txt"
    text.write_text(PLAIN, encoding="utf-8")
    code, _, err = run_cli(capsys, "fix", str(text), "--accept", "MT_DOUBLED_SUBJECT")
    assert code == 0, err
    return text.with_name(text.name + ".review")


def words_for_people(html: str) -> str:
    """The HTML's text and SVG titles, without tags, styles and attribute names."""
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_the_noun_helper() -> None:
    assert (row_noun(True), row_noun(False)) == ("unit", "sentence")
    assert [count(n, "unit") for n in (0, 1, 2)] == ["0 units", "1 unit", "2 units"]
    assert plural("visit", 1) == "visit" and plural("visit", 3) == "visits"


def test_the_text_scorecard_of_a_bilingual_review_says_units(
    capsys: pytest.CaptureFixture[str], unit_review: Path
) -> None:
    code, out, err = run_cli(capsys, "scorecard", str(unit_review))
    assert code == 0, err
    assert "Units:     3 (" in out
    assert "\nUNITS\n" in out
    assert "(per unit BLEU:" in out
    assert re.search(r"Edits +\d+ in \d+ unit visits?\n", out)
    assert "sentence" not in out.lower()


def test_the_html_scorecard_and_its_charts_of_a_bilingual_review_say_units(
    capsys: pytest.CaptureFixture[str], unit_review: Path
) -> None:
    code, out, err = run_cli(capsys, "scorecard", str(unit_review), "--format", "html")
    assert code == 0, err
    shown = words_for_people(out)
    assert "sentence" not in shown.lower()
    for wording in (
        "3 units,",
        "HTER per unit",
        "Time per unit",
        "BLEU per unit",
        "Unit visits",
        "Deleted units count as edits",
        "while a unit is selected",
        "Unit 1: HTER",
    ):
        assert wording in shown, wording
    assert "<h2>Units</h2>" in out


def test_the_window_charts_and_tooltips_agree_with_their_numbers(unit_review: Path) -> None:
    card = load_scorecard(unit_review)
    once = replace(card, rows=[replace(card.rows[0], visits=1, edits=1), *card.rows[1:]])
    svg = time_chart(once)
    assert "Unit 1: " in svg and "1 visit, 1 edit\n" in svg
    assert "Unit 2: 0 s, 0 visits, 0 edits" in svg
    assert "(s)" not in svg
    assert ">unit</text>" in svg and ">unit</text>" in hter_chart(card)  # the axis


def test_json_and_csv_keep_their_keys_and_say_what_a_row_is(
    capsys: pytest.CaptureFixture[str], unit_review: Path
) -> None:
    _, out, _ = run_cli(capsys, "scorecard", str(unit_review), "--format", "json")
    data = json.loads(out)
    assert data["document"]["bilingual"] is True
    assert data["document"]["row_noun"] == "unit"
    assert data["document"]["sentences"] == 3 == len(data["sentences"])  # keys unchanged
    _, out, _ = run_cli(capsys, "scorecard", str(unit_review), "--format", "csv")
    sections = read_sections(out)
    assert set(sections) == {"summary", "errors by category", "errors", "sentences", "rules"}
    summary = {row["metric"]: row for row in sections["summary"]}
    assert summary["sentences"]["value"] == "3"
    assert summary["sentences"]["settings"] == "translation units"
    assert [row["id"] for row in sections["sentences"]] == ["install", "warranty", "contact"]


def test_a_plain_text_scorecard_still_says_sentences(
    capsys: pytest.CaptureFixture[str], sentence_review: Path
) -> None:
    _, out, _ = run_cli(capsys, "scorecard", str(sentence_review))
    assert "Sentences: 2 (" in out and "\nSENTENCES\n" in out and "unit" not in out.lower()
    card = load_scorecard(sentence_review)
    shown = words_for_people(render_scorecard_html(card))
    assert "2 sentences," in shown and "HTER per sentence" in shown and "Unit" not in shown
    assert "Sentence 1: HTER" in hter_chart(card)
    _, out, _ = run_cli(capsys, "scorecard", str(sentence_review), "--format", "json")
    assert json.loads(out)["document"]["row_noun"] == "sentence"
    assert "Sentences:" in render_scorecard_text(card)
