"""Riskiest first: the sentence list ordered by how likely each sentence holds a Major error."""

from __future__ import annotations

from pathlib import Path

from reviewer.app.sentence_filter import SentenceFilterModel
from reviewer.app.sentence_model import SentenceModel
from reviewer.core.checking import run_check
from reviewer.core.review import Review, open_review
from reviewer.engines import create_engine

TEXT = (
    "The council met on Monday.\n"
    "Mr. Pompeo He refused to say which of the countries had agreed to the plan, and the "
    "the officials would not comment.\n"
    "The vote is next week.\n"
    "Leave a Reply\n"
)


def reviewed(folder: Path) -> tuple[Review, SentenceModel]:
    path = folder / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    review = open_review(path)
    model = SentenceModel()
    model.set_review(review)
    document = review.document
    result = run_check(document, [create_engine("artefacts")])
    model.record_flags("artefacts", document, result.flags)
    return review, model


def source_rows(proxy: SentenceFilterModel) -> list[int]:
    return [proxy.mapToSource(proxy.index(row, 0)).row() for row in range(proxy.rowCount())]


def order(proxy: SentenceFilterModel, model: SentenceModel) -> list[str]:
    return [
        model.segment(proxy.mapToSource(proxy.index(row, 0)).row()).text[:12]
        for row in range(proxy.rowCount())
    ]


def test_riskiest_first_puts_the_flagged_sentences_on_top_and_back(tmp_path: Path) -> None:
    review, model = reviewed(tmp_path)
    proxy = SentenceFilterModel(model)
    document_order = order(proxy, model)
    proxy.set_riskiest_first(True)
    risky = order(proxy, model)
    assert risky[0] == "Mr. Pompeo H"  # a doubled subject and a repeated word: highest risk
    risks = [proxy.risk_of_row(proxy.mapToSource(proxy.index(r, 0)).row()) for r in range(4)]
    assert risks == sorted(risks, reverse=True)
    proxy.set_riskiest_first(False)
    assert order(proxy, model) == document_order
    review.close()


def test_an_edit_does_not_move_the_row_until_the_order_is_refreshed(tmp_path: Path) -> None:
    review, model = reviewed(tmp_path)
    proxy = SentenceFilterModel(model)
    proxy.set_riskiest_first(True)
    before = source_rows(proxy)
    top = model.row_of(review.segments[1].id)
    risk_before = proxy.risk_of_row(top)
    model.apply(review.edit_sentence(review.segments[1].id, "Mr. Pompeo refused to say more."))
    assert model.segment(top).text == "Mr. Pompeo refused to say more."
    assert source_rows(proxy) == before  # the fixed row stays where the reviewer is
    assert proxy.risk_of_row(top) == risk_before
    proxy.refresh_order()  # after the next check: the fixed sentence is no longer risky
    assert proxy.risk_of_row(top) < risk_before / 2
    review.close()
