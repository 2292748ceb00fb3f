"""The engine against the real LanguageTool 6.8 server of this test session."""

from __future__ import annotations

import os
import signal
import socket
import time

import pytest

from reviewer.core.checking import run_check
from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, Engine, EngineStatus
from reviewer.core.flags import Flag
from reviewer.core.segmentation import Span
from reviewer.engines.artefacts.engine import ArtefactsEngine
from reviewer.engines.languagetool.cache import ParagraphCache
from reviewer.engines.languagetool.client import LanguageToolClient
from reviewer.engines.languagetool.engine import (
    LanguageToolEngine,
    LanguageToolUnavailableError,
    _batches,
)
from reviewer.engines.languagetool.server import ServerManager, ServerState

pytestmark = pytest.mark.languagetool

MULTI_PARAGRAPH = (
    "US military resume joint operations with Iraq\n"
    "\n"
    "The decision was taken on Wednesday. He go to the market every day.\n"
    "\n"
    "Officials said the the talks had ended. The minister was not availble for comment.\n"
)


def _texts(flags: list[Flag]) -> list[tuple[str, str]]:
    return [(flag.text, flag.rule) for flag in flags]


def _assert_exact(document: Document, flags: list[Flag]) -> None:
    for flag in flags:
        assert document.text[flag.start : flag.end] == flag.text


def test_engine_implements_the_protocol(lt_engine: LanguageToolEngine) -> None:
    assert isinstance(lt_engine, Engine)
    assert lt_engine.name == "languagetool"


def test_offsets_are_exact_on_emoji_and_accented_text(lt_engine: LanguageToolEngine) -> None:
    document = Document.from_text(
        "Thé café 😀 was closed on Tuesdy. 👍🏽 He go to the market, said José.\n"
        "\n"
        "😀😀 Señor Müller wrote a lettre 👍🏽 to the comittee.\n"
    )
    report = lt_engine.check(document, CheckOptions())
    assert report.status is EngineStatus.OK, report.reason
    assert report.version == "6.8"
    _assert_exact(document, report.flags)
    found = {flag.text for flag in report.flags}
    assert {"Tuesdy", "go", "lettre", "comittee"} <= found
    tuesdy = next(flag for flag in report.flags if flag.text == "Tuesdy")
    assert tuesdy.category == "Fluency/Spelling"
    assert "Tuesday" in tuesdy.suggestions


def test_multi_paragraph_document_gets_document_offsets(lt_engine: LanguageToolEngine) -> None:
    document = Document.from_text(MULTI_PARAGRAPH)
    report = lt_engine.check(document, CheckOptions())
    assert report.status is EngineStatus.OK, report.reason
    _assert_exact(document, report.flags)
    pairs = _texts(report.flags)
    assert ("go", "HE_VERB_AGR") in pairs
    assert ("the the", "ENGLISH_WORD_REPEAT_RULE") in pairs
    assert ("availble", "MORFOLOGIK_RULE_EN_US") in pairs
    paragraphs = {document.sentence_at(flag.start).paragraph for flag in report.flags}  # type: ignore[union-attr]
    assert {1, 2} <= paragraphs


def test_seed_article_flags_slice_the_document(
    lt_engine: LanguageToolEngine, seed_document: Document
) -> None:
    report = lt_engine.check(seed_document, CheckOptions())
    assert report.status is EngineStatus.OK, report.reason
    assert report.flags
    _assert_exact(seed_document, report.flags)
    assert any(flag.rule == "UPPERCASE_SENTENCE_START" for flag in report.flags)


def test_cache_rechecks_only_the_edited_paragraph(lt_engine: LanguageToolEngine) -> None:
    document = Document.from_text(MULTI_PARAGRAPH)
    first = lt_engine.check(document, CheckOptions())
    cache = lt_engine.cache
    assert (cache.hits, cache.misses) == (0, 3)
    again = lt_engine.check(document, CheckOptions())
    assert (cache.hits, cache.misses) == (3, 3)
    assert again.flags == first.flags
    sentence = document.text.index("He go")
    edited = document.replace_span(Span(sentence, sentence + 5), "He goes")
    after = lt_engine.check(edited, CheckOptions())
    assert (cache.hits, cache.misses) == (5, 4)
    assert ("go", "HE_VERB_AGR") not in _texts(after.flags)
    assert ("the the", "ENGLISH_WORD_REPEAT_RULE") in _texts(after.flags)
    _assert_exact(edited, after.flags)
    # different options are a different cache entry
    lt_engine.check(document, CheckOptions(language="en-GB"))
    assert cache.misses == 7


