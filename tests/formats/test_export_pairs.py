"""Sentence pairs: TMX 1.4 (translate-toolkit), CSV and JSON Lines re-read give the same
pairs, with flags, decisions, annotations and the time spent."""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree
from translate.storage.tmx import tmxfile

from reviewer.core.flags import Severity
from reviewer.core.review import Review
from reviewer.formats.export import export_review
from reviewer.formats.export_pairs import (
    CSV_COLUMNS,
    POST_EDIT_LANGUAGE,
    SentencePair,
    sentence_pairs,
)
from tests.core.review.support import ARTICLE, DOUBLED, FRAGMENT, RESIDUE, flag_of
from tests.formats.export_support import edit, review_of, segment_id

TRICKY = 'on Tuesday, with "quotes" & <tags>, to join'


@pytest.fixture
def review(tmp_path: Path) -> Iterator[Review]:
    opened = review_of(tmp_path, ARTICLE.encode())
    pompeo = segment_id(opened, "Pompeo He")
    opened.enter(pompeo)
    time.sleep(0.05)
    opened.accept(flag_of(opened, DOUBLED), 0)
    time.sleep(0.05)
    opened.leave()
    opened.accept(flag_of(opened, RESIDUE), 0)
    opened.reject(flag_of(opened, FRAGMENT), "a real sentence in the source")
    edit(opened, "naval mission", "on Tuesday to join", TRICKY)
    ministry = segment_id(opened, "The ministry")
    opened.annotate(ministry, 4, 12, category="Accuracy/Mistranslation", severity=Severity.MAJOR)
    edit(opened, "Observers expect", "next week.", "next week. It may come sooner.")
    yield opened
    opened.close()


@pytest.fixture
def pairs(review: Review) -> list[SentencePair]:
    return sentence_pairs(review)


def by_text(pairs: list[SentencePair], words: str) -> SentencePair:
    [pair] = [p for p in pairs if words in p.mt or words in p.correction]
    return pair


def test_the_records_hold_what_happened_to_each_sentence(
    review: Review, pairs: list[SentencePair]
) -> None:
    assert [p.sentence_id for p in pairs] == [s.id for s in review.segments]
    pompeo = by_text(pairs, "Pompeo")
    assert pompeo.mt.startswith("Mr. Pompeo He refused")
    assert pompeo.correction.startswith("Mr. Pompeo refused")
    [decision] = pompeo.decisions
    assert decision["rule"] == DOUBLED
    assert decision["status"] == "accepted"
    assert decision["replacement"] == "Pompeo"
    assert decision["reviewer"] == "Ana"
    assert decision["time"]
    assert pompeo.seconds > 0.05
    assert pompeo.visits == 1
    assert pompeo.words_deleted == 1

    residue = by_text(pairs, "Leave a Reply")
    assert residue.correction == ""
    assert residue.deleted
    assert residue.decisions[0]["rule"] == RESIDUE

    fragment = by_text(pairs, "the coalition")
    assert fragment.decisions[0]["status"] == "rejected"
    assert fragment.decisions[0]["reason"] == "a real sentence in the source"
    assert {"rule": FRAGMENT, "status": "rejected"}.items() <= fragment.flags[0].items()
    assert fragment.flags[0]["severity"] == "major"
    assert fragment.flags[0]["category"] == "Fluency/Grammar"

    ministry = by_text(pairs, "The ministry")
    [annotation] = ministry.annotations
    assert annotation["text"] == "ministry"
    assert annotation["category"] == "Accuracy/Mistranslation"
    assert annotation["severity"] == "major"

    added = by_text(pairs, "It may come sooner.")
    assert added.mt == ""  # split off an edit: a sentence the MT did not have
    assert added.correction == "It may come sooner."


def test_tmx_round_trip(review: Review, pairs: list[SentencePair], tmp_path: Path) -> None:
    target = tmp_path / "pairs.tmx"
    export_review(review, target)
    store = tmxfile.parsestring(target.read_bytes())
    reread = [(unit.getid(), unit.source, unit.target) for unit in store.units]
    assert reread == [(p.sentence_id, p.mt, p.correction) for p in pairs]
    assert any(TRICKY in target for _, _, target in reread)

    root = etree.fromstring(target.read_bytes())
    assert root.get("version") == "1.4"
    assert root.find("header").get("srclang") == "en"
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for tu in root.iter("tu"):
        assert [tuv.get(lang) for tuv in tu.iter("tuv")] == ["en", POST_EDIT_LANGUAGE]


def test_csv_round_trip(review: Review, pairs: list[SentencePair], tmp_path: Path) -> None:
    target = tmp_path / "pairs.csv"
    export_review(review, target)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [(r["sentence_id"], r["mt"], r["correction"]) for r in rows] == [
        (p.sentence_id, p.mt, p.correction) for p in pairs
    ]
    for row, pair in zip(rows, pairs, strict=True):
        assert json.loads(row["flags"]) == pair.flags
        assert json.loads(row["decisions"]) == pair.decisions
        assert json.loads(row["annotations"]) == pair.annotations
        assert row["status"] == pair.status
        assert row["deleted"] == ("yes" if pair.deleted else "no")
        assert float(row["seconds"]) == pytest.approx(pair.seconds, abs=0.001)
        assert int(row["words_deleted"]) == pair.words_deleted


def test_jsonl_round_trip(review: Review, pairs: list[SentencePair], tmp_path: Path) -> None:
    target = tmp_path / "pairs.jsonl"
    export_review(review, target)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [pair.to_json() for pair in pairs]


def test_an_untouched_review_gives_identical_pairs(tmp_path: Path) -> None:
    review = review_of(tmp_path, ARTICLE.encode())
    try:
        pairs = sentence_pairs(review)
        assert all(p.mt == p.correction and not p.decisions for p in pairs)
        assert all(p.seconds == 0 and p.edits == 0 for p in pairs)
    finally:
        review.close()
