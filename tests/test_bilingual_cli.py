"""`reviewer check`, `fix` and `export` on a bilingual file (XLIFF 1.2 as CAT tools write it).

Only our own engines run here (no Java server): the point is the bilingual plumbing: unit
ids in reports, fixes that keep inline tags, and the corrected file written back with that
change and nothing else.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from reviewer.cli import main

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
JOB = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="briefing.html" source-language="es-ES" target-language="en-US" datatype="html">
    <body>
      <trans-unit id="intro">
        <source>El portavoz <g id="1">García</g> no quiso hacer comentarios.</source>
        <target state="translated">Mr. <g id="1">García</g> He declined to comment.</target>
      </trans-unit>
      <trans-unit id="budget">
        <source>El presupuesto asciende a 2.300 millones.</source>
        <target state="needs-review-translation">The budget amounts to 2,300 million.</target>
        <note>Check the figure against the annex.</note>
      </trans-unit>
      <trans-unit id="vote">
        <source>La votación será el jueves.</source>
        <target state="translated">The the vote will be on Thursday.</target>
      </trans-unit>
      <trans-unit id="empty">
        <source>Sin traducir.</source>
      </trans-unit>
    </body>
  </file>
</xliff>
"""
OURS = "--engines=artefacts"


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def job(tmp_path: Path) -> Path:
    path = tmp_path / "briefing.xlf"
    path.write_text(JOB, encoding="utf-8")
    return path


def targets(path: Path) -> dict[str, str]:
    tree = etree.parse(str(path))
    found = {}
    for unit in tree.iterfind(".//x:trans-unit", NS):
        target = unit.find("x:target", NS)
        if target is not None:
            found[unit.get("id")] = etree.tostring(target, encoding="unicode", with_tail=False)
    return found


def test_check_reports_unit_ids_and_columns_inside_the_unit(
    capsys: pytest.CaptureFixture[str], job: Path
) -> None:
    code, out, _ = run_cli(capsys, "check", str(job), OURS)
    assert code == 0
    lines = out.splitlines()
    assert any(line.startswith(f"{job}#intro:6: major MT_DOUBLED_SUBJECT") for line in lines)
    assert any(line.startswith(f"{job}#vote:") and "QA_REPEATED_WORD" in line for line in lines)


def test_the_json_report_gives_each_units_id_source_and_codes(
    capsys: pytest.CaptureFixture[str], job: Path
) -> None:
    _, out, _ = run_cli(capsys, "check", str(job), OURS, "--format", "json")
    report = json.loads(out)
    assert report["document"]["bilingual"] is True
    assert report["document"]["source_language"] == "es"  # from the file
    units = {entry["unit"]: entry for entry in report["sentences"]}
    assert all(0.0 <= entry["risk"] <= 1.0 for entry in report["sentences"])
    assert list(units) == ["intro", "budget", "vote"]  # the untranslated unit is not a row
    intro = units["intro"]
    assert intro["source"].replace("\ue000", "").replace("\ue001", "") == (
        "El portavoz García no quiso hacer comentarios."
    )
    assert [p["markup"] for p in intro["placeholders"]] == ['<g id="1">', "</g>"]
    for flag in report["flags"]:
        sentence = report["sentences"][flag["sentence"]]
        assert flag["unit"] == sentence["unit"]
        assert (
            sentence["text"][flag["start"] - sentence["start"] :][: len(flag["text"])]
            == (flag["text"])
        )


def test_fix_then_export_writes_back_only_the_fixed_targets(
    capsys: pytest.CaptureFixture[str], job: Path, tmp_path: Path
) -> None:
    before = targets(job)
    code, out, _ = run_cli(
        capsys, "fix", str(job), "--accept", "MT_DOUBLED_SUBJECT,QA_REPEATED_WORD"
    )
    assert code == 0
    assert f"{job}#intro:6: MT_DOUBLED_SUBJECT: “García</g> He” -> “García</g>”" in (
        out.splitlines()
    )  # the column counts the tag as one character; the log shows the file's markup
    corrected = tmp_path / "corrected.xlf"
    code, _, err = run_cli(capsys, "export", str(job), "--to", str(corrected))
    assert code == 0, err
    after = targets(corrected)
    assert "García</g> declined to comment." in after["intro"]
    assert '<g id="1">García</g>' in after["intro"]
    assert ">The vote will be on Thursday.<" in after["vote"]
    assert after["budget"] == before["budget"]
    changed = [
        (old, new)
        for old, new in zip(
            job.read_text().splitlines(), corrected.read_text().splitlines(), strict=True
        )
        if old != new
    ]
    assert len(changed) == 2  # exactly the two target lines, the rest byte for byte


def test_export_to_another_bilingual_format_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], job: Path, tmp_path: Path
) -> None:
    run_cli(capsys, "fix", str(job), "--accept", "QA_REPEATED_WORD")
    code, _, err = run_cli(capsys, "export", str(job), "--to", str(tmp_path / "out.po"))
    assert code == 2
    assert err.count("\n") == 1 and "only be written for the review of a .po file" in err