def test_disabled_cache_always_asks_the_server(lt_server: ServerManager) -> None:
    engine = LanguageToolEngine(server=lt_server, cache=ParagraphCache(enabled=False))
    document = Document.from_text(MULTI_PARAGRAPH)
    engine.check(document, CheckOptions())
    engine.check(document, CheckOptions())
    assert len(engine.cache) == 0
    assert engine.cache.hits == 0
    engine.close()


def test_check_paragraph_returns_paragraph_offsets(lt_engine: LanguageToolEngine) -> None:
    flags = lt_engine.check_paragraph("😀 He go to the market.", CheckOptions())
    assert [(flag.start, flag.end, flag.text) for flag in flags] == [(5, 7, "go")]


def test_options_reach_languagetool(lt_engine: LanguageToolEngine) -> None:
    text = "Thiss is my favorite colour. We had more sales as last year.\n"
    document = Document.from_text(text)

    def rules(options: CheckOptions) -> set[str]:
        report = lt_engine.check(document, options)
        assert report.status is EngineStatus.OK, report.reason
        return {flag.rule for flag in report.flags}

    assert "MORFOLOGIK_RULE_EN_US" in rules(CheckOptions())
    assert "MORFOLOGIK_RULE_EN_GB" in rules(CheckOptions(language="en-GB"))
    # the source language is LanguageTool's mother tongue: German speakers' "as" for "than"
    assert "L2_THAN_AS" not in rules(CheckOptions())
    assert "L2_THAN_AS" in rules(CheckOptions(source_language="de"))
    assert "MORFOLOGIK_RULE_EN_US" not in rules(
        CheckOptions(disabled_rules=frozenset({"MORFOLOGIK_RULE_EN_US"}))
    )
    picky_document = Document.from_text("We use e.g. three methods.\n")
    normal = lt_engine.check(picky_document, CheckOptions())
    picky = lt_engine.check(picky_document, CheckOptions(picky=True))
    assert "EG_NO_COMMA" not in {flag.rule for flag in normal.flags}
    assert "EG_NO_COMMA" in {flag.rule for flag in picky.flags}
    # rules LanguageTool ships switched off, switched on by the review profile
    off_in_languagetool = Document.from_text(
        "The two colours blend together at dusk. We can't help but wonder why.\n"
    )
    normal_rules = {f.rule for f in lt_engine.check(off_in_languagetool, CheckOptions()).flags}
    picky_rules = {
        f.rule for f in lt_engine.check(off_in_languagetool, CheckOptions(picky=True)).flags
    }
    assert "BLEND_TOGETHER" in normal_rules
    assert "CANT_HELP_BUT" not in normal_rules
    assert {"BLEND_TOGETHER", "CANT_HELP_BUT"} <= picky_rules
    assert "MORFOLOGIK_RULE_EN_US" not in rules(
        CheckOptions(disabled_categories=frozenset({"TYPOS"}))
    )
    assert "MORFOLOGIK_RULE_EN_US" not in rules(
        CheckOptions(disabled_categories=frozenset({"Fluency/Spelling"}))
    )


