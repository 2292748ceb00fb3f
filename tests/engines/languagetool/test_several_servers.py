"""Several LanguageTool URLs (comma-separated REVIEWER_LANGUAGETOOL_URL): paragraphs spread
over the servers, and when one is killed its requests go to the other."""

from __future__ import annotations

import os
import signal
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.core.document import Document
from reviewer.core.engine import CheckOptions, EngineStatus
from reviewer.core.errors import ConfigurationError
from reviewer.engines.languagetool import client as client_module
from reviewer.engines.languagetool.cache import ParagraphCache
from reviewer.engines.languagetool.client import CheckResponse, LanguageToolClient
from reviewer.engines.languagetool.engine import LanguageToolEngine
from reviewer.engines.languagetool.install import Installation
from reviewer.engines.languagetool.server import ServerManager, ServerState
from reviewer.engines.languagetool.settings import configured_url, normalise_url


def test_several_urls_are_normalised_each() -> None:
    assert normalise_url(" http://a:1/v2/ , http://b:2/v2/check,http://a:1") == (
        "http://a:1,http://b:2"
    )
    with pytest.raises(ConfigurationError):
        normalise_url("http://a:1,ftp://b")


@pytest.fixture
def second_server(lt_installation: Installation) -> Iterator[ServerManager]:
    """A second real server, started the way the session's fixture starts its own."""
    manager = ServerManager(lt_installation)
    status = manager.ensure_ready()
    assert status.state is ServerState.READY, status.reason
    yield manager
    manager.stop()


@pytest.mark.languagetool
def test_paragraphs_spread_over_two_servers_and_fail_over_when_one_is_killed(
    lt_server: ServerManager,
    second_server: ServerManager,
    monkeypatch: pytest.MonkeyPatch,
    seed_path: Path,
) -> None:
    first, second = lt_server.ensure_ready().url, second_server.url
    assert first is not None and second is not None
    monkeypatch.setenv("REVIEWER_LANGUAGETOOL_URL", f"{first},{second}")
    assert configured_url() == f"{first},{second}"
    requests: Counter[str] = Counter()
    original = LanguageToolClient.check

    def counting(self: LanguageToolClient, text: str, parameters: dict[str, str]) -> CheckResponse:
        requests[self.base_url] += 1
        return original(self, text, parameters)

    monkeypatch.setattr(LanguageToolClient, "check", counting)
    document = Document.from_file(seed_path)
    options = CheckOptions(language="en-US")
    single = LanguageToolEngine(url=first, cache=ParagraphCache(enabled=False))
    try:
        expected = single.check(document, options)
    finally:
        single.close()
    assert expected.status is EngineStatus.OK and expected.flags
    requests.clear()

    engine = LanguageToolEngine(cache=ParagraphCache(enabled=False))
    try:
        report = engine.check(document, options)
        assert report.status is EngineStatus.OK, report.reason
        assert report.flags == expected.flags
        assert requests[first] >= 1 and requests[second] >= 1, requests

        pid = second_server.pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        second_server.notice_failure()
        requests.clear()
        report = engine.check(document, options)
        assert report.status is EngineStatus.OK, report.reason
        assert report.flags == expected.flags, "every paragraph checked by the survivor"
        assert requests[first] >= 1
        assert second in client_module._down_until and first not in client_module._down_until
        requests.clear()
        report = engine.check(document, options)
        assert report.status is EngineStatus.OK, report.reason
        assert requests[second] == 0, "a server marked down is not tried while another is up"
        assert requests[first] >= 1
    finally:
        engine.close()
        client_module._down_until.clear()