def test_the_notice_about_unreviewed_units_agrees_with_their_number(
    capsys: pytest.CaptureFixture[str], job: Path, tmp_path: Path
) -> None:
    run_cli(capsys, "fix", str(job), "--accept", "QA_REPEATED_WORD")
    code, _, err = run_cli(capsys, "export", str(job), "--to", str(tmp_path / "out.xlf"))
    assert code == 0, err
    notice = "1 corrected unit not marked reviewed keeps its state in the file"
    assert f"reviewer: warning: {notice}" in err.splitlines()
    run_cli(capsys, "fix", str(job), "--accept", "MT_DOUBLED_SUBJECT")
    code, _, err = run_cli(capsys, "export", str(job), "--to", str(tmp_path / "out.xlf"))
    assert "2 corrected units not marked reviewed keep their state in the file" in err


def test_a_tmx_export_of_a_bilingual_review_pairs_source_and_correction(
    capsys: pytest.CaptureFixture[str], job: Path, tmp_path: Path
) -> None:
    run_cli(capsys, "fix", str(job), "--accept", "QA_REPEATED_WORD")
    memory = tmp_path / "memory.tmx"
    code, _, _ = run_cli(capsys, "export", str(job), "--to", str(memory))
    assert code == 0
    tree = etree.parse(str(memory))
    assert tree.find("header").get("srclang") == "es-ES"
    pairs = {tu.get("tuid"): [seg.text for seg in tu.iterfind("tuv/seg")] for tu in tree.iter("tu")}
    assert pairs["vote"] == ["La votación será el jueves.", "The vote will be on Thursday."]
    assert pairs["intro"][0] == "El portavoz García no quiso hacer comentarios."


def test_a_malformed_xliff_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.xlf"
    broken.write_text(JOB[: len(JOB) // 2], encoding="utf-8")
    code, out, err = run_cli(capsys, "check", str(broken), OURS)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "broken.xlf" in err and "Traceback" not in err


def test_a_folder_of_xliff_files_is_checked_with_include(
    capsys: pytest.CaptureFixture[str], job: Path, tmp_path: Path
) -> None:
    (tmp_path / "second.xlf").write_text(JOB.replace('id="vote"', 'id="ballot"'), "utf-8")
    code, out, _ = run_cli(capsys, "check", str(tmp_path), OURS, "--include", "*.xlf")
    assert code == 0
    assert any(line.startswith(f"{tmp_path / 'second.xlf'}#ballot:") for line in out.splitlines())
    assert any(line.startswith(f"{job}#vote:") for line in out.splitlines())


def test_text_and_word_exports_of_a_bilingual_review_show_no_code_characters(
    capsys: pytest.CaptureFixture[str], job: Path, tmp_path: Path
) -> None:
    import docx

    run_cli(capsys, "fix", str(job), "--accept", "MT_DOUBLED_SUBJECT,QA_REPEATED_WORD")
    text = tmp_path / "corrected.txt"
    assert run_cli(capsys, "export", str(job), "--to", str(text))[0] == 0
    assert text.read_text(encoding="utf-8").splitlines() == [
        "Mr. García declined to comment.",
        "The budget amounts to 2,300 million.",
        "The vote will be on Thursday.",
    ]
    word = tmp_path / "changes.docx"
    code, _, err = run_cli(capsys, "export", str(job), "--to", str(word), "--tracked-changes")
    assert code == 0, err
    paragraphs = [p.text for p in docx.Document(str(word)).paragraphs]
    assert len(paragraphs) == 3
    assert not any("\ue000" <= ch <= "\uf8ff" for paragraph in paragraphs for ch in paragraph)
    assert "He" in paragraphs[0]  # the deleted word, struck through


def test_the_scorecard_of_a_bilingual_review_counts_words_not_codes(
    capsys: pytest.CaptureFixture[str], job: Path
) -> None:
    run_cli(capsys, "fix", str(job), "--accept", "MT_DOUBLED_SUBJECT")
    review = job.with_name(job.name + ".review")
    for output_format in ("text", "json", "html", "csv"):
        code, out, err = run_cli(capsys, "scorecard", str(review), "--format", output_format)
        assert code == 0, err
        assert not any("\ue000" <= ch <= "\uf8ff" for ch in out), output_format
    _, out, _ = run_cli(capsys, "scorecard", str(review), "--format", "json")
    text = json.dumps(json.loads(out), ensure_ascii=False)
    assert "“García He”" not in text and "García He" in text  # the flagged words, no tag


def test_a_reviewed_word_document_can_be_exported_with_its_changes_shown(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import docx

    original = docx.Document()
    original.add_paragraph("The the minister declined to comment.")
    original.add_paragraph("The vote is on Thursday.")
    path = tmp_path / "memo.docx"
    original.save(str(path))
    assert run_cli(capsys, "fix", str(path), "--accept", "QA_REPEATED_WORD")[0] == 0
    corrected, shown = tmp_path / "memo.corrected.docx", tmp_path / "memo.changes.docx"
    code, _, err = run_cli(capsys, "export", str(path), "--to", str(corrected))
    assert code == 0, err
    assert "state" not in err  # a Word document has no workflow state to keep
    code, _, err = run_cli(capsys, "export", str(path), "--to", str(shown), "--tracked-changes")
    assert code == 0, err
    assert [p.text for p in docx.Document(str(corrected)).paragraphs] == [
        "The minister declined to comment.",
        "The vote is on Thursday.",
    ]
    struck = [r.text for p in docx.Document(str(shown)).paragraphs for r in p.runs if r.font.strike]
    assert any("the" in text.lower() for text in struck)