def test_server_dying_mid_run_reports_unavailable_then_restarts(
    lt_server: ServerManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = LanguageToolEngine(server=lt_server, cache=ParagraphCache())
    document = Document.from_text(MULTI_PARAGRAPH)
    original_check = LanguageToolClient.check
    killed: list[int] = []

    def kill_then_check(self: LanguageToolClient, text: str, parameters: dict[str, str]):  # type: ignore[no-untyped-def]
        if not killed:
            pid = lt_server.pid
            assert pid is not None
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)
            deadline = time.monotonic() + 30
            while lt_server.is_alive():
                assert time.monotonic() < deadline, "the killed server was still alive after 30 s"
                time.sleep(0.01)
        return original_check(self, text, parameters)

    states: list[tuple[ServerState, str | None]] = []
    remove = lt_server.add_listener(lambda status: states.append((status.state, status.reason)))
    monkeypatch.setattr(LanguageToolClient, "check", kill_then_check)
    result = run_check(document, [ArtefactsEngine(), engine], CheckOptions())
    lt_report = next(r for r in result.engines if r.name == "languagetool")
    assert lt_report.status is EngineStatus.UNAVAILABLE
    assert "exited" in (lt_report.reason or "")
    assert "restarted" in (lt_report.reason or "")
    artefacts_report = next(r for r in result.engines if r.name == "artefacts")
    assert artefacts_report.status is EngineStatus.OK
    assert any(flag.engine == "artefacts" for flag in result.flags)
    assert lt_server.state is ServerState.FAILED
    failed = [reason for state, reason in states if state is ServerState.FAILED]
    assert failed and "exited" in (failed[0] or "")

    monkeypatch.setattr(LanguageToolClient, "check", original_check)
    report = engine.check(document, CheckOptions())  # restarts the server
    assert report.status is EngineStatus.OK, report.reason
    assert lt_server.state is ServerState.READY
    assert lt_server.pid not in killed
    assert [state for state, _ in states][-2:] == [ServerState.STARTING, ServerState.READY]
    remove()
    assert ("go", "HE_VERB_AGR") in _texts(report.flags)
    engine.close()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_unreachable_remote_url_is_a_clear_unavailable_report() -> None:
    url = f"http://127.0.0.1:{_closed_port()}"
    engine = LanguageToolEngine(url=url, cache=ParagraphCache())
    report = engine.check(Document.from_text("He go home.\n"), CheckOptions())
    assert report.status is EngineStatus.UNAVAILABLE
    assert report.reason is not None
    assert f"cannot reach LanguageTool at {url}" in report.reason
    with pytest.raises(LanguageToolUnavailableError, match="connection refused"):
        engine.check_paragraph("He go home.", CheckOptions())


def test_malformed_url_setting_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REVIEWER_LANGUAGETOOL_URL", "languagetool.example:8081")
    report = LanguageToolEngine(cache=ParagraphCache()).check(
        Document.from_text("He go home.\n"), CheckOptions()
    )
    assert report.status is EngineStatus.UNAVAILABLE
    assert "REVIEWER_LANGUAGETOOL_URL" in (report.reason or "")
    assert "not an http(s) URL" in (report.reason or "")


def test_url_setting_uses_that_server_instead_of_starting_one(
    lt_server: ServerManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert lt_server.url is not None
    monkeypatch.setenv("REVIEWER_LANGUAGETOOL_URL", lt_server.url + "/v2/")
    engine = LanguageToolEngine(cache=ParagraphCache())
    report = engine.check(Document.from_text("He go home.\n"), CheckOptions())
    assert report.status is EngineStatus.OK, report.reason
    assert _texts(report.flags) == [("go", "HE_VERB_AGR")]


def test_batched_paragraphs_flag_like_paragraphs_checked_alone(
    lt_server: ServerManager, seed_document: Document
) -> None:
    batched = LanguageToolEngine(server=lt_server, cache=ParagraphCache(enabled=False))
    alone = LanguageToolEngine(server=lt_server, cache=ParagraphCache(enabled=False))
    report = batched.check(seed_document, CheckOptions())
    assert report.status is EngineStatus.OK, report.reason
    one_by_one = [
        flag.shifted(paragraph.start)
        for paragraph in seed_document.paragraphs
        for flag in alone.check_paragraph(paragraph.text, CheckOptions())
    ]
    assert [(f.start, f.end, f.rule) for f in report.flags] == [
        (f.start, f.end, f.rule) for f in one_by_one
    ]
    batched.close()
    alone.close()


def test_batches_keep_paragraph_order_and_split_by_size() -> None:
    texts = ["a" * 300] * 10
    batches = _batches(texts, workers=2)
    assert [i for batch in batches for i in batch] == list(range(10))
    assert len(batches) > 1
    assert _batches([], workers=3) == []
    assert _batches(["short"], workers=3) == [[0]]


def test_empty_document_is_checked_without_starting_a_server() -> None:
    never_started = ServerManager(installation=None)
    engine = LanguageToolEngine(server=never_started, cache=ParagraphCache())
    report = engine.check(Document.from_text("\n  \n"), CheckOptions())
    assert report.status is EngineStatus.OK
    assert report.flags == []
    assert never_started.state is ServerState.STOPPED
